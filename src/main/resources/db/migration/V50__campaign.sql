-- Campaigns (专项行动 / 检查计划), the school calendar, the 双随机 draw with its recusal list, and solved plans.
-- Geometries WGS-84 (SRID 4326); times are timestamptz, shown in Asia/Shanghai.

CREATE TABLE campaign (
    id               bigserial PRIMARY KEY,
    name             varchar(200) NOT NULL,
    type             varchar(16) NOT NULL CHECK (type IN ('ROUTINE','STAGGERED','NIGHT_SWEEP','STAKEOUT','RANDOM','SPECIAL')),
    start_date       date NOT NULL,
    end_date         date NOT NULL,
    targets          jsonb NOT NULL DEFAULT '{}'::jsonb,  -- categories, zoneId, statuses, nearSchool, minComplaints, minDaysSinceInspection
    windows          jsonb,                                -- explicit time windows replacing the type's defaults
    stakeout_venue_id bigint REFERENCES venue(id) ON DELETE SET NULL,
    shift_start      varchar(5),
    shift_end        varchar(5),
    strike_minutes   integer CHECK (strike_minutes IS NULL OR strike_minutes > 0),
    status           varchar(16) NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','active','done','cancelled')),
    created_by       varchar(64) NOT NULL,
    version          integer NOT NULL DEFAULT 0,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    CHECK (end_date >= start_date)
);
CREATE INDEX campaign_dates_idx ON campaign (start_date, end_date);

CREATE TABLE campaign_team (
    campaign_id bigint NOT NULL REFERENCES campaign(id) ON DELETE CASCADE,
    team_id     bigint NOT NULL REFERENCES team(id) ON DELETE CASCADE,
    PRIMARY KEY (campaign_id, team_id)
);
CREATE INDEX campaign_team_team_idx ON campaign_team (team_id);

-- The school calendar the admin keeps: school holidays and statutory holidays (no school), make-up school days on a
-- weekend (调休), exam days. A weekday not listed is a school day; a weekend day not listed is not.
CREATE TABLE school_calendar (
    day        date PRIMARY KEY,
    kind       varchar(16) NOT NULL CHECK (kind IN ('holiday','school_day','exam')),
    name       varchar(100),
    updated_by varchar(64) NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- Recusal (回避): an inspector must not inspect a venue (kin, former employer, …).
CREATE TABLE recusal (
    id           bigserial PRIMARY KEY,
    inspector_id bigint NOT NULL REFERENCES inspector(id) ON DELETE CASCADE,
    venue_id     bigint NOT NULL REFERENCES venue(id) ON DELETE CASCADE,
    reason       text,
    created_by   varchar(64) NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (inspector_id, venue_id)
);

-- One 双随机 draw per campaign (the UNIQUE constraint makes a concurrent second draw fail). Kept as the audit record
-- until the audit trail exists: seed, inputs hash, who, when. A campaign with a draw cannot be deleted.
CREATE TABLE campaign_draw (
    id              bigserial PRIMARY KEY,
    campaign_id     bigint NOT NULL UNIQUE REFERENCES campaign(id) ON DELETE RESTRICT,
    seed            bigint NOT NULL,
    seed_generated  boolean NOT NULL,
    request         jsonb NOT NULL,
    snapshot_hash   char(64) NOT NULL,   -- SHA-256 of the sorted candidate venue ids + versions
    inspector_hash  char(64) NOT NULL,   -- SHA-256 of the sorted eligible inspector ids + versions
    inputs_hash     char(64) NOT NULL,   -- SHA-256 of request + both snapshot hashes + seed
    candidate_count integer NOT NULL,
    drawn_by        varchar(64) NOT NULL,
    drawn_at        timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE draw_venue (
    draw_id      bigint NOT NULL REFERENCES campaign_draw(id) ON DELETE CASCADE,
    venue_id     bigint NOT NULL REFERENCES venue(id) ON DELETE RESTRICT,
    stratum      varchar(100) NOT NULL,
    draw_order   integer NOT NULL,
    team_no      integer NOT NULL,
    check_items  text NOT NULL,
    result       text,
    PRIMARY KEY (draw_id, venue_id)
);

CREATE TABLE draw_member (
    draw_id      bigint NOT NULL REFERENCES campaign_draw(id) ON DELETE CASCADE,
    team_no      integer NOT NULL,
    inspector_id bigint NOT NULL REFERENCES inspector(id) ON DELETE RESTRICT,
    PRIMARY KEY (draw_id, inspector_id)
);

-- Solved plans: one row per solve; the newest finished one is the campaign's plan for its date.
CREATE TABLE plan (
    id           bigserial PRIMARY KEY,
    campaign_id  bigint NOT NULL REFERENCES campaign(id) ON DELETE CASCADE,
    plan_date    date NOT NULL,
    job_id       uuid,
    status       varchar(16) NOT NULL CHECK (status IN ('solving','solved','stopped','failed')),
    score        varchar(100),
    feasible     boolean,
    travel_model jsonb,
    unassigned   jsonb NOT NULL DEFAULT '[]'::jsonb,
    explanation  jsonb,
    created_by   varchar(64) NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX plan_campaign_idx ON plan (campaign_id, plan_date, created_at DESC);

CREATE TABLE plan_route (
    id             bigserial PRIMARY KEY,
    plan_id        bigint NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
    team_id        bigint NOT NULL REFERENCES team(id) ON DELETE CASCADE,
    team_name      varchar(100) NOT NULL,
    members        jsonb NOT NULL DEFAULT '[]'::jsonb,
    shift_start    timestamptz NOT NULL,
    shift_end      timestamptz NOT NULL,
    back_at_base   timestamptz,
    base           geometry(Point, 4326),
    travel_minutes double precision NOT NULL DEFAULT 0,
    route_line     geometry(LineString, 4326)
);
CREATE INDEX plan_route_plan_idx ON plan_route (plan_id);
CREATE INDEX plan_route_team_idx ON plan_route (team_id);

CREATE TABLE plan_stop (
    id             bigserial PRIMARY KEY,
    route_id       bigint NOT NULL REFERENCES plan_route(id) ON DELETE CASCADE,
    seq            integer NOT NULL,
    venue_id       bigint REFERENCES venue(id) ON DELETE SET NULL,
    venue_name     varchar(300) NOT NULL,
    category       varchar(32) NOT NULL,
    address        varchar(500),
    geom           geometry(Point, 4326) NOT NULL,
    arrival        timestamptz NOT NULL,
    start_at       timestamptz NOT NULL,
    departure      timestamptz NOT NULL,
    travel_minutes double precision NOT NULL,
    window_start   timestamptz NOT NULL,
    window_end     timestamptz NOT NULL,
    priority       integer NOT NULL,
    zone_key       varchar(64),
    pinned         boolean NOT NULL DEFAULT false,
    done           boolean NOT NULL DEFAULT false,
    UNIQUE (route_id, seq)
);
CREATE INDEX plan_stop_venue_idx ON plan_stop (venue_id);
