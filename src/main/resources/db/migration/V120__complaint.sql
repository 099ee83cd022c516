-- Complaints (举报投诉), capability complaint (issue 16, point 1). Owned: complaint, complaint_deadline_rule;
-- published: the view venue_complaint_count.

-- Named, configurable handling deadlines. Each carries its basis; where the legal text is not confirmed the note says
-- so. Days are calendar days counted from the complaint's receipt.
CREATE TABLE complaint_deadline_rule (
    code        varchar(40) PRIMARY KEY,
    stage       varchar(16) NOT NULL CHECK (stage IN ('accept','verify','reply')),
    days        integer NOT NULL CHECK (days BETWEEN 1 AND 365),
    name_zh     varchar(200) NOT NULL,
    name_en     varchar(200) NOT NULL,
    basis       text NOT NULL,
    note        text,
    version     integer NOT NULL DEFAULT 0,
    updated_by  varchar(100),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (stage)
);

INSERT INTO complaint_deadline_rule (code, stage, days, name_zh, name_en, basis, note) VALUES
('COMPLAINT_ACCEPT_DEADLINE', 'accept', 5, '举报受理时限（收到之日起5日内决定是否受理）',
 'decide within 5 days of receipt whether to accept',
 '本局举报办理制度（受理审查）；12318 全国文化市场举报平台转办件以转办单载明的时限为准。',
 '默认值为本局内部时限，非法规原文；各省（市）文化市场举报办理规定的期限不同，请法制科室按本省规定核定后修改。'),
('COMPLAINT_VERIFY_DEADLINE', 'verify', 15, '举报核查时限（收到之日起15日内派员核查）',
 'verify on site within 15 days of receipt',
 '本局举报办理制度（核查处理）：受理后派执法人员现场核查，核查应由两名以上持证执法人员进行（《行政处罚法》第四十二条）。',
 '15日为本局内部时限；派发时可另定更短的期限。需立案查处的，按《行政处罚法》第六十条自立案之日起90日内作出处理决定，另行计算。'),
('COMPLAINT_REPLY_DEADLINE', 'reply', 30, '举报办结答复时限（收到之日起30日内办结并答复举报人）',
 'close and reply to the reporter within 30 days of receipt',
 '本局举报办理制度（办结答复）；实名举报应将办理结果告知举报人。',
 '30日为常见做法，不是本条例原文；是否按工作日计算、可否延长，以本省文化市场举报办理规定为准，待法制科室确认。');

CREATE TABLE complaint (
    id              bigserial PRIMARY KEY,
    unit_id         bigint,
    source          varchar(24) NOT NULL CHECK (source IN
                      ('hotline_12318','phone','web','letter','referral_superior','referral_department')),
    referred_by     varchar(200),
    received_at     timestamptz NOT NULL,
    venue_id        bigint,
    address         varchar(500),
    geom            geometry(Point, 4326),
    geocode_level   varchar(16),
    category        varchar(32),
    content         text NOT NULL,
    reporter_name   varchar(100),
    reporter_contact varchar(200),
    state           varchar(12) NOT NULL DEFAULT 'received' CHECK (state IN
                      ('received','accepted','declined','dispatched','verified','closed')),
    decline_reason  text,
    team_id         bigint,
    deadline        timestamptz,
    due_at          timestamptz,
    due_rule        varchar(40),
    inspection_id   bigint,
    campaign_id     bigint,
    plan_stop_id    bigint,
    result          text,
    reply           text,
    accepted_at     timestamptz,
    dispatched_at   timestamptz,
    verified_at     timestamptz,
    closed_at       timestamptz,
    closed_on_time  boolean,
    synthetic       boolean NOT NULL DEFAULT false,
    created_by      varchar(100) NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    version         integer NOT NULL DEFAULT 0,
    CHECK (venue_id IS NOT NULL OR geom IS NOT NULL OR address IS NOT NULL)
);
CREATE INDEX complaint_unit_idx ON complaint (unit_id, received_at);
CREATE INDEX complaint_venue_idx ON complaint (venue_id);
CREATE INDEX complaint_team_idx ON complaint (team_id);
CREATE INDEX complaint_due_idx ON complaint (due_at) WHERE due_at IS NOT NULL;
CREATE INDEX complaint_geom_idx ON complaint USING gist (geom);

-- The venue's complaint count, from the records: every complaint about it that was not declined (all time, and in
-- the last 365 days), the open ones, and the last receipt. Published for the capabilities above (coverage, report).
CREATE VIEW venue_complaint_count AS
SELECT c.venue_id,
       count(*)::int AS complaints,
       count(*) FILTER (WHERE c.received_at >= now() - interval '365 days')::int AS complaints_365d,
       count(*) FILTER (WHERE c.state NOT IN ('closed','declined'))::int AS open_complaints,
       max(c.received_at) AS last_received_at
FROM complaint c
WHERE c.venue_id IS NOT NULL AND c.state <> 'declined'
GROUP BY c.venue_id;

-- Campaign targets added from a complaint (high priority): venue id → the complaint. Written by CampaignService.
ALTER TABLE campaign ADD COLUMN priority_venues jsonb NOT NULL DEFAULT '{}'::jsonb;
