package com.patrolplanner.importer;

import static com.patrolplanner.TestSupport.as;
import static com.patrolplanner.importer.GisImportTest.ogr2ogr;
import static com.patrolplanner.importer.GisImportTest.zip;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.patrolplanner.security.AppUser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 17 point 4, the remaining kinds: zones (into a new draft zone set of the importer's unit) and unit areas (system
 * administrators). Fixtures come from the shared outlines of 潍城区 (370702) and 高密市 (370785) — far apart, so they
 * cannot overlap — moved 10° north (so that no venue of any other test lies under them), written by the test as
 * GeoJSON and turned by {@code ogr2ogr} into a Shapefile and a GeoPackage in CGCS2000 / Gauss–Krüger zone 39
 * (EPSG:4527). Every stored polygon is compared with its source vertex by vertex in the Gauss–Krüger plane (Hausdorff
 * distance < 1 cm, PostGIS); bad files are a 422 naming the row, with nothing written.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GisZoneUnitImportTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String DISTRICT = "990951";
    static final double NORTH = 10.0;

    @Inject
    DataSource db;

    Path dir;
    /** The moved outlines (GeoJSON geometry text) by adcode. */
    final Map<Integer, String> moved = new HashMap<>();
    long unit;

    @BeforeEach
    void setUp() throws Exception {
        if (dir != null) {
            return;
        }
        cleanUp();
        dir = Files.createTempDirectory("gis-zones-");
        JsonNode src = JSON.readTree(GisImportTest.SHARED.toFile());
        for (JsonNode f : src.get("features")) {
            int adcode = f.at("/properties/adcode").asInt();
            if (adcode == 370702 || adcode == 370785) {
                JsonNode g = f.get("geometry").deepCopy();
                shift(g.get("coordinates"));
                moved.put(adcode, g.toString());
            }
        }
        assertEquals(2, moved.size());
        // the test district: a rectangle 0.05° around both moved outlines, and a unit of it with a planner
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("INSERT INTO district "
                + "(adcode, name, level, parent_code, geom) SELECT ?, 'GIS片区测试区', 'district', '990900', "
                + "ST_Multi(ST_Expand(ST_Envelope(ST_Collect(ST_SetSRID(ST_GeomFromGeoJSON(?), 4326), "
                + "ST_SetSRID(ST_GeomFromGeoJSON(?), 4326))), 0.05))")) {
            ps.setString(1, DISTRICT);
            ps.setString(2, moved.get(370702));
            ps.setString(3, moved.get(370785));
            ps.executeUpdate();
        }
        unit = as("admin").contentType("application/json").body(Map.of("name", "GIS片区测试区", "kind", "district",
                "adcode", DISTRICT)).post("/api/units").then().statusCode(201).extract().jsonPath().getLong("id");
        QuarkusTransaction.requiringNew().run(() -> {
            AppUser u = new AppUser();
            u.username = "gz-planner";
            u.password = AppUser.hash("gz-planner");
            u.roles = "planner";
            u.unitId = unit;
            u.persist();
        });
    }

    @AfterAll
    void cleanUp() throws Exception {
        try (Connection c = db.getConnection()) {
            c.createStatement().execute("DELETE FROM app_user WHERE username LIKE 'gz-%'");
            c.createStatement().execute("DELETE FROM zone_set WHERE name LIKE '%gz-%'");
            c.createStatement().execute("DELETE FROM unit WHERE name LIKE 'GIS开发区测试%'");
            c.createStatement().execute("DELETE FROM unit WHERE name = 'GIS片区测试区'");
            c.createStatement().execute("DELETE FROM district WHERE adcode = '" + DISTRICT + "'");
        }
    }

    static void shift(JsonNode coords) {
        if (coords.isArray() && coords.size() >= 2 && coords.get(0).isNumber()) {
            ((ArrayNode) coords).set(1, JSON.getNodeFactory().numberNode(coords.get(1).asDouble() + NORTH));
            return;
        }
        for (JsonNode c : coords) {
            shift(c);
        }
    }

    /** A GeoJSON file (WGS-84) of the moved outlines with the given properties, one feature per entry. */
    Path source(String name, Object[]... features) throws Exception {
        ObjectNode fc = JSON.createObjectNode().put("type", "FeatureCollection");
        ArrayNode fs = fc.putArray("features");
        for (Object[] f : features) {
            ObjectNode feature = fs.addObject().put("type", "Feature");
            ObjectNode props = feature.putObject("properties");
            for (int i = 1; i + 1 < f.length; i += 2) {
                props.put((String) f[i], String.valueOf(f[i + 1]));
            }
            feature.set("geometry", JSON.readTree(f[0] instanceof Integer a ? moved.get(a) : (String) f[0]));
        }
        Path p = dir.resolve(name);
        Files.writeString(p, fc.toString());
        return p;
    }

    static ValidatableResponse upload(String user, String kind, String filename, byte[] content) {
        return as(user).multiPart("file", filename, content, "application/octet-stream").multiPart("kind", kind)
                .post("/api/imports").then().log().ifValidationFails();
    }

    double number(String sql, Object... args) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getDouble(1);
            }
        }
    }

    /** Metres between a stored polygon and its source outline, in the Gauss–Krüger plane (EPSG:4527). */
    double offset(String storedSql, long id, int adcode) throws Exception {
        return number("SELECT ST_HausdorffDistance(ST_Transform((" + storedSql + "), 4527), "
                + "ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON(?), 4326), 4527))", id, moved.get(adcode));
    }

    double zoneSets() throws Exception {
        return number("SELECT count(*) FROM pp.zone_set WHERE unit_id = ?", unit);
    }

    @Test
    void zonesFromAGaussKrugerShapefileBecomeADraftSetOfTheImportersUnit() throws Exception {
        Path src = source("zones.geojson", new Object[] {370702, "name", "潍城片"}, new Object[] {370785, "name", "高密片"});
        ogr2ogr("-f", "ESRI Shapefile", "-lco", "ENCODING=UTF-8", "-t_srs", "EPSG:4527", dir.resolve("gz-zones.shp").toString(),
                src.toString());
        byte[] z = zip(dir, "gz-zones.shp", "gz-zones.shx", "gz-zones.dbf", "gz-zones.prj", "gz-zones.cpg");
        long set = upload("gz-planner", "zones", "gz-zones.zip", z).statusCode(200).body("imported", equalTo(2))
                .body("gisFormat", equalTo("shapefile")).body("sourceCrs", containsString("Gauss-Kruger zone 39"))
                .extract().jsonPath().getLong("zoneSetId");
        assertEquals(unit, (long) number("SELECT unit_id FROM pp.zone_set WHERE id = ?", set), "the importer's unit");
        assertEquals(0, number("SELECT count(*) FROM pp.zone_set WHERE id = ? AND active", set), "a draft, not active");
        assertEquals(2, number("SELECT count(*) FROM pp.zone WHERE zone_set_id = ?", set));
        for (Object[] z2 : new Object[][] {{"潍城片", 370702}, {"高密片", 370785}}) {
            long id = (long) number("SELECT id FROM pp.zone WHERE zone_set_id = ? AND name = ?", set, z2[0]);
            double off = offset("SELECT geom FROM pp.zone WHERE id = ?", id, (Integer) z2[1]);
            assertTrue(off < 0.01, z2[0] + " came back " + off + " m away");
        }
    }

    @Test
    void overlappingOrOutsideZonesAre422NamingTheRowAndWriteNothing() throws Exception {
        double before = zoneSets();
        // the same outline twice in a GeoPackage: the second overlaps the first
        Path src = source("twice.geojson", new Object[] {370702, "name", "甲"}, new Object[] {370702, "name", "乙"});
        ogr2ogr("-f", "GPKG", "-t_srs", "EPSG:4527", dir.resolve("twice.gpkg").toString(), src.toString());
        upload("gz-planner", "zones", "twice.gpkg", Files.readAllBytes(dir.resolve("twice.gpkg"))).statusCode(422)
                .body("errors.row", hasItem(2)).body("errors.field", hasItem("geometry"));
        // a zone far outside the unit's area (in WGS-84, read as it is)
        Path out = source("outside.geojson", new Object[] {370702, "name", "内"},
                new Object[] {"{\"type\":\"Polygon\",\"coordinates\":[[[100,20],[100.01,20],[100.01,20.01],[100,20.01],[100,20]]]}",
                    "name", "外"});
        upload("gz-planner", "zones", "outside.geojson", Files.readAllBytes(out)).statusCode(422)
                .body("errors.row", hasItem(2)).body("errors.field", hasItem("geometry"));
        assertEquals(before, zoneSets(), "no zone set written");
        // the system administrator has no unit to put a zone set in
        upload("admin", "zones", "outside.geojson", Files.readAllBytes(out)).statusCode(422)
                .body("errors.field", hasItem("kind"));
    }

    @Test
    void aDevelopmentZonesAreaFromAGeoPackageIsAnAdministratorsImport() throws Exception {
        Path src = source("unit.geojson", new Object[] {370785, "name", "GIS开发区测试", "kind", "zone", "parent", DISTRICT});
        ogr2ogr("-f", "GPKG", "-t_srs", "EPSG:4527", dir.resolve("unit.gpkg").toString(), src.toString());
        byte[] gpkg = Files.readAllBytes(dir.resolve("unit.gpkg"));
        // a planner may not
        upload("gz-planner", "units", "unit.gpkg", gpkg).statusCode(403);
        assertEquals(0, number("SELECT count(*) FROM pp.unit WHERE name = 'GIS开发区测试'"));
        upload("admin", "units", "unit.gpkg", gpkg).statusCode(200).body("imported", equalTo(1))
                .body("gisFormat", equalTo("gpkg")).body("sourceCrs", containsString("4527"));
        long id = (long) number("SELECT id FROM pp.unit WHERE name = 'GIS开发区测试'");
        assertEquals(unit, (long) number("SELECT parent_id FROM pp.unit WHERE id = ?", id));
        assertEquals("zone", string("SELECT kind FROM pp.unit WHERE id = " + id));
        double off = offset("SELECT area FROM pp.unit WHERE id = ?", id, 370785);
        assertTrue(off < 0.01, "the unit's area came back " + off + " m away");
        // the same file again updates that unit, it does not add one
        upload("admin", "units", "unit.gpkg", gpkg).statusCode(200).body("imported", equalTo(0));
        assertEquals(1, number("SELECT count(*) FROM pp.unit WHERE name = 'GIS开发区测试'"));
        // a new unit without its parent: 422 naming the row and the field, nothing written
        Path orphan = source("orphan.geojson", new Object[] {370702, "name", "GIS开发区测试二", "kind", "zone"});
        upload("admin", "units", "orphan.geojson", Files.readAllBytes(orphan)).statusCode(422)
                .body("errors.row", hasItem(1)).body("errors.field", hasItem("parent"));
        assertEquals(0, number("SELECT count(*) FROM pp.unit WHERE name = 'GIS开发区测试二'"));
    }

    String string(String sql) throws Exception {
        try (Connection c = db.getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
