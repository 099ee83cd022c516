-- The set-based venue import (registry.VenueBulk) places its rows in their district and unit itself, set-based (each
-- unit's area tested once against the staged positions it covers, the smallest covering area winning, as unit_at does),
-- and writes unit_id with the rows. For its one INSERT … ON CONFLICT it sets pp.units_placed = 'on' (transaction-local,
-- reset right after), and the trigger's WHEN clause skips the per-row plpgsql call and its spatial look-up. A statement-level
-- AFTER trigger over a transition table was the other way, but it would write every row a second time (unit_id is
-- indexed, so no HOT update: every index of venue twice). Every other write (Hibernate, tools' plain SQL, the plain
-- COPY baseline of the import bench) is placed by the trigger exactly as before.
DROP TRIGGER venue_unit ON venue;
CREATE TRIGGER venue_unit BEFORE INSERT OR UPDATE OF geom, district_code ON venue
    FOR EACH ROW WHEN (current_setting('pp.units_placed', true) IS DISTINCT FROM 'on')
    EXECUTE FUNCTION venue_place_unit();
