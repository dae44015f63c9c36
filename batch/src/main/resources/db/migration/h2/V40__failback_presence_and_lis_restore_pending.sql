-- The presence an affected user had set when their home pool's failback began, kept from their first change during
-- it until their own failback is done: users of other pools see it instead of the changes (seed 000).
ALTER TABLE registrar_user ADD COLUMN presence_before_failback VARCHAR(16);

-- A failover whose LIS backup was missing or unusable completes all the same and leaves the restore to be done.
ALTER TABLE fe_pool ADD COLUMN lis_restore_pending BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE fe_pool ADD COLUMN lis_restore_pending_reason VARCHAR(512);
