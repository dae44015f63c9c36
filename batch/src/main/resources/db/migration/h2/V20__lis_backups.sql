-- Backups of each Front End pool's LIS database (the files live under the data directory's backups/lis/<pool>).
CREATE TABLE lis_backup (
    id               BIGINT       AUTO_INCREMENT PRIMARY KEY,
    pool_id          INT          NOT NULL,
    file_name        VARCHAR(128) NOT NULL,
    taken_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    bytes            BIGINT       NOT NULL,
    checksum         VARCHAR(64)  NOT NULL,
    row_counts       VARCHAR(2000),
    verified         BOOLEAN      NOT NULL DEFAULT FALSE,
    verified_at      TIMESTAMP WITH TIME ZONE,
    verification     VARCHAR(2000),
    job_instance_id  BIGINT,
    job_execution_id BIGINT,
    CONSTRAINT uk_lis_backup_file UNIQUE (pool_id, file_name),
    CONSTRAINT fk_lis_backup_pool FOREIGN KEY (pool_id) REFERENCES fe_pool (id)
);
CREATE INDEX ix_lis_backup_pool_taken ON lis_backup (pool_id, taken_at);
CREATE INDEX ix_lis_backup_job_instance ON lis_backup (job_instance_id);

-- One schedule per pool; next_run_at is the table that drives the scheduler, so it survives restarts.
CREATE TABLE lis_backup_schedule (
    pool_id               INT NOT NULL PRIMARY KEY,
    every_minutes         INT NOT NULL,
    keep_count            INT NOT NULL,
    next_run_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    last_job_execution_id BIGINT,
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT fk_lis_schedule_pool FOREIGN KEY (pool_id) REFERENCES fe_pool (id),
    CONSTRAINT ck_lis_schedule_every CHECK (every_minutes BETWEEN 1 AND 10080),
    CONSTRAINT ck_lis_schedule_keep CHECK (keep_count BETWEEN 1 AND 1000)
);
