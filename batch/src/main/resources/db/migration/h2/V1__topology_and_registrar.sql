-- Topology: sites (data centres), Front End pools paired with a backup pool.
CREATE TABLE site (
    id          INT          NOT NULL PRIMARY KEY,
    name        VARCHAR(64)  NOT NULL,
    CONSTRAINT uk_site_name UNIQUE (name)
);

-- A low-latency, high-bandwidth link between two sites (stored once per ordered pair a < b).
CREATE TABLE site_link (
    site_a      INT     NOT NULL,
    site_b      INT     NOT NULL,
    low_latency BOOLEAN NOT NULL,
    CONSTRAINT pk_site_link PRIMARY KEY (site_a, site_b),
    CONSTRAINT fk_site_link_a FOREIGN KEY (site_a) REFERENCES site (id),
    CONSTRAINT fk_site_link_b FOREIGN KEY (site_b) REFERENCES site (id)
);

CREATE TABLE fe_pool (
    id                       INT          NOT NULL PRIMARY KEY,
    name                     VARCHAR(64)  NOT NULL,
    site_id                  INT          NOT NULL,
    backup_pool_id           INT,
    state                    VARCHAR(16)  NOT NULL,
    repaired                 BOOLEAN      NOT NULL DEFAULT FALSE,
    resiliency_timer_seconds INT          NOT NULL DEFAULT 120,
    outage_at                TIMESTAMP WITH TIME ZONE,
    failover_completed_at    TIMESTAMP WITH TIME ZONE,
    failback_completed_at    TIMESTAMP WITH TIME ZONE,
    last_job_execution_id    BIGINT,
    version                  BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uk_fe_pool_name UNIQUE (name),
    CONSTRAINT fk_fe_pool_site FOREIGN KEY (site_id) REFERENCES site (id),
    CONSTRAINT fk_fe_pool_backup FOREIGN KEY (backup_pool_id) REFERENCES fe_pool (id)
);

CREATE SEQUENCE topology_seq START WITH 1 INCREMENT BY 50;

-- Registrar state of every user: home pool never changes; serving pool, mode and status do.
CREATE TABLE registrar_user (
    id              BIGINT        NOT NULL PRIMARY KEY,
    sip             VARCHAR(254)  NOT NULL,
    home_pool_id    INT           NOT NULL,
    client_version  VARCHAR(16)   NOT NULL,
    signed_in       BOOLEAN       NOT NULL DEFAULT FALSE,
    serving_pool_id INT,
    mode            VARCHAR(16),
    failback_status VARCHAR(16)   NOT NULL DEFAULT 'NOT_AFFECTED',
    presence_set    VARCHAR(16)   NOT NULL DEFAULT 'AVAILABLE',
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    error           VARCHAR(512),
    version         BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT uk_registrar_user_sip UNIQUE (sip),
    CONSTRAINT fk_registrar_user_home FOREIGN KEY (home_pool_id) REFERENCES fe_pool (id),
    CONSTRAINT fk_registrar_user_serving FOREIGN KEY (serving_pool_id) REFERENCES fe_pool (id)
);
-- Per-user table of a pool: sorted by SIP, optionally filtered by status (keyset paging, no scans).
CREATE INDEX ix_user_pool_sip ON registrar_user (home_pool_id, sip);
CREATE INDEX ix_user_pool_status_sip ON registrar_user (home_pool_id, failback_status, sip);
-- The failover/failback readers page by id within a pool and status.
CREATE INDEX ix_user_pool_status_id ON registrar_user (home_pool_id, failback_status, id);

CREATE SEQUENCE registrar_user_seq START WITH 1 INCREMENT BY 1000;

