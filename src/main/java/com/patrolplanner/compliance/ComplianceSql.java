package com.patrolplanner.compliance;

import java.time.LocalDate;

/**
 * Every spatial query of the compliance capability, in one place. Units and reference: geometries are SRID 4326
 * (WGS-84 lon/lat); every distance is in metres on the WGS-84 spheroid, through {@code ::geography}
 * ({@code ST_DWithin} and {@code ST_Distance} with their default use_spheroid = true). A school's boundary is its campus
 * (MultiPolygon; distance 0 inside it) or, when no campus is known, its point: such verdicts are {@code approximate}.
 * The two cases are two UNION ALL branches so that each can use its own GiST index on the geography cast
 * ({@code school_campus_geog_gix}, {@code school_geog_gix}).
 */
final class ComplianceSql {
    private ComplianceSql() {
    }

    /** A venue source for {@link #candidates}: columns id, category, geom, district_code. */
    static Sql venuesWhere(String condition, Object... params) {
        return Sql.of("SELECT id, category, geom, district_code FROM venue WHERE geom IS NOT NULL" + condition, params);
    }

    /** One hypothetical venue (site check): no id, a category, a WGS-84 point and the district it falls in. */
    static Sql hypotheticalVenue(String category, double lon, double lat, String districtCode) {
        return Sql.of("SELECT NULL::bigint AS id, CAST(? AS varchar) AS category, ST_SetSRID(ST_MakePoint(?, ?), 4326) AS geom, "
                + "CAST(? AS varchar) AS district_code", category, lon, lat, districtCode);
    }

    private static final String CANDIDATE_BRANCH = """
            SELECT v.id AS venue_id, v.district_code AS venue_district, s.id AS school_id, s.level AS school_level,
                   r.id AS rule_id, ST_Distance(v.geom::geography, s.%1$s::geography) AS distance_m, %2$s AS approximate
            FROM compliance_rule r
            JOIN ({}) v ON v.category = r.venue_category
                       AND starts_with(coalesce(v.district_code, ''), r.jurisdiction_prefix)
            JOIN school s ON %3$s AND s.level = ANY (r.school_levels)
                       AND ST_DWithin(v.geom::geography, s.%1$s::geography, r.distance_m)
            WHERE r.distance_m IS NOT NULL {} {}""";

    /**
     * venuesWithinSchoolDistance: every (venue, school, rule) with the venue within the rule's distance of the school,
     * for the rules whose category and jurisdiction match the venue. No dates, no overrides (see {@link #resolved}).
     * Columns: venue_id, venue_district, school_id, school_level, rule_id, distance_m, approximate.
     */
    static Sql candidates(Sql venues, Sql ruleFilter, Sql schoolFilter) {
        String campus = CANDIDATE_BRANCH.formatted("campus", "false", "s.campus IS NOT NULL");
        String point = CANDIDATE_BRANCH.formatted("geom", "true", "s.campus IS NULL AND s.geom IS NOT NULL");
        return Sql.compose(campus + "\nUNION ALL\n" + point, venues, ruleFilter, schoolFilter, venues, ruleFilter,
                schoolFilter);
    }

    /**
     * The same rows as {@link #candidates}, with one geodesic computation per (venue, school, rule) candidate instead of
     * two: the index's box test ({@code &&} against the venue's position expanded by the rule's distance, the test
     * {@code ST_DWithin} itself puts before its index scan) finds the candidates, {@code ST_Distance} is computed once for
     * each, and decides the rule wherever it lies more than {@link #TIE_M} from the rule's distance; only nearer the
     * boundary does {@code ST_DWithin} itself decide. Before that, a planar distance in metres around the venue drops the
     * candidates clearly beyond the rule's distance ({@link #PLANAR_MARGIN}) without geodesic work. Both measure the same spheroidal distance (PostGIS computes them
     * apart only to prune and round at the nanometre), so the rows are those of {@link #candidates}, checked on the bench
     * data and by {@code VerdictOnceTest}. For the set-based recomputations of many venues or schools.
     */
    static Sql candidatesOnce(Sql venues, Sql ruleFilter, Sql schoolFilter) {
        String campus = CANDIDATE_ONCE.formatted("campus", "false", "s.campus IS NOT NULL", TIE_M, M_PER_DEGREE, PLANAR_MARGIN);
        String point = CANDIDATE_ONCE.formatted("geom", "true", "s.campus IS NULL AND s.geom IS NOT NULL", TIE_M, M_PER_DEGREE, PLANAR_MARGIN);
        return Sql.compose(campus + "\nUNION ALL\n" + point, venues, ruleFilter, schoolFilter, venues, ruleFilter,
                schoolFilter);
    }

    /** Metres either side of a rule's distance within which {@link #candidatesOnce} asks {@code ST_DWithin} itself. */
    static final double TIE_M = 0.01;

    /** Metres per degree of a great circle on the mean Earth sphere (6,371,008.8 m), for the planar prefilter. */
    static final double M_PER_DEGREE = 111_194.93;

