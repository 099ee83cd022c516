-- Long-running work (imports, batch geocoding, solving): polled by clients through /api/jobs/{id}.
CREATE TABLE job (
    id          uuid PRIMARY KEY,
    kind        varchar(40) NOT NULL,
    state       varchar(10) NOT NULL CHECK (state IN ('QUEUED','RUNNING','DONE','FAILED','CANCELLED')),
    processed   bigint NOT NULL DEFAULT 0,
    total       bigint,
    detail      jsonb,            -- kind-specific counters, e.g. countsByLevel
    result      jsonb,
    error       jsonb,            -- a problem document when FAILED
    owner       varchar(64) NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    started_at  timestamptz,
    finished_at timestamptz
);
CREATE INDEX job_kind_idx ON job (kind, created_at DESC);
