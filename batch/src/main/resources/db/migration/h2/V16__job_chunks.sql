-- Every chunk a user step wrote: its items, added in the chunk's own transaction. The sum is a step's exact count
-- after a rolled-back chunk or a crash, read the same from every node (JBeret counts a partitioned step only when it
-- ends); the times draw the job's throughput, also for jobs that ran on another node or before a restart.
CREATE TABLE job_chunk (
    id               BIGINT      AUTO_INCREMENT PRIMARY KEY,
    job_execution_id BIGINT      NOT NULL,
    step_name        VARCHAR(64) NOT NULL,
    items            INT         NOT NULL,
    at               TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_job_chunk_execution ON job_chunk (job_execution_id, at);
-- Identity values are stored in a transaction of their own each time the cache runs out (see V11).
ALTER TABLE job_chunk ALTER COLUMN id SET CACHE 1000;

-- V15 kept one running total per partition, updated by each chunk; a row per chunk is as cheap (an insert instead of
-- an update), needs no partition key from the job, and keeps the times for the throughput chart. Its totals carry over.
INSERT INTO job_chunk (job_execution_id, step_name, items, at)
    SELECT job_execution_id, step_name, CAST(items_done AS INT), updated_at FROM job_step_progress;
DROP TABLE job_step_progress;