    /**
     * The planar prefilter's margin: in a plane centred on the venue, scaled to metres by the sphere's degree ({@code ×
     * cos(latitude)} east–west), a distance is within 0.6 % of the spheroidal one at a few hundred metres (the sphere's
     * radius against the ellipsoid's radii of curvature; measured 0.998–1.002 over 75,000 venue–campus pairs of the
     * bench data); a candidate more than 2 % beyond the rule's distance there is beyond it on the spheroid, and is
     * dropped before any geodesic work. Not used near the poles or the antimeridian (the plane does not hold there).
     */
    static final double PLANAR_MARGIN = 1.02;

    private static final String CANDIDATE_ONCE = """
            SELECT c.venue_id, c.venue_district, c.school_id, c.school_level, c.rule_id, c.distance_m, c.approximate
            FROM (SELECT v.id AS venue_id, v.district_code AS venue_district, s.id AS school_id, s.level AS school_level,
                         r.id AS rule_id, r.distance_m AS rule_m, ST_Distance(v.geom::geography, s.%1$s::geography) AS distance_m,
                         %2$s AS approximate, v.geom AS venue_geom, s.%1$s AS school_geom
                  FROM compliance_rule r
                  JOIN ({}) v ON v.category = r.venue_category
                             AND starts_with(coalesce(v.district_code, ''), r.jurisdiction_prefix)
                  JOIN school s ON %3$s AND s.level = ANY (r.school_levels)
                             AND s.%1$s::geography && _ST_Expand(v.geom::geography, r.distance_m)
                             AND (ST_Distance(ST_Scale(ST_Translate(s.%1$s, -ST_X(v.geom), -ST_Y(v.geom)),
                                                       %5$s * cosd(ST_Y(v.geom)), %5$s),
                                              ST_SetSRID(ST_MakePoint(0, 0), 4326)) <= r.distance_m * %6$s
                                  OR abs(ST_X(v.geom)) > 170 OR abs(ST_Y(v.geom)) > 80)
                  WHERE r.distance_m IS NOT NULL {} {}
                  OFFSET 0) c
            WHERE CASE WHEN c.distance_m < c.rule_m - %4$s THEN true WHEN c.distance_m > c.rule_m + %4$s THEN false
                       ELSE ST_DWithin(c.venue_geom::geography, c.school_geom::geography, c.rule_m) END""";

    static final Sql NONE = Sql.of("");

    /**
     * The raw PostGIS join the violations scan is measured against (the benchmark's baseline): every venue within a
     * measurable rule's distance of a school, straight from the GiST indexes, no dates, no overrides, no attributes.
     */
    static final Sql PLAIN_JOIN = Sql.of("""
            SELECT v.id, s.id, r.id, ST_Distance(v.geom::geography, s.campus::geography)
            FROM compliance_rule r JOIN venue v ON v.category = r.venue_category
                 AND starts_with(coalesce(v.district_code, ''), r.jurisdiction_prefix)
            JOIN school s ON s.level = ANY (r.school_levels) AND ST_DWithin(v.geom::geography, s.campus::geography, r.distance_m)
            WHERE r.distance_m IS NOT NULL AND v.geom IS NOT NULL
            UNION ALL
            SELECT v.id, s.id, r.id, ST_Distance(v.geom::geography, s.geom::geography)
            FROM compliance_rule r JOIN venue v ON v.category = r.venue_category
                 AND starts_with(coalesce(v.district_code, ''), r.jurisdiction_prefix)
            JOIN school s ON s.campus IS NULL AND s.level = ANY (r.school_levels)
                 AND ST_DWithin(v.geom::geography, s.geom::geography, r.distance_m)
            WHERE r.distance_m IS NOT NULL AND v.geom IS NOT NULL""");

    /** The candidates as kept in {@code venue_verdict}, same columns as {@link #candidates}. */
    static Sql storedCandidates(Sql venueFilter) {
        return Sql.compose("""
                SELECT vv.venue_id, v.district_code AS venue_district, vv.school_id, s.level AS school_level, vv.rule_id,
                       vv.distance_m, vv.approximate
                FROM venue_verdict vv JOIN venue v ON v.id = vv.venue_id JOIN school s ON s.id = vv.school_id
                WHERE true {}""", venueFilter);
    }

    /**
     * The candidates that are verdicts on {@code date}: the rule is in force, and no more specific rule in force (a
     * province over national, a city over its province) with a distance covers the same venue category, the same school
     * level and the venue's district. Adds the rule's columns.
     */
    static Sql resolved(Sql candidates, LocalDate date) {
        return Sql.compose("""
                SELECT c.*, r.code AS rule_code, r.legal_basis, r.distance_m AS rule_distance_m, r.jurisdiction
                FROM ({}) c JOIN compliance_rule r ON r.id = c.rule_id
                WHERE (r.effective_from IS NULL OR r.effective_from <= ?) AND (r.effective_to IS NULL OR r.effective_to > ?)
                  AND NOT EXISTS (
                    SELECT 1 FROM compliance_rule o
                    WHERE o.distance_m IS NOT NULL AND o.venue_category = r.venue_category
                      AND c.school_level = ANY (o.school_levels)
                      AND length(o.jurisdiction_prefix) > length(r.jurisdiction_prefix)
                      AND starts_with(coalesce(c.venue_district, ''), o.jurisdiction_prefix)
                      AND (o.effective_from IS NULL OR o.effective_from <= ?) AND (o.effective_to IS NULL OR o.effective_to > ?)){}""",
                candidates, Sql.of("", date, date, date, date));
    }

