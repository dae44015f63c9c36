-- Recording a per-user transition must cost next to nothing. Profiled on H2 2.2.224: each secondary index on
-- user_transition made a failback's per-user write about twice as dear (a failback writes two audit rows per user),
-- while the audit is read rarely, per pool. So the row carries its pool and the audit query scans the table.
ALTER TABLE user_transition ADD pool_id INT;
UPDATE user_transition
    SET pool_id = (SELECT u.home_pool_id FROM registrar_user u WHERE u.id = user_transition.user_id);
DELETE FROM user_transition WHERE pool_id IS NULL;
ALTER TABLE user_transition ALTER COLUMN pool_id INT NOT NULL;
DROP INDEX ix_transition_user ON user_transition;
DROP INDEX ix_transition_job ON user_transition;
-- H2's identity cache (SET CACHE in the H2 script) has no per-column T-SQL form: SQL Server caches identity values
-- itself (the database-scoped IDENTITY_CACHE setting, on by default).
