-- How many items a partitioned step of an execution set out to do, counted when it started: JBeret knows a step's
-- count only when it ends, so without this a running step could show its writes but no percent.
CREATE TABLE job_step_total (
    job_execution_id BIGINT      NOT NULL,
    step_name        VARCHAR(64) NOT NULL,
    items_total      BIGINT      NOT NULL,
    CONSTRAINT pk_job_step_total PRIMARY KEY (job_execution_id, step_name)
);
