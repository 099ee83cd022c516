-- Incrementally maintained verdict candidates: every (venue, school, rule) where the venue lies within the rule's
-- distance (metres on the spheroid, ST_DWithin on geography) of the school's campus, or of its point when no campus is
-- known (approximate). Kept up to date in the writing transaction of every venue, school or rule change. Effective dates
-- and province overrides are applied when reading, so the table never goes stale when a date passes.
CREATE TABLE venue_verdict (
    venue_id    bigint NOT NULL REFERENCES venue(id) ON DELETE CASCADE,
    school_id   bigint NOT NULL REFERENCES school(id) ON DELETE CASCADE,
    rule_id     bigint NOT NULL REFERENCES compliance_rule(id) ON DELETE CASCADE,
    distance_m  double precision NOT NULL,
    approximate boolean NOT NULL,
    computed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (venue_id, school_id, rule_id)
);
CREATE INDEX venue_verdict_school_idx ON venue_verdict (school_id);
CREATE INDEX venue_verdict_rule_idx ON venue_verdict (rule_id);
