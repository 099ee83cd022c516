-- A cancel asked on any node (README, Cluster): DELETE /api/jobs/{id} writes it here, and the node that runs the job
-- reads it and stops the job at its next check. A job whose cancel was asked is not started again by a take-over.
ALTER TABLE job ADD COLUMN cancel_requested_at timestamptz;
