package com.patrolplanner.coverage;

import static com.patrolplanner.TestSupport.as;
import static com.patrolplanner.coverage.Fixtures.count;
import static com.patrolplanner.coverage.Fixtures.inspect;
import static com.patrolplanner.coverage.Fixtures.officers;
import static com.patrolplanner.coverage.Fixtures.sql;
import static com.patrolplanner.coverage.Fixtures.venue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The monthly roll-up (inspection_month, kept by triggers) serves long periods: its answers must equal summing the raw
 * inspection rows, on random periods that start and end inside months, on month boundaries, and within one month, after
 * inserts, updates that move rows between venues, months and outcomes, and deletes. Coverage answers are then cached
 * until a write: ETag / If-None-Match → 304, and a write (through the service or straight SQL) shows at once.
 */
@QuarkusTest
class RollupEqualsRawTest {
    @Inject
    AgroalDataSource ds;
    @Inject
    CoverageService coverage;
    @Inject
    com.patrolplanner.web.DataVersion versions;

    // a corner of the map no other test uses; venues ≥ 1 km apart so each has its own res-9 cell
    static final double LON = 101.30;
    static final double LAT = 31.30;
    static final String BBOX = "101.29,31.29,101.36,31.33";
    static final OffsetDateTime T0 = OffsetDateTime.of(2023, 11, 1, 0, 0, 0, 0, ZoneOffset.ofHours(8));

    @Test
    void rollupAnswersEqualRawInspectionsOnRandomPeriods() throws Exception {
        int[] v = new int[4];
        for (int i = 0; i < v.length; i++) {
            v[i] = venue("internet_cafe", LON + 0.015 * i, LAT);
        }
        Random r = new Random(18);
        String[] outcomes = {"compliant", "violation", "not_operating", "refused_entry", "not_found"};
        // 400 rows over 16 months (2023-11 … 2025-02), a tenth of them exactly on a month boundary or a second before it
        StringBuilder values = new StringBuilder();
        for (int k = 0; k < 400; k++) {
            OffsetDateTime at = T0.plusSeconds((long) (r.nextDouble() * 480 * 86400));
            if (k % 10 == 0) {
                at = T0.plusMonths(r.nextInt(16)).minusSeconds(k % 20 == 0 ? 0 : 1);
            }
            values.append(k == 0 ? "" : ",").append("(").append(v[r.nextInt(v.length)]).append(",'").append(at)
                    .append("'::timestamptz,'").append(outcomes[r.nextInt(outcomes.length)]).append("',")
                    .append(r.nextInt(4)).append(",").append(2 + r.nextInt(3)).append(")");
        }
        sql(ds, "INSERT INTO inspection (venue_id, inspected_at, outcome, violation_count, officer_count, category, created_by) "
                + "SELECT x.venue, x.at, x.outcome, x.viol, x.off, 'internet_cafe', 'rollup-test' FROM (VALUES " + values
                + ") x(venue, at, outcome, viol, off)");
        String mine = "created_by = 'rollup-test'";
        // updates that move rows across months, venues and outcomes, and deletes
        sql(ds, "UPDATE inspection SET inspected_at = inspected_at + interval '17 days', outcome = 'compliant' WHERE " + mine
                + " AND id % 7 = 0");
        sql(ds, "UPDATE inspection SET venue_id = ?, violation_count = violation_count + 1 WHERE " + mine + " AND id % 11 = 0", v[0]);
        sql(ds, "UPDATE inspection SET outcome = 'not_found' WHERE " + mine + " AND id % 13 = 0");
        sql(ds, "DELETE FROM inspection WHERE " + mine + " AND id % 5 = 0");

        // the table itself: every (month, venue) of these venues equals a GROUP BY of the raw rows
        String ids = "{" + v[0] + "," + v[1] + "," + v[2] + "," + v[3] + "}";
        assertEquals(0, count(ds, """
                SELECT count(*) FROM (
                  SELECT date_trunc('month', inspected_at AT TIME ZONE 'Asia/Shanghai')::date AS month, venue_id,
                         count(*)::bigint AS n, sum(violation_count)::bigint AS viol, sum(officer_count)::bigint AS off
                  FROM inspection WHERE venue_id = ANY(?::bigint[]) AND outcome <> 'not_found' GROUP BY 1, 2) raw
                FULL JOIN (SELECT month, venue_id, inspections::bigint AS n, violations AS viol, officer_visits AS off
                           FROM inspection_month WHERE venue_id = ANY(?::bigint[]) AND inspections <> 0) m
                  USING (month, venue_id)
                WHERE raw.n IS DISTINCT FROM m.n OR raw.viol IS DISTINCT FROM m.viol OR raw.off IS DISTINCT FROM m.off""",
                ids, ids), "inspection_month differs from the raw rows");

        List<OffsetDateTime[]> periods = new ArrayList<>();
        periods.add(new OffsetDateTime[] {T0, T0.plusMonths(16)}); // whole months only
        periods.add(new OffsetDateTime[] {T0.plusDays(3), T0.plusDays(20)}); // inside one month
        periods.add(new OffsetDateTime[] {T0.plusMonths(2).minusSeconds(1), T0.plusMonths(3).plusSeconds(1)});
        for (int k = 0; k < 20; k++) {
            OffsetDateTime a = T0.minusDays(10).plusSeconds((long) (r.nextDouble() * 500 * 86400));
            OffsetDateTime b = a.plusSeconds(1 + (long) (r.nextDouble() * 400 * 86400));
            periods.add(new OffsetDateTime[] {a, b});
        }
        for (OffsetDateTime[] p : periods) {
            Map<Long, long[]> raw = raw(v, p[0], p[1]);
            CoverageQuery q = new CoverageQuery(p[0], p[1], CoverageQuery.bbox(BBOX));
            // per venue, through the roll-up SQL (venue figures)
            JsonPath venues = JsonPath.from(coverage.venuesGeoJson(q));
            for (int id : v) {
                long[] e = raw.getOrDefault((long) id, new long[3]);
                Map<String, Object> props = venues.getMap("features.find { it.id == " + id + " }.properties");
                assertNotNull(props, "venue " + id);
                assertEquals(e[0], ((Number) props.get("inspections")).longValue(), "inspections " + id + " " + p[0] + "…" + p[1]);
                assertEquals(e[1], ((Number) props.get("violations")).longValue(), "violations " + id + " " + p[0] + "…" + p[1]);
                assertEquals(e[2], ((Number) props.get("officerVisits")).longValue(), "officers " + id + " " + p[0] + "…" + p[1]);
            }
            // per cell, through the cached snapshot (one venue per cell here)
            Map<Long, CoverageService.Stats> cells = new HashMap<>();
            coverage.cells(q, 9).forEach(cs -> cells.put(cs.cell(), cs.stats()));
            for (int i = 0; i < v.length; i++) {
                long[] e = raw.getOrDefault((long) v[i], new long[3]);
                CoverageService.Stats s = cells.get(HexCells.cell(LON + 0.015 * i, LAT, 9));
                assertNotNull(s, "cell of venue " + v[i]);
                assertEquals(e[0], s.inspections(), "cell inspections " + p[0] + "…" + p[1]);
                assertEquals(e[1], s.violations());
                assertEquals(e[2], s.officerVisits());
                assertEquals(e[0] > 0 ? 1 : 0, s.venuesInspected());
            }
        }
    }

