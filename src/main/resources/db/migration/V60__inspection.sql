-- Inspection records (检查记录), written by team leaders in the field and by planners.
-- geom/category/district_code are copied from the venue when the record is written: an inspection happened where and
-- as what the venue was then (the period report counts by them).
CREATE TABLE inspection (
    id                bigserial PRIMARY KEY,
    venue_id          bigint NOT NULL REFERENCES venue(id) ON DELETE RESTRICT,
    team_id           bigint REFERENCES team(id) ON DELETE SET NULL,
    inspected_at      timestamptz NOT NULL,
    outcome           varchar(16) NOT NULL CHECK (outcome IN ('compliant','violation','not_operating','refused_entry','not_found')),
    violations        text[] NOT NULL DEFAULT '{}',     -- codes of com.patrolplanner.inspection.ViolationItem
    violation_count   integer NOT NULL DEFAULT 0,
    actions           text[] NOT NULL DEFAULT '{}',     -- warning | rectification_order | case_filed | closed
    seized            jsonb NOT NULL DEFAULT '{}'::jsonb, -- {"illegal_publications": 120, "discs": 30, …}
    officer_count     integer NOT NULL CHECK (officer_count >= 0),
    notes             text,
    -- The campaign capability is written in parallel: a plain nullable id for now, the FK comes when campaign_visit exists.
    campaign_visit_id bigint,
    geom              geometry(Point, 4326),
    category          varchar(32) NOT NULL,
    district_code     varchar(12),
    synthetic         boolean NOT NULL DEFAULT false,
    created_by        varchar(64) NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    version           integer NOT NULL DEFAULT 0
);
CREATE INDEX inspection_venue_idx ON inspection (venue_id, inspected_at DESC);
CREATE INDEX inspection_team_idx ON inspection (team_id, inspected_at DESC);
CREATE INDEX inspection_geom_gix ON inspection USING gist (geom);
-- Covering index for the coverage aggregation: per-venue figures of a period by an index-only scan.
CREATE INDEX inspection_period_cover ON inspection (inspected_at) INCLUDE (venue_id, violation_count, officer_count, outcome);
CREATE INDEX inspection_campaign_visit_idx ON inspection (campaign_visit_id) WHERE campaign_visit_id IS NOT NULL;

-- Officers present (《行政处罚法》第四十二条: at least two holding enforcement certificates). The certificate number
-- is copied so that the record still shows what was presented if the register changes later.
CREATE TABLE inspection_officer (
    inspection_id  bigint NOT NULL REFERENCES inspection(id) ON DELETE CASCADE,
    inspector_id   bigint NOT NULL REFERENCES inspector(id) ON DELETE RESTRICT,
    certificate_no varchar(64) NOT NULL,
    PRIMARY KEY (inspection_id, inspector_id)
);
CREATE INDEX inspection_officer_inspector_idx ON inspection_officer (inspector_id);

-- H3 cells of each venue (res 8 and 9), kept in step with the register lazily by the coverage service (lon/lat say
-- which position the cells were computed for).
CREATE TABLE venue_cell (
    venue_id bigint PRIMARY KEY REFERENCES venue(id) ON DELETE CASCADE,
    lon      double precision NOT NULL,
    lat      double precision NOT NULL,
    h3_r8    bigint NOT NULL,
    h3_r9    bigint NOT NULL
);
CREATE INDEX venue_cell_r8_idx ON venue_cell (h3_r8);
CREATE INDEX venue_cell_r9_idx ON venue_cell (h3_r9);
