package com.patrolplanner.ogc;

import static com.patrolplanner.TestSupport.as;
import static com.patrolplanner.ogc.OgcFixtures.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * GDAL as a real client (Debian {@code gdal-bin}, installed by {@code ./planner test}): its OAPIF driver reads every
 * collection over HTTP Basic, {@code ogr2ogr} copies a collection into a GeoPackage following the {@code next} links
 * page by page, and the feature counts equal counts the test takes with its own SQL.
 */
@QuarkusTest
class GdalClientTest {
    static final Pattern FEATURE_COUNT = Pattern.compile("Feature Count: (\\d+)");

    @Inject
    DataSource ds;

    @BeforeEach
    void data() throws Exception {
        OgcFixtures.ensure(ds);
        if (!new File("/usr/bin/ogrinfo").canExecute() || !new File("/usr/bin/ogr2ogr").canExecute()) {
            fail("GDAL is missing: apt-get install gdal-bin (./planner test installs it)");
        }
    }

    /** The landing page with the credentials in the URL (read for the first request) ... */
    static String landing(String user) {
        return "OAPIF:http://" + user + ":" + user + "@127.0.0.1:" + RestAssured.port + "/ogc";
    }

    /** ... and as the driver's USERPWD open option, which it sends on every request that follows a link. */
    static String[] auth(String user) {
        return new String[] {"-oo", "USERPWD=" + user + ":" + user};
    }

    static String[] cmd(String[] auth, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(auth));
        return all.toArray(String[]::new);
    }

    static String run(String... cmd) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("GDAL_HTTP_TIMEOUT", "60");
        pb.environment().put("CPL_CURL_VERBOSE", "NO");
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("timed out: " + String.join(" ", cmd));
        }
        String text = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), String.join(" ", cmd) + "\n" + text);
        return text;
    }

    static long featureCount(String ogrinfoOutput) {
        Matcher m = FEATURE_COUNT.matcher(ogrinfoOutput);
        assertTrue(m.find(), ogrinfoOutput);
        return Long.parseLong(m.group(1));
    }

    @Test
    void ogrinfoListsAndCountsEveryCollection() throws Exception {
        String layers = run(cmd(auth("planner"), "ogrinfo", "-ro", "-q", landing("planner")));
        for (String c : List.of("venues", "schools", "districts", "zones", "inspections", "violations")) {
            assertTrue(layers.contains(c), layers);
        }
        Map<String, String> sql = Map.of(
                "venues", "SELECT count(*) FROM pp.venue",
                "schools", "SELECT count(*) FROM pp.school",
                "districts", "SELECT count(*) FROM pp.district",
                "zones", "SELECT count(*) FROM pp.active_zone",
                "inspections", "SELECT count(*) FROM pp.inspection");
        for (var e : sql.entrySet()) {
            assertEquals(count(ds, e.getValue()), featureCount(run(cmd(auth("planner"), "ogrinfo", "-ro", "-so", landing("planner"), e.getKey()))),
                    e.getKey());
        }
        // a team leader reads the own team's inspections only, and no violations
        assertEquals(count(ds, "SELECT count(*) FROM pp.inspection i JOIN pp.app_user u ON u.team_id = i.team_id "
                + "WHERE u.username = 'leader1'"),
                featureCount(run(cmd(auth("leader1"), "ogrinfo", "-ro", "-so", landing("leader1"), "inspections"))));
        assertTrue(!run(cmd(auth("leader1"), "ogrinfo", "-ro", "-q", landing("leader1"))).contains("violations"));
        // the test area holds exactly one violation (the café 60 m from the primary school)
        assertEquals(1, featureCount(run(cmd(auth("manager"), "ogrinfo", "-ro", "-so", "-spat", "" + OgcFixtures.X0,
                "" + OgcFixtures.Y0, "" + OgcFixtures.X1, "" + OgcFixtures.Y1, landing("manager"), "violations"))));
    }

    @Test
    void ogr2ogrCopiesEveryPageIntoAGeoPackage() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "gdal"));
        for (String layer : List.of("venues", "schools", "inspections")) {
            Path gpkg = dir.resolve(layer + ".gpkg");
            Files.deleteIfExists(gpkg);
            // five features a page: the test area holds several pages of venues
            run(cmd(auth("planner"), "ogr2ogr", "-f", "GPKG", gpkg.toString(), landing("planner"), layer, "-oo",
                    "PAGE_SIZE=5", "-spat", "" + OgcFixtures.X0, "" + OgcFixtures.Y0, "" + OgcFixtures.X1, "" + OgcFixtures.Y1));
            String geom = layer.equals("schools") ? "coalesce(campus::geometry, geom)" : "geom";
            String table = layer.equals("venues") ? "venue" : layer.equals("schools") ? "school" : "inspection";
            long expected = count(ds, "SELECT count(*) FROM pp." + table + " WHERE ST_Intersects(" + geom
                    + ", ST_MakeEnvelope(?, ?, ?, ?, 4326))", OgcFixtures.X0, OgcFixtures.Y0, OgcFixtures.X1, OgcFixtures.Y1);
            assertTrue(expected > 0, layer);
            if (layer.equals("venues")) {
                assertTrue(expected > 20, "several pages of five");
            }
            assertEquals(expected, featureCount(run("ogrinfo", "-ro", "-so", gpkg.toString(), layer)), layer);
        }
    }

    @Test
    void anEditOverHttpShowsInTheHistoryAndInGdal() throws Exception {
        long id = OgcFixtures.venue(Map.of("name", "GDAL编辑前", "category", "publication", "lon", 101.031, "lat", 25.007));
        String etag = as("planner").get("/ogc/collections/venues/items/" + id).then().statusCode(200).extract().header("ETag");
        as("planner").contentType("application/geo+json; charset=UTF-8").header("If-Match", etag)
                .body(Map.of("type", "Feature", "properties", Map.of("name", "GDAL编辑后")))
                .patch("/ogc/collections/venues/items/" + id).then().statusCode(200);
        as("planner").get("/api/venues/" + id + "/history").then().statusCode(200)
                .body("find { it.action == 'update' }.changes.name.new", org.hamcrest.Matchers.equalTo("GDAL编辑后"));
        String out = run(cmd(auth("manager"), "ogrinfo", "-ro", "-q", landing("manager"), "venues", "-fid", String.valueOf(id)));
        assertTrue(out.contains("GDAL编辑后"), out);
    }
}
