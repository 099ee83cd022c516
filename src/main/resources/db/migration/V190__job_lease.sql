-- Jobs another node takes over when theirs dies (README, Cluster): which JobService.Resumer starts the job again, with
-- what arguments and input (an import's uploaded file), how many times it was started, and by which node before.
ALTER TABLE job ADD COLUMN resumer      varchar(60);
ALTER TABLE job ADD COLUMN resume_args  jsonb;
ALTER TABLE job ADD COLUMN resume_input bytea;
ALTER TABLE job ADD COLUMN attempts     int NOT NULL DEFAULT 1;
ALTER TABLE job ADD COLUMN taken_over_from varchar(200);
CREATE INDEX job_lease_idx ON job (heartbeat_at) WHERE state IN ('QUEUED', 'RUNNING');
