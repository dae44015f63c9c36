-- The token a job carries in its parameters for the pool locks taken for it: its listener releases them by token, so
-- a job that ends before its start recorded the execution id on the locks still gives them back, and a restart
-- (same parameters) carries the same token.
ALTER TABLE pool_job_lock ADD lock_token VARCHAR(36);
