package com.patrolplanner.importer;

import static com.patrolplanner.TestSupport.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.patrolplanner.geo.ChinaDatum;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Issue 17 point 4: GIS files through GDAL. Fixtures are made here with {@code ogr2ogr} from the shared boundaries and
 * from small GeoJSON written by the test; the checks are the test's own SQL (PostGIS measures in EPSG:4527 metres).
 */
@QuarkusTest
class GisImportTest {
    static final Path SHARED = Path.of("../shared/data/boundaries/370700_full.json");
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DataSource db;

    static void ogr2ogr(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("ogr2ogr"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0, "ogr2ogr " + cmd + ": " + out);
    }

    static byte[] zip(Path dir, String... names) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            for (String n : names) {
                z.putNextEntry(new ZipEntry(n));
                z.write(Files.readAllBytes(dir.resolve(n)));
                z.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    static ValidatableResponse upload(String kind, String filename, byte[] content, String datum) {
        var req = as("admin").multiPart("file", filename, content, "application/octet-stream").multiPart("kind", kind);
        if (datum != null) {
            req = req.multiPart("datum", datum);
        }
        return req.post("/api/imports").then().log().ifValidationFails();
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

    static Path geojson(Path dir, String name, String features) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, "{\"type\":\"FeatureCollection\",\"features\":[" + features + "]}");
        return f;
    }

    static String point(String licence, String name, String category, double lon, double lat) {
        return "{\"type\":\"Feature\",\"properties\":{\"licence_no\":\"" + licence + "\",\"name\":\"" + name
                + "\",\"category\":\"" + category + "\",\"address\":\"GIS测试路\"},\"geometry\":{\"type\":\"Point\","
                + "\"coordinates\":[" + lon + "," + lat + "]}}";
    }

    @Test
    void districtsRoundTripThroughACgcs2000GaussKrugerShapefile() throws Exception {
        Path dir = Files.createTempDirectory("gis-test-");
        // 潍城区 and 奎文区 from the shared outlines, renumbered so that the real districts stay as they are
        ogr2ogr("-f", "ESRI Shapefile", "-lco", "ENCODING=UTF-8", "-t_srs", "EPSG:4527", dir.resolve("d.shp").toString(),
                SHARED.toString(), "-sql", "SELECT CAST(adcode + 620000 AS character(12)) AS adcode, name, level "
                        + "FROM \"370700_full\" WHERE adcode IN (370702, 370705)");
        byte[] z = zip(dir, "d.shp", "d.shx", "d.dbf", "d.prj", "d.cpg");
        upload("districts", "districts.zip", z, null).statusCode(200).body("imported", equalTo(2))
                .body("gisFormat", equalTo("shapefile")).body("sourceCrs", containsString("Gauss-Kruger zone 39"));
        JsonNode src = JSON.readTree(SHARED.toFile());
        int checked = 0;
        for (JsonNode f : src.get("features")) {
            int adcode = f.at("/properties/adcode").asInt();
            if (adcode != 370702 && adcode != 370705) {
                continue;
            }
            // every vertex back within 1 cm, measured in the Gauss–Krüger plane
            double off = number("SELECT ST_HausdorffDistance(ST_Transform(d.geom, 4527), "
                    + "ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON(?), 4326), 4527)) FROM pp.district d WHERE d.adcode = ?",
                    f.get("geometry").toString(), String.valueOf(adcode + 620000));
            assertTrue(off < 0.01, adcode + " came back " + off + " m away");
            assertEquals(1, number("SELECT count(*) FROM pp.district WHERE adcode = ? AND name = ?",
                    String.valueOf(adcode + 620000), f.at("/properties/name").asText()), "name of " + adcode);
            checked++;
        }
        assertEquals(2, checked);
    }

    @Test
    void schoolsFromACgcs2000GeoPackageKeepTheirCampusArea() throws Exception {
        Path dir = Files.createTempDirectory("gis-test-");
        String tag = String.valueOf(System.nanoTime());
        Path src = geojson(dir, "s.geojson", "{\"type\":\"Feature\",\"properties\":{\"name\":\"GIS小学" + tag
                + "\",\"level\":\"primary\",\"address\":\"GIS路1号\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
                + "[[[102.010,26.010],[102.012,26.010],[102.012,26.012],[102.010,26.012],[102.010,26.010]]]}}");
        ogr2ogr("-f", "GPKG", "-t_srs", "EPSG:4490", dir.resolve("s.gpkg").toString(), src.toString());
        upload("schools", "学校.gpkg", Files.readAllBytes(dir.resolve("s.gpkg")), null).statusCode(200)
                .body("imported", equalTo(1)).body("gisFormat", equalTo("gpkg")).body("sourceCrs", containsString("4490"));
        double stored = number("SELECT ST_Area(campus::geography) FROM pp.school WHERE name = ?", "GIS小学" + tag);
        double expected = number("SELECT ST_Area(ST_GeomFromText('POLYGON((102.010 26.010,102.012 26.010,102.012 26.012,"
                + "102.010 26.012,102.010 26.010))', 4326)::geography)");
        assertEquals(expected, stored, 1.0, "campus area in m² (coordinates kept to 1e-9°)");
    }

