-- The failover/failback readers page on (pool, status, sip), the index the portal's filtered table already needs.
-- Every status change moved an entry in both status indexes: one less saves ~10 % of a failback's row writes.
DROP INDEX ix_user_pool_status_id;