-- Every per-user status change a job made, so exactly-once is provable.
CREATE TABLE user_transition (
    id               BIGINT       AUTO_INCREMENT PRIMARY KEY,
    user_id          BIGINT       NOT NULL,
    job_execution_id BIGINT       NOT NULL,
    from_status      VARCHAR(16)  NOT NULL,
    to_status        VARCHAR(16)  NOT NULL,
    at               TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_transition_user ON user_transition (user_id);
CREATE INDEX ix_transition_job ON user_transition (job_execution_id);

CREATE TABLE contact (
    owner_id    BIGINT       NOT NULL,
    contact_sip VARCHAR(254) NOT NULL,
    CONSTRAINT pk_contact PRIMARY KEY (owner_id, contact_sip),
    CONSTRAINT fk_contact_owner FOREIGN KEY (owner_id) REFERENCES registrar_user (id)
);

CREATE TABLE conference (
    id             BIGINT        NOT NULL PRIMARY KEY,
    organizer_id   BIGINT        NOT NULL,
    kind           VARCHAR(16)   NOT NULL,
    subject        VARCHAR(200),
    state          VARCHAR(16)   NOT NULL,
    rejoin_allowed BOOLEAN       NOT NULL DEFAULT FALSE,
    terminated_at  TIMESTAMP WITH TIME ZONE,
    version        BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT fk_conference_organizer FOREIGN KEY (organizer_id) REFERENCES registrar_user (id)
);
CREATE INDEX ix_conference_organizer ON conference (organizer_id, state);

CREATE TABLE conference_participant (
    conference_id BIGINT NOT NULL,
    user_id       BIGINT NOT NULL,
    CONSTRAINT pk_conference_participant PRIMARY KEY (conference_id, user_id),
    CONSTRAINT fk_participant_conference FOREIGN KEY (conference_id) REFERENCES conference (id),
    CONSTRAINT fk_participant_user FOREIGN KEY (user_id) REFERENCES registrar_user (id)
);
CREATE INDEX ix_participant_user ON conference_participant (user_id);

CREATE TABLE p2p_session (
    id       BIGINT      NOT NULL PRIMARY KEY,
    party_a  BIGINT      NOT NULL,
    party_b  BIGINT      NOT NULL,
    state    VARCHAR(16) NOT NULL,
    version  BIGINT      NOT NULL DEFAULT 0,
    CONSTRAINT fk_p2p_a FOREIGN KEY (party_a) REFERENCES registrar_user (id),
    CONSTRAINT fk_p2p_b FOREIGN KEY (party_b) REFERENCES registrar_user (id)
);
CREATE INDEX ix_p2p_a ON p2p_session (party_a, state);
CREATE INDEX ix_p2p_b ON p2p_session (party_b, state);

CREATE SEQUENCE session_seq START WITH 1 INCREMENT BY 50;

-- One job at a time per pool (and its backup pool): the row is the lock; its lease proves the owner alive.
CREATE TABLE pool_job_lock (
    pool_id          INT          NOT NULL PRIMARY KEY,
    job_name         VARCHAR(64)  NOT NULL,
    job_execution_id BIGINT,
    node             VARCHAR(64)  NOT NULL,
    acquired_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    lease_until      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT fk_job_lock_pool FOREIGN KEY (pool_id) REFERENCES fe_pool (id)
);

-- The job's own log: runbook steps, skips and every database operation issued.
CREATE TABLE job_log (
    id               BIGINT        AUTO_INCREMENT PRIMARY KEY,
    job_execution_id BIGINT        NOT NULL,
    at               TIMESTAMP WITH TIME ZONE NOT NULL,
    step             VARCHAR(64),
    line             VARCHAR(2000) NOT NULL
);
CREATE INDEX ix_job_log_execution ON job_log (job_execution_id, id);

-- Who started which job, with which request: the run history for audits.
CREATE TABLE job_run (
    job_execution_id BIGINT       NOT NULL PRIMARY KEY,
    job_name         VARCHAR(64)  NOT NULL,
    pool_name        VARCHAR(64),
    started_by       VARCHAR(64)  NOT NULL,
    restart_of       BIGINT,
    items_total      BIGINT       NOT NULL DEFAULT 0,
    requested_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_job_run_pool ON job_run (pool_name, job_execution_id);

-- Portal and API accounts (see the Elytron jdbc-realm): SCRAM-SHA-256 digest, salt, iterations.
CREATE TABLE portal_account (
    username            VARCHAR(64)  NOT NULL PRIMARY KEY,
    role_name           VARCHAR(16)  NOT NULL,
    password_digest     VARCHAR(128) NOT NULL,
    password_salt       VARCHAR(64)  NOT NULL,
    password_iterations INT          NOT NULL
);
