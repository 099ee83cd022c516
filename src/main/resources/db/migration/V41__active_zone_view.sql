-- Zoning's published relation: the zones of each district's active zone set, for set-based joins by other
-- capabilities (campaign targets by zone, coverage per zone). Everything else of zoning is private.
CREATE VIEW active_zone AS
SELECT z.id, z.name, s.district_code, z.team_id, z.zone_set_id, z.geom
FROM zone z JOIN zone_set s ON s.id = z.zone_set_id
WHERE s.active;
