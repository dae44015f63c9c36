-- A site recovery plan (POST /api/sites/{site}/outage|failover|failback): one run over every Front End pool of the
-- site, each pool's own job, recorded so the site view and the run history show them as one run with a row per pool.
CREATE TABLE site_plan (
    id         BIGINT      IDENTITY PRIMARY KEY,
    site_name  NVARCHAR(64) NOT NULL,
    kind       NVARCHAR(16) NOT NULL,
    started_by NVARCHAR(64) NOT NULL,
    started_at DATETIMEOFFSET NOT NULL
);
CREATE INDEX ix_site_plan_site ON site_plan (site_name, id);

-- One row per pool of the plan: the execution it started, or why it was refused (code and message of the API error).
CREATE TABLE site_plan_pool (
    plan_id          BIGINT       NOT NULL REFERENCES site_plan (id),
    pool_name        NVARCHAR(64)  NOT NULL,
    job_execution_id BIGINT,
    refused_code     NVARCHAR(32),
    refused_message  NVARCHAR(500),
    PRIMARY KEY (plan_id, pool_name)
);
