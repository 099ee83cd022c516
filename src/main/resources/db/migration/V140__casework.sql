-- Casework (案件办理) and the other enforcement acts the half-year summaries count: administrative penalty cases from
-- filing (立案) to closing (结案), goods taken (收缴 / 扣押 / 查封 / 没收 / 销毁, each its own act), rectification
-- documents issued (责令整改通知书 / 整改建议书) and the unit's work log (publicity, training, letters, signs, joint
-- operations). Every row carries its unit (registry.Scope: NULL only for records of venues that lie in no unit, which
-- only city-wide users see); every act names its officers (registry.TwoOfficerRule).

-- Case numbers: one counter per unit and year (〔2026〕12号), taken with an UPSERT in the filing transaction; unit 0
-- counts the cases of venues that lie in no unit (seen by city-wide users only, as such venues are).
CREATE TABLE case_counter (
    unit_id bigint NOT NULL,
    year    integer NOT NULL,
    last_no integer NOT NULL,
    PRIMARY KEY (unit_id, year)
);

CREATE TABLE case_file (
    id              bigserial PRIMARY KEY,
    unit_id         bigint REFERENCES unit(id) ON DELETE RESTRICT,
    team_id         bigint REFERENCES team(id) ON DELETE SET NULL,
    inspection_id   bigint NOT NULL REFERENCES inspection(id) ON DELETE RESTRICT,
    venue_id        bigint NOT NULL REFERENCES venue(id) ON DELETE RESTRICT,
    case_year       integer NOT NULL,
    case_seq        integer NOT NULL,
    case_no         varchar(80) NOT NULL,
    cause           varchar(500) NOT NULL,            -- 案由
    violations      text[] NOT NULL DEFAULT '{}',     -- checklist codes copied from the inspection
    state           varchar(16) NOT NULL CHECK (state IN ('filed','investigating','notified','decided','executed','closed')),
    filed_at        timestamptz NOT NULL,
    decision_due    date NOT NULL,                    -- filing date + 90 days (+ approved extension)
    extension_days  integer NOT NULL DEFAULT 0 CHECK (extension_days >= 0),
    extension_by    varchar(120),
    extension_reason text,
    noticed_at      timestamptz,
    hearing         varchar(12) CHECK (hearing IN ('requested','waived')),
    decided_at      timestamptz,
    fine_yuan       numeric(14,2) NOT NULL DEFAULT 0 CHECK (fine_yuan >= 0),
    execution       varchar(12) CHECK (execution IN ('paid','appealed','enforced')),
    executed_at     timestamptz,
    closed_at       timestamptz,
    closing_note    text,
    synthetic       boolean NOT NULL DEFAULT false,
    created_by      varchar(64) NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    version         integer NOT NULL DEFAULT 0,
    UNIQUE (unit_id, case_year, case_seq)
);
CREATE INDEX case_file_unit_idx ON case_file (unit_id, filed_at DESC);
CREATE INDEX case_file_inspection_idx ON case_file (inspection_id);

-- The penalties of a decision, each with its legal article.
CREATE TABLE case_penalty (
    case_id      bigint NOT NULL REFERENCES case_file(id) ON DELETE CASCADE,
    kind         varchar(32) NOT NULL CHECK (kind IN ('warning','fine','confiscate_income','confiscate_property','suspend','revoke')),
    amount_yuan  numeric(14,2) CHECK (amount_yuan IS NULL OR amount_yuan >= 0),
    legal_article varchar(500) NOT NULL,
    PRIMARY KEY (case_id, kind)
);

-- Every act on a case, with the officers who carried it out (certificate numbers copied as presented).
CREATE TABLE case_act (
    id           bigserial PRIMARY KEY,
    case_id      bigint NOT NULL REFERENCES case_file(id) ON DELETE CASCADE,
    act          varchar(16) NOT NULL CHECK (act IN ('file','evidence','extend','notice','decide','execute','close')),
    acted_at     timestamptz NOT NULL,
    officer_ids  bigint[] NOT NULL,
    certificates text[] NOT NULL,
    recorded_by  varchar(64) NOT NULL,
    note         text,
    CHECK (cardinality(officer_ids) >= 2)
);
CREATE INDEX case_act_case_idx ON case_act (case_id, acted_at);

CREATE TABLE case_evidence (
    id          bigserial PRIMARY KEY,
    case_id     bigint NOT NULL REFERENCES case_file(id) ON DELETE CASCADE,
    act_id      bigint NOT NULL REFERENCES case_act(id) ON DELETE CASCADE,
    description varchar(2000) NOT NULL
);

