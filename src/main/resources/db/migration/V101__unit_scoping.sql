-- Issue 14, scoping of the rest: campaigns, zone sets and jobs carry the unit they belong to (执法机构). A campaign's and
-- a zone set's unit is the creating user's (a city planner may name a unit below); a job's is its submitter's. Existing
-- rows take the unit of the user who made them, else (zone sets) the unit of their district code, else (campaigns) the
-- unit shared by their teams; rows left without a unit are seen by the city-wide scope only.
ALTER TABLE campaign ADD COLUMN unit_id bigint REFERENCES unit(id) ON DELETE SET NULL;
ALTER TABLE zone_set ADD COLUMN unit_id bigint REFERENCES unit(id) ON DELETE SET NULL;
ALTER TABLE job ADD COLUMN unit_id bigint REFERENCES unit(id) ON DELETE SET NULL;
CREATE INDEX campaign_unit_idx ON campaign (unit_id);
CREATE INDEX zone_set_unit_idx ON zone_set (unit_id);
CREATE INDEX team_unit_idx ON team (unit_id);
CREATE INDEX inspector_unit_idx ON inspector (unit_id);

UPDATE campaign c SET unit_id = coalesce(
    (SELECT u.unit_id FROM app_user u WHERE u.username = c.created_by),
    (SELECT min(t.unit_id) FROM campaign_team ct JOIN team t ON t.id = ct.team_id WHERE ct.campaign_id = c.id
      HAVING count(DISTINCT t.unit_id) = 1));
UPDATE zone_set z SET unit_id = coalesce(
    (SELECT u.id FROM unit u WHERE u.adcode = z.district_code),
    (SELECT u.unit_id FROM app_user u WHERE u.username = z.author));
UPDATE job j SET unit_id = (SELECT u.unit_id FROM app_user u WHERE u.username = j.owner);

-- Zoning's published view names the unit of each zone's set, so that other capabilities scope zones by unit.
CREATE OR REPLACE VIEW active_zone AS
SELECT z.id, z.name, s.district_code, z.team_id, z.zone_set_id, z.geom, s.unit_id
FROM zone z JOIN zone_set s ON s.id = z.zone_set_id
WHERE s.active;
