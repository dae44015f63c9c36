-- Issue #15: the Persistent Chat pool's state machine, its chat servers (with their sites) and which are active,
-- the instance whose mgc/mgccomp serve the pool now, the failover's recovery point, the topology it saw, and the
-- pool's job lock (one pchat job at a time; the row is the lock, so it holds across restarts).
ALTER TABLE chat_pool ADD COLUMN active_instance_id INT;
UPDATE chat_pool SET active_instance_id = primary_instance_id;
ALTER TABLE chat_pool ALTER COLUMN active_instance_id SET NOT NULL;
ALTER TABLE chat_pool ADD CONSTRAINT fk_chat_pool_active FOREIGN KEY (active_instance_id) REFERENCES sql_instance (id);
ALTER TABLE chat_pool ADD CONSTRAINT ck_chat_pool_state
    CHECK (state IN ('NORMAL', 'DOWN', 'FAILING_OVER', 'FAILED_OVER', 'FAILING_BACK'));
ALTER TABLE chat_pool ADD COLUMN primary_rebuilt BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE chat_pool ADD COLUMN recovery_file VARCHAR(128);
ALTER TABLE chat_pool ADD COLUMN recovery_taken_at TIMESTAMP WITH TIME ZONE;
-- What the failover saw of the SQL side (instances of both sites): a failback refuses when it changed.
ALTER TABLE chat_pool ADD COLUMN failover_topology VARCHAR(2000);
ALTER TABLE chat_pool ADD COLUMN lock_job_name VARCHAR(64);
ALTER TABLE chat_pool ADD COLUMN lock_execution_id BIGINT;
ALTER TABLE chat_pool ADD COLUMN locked_at TIMESTAMP WITH TIME ZONE;

-- A Persistent Chat server of a pool, in a site; active ones serve the pool (Set-CsPersistentChatActiveServer).
CREATE TABLE chat_server (
    id           INT         NOT NULL PRIMARY KEY,
    chat_pool_id INT         NOT NULL,
    name         VARCHAR(64) NOT NULL,
    site_id      INT         NOT NULL,
    active       BOOLEAN     NOT NULL,
    CONSTRAINT uk_chat_server UNIQUE (chat_pool_id, name),
    CONSTRAINT fk_chat_server_pool FOREIGN KEY (chat_pool_id) REFERENCES chat_pool (id),
    CONSTRAINT fk_chat_server_site FOREIGN KEY (site_id) REFERENCES site (id)
);

-- Which pool a chat room lives in (its messages are in that pool's active mgc, never here).
CREATE TABLE chat_room (
    name         VARCHAR(64) NOT NULL PRIMARY KEY,
    chat_pool_id INT         NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT fk_chat_room_pool FOREIGN KEY (chat_pool_id) REFERENCES chat_pool (id)
);

-- The full backups a failback took of the backup's mgc/mgccomp (step 3), per job instance, so a restarted
-- execution reuses a backup that still matches its checksum and takes a fresh one otherwise.
CREATE TABLE chat_failback_backup (
    id              BIGINT       AUTO_INCREMENT PRIMARY KEY,
    chat_pool_id    INT          NOT NULL,
    job_instance_id BIGINT       NOT NULL,
    database_name   VARCHAR(64)  NOT NULL,
    file_path       VARCHAR(1000) NOT NULL,
    file_name       VARCHAR(128) NOT NULL,
    bytes           BIGINT       NOT NULL,
    sha256          VARCHAR(64)  NOT NULL,
    row_counts      VARCHAR(1000) NOT NULL,
    taken_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    discarded_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT fk_chat_failback_backup_pool FOREIGN KEY (chat_pool_id) REFERENCES chat_pool (id)
);

-- Failover removes the secondary's log-shipping configuration (Lync's runbook); the failback's reprotect puts it back.
ALTER TABLE log_shipping ADD COLUMN removed_at TIMESTAMP WITH TIME ZONE;