    /** Per venue: inspections, violations, officer-visits of [from, to), summed from the raw rows. */
    private Map<Long, long[]> raw(int[] v, OffsetDateTime from, OffsetDateTime to) throws Exception {
        Map<Long, long[]> out = new HashMap<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT venue_id, count(*), sum(violation_count), sum(officer_count) FROM inspection
                WHERE venue_id = ANY(?::bigint[]) AND inspected_at >= ? AND inspected_at < ? AND outcome <> 'not_found'
                GROUP BY venue_id""")) {
            ps.setString(1, "{" + v[0] + "," + v[1] + "," + v[2] + "," + v[3] + "}");
            ps.setTimestamp(2, Timestamp.from(from.toInstant()));
            ps.setTimestamp(3, Timestamp.from(to.toInstant()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)});
                }
            }
        }
        return out;
    }

    @Test
    void coverageIsServedFromCacheUntilAWriteWithEtags() throws Exception {
        for (int i = 0; i < 200 && !versions.listening(); i++) {
            Thread.onSpinWait();
            java.util.concurrent.locks.LockSupport.parkNanos(10_000_000);
        }
        assertTrue(versions.listening(), "the data-version listener is connected");
        double lon = 101.60;
        double lat = 31.60;
        String bbox = "101.59,31.59,101.61,31.61";
        int a = venue("song_dance", lon, lat);
        String url = "/api/coverage/hex?bbox=" + bbox + "&res=9&from=2024-01-01&to=2024-12-31&metric=inspections";
        var first = as("manager").get(url).then().statusCode(200).extract();
        String etag = first.header("ETag");
        assertNotNull(etag);
        assertEquals(0, ((Number) first.jsonPath().get("features[0].properties.inspections")).intValue());
        // the same answer again: 304, no body
        as("manager").header("If-None-Match", etag).get(url).then().statusCode(304);
        // an inspection through the service: the next request is a 200 with the new figure
        inspect(a, "2024-06-01T10:00:00+08:00", officers(2), "compliant", null);
        var second = as("manager").header("If-None-Match", etag).get(url).then().statusCode(200).extract();
        assertEquals(1, ((Number) second.jsonPath().get("features[0].properties.inspections")).intValue());
        assertNotEquals(etag, second.header("ETag"));
        // a bulk write in plain SQL (no service, no event): seen at once as well
        sql(ds, "INSERT INTO inspection (venue_id, inspected_at, outcome, violation_count, officer_count, category, created_by) "
                + "VALUES (?, '2024-07-01T10:00:00+08'::timestamptz, 'compliant', 0, 2, 'song_dance', 'rollup-test')", a);
        var third = as("manager").header("If-None-Match", second.header("ETag")).get(url).then().statusCode(200).extract();
        assertEquals(2, ((Number) third.jsonPath().get("features[0].properties.inspections")).intValue());
        // heat and districts carry ETags the same way
        String heat = "/api/coverage/heat?bbox=" + bbox + "&from=2024-01-01&to=2024-12-31";
        String heatTag = as("manager").get(heat).then().statusCode(200).extract().header("ETag");
        as("manager").header("If-None-Match", heatTag).get(heat).then().statusCode(304);
        String districtTag = as("manager").get("/api/districts").then().statusCode(200).extract().header("ETag");
        as("manager").header("If-None-Match", districtTag).get("/api/districts").then().statusCode(304);
        as("planner").header("If-None-Match", districtTag).get("/api/districts").then().statusCode(304);
    }
}
