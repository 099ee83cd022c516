package com.patrolplanner.reliability;

import static com.patrolplanner.TestSupport.anonymous;
import static com.patrolplanner.TestSupport.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Issue 17 point 6: {@code /q/metrics} in Prometheus text format, for administrators only on the main port; request
 * latency histograms per route, jobs by kind and state (equal to SQL), import rows, geocoder hits by level, the
 * database pool.
 */
@QuarkusTest
class MetricsTest {
    @Inject
    DataSource ds;

    static String scrape() {
        return as("admin").get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The value of one series (name and exact label set as Prometheus prints them, labels sorted), or null. */
    static Double value(String text, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([-0-9.eE+NaInf]+)$").matcher(text);
        return m.find() ? Double.valueOf(m.group(1)) : null;
    }

    @Test
    void onlyAdministratorsReadMetrics() {
        anonymous().get("/q/metrics").then().statusCode(401);
        for (String u : new String[] {"planner", "leader1", "manager"}) {
            as(u).get("/q/metrics").then().statusCode(403);
        }
        // Prometheus text for a scraper that asks for it, OpenMetrics otherwise
        as("admin").accept("text/plain").get("/q/metrics").then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/plain"));
    }

    @Test
    void requestLatencyIsAHistogramPerRoute() {
        as("planner").get("/api/venues?limit=1").then().statusCode(200);
        as("planner").get("/api/venues/987654321").then().statusCode(404);
        String text = scrape();
        // the route is the template, not the id: one series for every venue
        assertTrue(text.contains("http_server_requests_seconds_bucket{") && text.matches("(?s).*http_server_requests_seconds_bucket\\{[^}]*uri=\"/api/venues/\\{id\\}\"[^}]*\\}.*"),
                "no latency histogram for /api/venues/{id}");
        assertTrue(text.matches("(?s).*http_server_requests_seconds_count\\{[^}]*uri=\"/api/venues\"[^}]*\\} [1-9].*"),
                "no request count for /api/venues");
        assertTrue(!text.contains("uri=\"/api/venues/987654321\""), "a raw id became a route label");
    }

    @Test
    void jobsByKindAndStateEqualSql() throws Exception {
        String text = scrape();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT kind, state, count(*) FROM pp.job GROUP BY kind, state")) {
            while (rs.next()) {
                String series = "pp_jobs{kind=\"" + rs.getString(1) + "\",state=\"" + rs.getString(2) + "\"}";
                Double v = value(text, series);
                if (v == null) {
                    v = value(scrape(), series); // a kind first seen in this scrape has its series in the next
                }
                assertEquals(rs.getLong(3), v == null ? -1 : v.longValue(), series);
            }
        }
        // the known kinds are there at zero before their first job
        assertTrue(text.contains("pp_jobs{kind=\"campaign-solve\",state=\"RUNNING\"}"), "no campaign-solve series");
    }

    @Test
    void importRowsGeocoderHitsAndThePool() {
        String before = scrape();
        double rows0 = orZero(value(before, "pp_import_rows_total{kind=\"venues\"}"));
        String csv = "licence_no,name,category,address,lon,lat\n"
                + "MET-" + System.nanoTime() + ",度量网吧,internet_cafe,潍坊市奎文区测试路1号,119.1234567,36.7012345\n"
                + "MET-" + System.nanoTime() + ",度量书店,publication,潍坊市奎文区测试路2号,119.1244567,36.7022345\n";
        as("admin").multiPart("file", "metrics.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv").multiPart("kind", "venues")
                .post("/api/imports").then().log().ifValidationFails().statusCode(200);
        as("planner").queryParam("q", "潍坊市奎文区胜利东街").get("/api/geocode").then().statusCode(200);
        String after = scrape();
        assertEquals(rows0 + 2, orZero(value(after, "pp_import_rows_total{kind=\"venues\"}")), 1e-9, "rows counted");
        assertTrue(after.contains("pp_import_duration_seconds_bucket{kind=\"venues\""), "no import duration histogram");
        assertTrue(after.matches("(?s).*pp_geocode_hits_total\\{level=\"[a-z]+\"\\} [1-9].*"), "no geocoder hit by level");
        assertTrue(after.contains("agroal_active_count") && after.contains("agroal_max_used_count"), "no pool metrics");
    }

    private static double orZero(Double d) {
        return d == null ? 0 : d;
    }
}
