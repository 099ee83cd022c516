package com.patrolplanner.registry;

import static com.patrolplanner.TestSupport.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The city's maps by unit: the choropleth has one feature per district (a district drills into its development zone);
 * vector tiles hold only the user's units.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JurisdictionMapsTest extends JurisdictionFixture {
    /** The city's choropleth per unit: one feature per district with its figures; a district sees itself only. */
    @Test
    @Order(11)
    void theCitysChoroplethHasOneFeaturePerDistrict() throws Exception {
        carveZone();
        records();
        JsonPath city = as("ju-city-manager").get("/api/coverage/units?from=2026-03-01&to=2026-03-31").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of("辖区测试甲区", "辖区测试乙区"), city.getList("features.properties.name"));
        // venues per district from SQL ground truth by position; one inspection each in March (the fixtures)
        Set<Long> active = new TreeSet<>();
        try (Connection c = db.getConnection(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT id FROM venue WHERE status IN ('open','suspended','unlicensed')")) {
            while (rs.next()) {
                active.add(rs.getLong(1));
            }
        }
        Set<Long> a = inBox("venue", A);
        a.retainAll(active);
        Set<Long> b = inBox("venue", B);
        b.retainAll(active);
        assertEquals(a.size(), city.getInt("features[0].properties.venues"));
        assertEquals(b.size(), city.getInt("features[1].properties.venues"));
        assertEquals(1, city.getInt("features[0].properties.venuesInspected"));
        assertEquals(1.0 / a.size(), city.getDouble("features[0].properties.coverage"), 1e-4);
        // a café 100 m from a school in each district (the fixtures): one open violation each
        assertEquals(1, city.getInt("features[0].properties.openViolations"));
        assertEquals(1, city.getInt("features[1].properties.openViolations"));
        // drill into A: A is a leaf below the zone carved out of it, so it shows its development zone
        JsonPath drill = as("ju-city-manager").get("/api/coverage/units?unit=" + unitA).then().statusCode(200).extract().jsonPath();
        assertEquals("辖区测试甲区", drill.getString("unitName"));
        assertEquals(List.of("辖区测试开发区"), drill.getList("features.properties.name"));
        as("ju-a-manager").get("/api/coverage/units?unit=" + unitB).then().statusCode(404);
        assertEquals(List.of("辖区测试开发区"), as("ju-a-manager").get("/api/coverage/units").then().statusCode(200)
                .extract().jsonPath().getList("features.properties.name"));
    }

    // ------------------------------------------------------------------ vector tiles by unit

    static int tileX(double lon, int z) {
        return (int) Math.floor((lon + 180) / 360 * (1 << z));
    }

    static int tileY(double lat, int z) {
        double r = Math.toRadians(lat);
        return (int) Math.floor((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2 * (1 << z));
    }

    /** The tile as {@code user} gets it, decoded by GDAL's MVT driver ({@code ogrinfo -al}); "" for an empty tile (204). */
    static String decodeTile(String layer, int z, int x, int y, String user) throws Exception {
        io.restassured.response.Response r = as(user).get("/tiles/" + layer + "/" + z + "/" + x + "/" + y + ".mvt");
        if (r.statusCode() == 204) {
            return "";
        }
        byte[] mvt = r.then().statusCode(200).extract().asByteArray();
        java.nio.file.Path f = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "tiles-units", user, layer,
                "" + z, "" + x)).resolve(y + ".mvt");
        java.nio.file.Files.write(f, mvt);
        Process p = new ProcessBuilder("ogrinfo", "-ro", "-al", "-oo", "Z=" + z, "-oo", "X=" + x, "-oo", "Y=" + y, f.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    /** The features of {@code layer} in an ogrinfo listing, 0 when the layer is absent. */
    static long layerCount(String ogrinfo, String layer) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Layer name: " + layer + "\\n(?:.*\\n)*?Feature Count: (\\d+)")
                .matcher(ogrinfo);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    static long sumOf(String ogrinfo, String field) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^\\s+" + field + " \\(.*\\) = (\\d+)$",
                java.util.regex.Pattern.MULTILINE).matcher(ogrinfo);
        long n = 0;
        while (m.find()) {
            n += Long.parseLong(m.group(1));
        }
        return n;
    }

    /** Rows of {@code table} within tile z/x/y (with the renderer's 64/4096 buffer) and inside box {@code b}, by SQL. */
    long inTile(String table, int z, int x, int y, double[] b) throws Exception {
        return sql("SELECT count(*) FROM " + table + " t WHERE t.geom IS NOT NULL AND ST_Intersects(ST_Transform(t.geom, 3857), "
                + "ST_TileEnvelope(" + z + ", " + x + ", " + y + ", margin => 0.015625)) AND ST_X(t.geom) > " + b[0]
                + " AND ST_X(t.geom) < " + b[2] + " AND ST_Y(t.geom) > " + b[1] + " AND ST_Y(t.geom) < " + b[3]);
    }

    /**
     * {@code /tiles/venues} and {@code /tiles/schools} scoped by unit: a tile over both districts holds, for a district
     * user, only its own unit's venues (clusters counted) and schools; the city's user gets both. Decoded by GDAL, counts
     * from SQL by position; and at street level a tile around one of A's venues is empty of venues for B's user.
     */
    @Test
    @Order(15)
    void vectorTilesHoldOnlyTheUsersUnits() throws Exception {
        records();
        int z = 12;
        while (tileX(CITY[0], z) != tileX(CITY[2], z) || tileY(CITY[1], z) != tileY(CITY[3], z)) {
            z--;
        }
        int x = tileX(CITY[0], z);
        int y = tileY(CITY[3], z);
        assertTrue(z < com.patrolplanner.tiles.TileLayer.VENUE_DETAIL_ZOOM && z >= 6, "one cluster tile over the city: z" + z);
        for (String[] u : new String[][] {{"ju-a-planner", "a"}, {"ju-b-manager", "b"}, {"ju-city-manager", "*"}, {"ju-city-planner", "*"}}) {
            double[] b = u[1].equals("a") ? A : u[1].equals("b") ? B : CITY;
            long venues = inTile("venue", z, x, y, b);
            long schools = inTile("school", z, x, y, b);
            assertTrue(venues > 0 && schools > 0, "fixtures in the tile for " + u[0]);
            String v = decodeTile("venues", z, x, y, u[0]);
            assertEquals(venues, sumOf(v, "count"), u[0] + " venues in the clusters of " + z + "/" + x + "/" + y + "\n" + v);
            String s = decodeTile("schools", z, x, y, u[0]);
            assertEquals(schools, layerCount(s, "schools"), u[0] + " schools of " + z + "/" + x + "/" + y + "\n" + s);
        }
        // street level: the tile around A's first café holds it for A's user, nothing of A for B's
        int zs = 16;
        int xs = tileX(101.05, zs);
        int ys = tileY(30.05, zs);
        long here = sql("SELECT count(*) FROM venue t WHERE ST_Intersects(ST_Transform(t.geom, 3857), ST_TileEnvelope(" + zs + ", "
                + xs + ", " + ys + ", margin => 0.015625))");
        assertTrue(here > 0, "a venue in the street tile");
        assertEquals(inTile("venue", zs, xs, ys, A), layerCount(decodeTile("venues", zs, xs, ys, "ju-a-planner"), "venues"));
        assertEquals(0, layerCount(decodeTile("venues", zs, xs, ys, "ju-b-planner"), "venues"));
        assertEquals(0, layerCount(decodeTile("schools", zs, xs, ys, "ju-b-planner"), "schools"));
    }
}
