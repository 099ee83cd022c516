-- Offline gazetteer of the geocoder (WGS-84, SRID 4326). Admin areas are the existing district table.
-- name_norm / street_norm hold the key the address parser produces (AddressParser.streetKey / placeKey), so that
-- imports and queries normalise the same way; trigram (pg_trgm) indexes on them serve the fuzzy step of the chain.

CREATE TABLE gz_address (
    id            bigserial PRIMARY KEY,
    dedupe_key    varchar(400) NOT NULL UNIQUE,   -- source + external id, or street/number/unit/position
    number        varchar(32) NOT NULL,           -- as written (normalised: "12A", "31")
    number_int    integer,                        -- numeric part, for interpolation and parity
    street        varchar(300) NOT NULL,
    street_norm   varchar(300) NOT NULL,
    unit          varchar(64),
    building      varchar(100),
    city          varchar(100),
    district      varchar(100),
    region        varchar(100),
    postcode      varchar(20),
    ext_id        varchar(100),
    district_code varchar(12),                    -- smallest covering district at import time
    source        varchar(100) NOT NULL,          -- e.g. address-points:banff.csv, osm:andorra.osm.pbf
    source_datum  varchar(8) NOT NULL DEFAULT 'WGS84',
    geom          geometry(Point, 4326) NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX gz_address_street_idx ON gz_address (street_norm, number_int);
CREATE INDEX gz_address_street_trgm ON gz_address USING gin (street_norm gin_trgm_ops);
CREATE INDEX gz_address_geom_gix ON gz_address USING gist (geom);
CREATE INDEX gz_address_geog_gix ON gz_address USING gist ((geom::geography));
CREATE INDEX gz_address_source_idx ON gz_address (source);

-- Streets: named OSM ways (with their line) and street names seen in address points (line NULL, center = centroid
-- of their points). One row per (source, name_norm).
CREATE TABLE gz_street (
    id            bigserial PRIMARY KEY,
    name          varchar(300) NOT NULL,
    name_norm     varchar(300) NOT NULL,
    geom          geometry(MultiLineString, 4326),
    center        geometry(Point, 4326) NOT NULL,
    district_code varchar(12),
    source        varchar(100) NOT NULL,
    source_datum  varchar(8) NOT NULL DEFAULT 'WGS84',
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    UNIQUE (source, name_norm)
);
CREATE INDEX gz_street_norm_idx ON gz_street (name_norm);
CREATE INDEX gz_street_trgm ON gz_street USING gin (name_norm gin_trgm_ops);
CREATE INDEX gz_street_geom_gix ON gz_street USING gist (geom);
CREATE INDEX gz_street_geog_gix ON gz_street USING gist ((geom::geography));
CREATE INDEX gz_street_center_gix ON gz_street USING gist (center);

-- Named places (POIs: schools, hotels, malls…) from OSM or other sources.
CREATE TABLE gz_place (
    id            bigserial PRIMARY KEY,
    dedupe_key    varchar(400) NOT NULL UNIQUE,
    name          varchar(300) NOT NULL,
    name_norm     varchar(300) NOT NULL,
    kind          varchar(60),
    geom          geometry(Point, 4326) NOT NULL,
    district_code varchar(12),
    source        varchar(100) NOT NULL,
    source_datum  varchar(8) NOT NULL DEFAULT 'WGS84',
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX gz_place_norm_idx ON gz_place (name_norm);
CREATE INDEX gz_place_trgm ON gz_place USING gin (name_norm gin_trgm_ops);
CREATE INDEX gz_place_geom_gix ON gz_place USING gist (geom);
CREATE INDEX gz_place_geog_gix ON gz_place USING gist ((geom::geography));

-- Online provider responses, so that the same address is never paid for twice.
CREATE TABLE geocode_cache (
    provider    varchar(20) NOT NULL,
    query_key   varchar(600) NOT NULL,
    http_status integer NOT NULL,
    body        text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (provider, query_key)
);

-- Per-item results of batch jobs (GET /api/geocode/batch/{jobId}/results).
CREATE TABLE geocode_result (
    job_id      uuid NOT NULL,
    seq         integer NOT NULL,
    item_id     varchar(200) NOT NULL,
    address     varchar(600),
    lon         double precision,
    lat         double precision,
    level       varchar(16),
    confidence  double precision,
    matched     varchar(600),
    source      varchar(100),
    PRIMARY KEY (job_id, seq)
);

-- Venues/schools whose best candidate was below the auto-apply confidence: a planner confirms or pins them by hand.
CREATE TABLE geocode_review (
    id          bigserial PRIMARY KEY,
    entity_type varchar(10) NOT NULL CHECK (entity_type IN ('venue','school')),
    entity_id   bigint NOT NULL,
    address     varchar(600),
    lon         double precision,
    lat         double precision,
    level       varchar(16),
    confidence  double precision,
    matched     varchar(600),
    source      varchar(100),
    job_id      uuid,
    created_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (entity_type, entity_id)
);
