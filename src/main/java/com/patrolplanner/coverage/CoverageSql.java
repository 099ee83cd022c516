package com.patrolplanner.coverage;

/**
 * The coverage SQL in one place. Geometries are WGS-84 (SRID 4326); boxes are lon/lat envelopes; hex cells are the H3
 * ids of each venue's current position, stored in venue_cell (coverage's own table). Inspections (inspection's published
 * {@code inspection}) with
 * outcome not_found are never counted (the venue was not there to be checked). Active venues: {@value #ACTIVE}. Every
 * query takes the caller's jurisdiction as a predicate on {@code v.unit_id} ({@link CoverageService#venueScope()}).
 */
final class CoverageSql {
    static final String ACTIVE = "CAST('" + CoverageQuery.ACTIVE_STATUSES + "' AS text[])";

    /**
     * Per venue, the figures of a period [from, to) (inspections, violations, officer-visits; outcome not_found excluded):
     * the whole months in between from inspection's published monthly roll-up {@code inspection_month}, the partial
     * months at both ends from the raw rows (index-only scans of inspection_period_cover). Six parameters, bound by
     * {@link PeriodSplit#bind}: first whole month, month after the last whole month (dates), from, start of the first
     * whole month, end of the last whole month, to (timestamps). Equal to summing the raw rows of the period
     * ({@code RollupEqualsRawTest}).
     */
    static final String PERIOD_VENUES = """
            SELECT venue_id, sum(n) AS n, sum(viol) AS viol, sum(off) AS off FROM (
                SELECT venue_id, inspections AS n, violations AS viol, officer_visits AS off FROM inspection_month
                WHERE month >= ? AND month < ?
                UNION ALL
                SELECT venue_id, 1, violation_count, officer_count FROM inspection
                WHERE inspected_at >= ? AND inspected_at < ? AND outcome <> 'not_found'
                UNION ALL
                SELECT venue_id, 1, violation_count, officer_count FROM inspection
                WHERE inspected_at >= ? AND inspected_at < ? AND outcome <> 'not_found') x
            GROUP BY venue_id""";

    /**
     * Every venue of the scope with its cells, position, activity and the period's figures (parameters: the period,
     * {@link #PERIOD_VENUES}): what {@link CoverageCache} keeps per (scope, period) and slices by box.
     */
    static String scopeVenues(String venueScope) {
        return """
                WITH pv AS (%1$s)
                SELECT v.id, c.h3_r8, c.h3_r9, v.geom IS NOT NULL, coalesce(ST_X(v.geom), 0), coalesce(ST_Y(v.geom), 0),
                       v.status = ANY(%2$s), coalesce(pv.n, 0), coalesce(pv.viol, 0), coalesce(pv.off, 0)
                FROM venue_cell c JOIN venue v ON v.id = c.venue_id LEFT JOIN pv ON pv.venue_id = v.id
                WHERE %3$s
                ORDER BY v.id""".formatted(PERIOD_VENUES, ACTIVE, venueScope);
    }

    /** Venues with a position whose cells are missing or were computed for another position. */
    static final String STALE_VENUE_CELLS = """
            SELECT v.id, ST_X(v.geom), ST_Y(v.geom) FROM venue v LEFT JOIN venue_cell c ON c.venue_id = v.id
            WHERE v.geom IS NOT NULL AND (c.venue_id IS NULL OR c.lon <> ST_X(v.geom) OR c.lat <> ST_Y(v.geom))""";

    static final String UPSERT_VENUE_CELLS = """
            INSERT INTO venue_cell (venue_id, lon, lat, h3_r8, h3_r9)
            SELECT * FROM unnest(?::bigint[], ?::float8[], ?::float8[], ?::bigint[], ?::bigint[])
            ON CONFLICT (venue_id) DO UPDATE SET lon = excluded.lon, lat = excluded.lat, h3_r8 = excluded.h3_r8,
                h3_r9 = excluded.h3_r9""";

