package com.patrolplanner.tiles;

import static com.patrolplanner.TestSupport.anonymous;
import static com.patrolplanner.TestSupport.as;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.patrolplanner.security.AppUser;
import com.uber.h3core.H3Core;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 17 point 3: coverage cells as vector tiles. A city unit over two district units A and B (boxes side by side at
 * 117.7° E 48° N, far from every other fixture) with venues and inspections of their own. A tile is decoded by GDAL's MVT
 * driver; the expected cells are computed here with the H3 library from the venues' positions (not from the service's
 * venue cells), the expected figures from the fixture itself. A user of A sees only A's cells and counts; the city
 * sees both; the period and the scope are part of the ETag; an inspection written by SQL makes the old copy stale.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CoverageTilesTest {
    static final double[] CITY = {117.60, 48.00, 117.80, 48.05};
    static final double[] A = {117.60, 48.00, 117.70, 48.05};
    static final double[] B = {117.70, 48.00, 117.80, 48.05};
    /** Venues of A (three) and of B (two), well inside their boxes. */
    static final double[][] VENUES_A = {{117.630, 48.020}, {117.6305, 48.0202}, {117.670, 48.030}};
    static final double[][] VENUES_B = {{117.740, 48.020}, {117.770, 48.035}};
    static final int Z = 9;

    @Inject
    DataSource db;

    boolean built;
    final List<Long> venuesA = new ArrayList<>();
    final List<Long> venuesB = new ArrayList<>();

    static String box(double[] b) {
        return "{\"type\":\"Polygon\",\"coordinates\":[[[" + b[0] + "," + b[1] + "],[" + b[2] + "," + b[1] + "],[" + b[2] + ","
                + b[3] + "],[" + b[0] + "," + b[3] + "],[" + b[0] + "," + b[1] + "]]]}";
    }

    long unit(String name, String kind, Long parent, double[] area) {
        String body = "{\"name\":\"" + name + "\",\"kind\":\"" + kind + "\"" + (parent == null ? "" : ",\"parentId\":" + parent)
                + ",\"area\":" + box(area) + "}";
        return as("admin").contentType("application/json").body(body).post("/api/units").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    long venue(String licence, double lon, double lat) {
        return as("admin").contentType("application/json").body(Map.of("licenceNo", licence, "name", "覆盖瓦片" + licence,
                "category", "internet_cafe", "address", "瓦片路" + licence, "lon", lon, "lat", lat)).post("/api/venues")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    void sql(String statement) throws Exception {
        try (Connection c = db.getConnection()) {
            c.createStatement().execute(statement);
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        if (built) {
            return;
        }
        cleanUp();
        long city = unit("覆盖瓦片测试市", "city", null, CITY);
        long a = unit("覆盖瓦片测试甲区", "district", city, A);
        long b = unit("覆盖瓦片测试乙区", "district", city, B);
        QuarkusTransaction.requiringNew().run(() -> {
            user("ct-a-manager", "manager", a);
            user("ct-city-manager", "manager", city);
            user("ct-a-leader", "team_leader", a);
        });
        for (int i = 0; i < VENUES_A.length; i++) {
            venuesA.add(venue("CT-A-" + i, VENUES_A[i][0], VENUES_A[i][1]));
        }
        for (int i = 0; i < VENUES_B.length; i++) {
            venuesB.add(venue("CT-B-" + i, VENUES_B[i][0], VENUES_B[i][1]));
        }
        // two inspections of A's first venue and one of B's first, ten days ago (inside the default period)
        for (long v : List.of(venuesA.get(0), venuesA.get(0), venuesB.get(0))) {
            sql("INSERT INTO inspection (venue_id, inspected_at, outcome, officer_count, category, created_by) VALUES ("
                    + v + ", now() - interval '10 days', 'compliant', 2, 'internet_cafe', 'ct-test')");
        }
        built = true;
    }

    static void user(String name, String role, long unit) {
        AppUser u = new AppUser();
        u.username = name;
        u.password = AppUser.hash(name);
        u.roles = role;
        u.unitId = unit;
        u.persist();
    }

    @AfterAll
    void cleanUp() throws Exception {
        sql("DELETE FROM app_user WHERE username LIKE 'ct-%'");
        sql("DELETE FROM inspection WHERE venue_id IN (SELECT id FROM venue WHERE licence_no LIKE 'CT-%')");
        sql("DELETE FROM venue WHERE licence_no LIKE 'CT-%'");
        sql("DELETE FROM unit WHERE kind = 'district' AND name LIKE '覆盖瓦片测试%'");
        sql("DELETE FROM unit WHERE name LIKE '覆盖瓦片测试%'");
    }

    static int tileX(double lon, int z) {
        return TilesApiTest.tileX(lon, z);
    }

    static int tileY(double lat, int z) {
        return TilesApiTest.tileY(lat, z);
    }

    /** The tile of the city's centre at zoom Z (both districts lie in it). */
    static String tile() {
        return "/tiles/coverage/" + Z + "/" + tileX(117.70, Z) + "/" + tileY(48.025, Z) + ".mvt";
    }

    /** Downloads a coverage tile and decodes it with GDAL's MVT driver (ogrinfo -al). */
    static String decode(String user, String query) throws Exception {
        int x = tileX(117.70, Z);
        int y = tileY(48.025, Z);
        byte[] mvt = as(user).get(tile() + query).then().statusCode(200)
                .contentType(startsWith("application/vnd.mapbox-vector-tile")).extract().asByteArray();
        Path f = Files.createDirectories(Path.of("target", "tiles", "coverage", user, "" + Z, "" + x)).resolve(y + ".mvt");
        Files.write(f, mvt);
        Process p = new ProcessBuilder("ogrinfo", "-ro", "-al", "-oo", "Z=" + Z, "-oo", "X=" + x, "-oo", "Y=" + y, f.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    static List<String> strings(String ogrinfo, String field) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("^\\s+" + field + " \\(String\\) = (\\S+)$", Pattern.MULTILINE).matcher(ogrinfo);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    static long sum(String ogrinfo, String field) {
        return TilesApiTest.ints(ogrinfo, field).stream().mapToLong(Long::longValue).sum();
    }

    /** The H3 res-8 cells (hex addresses) of the given positions, by the H3 library here. */
    static TreeSet<String> cells(double[][]... groups) throws Exception {
        H3Core h3 = H3Core.newInstance();
        TreeSet<String> out = new TreeSet<>();
        for (double[][] g : groups) {
            for (double[] p : g) {
                out.add(h3.latLngToCellAddress(p[1], p[0], 8));
            }
        }
        return out;
    }

    @Test
    void aDistrictSeesOnlyItsOwnCellsAndTheCityBoth() throws Exception {
        String a = decode("ct-a-manager", "");
        assertEquals(cells(VENUES_A), new TreeSet<>(strings(a, "cell")), a);
        assertEquals(VENUES_A.length, sum(a, "venues"), a);
        assertEquals(2, sum(a, "inspections"), a);
        assertEquals(1, sum(a, "venuesInspected"), a);

        String city = decode("ct-city-manager", "");
        assertEquals(cells(VENUES_A, VENUES_B), new TreeSet<>(strings(city, "cell")), city);
        assertEquals(VENUES_A.length + VENUES_B.length, sum(city, "venues"), city);
        assertEquals(3, sum(city, "inspections"), city);
    }

    @Test
    void thePeriodAndTheScopeAreInTheEtagAndAWriteMakesItStale() throws Exception {
        ExtractableResponse<Response> first = as("ct-a-manager").get(tile()).then().statusCode(200).extract();
        String etag = first.header("ETag");
        assertTrue(etag != null && !etag.isBlank(), "an ETag");
        as("ct-a-manager").header("If-None-Match", etag).get(tile()).then().statusCode(304);
        // another period: another answer (no inspection in 2020), another ETag
        String old = decode("ct-a-manager", "?from=2020-01-01&to=2020-12-31");
        assertEquals(0, sum(old, "inspections"), old);
        assertEquals(VENUES_A.length, sum(old, "venues"), old);
        String etag2020 = as("ct-a-manager").get(tile() + "?from=2020-01-01&to=2020-12-31").then().statusCode(200)
                .extract().header("ETag");
        assertNotEquals(etag, etag2020);
        // another scope: the city's copy is not the district's
        assertNotEquals(etag, as("ct-city-manager").get(tile()).then().statusCode(200).extract().header("ETag"));
        // an inspection written by SQL (no service involved) retires the copy
        sql("INSERT INTO inspection (venue_id, inspected_at, outcome, officer_count, category, created_by) VALUES ("
                + venuesA.get(2) + ", now() - interval '3 days', 'compliant', 2, 'internet_cafe', 'ct-test')");
        as("ct-a-manager").header("If-None-Match", etag).get(tile()).then().statusCode(200);
        assertEquals(3, sum(decode("ct-a-manager", ""), "inspections"));
        sql("DELETE FROM inspection WHERE venue_id = " + venuesA.get(2));
    }

    @Test
    void rolesAddressesAndTileJson() {
        anonymous().get(tile()).then().statusCode(401);
        as("ct-a-leader").get(tile()).then().statusCode(403);
        as("ct-a-manager").get("/tiles/coverage/23/0/0.mvt").then().statusCode(400).body("errors[0].field", equalTo("z"));
        as("ct-a-manager").get(tile() + "?from=2020-13-01").then().statusCode(400).body("errors[0].field", equalTo("from"));
        // nothing of A in the middle of the Pacific
        as("ct-a-manager").get("/tiles/coverage/" + Z + "/" + tileX(-150, Z) + "/" + tileY(0, Z) + ".mvt").then().statusCode(204);
        as("ct-a-manager").get("/tiles/coverage.json?from=2026-01-01&to=2026-06-30").then().statusCode(200)
                .body("tilejson", equalTo("3.0.0"))
                .body("tiles[0]", endsWith("/tiles/coverage/{z}/{x}/{y}.mvt?from=2026-01-01&to=2026-06-30"))
                .body("vector_layers.id", hasItems("coverage"));
    }
}
