-- Compliance's published relation: the verdicts in force today, one row per (venue, school, rule), for set-based joins
-- by other capabilities (zone statistics). Today is the bureau's calendar day (Asia/Shanghai, time.BureauClock.ZONE).
-- The rows are the maintained candidates of venue_verdict with the rule's effective dates and the overrides applied
-- exactly as ComplianceSql.resolved applies them for GET /api/compliance/violations: a rule is in force when
-- effective_from <= today < effective_to (NULL = open), and it gives way to a more specific rule in force (a province
-- over national, a city over its province) with a distance for the same venue category, the same school level and the
-- venue's district. OpenViolationViewTest keeps the two equal. Everything else of compliance is private.
CREATE VIEW open_violation AS
WITH today AS (SELECT (now() AT TIME ZONE 'Asia/Shanghai')::date AS d)
SELECT vv.venue_id, vv.school_id, vv.rule_id, r.code AS rule_code, vv.distance_m, vv.approximate,
       v.district_code AS venue_district, s.level AS school_level, r.distance_m AS rule_distance_m, r.jurisdiction,
       r.legal_basis
FROM venue_verdict vv
JOIN venue v ON v.id = vv.venue_id
JOIN school s ON s.id = vv.school_id
JOIN compliance_rule r ON r.id = vv.rule_id
CROSS JOIN today t
WHERE (r.effective_from IS NULL OR r.effective_from <= t.d) AND (r.effective_to IS NULL OR r.effective_to > t.d)
  AND NOT EXISTS (
    SELECT 1 FROM compliance_rule o
    WHERE o.distance_m IS NOT NULL AND o.venue_category = r.venue_category
      AND s.level = ANY (o.school_levels)
      AND length(o.jurisdiction_prefix) > length(r.jurisdiction_prefix)
      AND starts_with(coalesce(v.district_code, ''), o.jurisdiction_prefix)
      AND (o.effective_from IS NULL OR o.effective_from <= t.d) AND (o.effective_to IS NULL OR o.effective_to > t.d));