    /** The violation rows the endpoint streams, one per (venue, school, rule), venue and school attributes joined. */
    static Sql violations(Sql resolved, Sql filter, boolean ordered) {
        return Sql.compose("""
                SELECT x.venue_id, v.name AS venue_name, v.licence_no, v.category, v.status, v.address, v.district_code,
                       ST_X(v.geom) AS lon, ST_Y(v.geom) AS lat,
                       x.school_id, s.name AS school_name, s.level AS school_level,
                       round(x.distance_m::numeric, 1) AS distance_m, x.approximate,
                       x.rule_code, x.rule_distance_m, x.jurisdiction, x.legal_basis
                FROM ({}) x JOIN venue v ON v.id = x.venue_id JOIN school s ON s.id = x.school_id
                WHERE true {}""" + (ordered ? "\nORDER BY v.district_code, x.venue_id, x.distance_m, x.rule_code" : ""),
                resolved, filter);
    }

    /** Rebuilds the stored candidates that {@code deleteWhere} selects from {@code candidates}. */
    static Sql insertCandidates(Sql candidates) {
        return Sql.compose("""
                INSERT INTO venue_verdict (venue_id, school_id, rule_id, distance_m, approximate)
                SELECT venue_id, school_id, rule_id, distance_m, approximate FROM ({}) c""", candidates);
    }

    /**
     * Display buffers: the school's campus (or point) grown by the rule distance. {@code ST_Buffer(geography, m)} buffers
     * in a planar projection PostGIS picks for the shape (UTM zone, else polar LAEA, else Mercator) and transforms back:
     * at 200 m the shape is correct to centimetres. For drawing only; verdicts come from ST_DWithin.
     */
    static Sql buffers(double[] bbox, String ruleCode, LocalDate date, int limit, String schoolScope) {
        // 0.1° ≥ 5 km (the largest rule distance) in latitude; in longitude only below 63°N, which covers China.
        Sql ruleFilter = ruleCode == null ? NONE : Sql.of(" AND r.code = ?", ruleCode);
        // holes carry parameters in text order: bbox and dates, the rule filter, the limit
        return Sql.compose("""
                {}SELECT s.id, s.name, s.level, s.campus IS NULL AS approximate, r.code, r.distance_m, r.legal_basis,
                       ST_AsGeoJSON(ST_Buffer(coalesce(s.campus, s.geom)::geography, r.distance_m, 'quad_segs=16')::geometry, 7) AS geojson
                FROM school s JOIN compliance_rule r ON s.level = ANY (r.school_levels) AND r.distance_m IS NOT NULL
                     AND starts_with(coalesce(s.district_code, ''), r.jurisdiction_prefix)
                WHERE s.geom && ST_MakeEnvelope(? - 0.1, ? - 0.1, ? + 0.1, ? + 0.1, 4326) AND\s""" + schoolScope + """

                  AND (r.effective_from IS NULL OR r.effective_from <= ?) AND (r.effective_to IS NULL OR r.effective_to > ?)
                  AND NOT EXISTS (
                    SELECT 1 FROM compliance_rule o
                    WHERE o.distance_m IS NOT NULL AND o.venue_category = r.venue_category AND s.level = ANY (o.school_levels)
                      AND length(o.jurisdiction_prefix) > length(r.jurisdiction_prefix)
                      AND starts_with(coalesce(s.district_code, ''), o.jurisdiction_prefix)
                      AND (o.effective_from IS NULL OR o.effective_from <= ?) AND (o.effective_to IS NULL OR o.effective_to > ?)) {}
                ORDER BY s.id, r.code
                LIMIT ?{}""", Sql.of("", bbox[0], bbox[1], bbox[2], bbox[3], date, date, date, date), ruleFilter,
                Sql.of("", limit));
    }

    /**
     * nearestSchools: the {@code n} schools nearest to a point by boundary distance on the spheroid. The KNN operator
     * preselects by planar degrees ({@code <->} on the geometry index), so 8·n are taken before the exact ordering.
     */
    static Sql nearestSchools(double lon, double lat, int n) {
        return Sql.of("""
                WITH p AS (SELECT ST_SetSRID(ST_MakePoint(?, ?), 4326) AS g),
                near AS (SELECT s.* FROM school s, p WHERE s.geom IS NOT NULL ORDER BY s.geom <-> p.g LIMIT ?)
                SELECT near.id, near.name, near.level, near.campus IS NULL AS approximate,
                       round(ST_Distance(coalesce(near.campus, near.geom)::geography, p.g::geography)::numeric, 1) AS distance_m
                FROM near, p ORDER BY 5, 1 LIMIT ?""", lon, lat, 8 * n, n);
    }
}