    @Test
    void venuesFromKmlAndGcj02KeepsWorking() throws Exception {
        Path dir = Files.createTempDirectory("gis-test-");
        String a = "KML-" + System.nanoTime();
        String b = "KML-" + System.nanoTime() + "b";
        Path src = geojson(dir, "v.geojson", point(a, "GIS网吧", "internet_cafe", 119.101, 36.701) + ","
                + point(b, "GIS书店", "publication", 119.111, 36.711));
        ogr2ogr("-f", "LIBKML", dir.resolve("v.kml").toString(), src.toString());
        upload("venues", "场所.kml", Files.readAllBytes(dir.resolve("v.kml")), "GCJ02").statusCode(200)
                .body("imported", equalTo(2)).body("gisFormat", equalTo("kml"));
        double[] w = ChinaDatum.gcj02ToWgs84(119.101, 36.701);
        double off = number("SELECT ST_Distance(geom::geography, ST_SetSRID(ST_MakePoint(?, ?), 4326)::geography) "
                + "FROM pp.venue WHERE licence_no = ? AND source_datum = 'GCJ02'", w[0], w[1], a);
        assertTrue(off < 0.01, "GCJ-02 → WGS-84 off by " + off + " m");
    }

    @Test
    void xian80IsConvertedWithAWarning() throws Exception {
        Path dir = Files.createTempDirectory("gis-test-");
        String a = "X80-" + System.nanoTime();
        Path src = geojson(dir, "v.geojson", point(a, "西安80网吧", "internet_cafe", 102.021, 26.021));
        // Xi'an 1980 / 3-degree Gauss-Kruger CM 102E
        ogr2ogr("-f", "ESRI Shapefile", "-lco", "ENCODING=UTF-8", "-t_srs", "EPSG:2379", dir.resolve("v.shp").toString(),
                src.toString());
        upload("venues", "x80.zip", zip(dir, "v.shp", "v.shx", "v.dbf", "v.prj", "v.cpg"), null).statusCode(200)
                .body("imported", equalTo(1)).body("warnings[0]", containsString("Xi'an 1980"));
        // PROJ's ballpark keeps it within a few hundred metres of where it was
        double off = number("SELECT ST_Distance(geom::geography, ST_SetSRID(ST_MakePoint(102.021, 26.021), 4326)::geography) "
                + "FROM pp.venue WHERE licence_no = ?", a);
        assertTrue(off < 500, "Xi'an 80 point " + off + " m away");
    }

    @Test
    void badFilesAre422NamingTheProblemAndWriteNothing() throws Exception {
        Path dir = Files.createTempDirectory("gis-test-");
        String tag = String.valueOf(System.nanoTime());
        Path src = geojson(dir, "v.geojson", point("BAD-" + tag, "坏文件网吧", "internet_cafe", 102.031, 26.021));
        ogr2ogr("-f", "ESRI Shapefile", "-lco", "ENCODING=UTF-8", "-t_srs", "EPSG:4527", dir.resolve("v.shp").toString(),
                src.toString());
        double venues = number("SELECT count(*) FROM pp.venue");
        // projected numbers without a .prj
        upload("venues", "noprj.zip", zip(dir, "v.shp", "v.shx", "v.dbf"), null).statusCode(422)
                .body("errors.field", hasItem("file")).body("errors[0].reason", containsString(".prj"));
        // a .shp without its .dbf
        upload("venues", "nodbf.zip", zip(dir, "v.shp", "v.shx", "v.prj"), null).statusCode(422)
                .body("errors[0].reason", containsString("v.dbf"));
        // mixed geometry types in one GeoPackage layer
        Path mixed = geojson(dir, "m.geojson", point("MIX-" + tag, "混合", "internet_cafe", 102.03, 26.02)
                + ",{\"type\":\"Feature\",\"properties\":{\"name\":\"面\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
                + "[[[102.0,26.0],[102.01,26.0],[102.01,26.01],[102.0,26.0]]]}}");
        ogr2ogr("-f", "GPKG", "-nlt", "GEOMETRY", dir.resolve("m.gpkg").toString(), mixed.toString());
        upload("venues", "mixed.gpkg", Files.readAllBytes(dir.resolve("m.gpkg")), null).statusCode(422)
                .body("errors[0].reason", containsString("几何类型混杂"));
        // a zip bomb: 64 MB of zeros in a few kilobytes
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bomb)) {
            z.putNextEntry(new ZipEntry("bomb.shp"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                z.write(zeros);
            }
            z.closeEntry();
        }
        upload("venues", "bomb.zip", bomb.toByteArray(), null).statusCode(422)
                .body("errors[0].reason", containsString("疑似压缩炸弹"));
        // an entry that climbs out of the upload folder
        ByteArrayOutputStream slip = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(slip)) {
            z.putNextEntry(new ZipEntry("../../evil.shp"));
            z.write(Files.readAllBytes(dir.resolve("v.shp")));
            z.closeEntry();
        }
        upload("venues", "slip.zip", slip.toByteArray(), null).statusCode(422)
                .body("errors[0].reason", containsString("指向上传目录之外"));
        assertEquals(venues, number("SELECT count(*) FROM pp.venue"), "a refused file wrote venues");
        assertEquals(0, number("SELECT count(*) FROM pp.venue WHERE licence_no IN (?, ?)", "BAD-" + tag, "MIX-" + tag));
        // the file names the problem in the problem's detail too
        upload("venues", "noprj.zip", zip(dir, "v.shp", "v.shx", "v.dbf"), null).statusCode(422)
                .body("detail", containsString("file"));
    }
}
