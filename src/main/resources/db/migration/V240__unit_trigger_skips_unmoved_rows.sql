-- A venue's (school's) unit is looked up again only when its position, campus or district code changes, not on every
-- UPDATE that names those columns (Hibernate and the set-based register import write every column): the same unit,
-- without a spatial look-up per unchanged row. A change of the units themselves recomputes every venue and school
-- explicitly (registry.UnitService), not through these triggers.
CREATE OR REPLACE FUNCTION venue_place_unit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.geom IS NOT DISTINCT FROM OLD.geom
            AND NEW.district_code IS NOT DISTINCT FROM OLD.district_code THEN
        RETURN NEW;
    END IF;
    NEW.unit_id := unit_at(NEW.geom, NEW.district_code);
    RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION school_place_unit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.geom IS NOT DISTINCT FROM OLD.geom AND NEW.campus IS NOT DISTINCT FROM OLD.campus
            AND NEW.district_code IS NOT DISTINCT FROM OLD.district_code THEN
        RETURN NEW;
    END IF;
    NEW.unit_id := unit_at(coalesce(NEW.geom, ST_PointOnSurface(NEW.campus)), NEW.district_code);
    RETURN NEW;
END $$;