    /**
     * Per H3 cell holding a venue inside the box (parameters: minLon, minLat, maxLon, maxLat, then the period as in {@link #PERIOD_VENUES}): venues,
     * venues inspected, inspections, violations, officer-visits. Inspections are first summed per venue (an index-only
     * scan of the period on inspection_period_cover, grouped on one bigint) and then attributed to the venue's current
     * cell: a venue that moved takes its history along, so the map describes the register as it is. Grouping the raw
     * rows by (cell, venue) instead was 8× slower on the benchmark (BENCHMARKS-coverage.md). The period is summed for
     * all venues and joined to the view's venues by hash: restricting it with {@code venue_id IN (venues in view)} made
     * the planner misjudge the CTE (200 rows estimated, 10,000 real) and loop over 10,000 index scans (≈ 10× slower).
     */
    static String hexCells(int res, String venueScope) {
        String col = res == 8 ? "h3_r8" : "h3_r9";
        return """
                WITH sel AS (
                    SELECT DISTINCT c.%1$s AS cell FROM venue_cell c JOIN venue v ON v.id = c.venue_id
                    WHERE v.geom && ST_MakeEnvelope(?, ?, ?, ?, 4326) AND %3$s),
                vs AS (
                    SELECT c.venue_id, c.%1$s AS cell, v.status = ANY(%2$s) AS active
                    FROM venue_cell c JOIN venue v ON v.id = c.venue_id
                    WHERE c.%1$s IN (SELECT cell FROM sel) AND %3$s),
                pv AS (%4$s)
                SELECT vs.cell, count(*) FILTER (WHERE vs.active), count(*) FILTER (WHERE vs.active AND pv.n > 0),
                       coalesce(sum(pv.n), 0), coalesce(sum(pv.viol), 0), coalesce(sum(pv.off), 0)
                FROM vs LEFT JOIN pv ON pv.venue_id = vs.venue_id
                GROUP BY vs.cell
                ORDER BY 1""".formatted(col, ACTIVE, venueScope, PERIOD_VENUES);
    }

    /**
     * Per active venue in a box (parameters: the period as in {@link #PERIOD_VENUES}, then minLon, minLat, maxLon, maxLat): id, name, category, lon, lat,
     * inspections, violations and officer-visits in the period, and the last inspection ever.
     */
    static String venueFigures(String venueScope) {
        return VENUE_FIGURES.replace("ORDER BY v.id", "AND " + venueScope + " ORDER BY v.id");
    }

    private static final String VENUE_FIGURES = """
            SELECT v.id, v.name, v.category, ST_X(v.geom), ST_Y(v.geom), coalesce(a.n, 0), coalesce(a.viol, 0),
                   coalesce(a.off, 0), l.last
            FROM venue v
            LEFT JOIN (""" + PERIOD_VENUES + """
            ) a ON a.venue_id = v.id
            LEFT JOIN LATERAL (SELECT max(i.inspected_at) AS last FROM inspection i
                               WHERE i.venue_id = v.id AND i.outcome <> 'not_found') l ON true
            WHERE v.geom IS NOT NULL AND v.geom && ST_MakeEnvelope(?, ?, ?, ?, 4326) AND v.status = ANY(""" + ACTIVE + """
            )
            ORDER BY v.id""";

    /** Venues by the district code the registry assigned them (area_id, area_name, venue_id, status). */
    static String districtVenues(String venueScope) {
        return """
                SELECT coalesce(v.district_code, '') AS area_id, coalesce(d.name, '未定区划') AS area_name, v.id AS venue_id,
                       v.status FROM venue v LEFT JOIN district d ON d.adcode = v.district_code WHERE\s""" + venueScope;
    }

    /** Venues by unit (area_id = the unit id, area_name its name; venues in no unit under '未定单位'). */
    static String unitVenues(String venueScope) {
        return """
                SELECT coalesce(v.unit_id::text, '') AS area_id, coalesce(u.name, '未定单位') AS area_name, v.id AS venue_id,
                       v.status FROM venue v LEFT JOIN unit u ON u.id = v.unit_id WHERE\s""" + venueScope;
    }

    /** Venues covered by each zone of the districts' active zone sets (zoning's published view active_zone). */
    static String zoneVenues(String venueScope) {
        return """
                SELECT z.id::text AS area_id, z.name AS area_name, v.id AS venue_id, v.status
                FROM active_zone z JOIN venue v ON v.geom IS NOT NULL AND v.geom && z.geom AND ST_Covers(z.geom, v.geom)
                WHERE\s""" + venueScope;
    }

    /** Figures per area (parameters: the period as in {@link #PERIOD_VENUES}) for a query giving (area_id, area_name, venue_id, status). */
    static String areaStats(String areaVenues) {
        return """
                WITH av AS (%1$s),
                pv AS (%3$s)
                SELECT av.area_id, max(av.area_name),
                       count(*) FILTER (WHERE av.status = ANY(%2$s)),
                       count(*) FILTER (WHERE av.status = ANY(%2$s) AND pv.n > 0),
                       coalesce(sum(pv.n), 0), coalesce(sum(pv.viol), 0), coalesce(sum(pv.off), 0)
                FROM av LEFT JOIN pv ON pv.venue_id = av.venue_id
                GROUP BY av.area_id ORDER BY av.area_id""".formatted(areaVenues, ACTIVE, PERIOD_VENUES);
    }

    private CoverageSql() {
    }
}
