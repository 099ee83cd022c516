-- Patrol zones (巡查片区). A zone set is one division of a district (or of a drawn area) into zones; several sets per
-- district, at most one active. Every change to a set is kept as a full snapshot in zone_set_version.
CREATE TABLE zone_set (
    id            bigserial PRIMARY KEY,
    name          varchar(200) NOT NULL,
    district_code varchar(12),
    boundary      geometry(MultiPolygon, 4326) NOT NULL,
    active        boolean NOT NULL DEFAULT false,
    version       integer NOT NULL DEFAULT 1,       -- revision: +1 on every change of the set or its zones
    author        varchar(64) NOT NULL,
    params        jsonb,                            -- how it was generated (zoneCount, seed), if it was
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    updated_by    varchar(64)
);
CREATE UNIQUE INDEX zone_set_one_active ON zone_set (district_code) WHERE active;
CREATE INDEX zone_set_district_idx ON zone_set (district_code);

CREATE TABLE zone (
    id          bigserial PRIMARY KEY,
    zone_set_id bigint NOT NULL REFERENCES zone_set(id) ON DELETE CASCADE,
    name        varchar(200) NOT NULL,
    geom        geometry(MultiPolygon, 4326) NOT NULL,
    team_id     bigint REFERENCES team(id) ON DELETE SET NULL,
    version     integer NOT NULL DEFAULT 0,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    updated_by  varchar(64)
);
CREATE INDEX zone_set_idx ON zone (zone_set_id);
CREATE INDEX zone_geom_gix ON zone USING gist (geom);
CREATE INDEX zone_geog_gix ON zone USING gist ((geom::geography));

CREATE TABLE zone_set_version (
    id          bigserial PRIMARY KEY,
    zone_set_id bigint NOT NULL REFERENCES zone_set(id) ON DELETE CASCADE,
    version     integer NOT NULL,
    action      varchar(20) NOT NULL,     -- create | add | update | delete | split | merge | team | activate | restore
    author      varchar(64) NOT NULL,
    changed_at  timestamptz NOT NULL DEFAULT now(),
    detail      text,
    zones       jsonb NOT NULL,           -- [{id, name, teamId, version, wkb (hex EWKB)}] after the change
    UNIQUE (zone_set_id, version)
);
