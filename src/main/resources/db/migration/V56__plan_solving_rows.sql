-- Best-so-far plans in the database: while a solve runs, its best plan is written to a plan row with status 'solving'
-- (replaced in place, throttled), which becomes 'solved' or 'stopped' when the solve ends. 'solving' rows are never
-- the plan of a date (readers take the newest 'solved'/'stopped' row). solver_node and heartbeat_at let a starting node
-- tell its own orphans (left by a crash) and other nodes' stale rows from solves still running elsewhere.
ALTER TABLE plan ADD COLUMN solver_node  varchar(100);
ALTER TABLE plan ADD COLUMN heartbeat_at timestamptz;
ALTER TABLE plan ADD COLUMN updated_at   timestamptz NOT NULL DEFAULT now();
CREATE INDEX plan_solving_idx ON plan (campaign_id) WHERE status = 'solving';
CREATE INDEX plan_job_idx ON plan (job_id);
