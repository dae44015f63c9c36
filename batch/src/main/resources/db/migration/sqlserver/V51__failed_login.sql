-- The audit trail of failed logins the portal shows operators: account as typed, source address, channel, time.
CREATE TABLE failed_login (
    id        BIGINT IDENTITY PRIMARY KEY,
    account   NVARCHAR(80)  NOT NULL,
    source    NVARCHAR(64)  NOT NULL,
    channel   NVARCHAR(8)   NOT NULL,
    failed_at DATETIMEOFFSET NOT NULL
);
