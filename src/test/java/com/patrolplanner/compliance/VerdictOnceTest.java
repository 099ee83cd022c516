package com.patrolplanner.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * {@link ComplianceSql#candidatesOnce} (one geodesic distance per candidate, what the set-based recomputations of an
 * import use) gives exactly the rows of {@link ComplianceSql#candidates} (ST_DWithin, then ST_Distance): on internet
 * cafés placed by {@code ST_Project} at 199.98–200.02 m from a campus boundary and from a school point (the rule's
 * boundary, where the two could part), inside a campus, and at random further out. Written in a transaction that is
 * rolled back.
 */
@QuarkusTest
class VerdictOnceTest {
    @Inject
    DataSource db;

    @Test
    void oneDistancePerCandidateGivesTheSameRowsAsDWithinThenDistance() throws Exception {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                // a primary school with a campus (a 120 m × 90 m box) and a junior school known by its point only
                st.execute("INSERT INTO school (name, level, address, geom, campus) VALUES ('VOT-campus', 'primary', 'VOT-1', "
                        + "ST_SetSRID(ST_MakePoint(118.5006, 35.2004), 4326), ST_Multi(ST_MakeEnvelope(118.5, 35.2, 118.50132, "
                        + "35.20081, 4326))), ('VOT-point', 'junior', 'VOT-2', ST_SetSRID(ST_MakePoint(118.53, 35.22), 4326), NULL)");
                // cafés along 24 bearings at distances around 200 m from the campus's corner-side edges and from the point
                st.execute("""
                        INSERT INTO venue (licence_no, name, category, geom, source_datum, geocode_status)
                        SELECT 'VOT-' || row_number() OVER (), 'VOT-venue', 'internet_cafe',
                               ST_Project(o.g::geography, d.m, radians(b.deg))::geometry, 'WGS84', 'source'
                        FROM (VALUES (ST_SetSRID(ST_MakePoint(118.50132, 35.20081), 4326)),
                                     (ST_SetSRID(ST_MakePoint(118.5, 35.2), 4326)),
                                     (ST_SetSRID(ST_MakePoint(118.53, 35.22), 4326))) o(g)
                        CROSS JOIN (VALUES (199.98), (199.995), (199.999), (200.0), (200.001), (200.005), (200.02),
                                           (0.0), (50.0), (150.0), (250.0), (400.0)) d(m)
                        CROSS JOIN generate_series(0, 345, 15) b(deg)""");
                st.execute("INSERT INTO venue (licence_no, name, category, geom, source_datum, geocode_status) "
                        + "SELECT 'VOT-R' || i, 'VOT-venue', 'internet_cafe', ST_SetSRID(ST_MakePoint(118.497 + random() * 0.04, "
                        + "35.197 + random() * 0.03), 4326), 'WGS84', 'source' FROM generate_series(1, 300) i");
            }
            Sql venues = ComplianceSql.venuesWhere(" AND name = ?", "VOT-venue");
            Sql schools = Sql.of(" AND s.name LIKE ?", "VOT-%");
            List<String> old = rows(c, ComplianceSql.candidates(venues, ComplianceSql.NONE, schools));
            List<String> once = rows(c, ComplianceSql.candidatesOnce(venues, ComplianceSql.NONE, schools));
            assertTrue(old.size() > 300, "candidates found: " + old.size());
            // the boundary is really probed: both sides of 200 m are among the candidates' distances
            assertTrue(old.stream().mapToDouble(r -> Double.parseDouble(r.split(" ")[3])).anyMatch(d -> d > 199.97 && d <= 200),
                    "candidates just inside the rule's distance");
            assertEquals(old, once);
            c.rollback();
        }
    }

    private static List<String> rows(Connection c, Sql sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT venue_id, school_id, rule_id, distance_m, approximate, "
                + "round(distance_m::numeric, 2) FROM (" + sql.text() + ") x ORDER BY 1, 2, 3")) {
            for (int i = 0; i < sql.params().size(); i++) {
                ps.setObject(i + 1, sql.params().get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1) + " " + rs.getLong(2) + " " + rs.getLong(3) + " " + rs.getDouble(4) + " "
                            + rs.getBoolean(5) + " | " + rs.getString(6));
                }
            }
        }
        return out;
    }
}
