-- SQL instances of the topology: a named instance in a site on an engine. H2 instances are sets of file databases
-- under <data>/instances/<name>; a SQL Server instance is a JDBC URL whose credentials are looked up by
-- credentials_key in the environment or the credentials file (never stored here).
CREATE TABLE sql_instance (
    id              INT          NOT NULL PRIMARY KEY,
    name            VARCHAR(63)  NOT NULL,
    site_id         INT          NOT NULL,
    engine          VARCHAR(16)  NOT NULL,
    jdbc_url        VARCHAR(1000),
    credentials_key VARCHAR(32),
    -- The secondary's local folder backups are copied to before they are restored (relative to the data directory
    -- for H2, a path on the server for SQL Server).
    copy_folder     VARCHAR(500) NOT NULL,
    CONSTRAINT uk_sql_instance_name UNIQUE (name),
    CONSTRAINT fk_sql_instance_site FOREIGN KEY (site_id) REFERENCES site (id),
    CONSTRAINT ck_sql_instance_engine CHECK (engine IN ('H2', 'SQL_SERVER')),
    CONSTRAINT ck_sql_instance_url CHECK (engine = 'H2' OR jdbc_url IS NOT NULL)
);

-- A database the product manages on an instance: Persistent Chat's mgc/mgccomp, a Front End pool's LIS database.
CREATE TABLE managed_database (
    id           INT         NOT NULL PRIMARY KEY,
    instance_id  INT         NOT NULL,
    name         VARCHAR(64) NOT NULL,
    purpose      VARCHAR(16) NOT NULL,
    fe_pool_id   INT,
    chat_pool_id INT,
    CONSTRAINT uk_managed_database UNIQUE (instance_id, name),
    CONSTRAINT fk_managed_database_instance FOREIGN KEY (instance_id) REFERENCES sql_instance (id),
    CONSTRAINT fk_managed_database_pool FOREIGN KEY (fe_pool_id) REFERENCES fe_pool (id),
    CONSTRAINT ck_managed_database_purpose CHECK (purpose IN ('CHAT', 'COMPLIANCE', 'LIS'))
);

CREATE SEQUENCE sql_topology_seq START WITH 1 INCREMENT BY 1;

-- Ola Hallengren's CommandLog: every administration command issued to a managed database, inserted before it runs
-- and completed after, in its own transaction (end_time stays null when the server died running it).
CREATE TABLE sql_command_log (
    id               BIGINT        AUTO_INCREMENT PRIMARY KEY,
    instance_name    VARCHAR(63)   NOT NULL,
    database_name    VARCHAR(64),
    command_type     VARCHAR(60)   NOT NULL,
    command          VARCHAR(4000) NOT NULL,
    start_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    end_time         TIMESTAMP WITH TIME ZONE,
    error_number     INT,
    error_message    VARCHAR(4000),
    job_execution_id BIGINT
);
-- Newest first per job, instance or database: the API's three filters.
CREATE INDEX ix_sql_command_job ON sql_command_log (job_execution_id, id);
CREATE INDEX ix_sql_command_instance ON sql_command_log (instance_name, id);
CREATE INDEX ix_sql_command_database ON sql_command_log (database_name, id);
