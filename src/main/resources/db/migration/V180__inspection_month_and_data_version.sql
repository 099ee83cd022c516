-- Issue 18, point 1 (branch speed).
--
-- 1. inspection_month: per venue and calendar month (China Standard Time) the figures coverage sums for a period —
--    inspections (outcome not_found excluded, as everywhere in coverage), violations (checklist items) and
--    officer-visits. Kept in step by statement-level triggers on inspection, inside the writing transaction, from the
--    transition tables: one aggregate statement per write statement, so a bulk INSERT … SELECT of a million rows (demo,
--    benchmarks) maintains it set-based, and an update or delete takes its old rows back out. A period [from, to) is
--    then the whole months in between from here plus the partial months at both ends from the raw rows
--    (coverage.CoverageSql.PERIOD_VENUES). inspection_month_rebuild() recomputes it from scratch.
-- 2. data_version: a sequence advanced in the writing transaction by every statement that writes a map layer's rows
--    (inspection, venue, school, district, unit), with a NOTIFY pp_data_changed delivered at commit. Cached answers
--    (coverage, heat, districts) are keyed by it and never expire by time (web.DataVersion).

CREATE TABLE inspection_month (
    month          date   NOT NULL,  -- first day of the month in Asia/Shanghai
    venue_id       bigint NOT NULL,
    inspections    integer NOT NULL,
    violations     bigint NOT NULL,
    officer_visits bigint NOT NULL,
    PRIMARY KEY (month, venue_id) INCLUDE (inspections, violations, officer_visits)
);

CREATE FUNCTION inspection_month_rebuild() RETURNS void LANGUAGE sql AS $$
    DELETE FROM pp.inspection_month;
    INSERT INTO pp.inspection_month (month, venue_id, inspections, violations, officer_visits)
    SELECT date_trunc('month', inspected_at AT TIME ZONE 'Asia/Shanghai')::date, venue_id, count(*),
           sum(violation_count), sum(officer_count)
    FROM pp.inspection WHERE outcome <> 'not_found' GROUP BY 1, 2;
$$;

CREATE FUNCTION inspection_month_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- rows taken out (old rows of an update or delete) count negatively, rows put in positively; ordered so that two
    -- concurrent statements lock the same month rows in the same order
    IF TG_OP = 'UPDATE' THEN
        INSERT INTO pp.inspection_month AS m (month, venue_id, inspections, violations, officer_visits)
        SELECT month, venue_id, sum(n), sum(viol), sum(off) FROM (
            SELECT date_trunc('month', inspected_at AT TIME ZONE 'Asia/Shanghai')::date AS month, venue_id,
                   -1 AS n, -violation_count::bigint AS viol, -officer_count::bigint AS off
            FROM old_rows WHERE outcome <> 'not_found'
            UNION ALL
            SELECT date_trunc('month', inspected_at AT TIME ZONE 'Asia/Shanghai')::date, venue_id,
                   1, violation_count, officer_count
            FROM new_rows WHERE outcome <> 'not_found') d
        GROUP BY month, venue_id ORDER BY month, venue_id
        ON CONFLICT (month, venue_id) DO UPDATE SET inspections = m.inspections + excluded.inspections,
            violations = m.violations + excluded.violations, officer_visits = m.officer_visits + excluded.officer_visits;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO pp.inspection_month AS m (month, venue_id, inspections, violations, officer_visits)
        SELECT date_trunc('month', inspected_at AT TIME ZONE 'Asia/Shanghai')::date, venue_id, -count(*),
               -sum(violation_count), -sum(officer_count)
        FROM old_rows WHERE outcome <> 'not_found' GROUP BY 1, 2 ORDER BY 1, 2
        ON CONFLICT (month, venue_id) DO UPDATE SET inspections = m.inspections + excluded.inspections,
            violations = m.violations + excluded.violations, officer_visits = m.officer_visits + excluded.officer_visits;
    ELSE
        INSERT INTO pp.inspection_month AS m (month, venue_id, inspections, violations, officer_visits)
        SELECT date_trunc('month', inspected_at AT TIME ZONE 'Asia/Shanghai')::date, venue_id, count(*),
               sum(violation_count), sum(officer_count)
        FROM new_rows WHERE outcome <> 'not_found' GROUP BY 1, 2 ORDER BY 1, 2
        ON CONFLICT (month, venue_id) DO UPDATE SET inspections = m.inspections + excluded.inspections,
            violations = m.violations + excluded.violations, officer_visits = m.officer_visits + excluded.officer_visits;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER inspection_month_ins AFTER INSERT ON inspection REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION inspection_month_apply();
CREATE TRIGGER inspection_month_upd AFTER UPDATE ON inspection REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION inspection_month_apply();
CREATE TRIGGER inspection_month_del AFTER DELETE ON inspection REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION inspection_month_apply();

CREATE FUNCTION inspection_month_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM pp.inspection_month;
    RETURN NULL;
END $$;
CREATE TRIGGER inspection_month_trunc AFTER TRUNCATE ON inspection
    FOR EACH STATEMENT EXECUTE FUNCTION inspection_month_truncate();

SELECT inspection_month_rebuild();

CREATE SEQUENCE data_version;

CREATE FUNCTION data_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM nextval('pp.data_version');
    PERFORM pg_notify('pp_data_changed', TG_TABLE_NAME);
    RETURN NULL;
END $$;

CREATE TRIGGER data_version_inspection AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON inspection
    FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER data_version_venue AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON venue
    FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER data_version_school AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON school
    FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER data_version_district AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON district
    FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER data_version_unit AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON unit
    FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
