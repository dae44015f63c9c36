-- Recording a per-user transition must cost next to nothing. Profiled on H2 2.2.224: each secondary index on
-- user_transition made a failback's per-user write about twice as dear (a failback writes two audit rows per user),
-- while the audit is read rarely, per pool. So the row carries its pool and the audit query scans the table.
ALTER TABLE user_transition ADD COLUMN pool_id INT;
UPDATE user_transition t SET pool_id = (SELECT u.home_pool_id FROM registrar_user u WHERE u.id = t.user_id);
DELETE FROM user_transition WHERE pool_id IS NULL;
ALTER TABLE user_transition ALTER COLUMN pool_id SET NOT NULL;
DROP INDEX ix_transition_user;
DROP INDEX ix_transition_job;
-- H2 persists an identity's next value in a transaction of its own, with WRITE_DELAY=0 a full store, each time its
-- cache runs out (32 values by default): one store per 32 audit rows showed as 12 % of a failback's time. Gaps
-- after a crash are harmless here.
ALTER TABLE user_transition ALTER COLUMN id SET CACHE 10000;
ALTER TABLE job_log ALTER COLUMN id SET CACHE 1000;
