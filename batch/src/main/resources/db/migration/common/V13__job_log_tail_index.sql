-- The portal polls a job's log tail every second (ORDER BY job_execution_id DESC, id DESC): H2 2.2 does not walk an
-- ascending index backwards, so without this index each poll read and sorted the execution's whole log.
CREATE INDEX ix_job_log_tail ON job_log (job_execution_id DESC, id DESC);