-- Photos and documents: of an evidence item, or taken in the field for an inspection before any case exists.
CREATE TABLE evidence_file (
    id            bigserial PRIMARY KEY,
    unit_id       bigint REFERENCES unit(id) ON DELETE RESTRICT,
    team_id       bigint REFERENCES team(id) ON DELETE SET NULL,
    evidence_id   bigint REFERENCES case_evidence(id) ON DELETE CASCADE,
    inspection_id bigint REFERENCES inspection(id) ON DELETE CASCADE,
    file_name     varchar(255) NOT NULL,
    content_type  varchar(100) NOT NULL,
    size_bytes    integer NOT NULL CHECK (size_bytes > 0),
    sha256        char(64) NOT NULL,
    content       bytea NOT NULL,
    uploaded_by   varchar(64) NOT NULL,
    uploaded_at   timestamptz NOT NULL DEFAULT now(),
    CHECK (evidence_id IS NOT NULL OR inspection_id IS NOT NULL)
);
CREATE INDEX evidence_file_evidence_idx ON evidence_file (evidence_id);
CREATE INDEX evidence_file_inspection_idx ON evidence_file (inspection_id);

-- Goods taken, one row per act and kind: 收缴 (collected from an illegal operator), 扣押 / 查封 (temporary, returned
-- unless confiscated), 没收 (by a decision), 销毁 (destroyed, with date, place and witnesses).
CREATE TABLE goods_act (
    id            bigserial PRIMARY KEY,
    unit_id       bigint REFERENCES unit(id) ON DELETE RESTRICT,
    team_id       bigint REFERENCES team(id) ON DELETE SET NULL,
    act           varchar(12) NOT NULL CHECK (act IN ('collected','detained','sealed','confiscated','destroyed')),
    kind          varchar(32) NOT NULL,                -- com.patrolplanner.inspection.SeizedKind code
    quantity      integer NOT NULL CHECK (quantity > 0),
    measure       varchar(8) NOT NULL,                 -- 册, 盘, 台(套), 台, 件
    acted_at      timestamptz NOT NULL,
    venue_id      bigint REFERENCES venue(id) ON DELETE SET NULL,
    inspection_id bigint REFERENCES inspection(id) ON DELETE SET NULL,
    case_id       bigint REFERENCES case_file(id) ON DELETE SET NULL,
    place         varchar(300),
    witnesses     text[] NOT NULL DEFAULT '{}',
    return_due    date,
    extended      boolean NOT NULL DEFAULT false,
    returned_at   timestamptz,
    officer_ids   bigint[] NOT NULL,
    certificates  text[] NOT NULL,
    note          text,
    synthetic     boolean NOT NULL DEFAULT false,
    created_by    varchar(64) NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    version       integer NOT NULL DEFAULT 0,
    CHECK (cardinality(officer_ids) >= 2)
);
CREATE INDEX goods_act_unit_idx ON goods_act (unit_id, acted_at);

CREATE TABLE issued_document (
    id              bigserial PRIMARY KEY,
    unit_id         bigint REFERENCES unit(id) ON DELETE RESTRICT,
    team_id         bigint REFERENCES team(id) ON DELETE SET NULL,
    kind            varchar(24) NOT NULL CHECK (kind IN ('rectification_notice','rectification_advice')),
    doc_no          varchar(80) NOT NULL,
    venue_id        bigint NOT NULL REFERENCES venue(id) ON DELETE RESTRICT,
    inspection_id   bigint REFERENCES inspection(id) ON DELETE SET NULL,
    issued_at       timestamptz NOT NULL,
    deadline        date NOT NULL,
    requirements    varchar(2000),
    reinspection_id bigint REFERENCES inspection(id) ON DELETE SET NULL,
    reinspected_at  timestamptz,
    rectified       boolean,
    officer_ids     bigint[] NOT NULL,
    certificates    text[] NOT NULL,
    synthetic       boolean NOT NULL DEFAULT false,
    created_by      varchar(64) NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    version         integer NOT NULL DEFAULT 0,
    UNIQUE (unit_id, kind, doc_no),
    CHECK (cardinality(officer_ids) >= 2)
);
CREATE INDEX issued_document_unit_idx ON issued_document (unit_id, issued_at);

-- The unit's work log: what the summaries count besides inspections.
CREATE TABLE work_log (
    id          bigserial PRIMARY KEY,
    unit_id     bigint REFERENCES unit(id) ON DELETE RESTRICT,
    log_date    date NOT NULL,
    kind        varchar(24) NOT NULL CHECK (kind IN ('article','info_item','briefing','training','responsibility_letter',
                                                     'warning_signs','joint_operation','letter')),
    quantity    integer NOT NULL CHECK (quantity > 0),
    persons     integer CHECK (persons IS NULL OR persons >= 0),
    partners    text[] NOT NULL DEFAULT '{}',
    campaign_id bigint REFERENCES campaign(id) ON DELETE SET NULL,
    title       varchar(500),
    synthetic   boolean NOT NULL DEFAULT false,
    created_by  varchar(64) NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    version     integer NOT NULL DEFAULT 0
);
CREATE INDEX work_log_unit_idx ON work_log (unit_id, log_date);
