-- Items each partition of a step has written, added in the chunk's own transaction: exact after a rolled-back chunk or
-- a crash, and readable from every node (JBeret gives a partitioned step its counts only when the step ends).
CREATE TABLE job_step_progress (
    job_execution_id BIGINT       NOT NULL,
    step_name        VARCHAR(64)  NOT NULL,
    partition_key    VARCHAR(254) NOT NULL,
    items_done       BIGINT       NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_job_step_progress PRIMARY KEY (job_execution_id, step_name, partition_key)
);
