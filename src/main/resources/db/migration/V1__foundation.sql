-- Foundation schema. All geometries are WGS-84 (SRID 4326, lon/lat); distances are taken on the spheroid through
-- geometry::geography, which is why every spatial column also gets a GiST index on its geography cast.
CREATE EXTENSION IF NOT EXISTS postgis SCHEMA public;
CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public;

CREATE TABLE district (
    id          bigserial PRIMARY KEY,
    adcode      varchar(12) NOT NULL UNIQUE,
    name        varchar(200) NOT NULL,
    level       varchar(20) NOT NULL,          -- province | city | district | street
    parent_code varchar(12),
    geom        geometry(MultiPolygon, 4326) NOT NULL,
    source_datum varchar(8) NOT NULL DEFAULT 'WGS84',
    attribution text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX district_geom_gix ON district USING gist (geom);
CREATE INDEX district_geog_gix ON district USING gist ((geom::geography));

CREATE TABLE venue (
    id            bigserial PRIMARY KEY,
    licence_no    varchar(64) UNIQUE,
    name          varchar(300) NOT NULL,
    category      varchar(32) NOT NULL CHECK (category IN ('internet_cafe','song_dance','game_arcade','publication',
                      'hotel','satellite_equipment','printing','performance','other')),
    address       varchar(500),
    geom          geometry(Point, 4326),
    source_datum  varchar(8) NOT NULL DEFAULT 'WGS84' CHECK (source_datum IN ('WGS84','GCJ02','BD09','CGCS2000')),
    geocode_status varchar(16) NOT NULL DEFAULT 'none' CHECK (geocode_status IN ('none','source','geocoded','manual','review','failed')),
    geocode_confidence double precision,
    opening_hours jsonb,
    capacity      integer CHECK (capacity IS NULL OR capacity >= 0),
    status        varchar(16) NOT NULL DEFAULT 'open' CHECK (status IN ('open','suspended','revoked','unlicensed','closed')),
    complaint_count integer NOT NULL DEFAULT 0 CHECK (complaint_count >= 0),
    notes         text,
    district_code varchar(12),
    synthetic     boolean NOT NULL DEFAULT false,
    version       integer NOT NULL DEFAULT 0,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX venue_geom_gix ON venue USING gist (geom);
CREATE INDEX venue_geog_gix ON venue USING gist ((geom::geography));
CREATE INDEX venue_category_idx ON venue (category);
CREATE INDEX venue_district_idx ON venue (district_code);
CREATE INDEX venue_text_trgm ON venue USING gin ((coalesce(name,'') || ' ' || coalesce(address,'')) gin_trgm_ops);

CREATE TABLE school (
    id            bigserial PRIMARY KEY,
    name          varchar(300) NOT NULL,
    level         varchar(16) NOT NULL CHECK (level IN ('kindergarten','primary','junior','senior','nine_year',
                      'twelve_year','vocational')),
    address       varchar(500),
    geom          geometry(Point, 4326),
    campus        geometry(MultiPolygon, 4326),
    source_datum  varchar(8) NOT NULL DEFAULT 'WGS84' CHECK (source_datum IN ('WGS84','GCJ02','BD09','CGCS2000')),
    geocode_status varchar(16) NOT NULL DEFAULT 'none',
    geocode_confidence double precision,
    district_code varchar(12),
    synthetic     boolean NOT NULL DEFAULT false,
    version       integer NOT NULL DEFAULT 0,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    UNIQUE (name, address)
);
CREATE INDEX school_geom_gix ON school USING gist (geom);
CREATE INDEX school_geog_gix ON school USING gist ((geom::geography));
CREATE INDEX school_campus_gix ON school USING gist (campus);
CREATE INDEX school_campus_geog_gix ON school USING gist ((campus::geography));
CREATE INDEX school_district_idx ON school (district_code);

CREATE TABLE team (
    id          bigserial PRIMARY KEY,
    name        varchar(100) NOT NULL UNIQUE,
    base        geometry(Point, 4326),
    base_address varchar(300),
    version     integer NOT NULL DEFAULT 0,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE inspector (
    id            bigserial PRIMARY KEY,
    name          varchar(100) NOT NULL,
    certificate_no varchar(64) UNIQUE,       -- 执法证号; NULL = no enforcement certificate
    unit          varchar(200),
    team_id       bigint REFERENCES team(id) ON DELETE SET NULL,
    active        boolean NOT NULL DEFAULT true,
    synthetic     boolean NOT NULL DEFAULT false,
    version       integer NOT NULL DEFAULT 0,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX inspector_team_idx ON inspector (team_id);

CREATE TABLE app_user (
    id          bigserial PRIMARY KEY,
    username    varchar(64) NOT NULL UNIQUE,
    password    varchar(100) NOT NULL,       -- bcrypt, modular crypt format
    roles       varchar(200) NOT NULL,       -- comma separated: planner, team_leader, manager, admin
    team_id     bigint REFERENCES team(id) ON DELETE SET NULL,
    display_name varchar(100),
    active      boolean NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- Field-level change history of registered things (venues, schools, inspectors, teams).
CREATE TABLE change_history (
    id          bigserial PRIMARY KEY,
    entity_type varchar(20) NOT NULL,
    entity_id   bigint NOT NULL,
    action      varchar(16) NOT NULL,      -- create | update | delete | import | locate
    changed_by  varchar(64) NOT NULL,
    changed_at  timestamptz NOT NULL DEFAULT now(),
    reason      text,
    changes     jsonb NOT NULL DEFAULT '{}'::jsonb   -- {"field": {"old": …, "new": …}}
);
CREATE INDEX change_history_entity_idx ON change_history (entity_type, entity_id, changed_at);
