-- The pool page counts signed-in homed users; without this index the count scans the pool's users.
CREATE INDEX ix_user_pool_signed_in ON registrar_user (home_pool_id, signed_in);
