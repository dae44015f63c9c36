-- The Persistent Chat pool, as far as log shipping needs it: its primary and backup instances (its databases are
-- managed_database rows with chat_pool_id). Issue #15 adds its state machine and active servers.
CREATE TABLE chat_pool (
    id                  INT         NOT NULL PRIMARY KEY,
    name                NVARCHAR(64) NOT NULL,
    primary_instance_id INT         NOT NULL,
    backup_instance_id  INT         NOT NULL,
    state               NVARCHAR(16) NOT NULL DEFAULT 'NORMAL',
    CONSTRAINT uk_chat_pool_name UNIQUE (name),
    CONSTRAINT fk_chat_pool_primary FOREIGN KEY (primary_instance_id) REFERENCES sql_instance (id),
    CONSTRAINT fk_chat_pool_backup FOREIGN KEY (backup_instance_id) REFERENCES sql_instance (id)
);
ALTER TABLE managed_database ADD CONSTRAINT fk_managed_database_chat FOREIGN KEY (chat_pool_id) REFERENCES chat_pool (id);

-- Log shipping of one database from a primary to a secondary instance, with its schedule and monitor.
CREATE TABLE log_shipping (
    id                        INT          NOT NULL PRIMARY KEY,
    primary_database_id       INT          NOT NULL,
    secondary_database_id     INT          NOT NULL,
    share_path                NVARCHAR(500) NOT NULL,
    method                    NVARCHAR(16)  NOT NULL,
    -- PRODUCT: the log-shipping job runs the chain; AGENT: SQL Server Agent's jobs, configured through msdb.
    managed_by                NVARCHAR(8)   NOT NULL DEFAULT 'PRODUCT',
    every_minutes             INT          NOT NULL,
    backup_threshold_minutes  INT          NOT NULL,
    restore_threshold_minutes INT          NOT NULL,
    next_run_at               DATETIMEOFFSET NOT NULL,
    configured_at             DATETIMEOFFSET NOT NULL,
    last_job_execution_id     BIGINT,
    CONSTRAINT uk_log_shipping UNIQUE (primary_database_id, secondary_database_id),
    CONSTRAINT fk_log_shipping_primary FOREIGN KEY (primary_database_id) REFERENCES managed_database (id),
    CONSTRAINT fk_log_shipping_secondary FOREIGN KEY (secondary_database_id) REFERENCES managed_database (id),
    CONSTRAINT ck_log_shipping_method CHECK (method IN ('LOG_BACKUPS', 'FULL_BACKUPS')),
    CONSTRAINT ck_log_shipping_managed_by CHECK (managed_by IN ('PRODUCT', 'AGENT')),
    CONSTRAINT ck_log_shipping_every CHECK (every_minutes BETWEEN 1 AND 10080),
    CONSTRAINT ck_log_shipping_backup CHECK (backup_threshold_minutes BETWEEN 1 AND 10080),
    CONSTRAINT ck_log_shipping_restore CHECK (restore_threshold_minutes BETWEEN 1 AND 10080)
);

-- Every shipped file, in order (seq): backed up, copied, restored. A restarted round resumes at the first step not
-- done, so no file is applied twice and none is skipped.
CREATE TABLE log_shipping_file (
    id               BIGINT       IDENTITY PRIMARY KEY,
    log_shipping_id  INT          NOT NULL,
    seq              BIGINT       NOT NULL,
    file_name        NVARCHAR(128) NOT NULL,
    bytes            BIGINT,
    sha256           NVARCHAR(64),
    backed_up_at     DATETIMEOFFSET NOT NULL,
    copied_at        DATETIMEOFFSET,
    restored_at      DATETIMEOFFSET,
    job_instance_id  BIGINT,
    job_execution_id BIGINT,
    CONSTRAINT uk_log_shipping_file_seq UNIQUE (log_shipping_id, seq),
    CONSTRAINT uk_log_shipping_file_name UNIQUE (log_shipping_id, file_name),
    CONSTRAINT fk_log_shipping_file FOREIGN KEY (log_shipping_id) REFERENCES log_shipping (id)
);
