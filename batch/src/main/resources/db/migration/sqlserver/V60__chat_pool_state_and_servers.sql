-- Issue #15: the Persistent Chat pool's state machine, its chat servers (with their sites) and which are active,
-- the instance whose mgc/mgccomp serve the pool now, the failover's recovery point, the topology it saw, and the
-- pool's job lock (one pchat job at a time; the row is the lock, so it holds across restarts).
ALTER TABLE chat_pool ADD active_instance_id INT;
UPDATE chat_pool SET active_instance_id = primary_instance_id;
ALTER TABLE chat_pool ALTER COLUMN active_instance_id INT NOT NULL;
ALTER TABLE chat_pool ADD CONSTRAINT fk_chat_pool_active FOREIGN KEY (active_instance_id) REFERENCES sql_instance (id);
ALTER TABLE chat_pool ADD CONSTRAINT ck_chat_pool_state
    CHECK (state IN ('NORMAL', 'DOWN', 'FAILING_OVER', 'FAILED_OVER', 'FAILING_BACK'));
ALTER TABLE chat_pool ADD primary_rebuilt BIT NOT NULL DEFAULT 0;
ALTER TABLE chat_pool ADD recovery_file NVARCHAR(128);
ALTER TABLE chat_pool ADD recovery_taken_at DATETIMEOFFSET;
-- What the failover saw of the SQL side (instances of both sites): a failback refuses when it changed.
ALTER TABLE chat_pool ADD failover_topology NVARCHAR(2000);
ALTER TABLE chat_pool ADD lock_job_name NVARCHAR(64);
ALTER TABLE chat_pool ADD lock_execution_id BIGINT;
ALTER TABLE chat_pool ADD locked_at DATETIMEOFFSET;

-- A Persistent Chat server of a pool, in a site; active ones serve the pool (Set-CsPersistentChatActiveServer).
CREATE TABLE chat_server (
    id           INT         NOT NULL PRIMARY KEY,
    chat_pool_id INT         NOT NULL,
    name         NVARCHAR(64) NOT NULL,
    site_id      INT         NOT NULL,
    active       BIT     NOT NULL,
    CONSTRAINT uk_chat_server UNIQUE (chat_pool_id, name),
    CONSTRAINT fk_chat_server_pool FOREIGN KEY (chat_pool_id) REFERENCES chat_pool (id),
    CONSTRAINT fk_chat_server_site FOREIGN KEY (site_id) REFERENCES site (id)
);

-- Which pool a chat room lives in (its messages are in that pool's active mgc, never here).
CREATE TABLE chat_room (
    name         NVARCHAR(64) NOT NULL PRIMARY KEY,
    chat_pool_id INT         NOT NULL,
    created_at   DATETIMEOFFSET NOT NULL,
    CONSTRAINT fk_chat_room_pool FOREIGN KEY (chat_pool_id) REFERENCES chat_pool (id)
);

-- The full backups a failback took of the backup's mgc/mgccomp (step 3), per job instance, so a restarted
-- execution reuses a backup that still matches its checksum and takes a fresh one otherwise.
CREATE TABLE chat_failback_backup (
    id              BIGINT       IDENTITY PRIMARY KEY,
    chat_pool_id    INT          NOT NULL,
    job_instance_id BIGINT       NOT NULL,
    database_name   NVARCHAR(64)  NOT NULL,
    file_path       NVARCHAR(1000) NOT NULL,
    file_name       NVARCHAR(128) NOT NULL,
    bytes           BIGINT       NOT NULL,
    sha256          NVARCHAR(64)  NOT NULL,
    row_counts      NVARCHAR(1000) NOT NULL,
    taken_at        DATETIMEOFFSET NOT NULL,
    discarded_at    DATETIMEOFFSET,
    CONSTRAINT fk_chat_failback_backup_pool FOREIGN KEY (chat_pool_id) REFERENCES chat_pool (id)
);

-- Failover removes the secondary's log-shipping configuration (Lync's runbook); the failback's reprotect puts it back.
ALTER TABLE log_shipping ADD removed_at DATETIMEOFFSET;
