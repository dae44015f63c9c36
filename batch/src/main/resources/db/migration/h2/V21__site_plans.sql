-- A site recovery plan (POST /api/sites/{site}/outage|failover|failback): one run over every Front End pool of the
-- site, each pool's own job, recorded so the site view and the run history show them as one run with a row per pool.
CREATE TABLE site_plan (
    id         BIGINT      AUTO_INCREMENT PRIMARY KEY,
    site_name  VARCHAR(64) NOT NULL,
    kind       VARCHAR(16) NOT NULL,
    started_by VARCHAR(64) NOT NULL,
    started_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_site_plan_site ON site_plan (site_name, id);

-- One row per pool of the plan: the execution it started, or why it was refused (code and message of the API error).
CREATE TABLE site_plan_pool (
    plan_id          BIGINT       NOT NULL REFERENCES site_plan (id),
    pool_name        VARCHAR(64)  NOT NULL,
    job_execution_id BIGINT,
    refused_code     VARCHAR(32),
    refused_message  VARCHAR(500),
    PRIMARY KEY (plan_id, pool_name)
);
