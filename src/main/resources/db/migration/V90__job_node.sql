-- Which node runs a job, and when it last said so: a job whose node restarted, or stopped answering, is shown FAILED
-- ("interrupted") instead of RUNNING for ever.
ALTER TABLE job ADD COLUMN node varchar(200);
ALTER TABLE job ADD COLUMN heartbeat_at timestamptz;
CREATE INDEX job_open_idx ON job (node) WHERE state IN ('QUEUED', 'RUNNING');
