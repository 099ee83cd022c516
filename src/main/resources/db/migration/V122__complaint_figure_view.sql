-- The complaint capability publishes its figures for the period report (issue 16, point 8): one row per complaint with
-- its unit, receipt, state and closing, and nothing personal (no reporter, no content). casework's statistics read it.
CREATE VIEW complaint_figure AS
SELECT c.id, c.unit_id, c.received_at, c.state, c.closed_at, c.closed_on_time
FROM complaint c;
