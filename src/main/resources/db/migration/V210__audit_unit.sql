-- Issue 14, unit administrators: every audit record names the unit (执法机构) it concerns: the unit of the record
-- written (a user's, a venue's, a team's …), else the acting user's. A unit's administrator reads the records of its
-- unit and the units below; records without a unit (the system administrator's acts, and every record written before
-- this migration) are the system administrator's only. No foreign key: the trail is append-only, and a unit deleted
-- later must not touch it. The unit is part of a record's hash when present (AuditService), so rows written before
-- this column existed verify unchanged.
ALTER TABLE audit_log ADD COLUMN unit_id bigint;
CREATE INDEX audit_log_unit_idx ON audit_log (unit_id, seq);
