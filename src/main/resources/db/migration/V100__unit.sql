-- Units (执法机构): the city bureau and its district/county bureaus, and development zones (开发区) carved out of
-- districts. A unit's area is normally its district's outline; a zone has a polygon of its own. Every venue and school
-- belongs to the most specific unit whose area covers it (the smallest such area), kept in venue.unit_id /
-- school.unit_id by the triggers below inside the writing transaction, so scoped scans read one indexed column instead
-- of a spatial join. Users, teams and inspectors name their unit; app_user.unit_id is NULL only for the system
-- administrator (sees every unit).
CREATE TABLE unit (
    id          bigserial PRIMARY KEY,
    parent_id   bigint REFERENCES unit(id) ON DELETE RESTRICT,
    name        varchar(200) NOT NULL UNIQUE,
    adcode      varchar(12) UNIQUE,
    kind        varchar(10) NOT NULL CHECK (kind IN ('city', 'district', 'zone')),
    area        geometry(MultiPolygon, 4326) NOT NULL,
    version     integer NOT NULL DEFAULT 0,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE INDEX unit_area_gix ON unit USING gist (area);
CREATE INDEX unit_parent_idx ON unit (parent_id);

-- The most specific unit at a point (the smallest covering area); without a point, the unit of the district code.
CREATE FUNCTION unit_at(p geometry, district varchar) RETURNS bigint
    LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN p IS NULL THEN (SELECT u.id FROM unit u WHERE u.adcode = district)
                ELSE (SELECT u.id FROM unit u WHERE ST_Covers(u.area, p) ORDER BY ST_Area(u.area), u.id LIMIT 1) END
$$;

ALTER TABLE venue ADD COLUMN unit_id bigint REFERENCES unit(id) ON DELETE SET NULL;
ALTER TABLE school ADD COLUMN unit_id bigint REFERENCES unit(id) ON DELETE SET NULL;
ALTER TABLE team ADD COLUMN unit_id bigint REFERENCES unit(id) ON DELETE SET NULL;
ALTER TABLE inspector ADD COLUMN unit_id bigint REFERENCES unit(id) ON DELETE SET NULL;
ALTER TABLE app_user ADD COLUMN unit_id bigint REFERENCES unit(id) ON DELETE SET NULL;
CREATE INDEX venue_unit_idx ON venue (unit_id);
CREATE INDEX school_unit_idx ON school (unit_id);

CREATE FUNCTION venue_place_unit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.unit_id := unit_at(NEW.geom, NEW.district_code);
    RETURN NEW;
END $$;
CREATE TRIGGER venue_unit BEFORE INSERT OR UPDATE OF geom, district_code ON venue
    FOR EACH ROW EXECUTE FUNCTION venue_place_unit();

CREATE FUNCTION school_place_unit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.unit_id := unit_at(coalesce(NEW.geom, ST_PointOnSurface(NEW.campus)), NEW.district_code);
    RETURN NEW;
END $$;
CREATE TRIGGER school_unit BEFORE INSERT OR UPDATE OF geom, campus, district_code ON school
    FOR EACH ROW EXECUTE FUNCTION school_place_unit();
