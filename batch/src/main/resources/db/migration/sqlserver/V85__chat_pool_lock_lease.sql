-- The chat pool's job lock gets what the Front End pool locks have (pool_job_lock): the node that holds it and a lease
-- on the database's clock that the node renews. Before, a restart judged a lock held by a dead node by this JVM's
-- start time, which is right for one node only: a second node started after the lock would take over a live job.
ALTER TABLE chat_pool ADD lock_node NVARCHAR(64);
ALTER TABLE chat_pool ADD lock_lease_until DATETIMEOFFSET;
