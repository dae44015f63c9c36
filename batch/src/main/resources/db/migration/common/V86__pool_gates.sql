-- Striped gates of a Front End pool (issue 19 item 4): a client request locks the one gate of its user's stripe, a
-- change of the pool's state locks all of them. H2 has no shared row lock, so the home pool row itself, locked by every
-- request, made the requests of one pool run one at a time; on gates they run side by side, and a state change still
-- waits for every request in flight and holds every later one until it commits. id = pool id * 16 + stripe.
CREATE TABLE pool_gate (
    id      BIGINT NOT NULL,
    pool_id INT    NOT NULL,
    CONSTRAINT pk_pool_gate PRIMARY KEY (id),
    CONSTRAINT fk_pool_gate_pool FOREIGN KEY (pool_id) REFERENCES fe_pool (id)
);
CREATE INDEX ix_pool_gate_pool ON pool_gate (pool_id, id);

INSERT INTO pool_gate (id, pool_id)
SELECT p.id * 16 + s.stripe, p.id
FROM fe_pool p
CROSS JOIN (VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9), (10), (11), (12), (13), (14), (15)) AS s (stripe);
