package com.patrolplanner.tiles;

import static com.patrolplanner.TestSupport.anonymous;
import static com.patrolplanner.TestSupport.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Vector tiles read back by an independent decoder (GDAL's MVT driver); tile addresses come from the slippy-map
 * formulas computed here, expected counts from the test's own SQL.
 */
@QuarkusTest
class TilesApiTest {
    /** The centre of tile z15 that holds the fixtures: a test area of its own in Guizhou (lon 106.6, lat 26.6). */
    static final int Z = 15;
    static final int TX = tileX(106.6, Z);
    static final int TY = tileY(26.6, Z);
    static final double CX = (lon(TX, Z) + lon(TX + 1, Z)) / 2;
    static final double CY = (lat(TY, Z) + lat(TY + 1, Z)) / 2;
    static final String DISTRICT = "990801";
    static final int VENUES = 12;
    static boolean built;

    @Inject
    DataSource ds;

    static int tileX(double lon, int z) {
        return (int) Math.floor((lon + 180) / 360 * (1 << z));
    }

    static int tileY(double lat, int z) {
        double r = Math.toRadians(lat);
        return (int) Math.floor((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2 * (1 << z));
    }

    static double lon(int x, int z) {
        return x / (double) (1 << z) * 360 - 180;
    }

    static double lat(int y, int z) {
        return Math.toDegrees(Math.atan(Math.sinh(Math.PI * (1 - 2.0 * y / (1 << z)))));
    }

    @BeforeEach
    void data() throws Exception {
        if (!new File("/usr/bin/ogrinfo").canExecute()) {
            fail("GDAL is missing: apt-get install gdal-bin (./planner test installs it)");
        }
        synchronized (TilesApiTest.class) {
            if (built) {
                return;
            }
            double x0 = CX - 0.004;
            double y0 = CY - 0.004;
            double x1 = CX + 0.004;
            double y1 = CY + 0.004;
            try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
                st.execute("INSERT INTO pp.district (adcode, name, level, geom) VALUES ('" + DISTRICT + "', '瓦片测试区', "
                        + "'district', ST_Multi(ST_MakeEnvelope(" + x0 + "," + y0 + "," + x1 + "," + y1 + ", 4326)))");
            }
            // twelve venues within 0.003° of the tile centre (the tile is ≈ 0.011° wide)
            for (int i = 0; i < VENUES; i++) {
                Map<String, Object> v = new HashMap<>();
                v.put("name", "瓦片场所" + i);
                v.put("category", i == 0 ? "internet_cafe" : "hotel");
                v.put("lon", i == 0 ? CX + 0.0016 : CX - 0.003 + 0.0005 * i);
                v.put("lat", i == 0 ? CY : CY - 0.002);
                as("planner").contentType(ContentType.JSON).body(v).post("/api/venues").then().statusCode(201);
            }
            // a primary school whose campus ends 0.0006° (≈ 60 m) west of the café: one violation
            as("planner").contentType(ContentType.JSON).body(Map.of("name", "瓦片小学" + System.nanoTime(), "level", "primary",
                    "campus", rect(CX - 0.001, CY - 0.001, CX + 0.001, CY + 0.001))).post("/api/schools").then()
                    .statusCode(201);
            as("planner").contentType(ContentType.JSON).body(Map.of("name", "瓦片幼儿园" + System.nanoTime(),
                    "level", "kindergarten", "lon", CX - 0.002, "lat", CY + 0.002)).post("/api/schools").then().statusCode(201);
            int set = as("planner").contentType(ContentType.JSON).body(Map.of("name", "瓦片片区", "district", DISTRICT))
                    .post("/api/zone-sets").then().statusCode(201).extract().path("id");
            as("planner").contentType(ContentType.JSON).body(Map.of("zoneSetId", set, "name", "全区",
                    "geometry", rect(x0, y0, x1, y1))).post("/api/zones").then().statusCode(201);
            as("planner").put("/api/zone-sets/" + set + "/activate").then().statusCode(200);
            built = true;
        }
    }

    static Map<String, Object> rect(double x0, double y0, double x1, double y1) {
        return Map.of("type", "Polygon", "coordinates", List.of(List.of(List.of(x0, y0), List.of(x1, y0), List.of(x1, y1),
                List.of(x0, y1), List.of(x0, y0))));
    }

    long sql(String q, Object... params) throws Exception {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(q)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Venues within the tile's envelope (and its 64/4096 buffer), by the test's own SQL. */
    long venuesInTile(int z, int x, int y) throws Exception {
        return sql("SELECT count(*) FROM pp.venue WHERE ST_Intersects(ST_Transform(geom, 3857), "
                + "ST_TileEnvelope(?, ?, ?, margin => 0.015625))", z, x, y);
    }

    /** Downloads a tile and decodes it with GDAL's MVT driver: ogrinfo -al output. */
    static String decode(String layer, int z, int x, int y, String user) throws Exception {
        byte[] mvt = as(user).get("/tiles/" + layer + "/" + z + "/" + x + "/" + y + ".mvt").then().statusCode(200)
                .contentType(startsWith("application/vnd.mapbox-vector-tile")).extract().asByteArray();
        Path f = Files.createDirectories(Path.of("target", "tiles", layer, "" + z, "" + x)).resolve(y + ".mvt");
        Files.write(f, mvt);
        Process p = new ProcessBuilder("ogrinfo", "-ro", "-al", "-oo", "Z=" + z, "-oo", "X=" + x, "-oo", "Y=" + y,
                f.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    static List<Long> ints(String ogrinfo, String field) {
        List<Long> out = new ArrayList<>();
        Matcher m = Pattern.compile("^\\s+" + field + " \\(.*\\) = (-?\\d+)$", Pattern.MULTILINE).matcher(ogrinfo);
        while (m.find()) {
            out.add(Long.parseLong(m.group(1)));
        }
        return out;
    }

    static long featureCount(String ogrinfo, String layer) {
        Matcher m = Pattern.compile("Layer name: " + layer + "\\n(?:.*\\n)*?Feature Count: (\\d+)").matcher(ogrinfo);
        assertTrue(m.find(), ogrinfo);
        return Long.parseLong(m.group(1));
    }

    @Test
    void venueTileHoldsEveryVenueWithItsVerdictFlag() throws Exception {
        assertEquals(VENUES, venuesInTile(Z, TX, TY));
        String out = decode("venues", Z, TX, TY, "leader1");
        assertEquals(VENUES, featureCount(out, "venues"));
        List<Long> flags = ints(out, "violation");
        assertEquals(VENUES, flags.size(), out);
        // one venue (the café 60 m from the primary school's campus) has an open violation
        assertEquals(1, flags.stream().filter(f -> f == 1).count(), out);
        assertTrue(out.contains("瓦片场所5"), out);
    }

    @Test
    void lowZoomTilesHoldClustersCountingEveryVenue() throws Exception {
        int z = 10;
        int x = tileX(CX, z);
        int y = tileY(CY, z);
        long expected = venuesInTile(z, x, y);
        assertTrue(expected >= VENUES);
        String out = decode("venues", z, x, y, "manager");
        assertEquals(expected, ints(out, "count").stream().mapToLong(Long::longValue).sum(), out);
        assertTrue(ints(out, "violations").stream().mapToLong(Long::longValue).sum() >= 1, out);
    }

    @Test
    void schoolAndZoneTiles() throws Exception {
        String schools = decode("schools", Z, TX, TY, "planner");
        assertEquals(1, featureCount(schools, "campuses"));
        assertEquals(2, featureCount(schools, "schools"));
        assertTrue(schools.contains("POLYGON"), schools);
        String zones = decode("zones", Z, TX, TY, "planner");
        assertEquals(sql("SELECT count(*) FROM pp.active_zone WHERE district_code = ?", DISTRICT),
                featureCount(zones, "zones"));
    }

    @Test
    void emptyAreasAreNoContentAndBadAddressesAre400() {
        // the middle of the Pacific
        as("planner").get("/tiles/venues/" + Z + "/" + tileX(-150, Z) + "/" + tileY(0, Z) + ".mvt").then().statusCode(204);
        as("planner").get("/tiles/venues/23/0/0.mvt").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("errors[0].field", equalTo("z"));
        as("planner").get("/tiles/venues/3/8/0.mvt").then().statusCode(400).body("errors[0].field", equalTo("x"));
        as("planner").get("/tiles/venues/3/0/-1.mvt").then().statusCode(400).body("errors[0].field", equalTo("y"));
        as("planner").get("/tiles/casinos/3/0/0.mvt").then().statusCode(404);
        anonymous().get("/tiles/venues/" + Z + "/" + TX + "/" + TY + ".mvt").then().statusCode(401);
    }

    @Test
    void etagChangesWhenTheRegisterChanges() throws Exception {
        String url = "/tiles/venues/" + Z + "/" + TX + "/" + TY + ".mvt";
        var first = as("planner").get(url).then().statusCode(200).header("Cache-Control", org.hamcrest.Matchers.allOf(
                org.hamcrest.Matchers.containsString("private"), org.hamcrest.Matchers.containsString("max-age=60")))
                .extract();
        String etag = first.header("ETag");
        assertTrue(etag != null && etag.startsWith("\""), etag);
        as("planner").header("If-None-Match", etag).get(url).then().statusCode(304);
        // a register write (a venue moved into the tile through the REST API) makes the old copy stale
        long id = sql("SELECT min(id) FROM pp.venue WHERE name = '瓦片场所3'");
        int version = (int) sql("SELECT version FROM pp.venue WHERE id = ?", id);
        as("planner").contentType(ContentType.JSON).body(Map.of("name", "瓦片场所3", "category", "hotel", "status",
                "suspended", "lon", CX + 0.001, "lat", CY - 0.003, "version", version)).put("/api/venues/" + id).then()
                .statusCode(200);
        String etag2 = as("planner").header("If-None-Match", etag).get(url).then().statusCode(200).extract().header("ETag");
        assertNotEquals(etag, etag2);
        assertTrue(decode("venues", Z, TX, TY, "planner").contains("suspended"));
    }

    @Test
    void tileJsonPerLayer() throws Exception {
        as("leader2").get("/tiles/venues.json").then().statusCode(200)
                .body("tilejson", equalTo("3.0.0"))
                .body("tiles[0]", org.hamcrest.Matchers.endsWith("/tiles/venues/{z}/{x}/{y}.mvt"))
                .body("vector_layers.id", hasItems("venues"));
        as("planner").get("/tiles/schools.json").then().statusCode(200).body("vector_layers.id", hasItems("campuses", "schools"));
        double minLon = as("planner").get("/tiles/venues.json").then().extract().jsonPath().getDouble("bounds[0]");
        assertEquals(sql("SELECT floor(min(ST_X(geom)) * 1e6)::bigint FROM pp.venue"), (long) Math.floor(minLon * 1e6));
    }
}
