package com.patrolplanner.reliability;

import static com.patrolplanner.TestSupport.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue #9 (bad input), the import formats: empty and truncated files, foreign encodings without a BOM, broken
 * GeoJSON, impossible coordinates and injection strings in rows, unknown kinds and datums, a 50 MB upload, a JSON body
 * where a file is expected. Each is a 4xx problem naming the file, field or row; an import is all or nothing, so no
 * register row may appear (the bad row is the last one, after good ones).
 */
@QuarkusTest
class BadImportTest {
    static final String HEADER = "许可证号,名称,类别,地址,经度,纬度\n";
    static final String GOOD = "BADIMP-1,坏导入网吧甲,网吧,潍坊市奎文区测试路1号,119.61,36.51\n"
            + "BADIMP-2,坏导入网吧乙,网吧,潍坊市奎文区测试路2号,119.612,36.512\n";

    record Upload(String kind, String filename, byte[] content, String datum, String mapping, int status, String names) {
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] xlsx() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = wb.createSheet("场所");
            String[][] rows = {{"许可证号", "名称", "类别", "经度", "纬度"}, {"BADIMP-X1", "表格网吧", "网吧", "119.61", "36.51"}};
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    static Stream<Arguments> uploads() throws Exception {
        List<Arguments> a = new ArrayList<>();
        byte[] x = xlsx();
        add(a, "empty CSV file", new Upload("venues", "empty.csv", new byte[0], null, null, 0, "file"));
        add(a, "truncated XLSX", new Upload("venues", "cut.xlsx", Arrays.copyOf(x, x.length / 2), null, null, 0, "file"));
        add(a, "XLSX cut to 100 bytes", new Upload("venues", "cut.xlsx", Arrays.copyOf(x, 100), null, null, 0, "file"));
        add(a, "Big5 CSV without BOM (headers unreadable)", new Upload("venues", "big5.csv",
                (HEADER + GOOD).getBytes(Charset.forName("Big5")), null, null, 0, "name"));
        add(a, "UTF-16 without BOM", new Upload("venues", "utf16.csv",
                (HEADER + GOOD).getBytes(StandardCharsets.UTF_16LE), null, null, 0, "file"));
        add(a, "a PNG named .csv", new Upload("venues", "photo.csv",
                new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R'}, null, null, 0, "file"));
        add(a, "row lon \"NaN\"", new Upload("venues", "nan.csv",
                utf8(HEADER + GOOD + "BADIMP-3,坏行,网吧,地址,NaN,36.51\n"), null, null, 0, "lon"));
        add(a, "row lat 1e400", new Upload("venues", "huge.csv",
                utf8(HEADER + GOOD + "BADIMP-3,坏行,网吧,地址,119.61,1e400\n"), null, null, 0, "lat"));
        add(a, "row lat/lon swapped", new Upload("venues", "swap.csv",
                utf8(HEADER + GOOD + "BADIMP-3,坏行,网吧,地址,36.51,119.61\n"), null, null, 0, "lat"));
        add(a, "row category unknown", new Upload("venues", "cat.csv",
                utf8(HEADER + GOOD + "BADIMP-3,坏行,不存在的类别,地址,119.61,36.51\n"), null, null, 0, "category"));
        add(a, "row name injection over 300 chars", new Upload("venues", "inj.csv",
                utf8(HEADER + GOOD + "BADIMP-3," + "'; DROP TABLE venue; --".repeat(14) + ",网吧,地址,119.61,36.51\n"), null,
                null, 0, "name"));
        add(a, "row without a name", new Upload("venues", "noname.csv",
                utf8(HEADER + GOOD + "BADIMP-3,,网吧,地址,119.61,36.51\n"), null, null, 0, "name"));
        add(a, "GeoJSON not JSON", new Upload("schools", "bad.geojson", utf8("{\"type\":\"FeatureCollection\",\"features\":["),
                null, null, 0, "file"));
        add(a, "GeoJSON school with an unclosed ring", new Upload("schools", "ring.geojson", utf8("{\"type\":\"FeatureCollection\","
                + "\"features\":[{\"type\":\"Feature\",\"properties\":{\"名称\":\"环未闭合小学\",\"学段\":\"小学\"},\"geometry\":"
                + "{\"type\":\"Polygon\",\"coordinates\":[[[119.61,36.51],[119.62,36.51],[119.62,36.52]]]}}]}"), null, null, 0,
                "row"));
        add(a, "GeoJSON district with a NaN vertex", new Upload("districts", "d.geojson", utf8("{\"type\":\"FeatureCollection\","
                + "\"features\":[{\"type\":\"Feature\",\"properties\":{\"adcode\":\"990999\",\"name\":\"坏区\"},\"geometry\":"
                + "{\"type\":\"Polygon\",\"coordinates\":[[[\"NaN\",36.51],[119.62,36.51],[119.62,36.52],[\"NaN\",36.51]]]}}]}"),
                null, null, 0, "row"));
        add(a, "kind unknown", new Upload("'; DROP TABLE venue; --", "v.csv", utf8(HEADER + GOOD), null, null, 0, "kind"));
        add(a, "datum unknown", new Upload("venues", "v.csv", utf8(HEADER + GOOD), "WGS85", null, 0, "datum"));
        add(a, "mapping not JSON", new Upload("venues", "v.csv", utf8(HEADER + GOOD), null, "{名称", 0, "mapping"));
        add(a, "mapping to a missing column", new Upload("venues", "v.csv", utf8(HEADER + GOOD), null,
                "{\"name\":\"场所名称\"}", 0, "name"));
        return a.stream();
    }

    private static void add(List<Arguments> a, String name, Upload u) {
        a.add(Arguments.of(name, u));
    }

    @Inject
    DataSource ds;

    String counts() throws Exception {
        return Fixtures.count(ds, "SELECT count(*) FROM venue") + "/" + Fixtures.count(ds, "SELECT count(*) FROM school") + "/"
                + Fixtures.count(ds, "SELECT count(*) FROM district") + "/" + Fixtures.count(ds, "SELECT count(*) FROM inspector")
                + "/" + Fixtures.count(ds, "SELECT count(*) FROM change_history");
    }

    static void assertProblem(Response r, int status, String names, String name) {
        String body = r.asString();
        assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, name + ": expected a 4xx, got " + r.statusCode() + " " + body);
        if (status != 0) {
            assertEquals(status, r.statusCode(), name + ": " + body);
        }
        assertTrue(r.contentType().startsWith("application/problem+json"), name + ": " + r.contentType() + " " + body);
        String detail = r.path("detail") + " " + r.path("errors");
        assertTrue(detail.toLowerCase(Locale.ROOT).contains(names.toLowerCase(Locale.ROOT)),
                name + ": the problem should name '" + names + "': " + body);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("uploads")
    void rejectedWholeWithAProblemNamingIt(String name, Upload u) throws Exception {
        String before = counts();
        RequestSpecification req = as("planner").multiPart("file", u.filename(), u.content(), "application/octet-stream")
                .multiPart(new MultiPartSpecBuilder(u.kind()).controlName("kind").mimeType("text/plain")
                        .charset(StandardCharsets.UTF_8).build());
        if (u.datum() != null) {
            req = req.multiPart("datum", u.datum());
        }
        if (u.mapping() != null) {
            req = req.multiPart(new MultiPartSpecBuilder(u.mapping()).controlName("mapping").mimeType("text/plain")
                    .charset(StandardCharsets.UTF_8).build());
        }
        assertProblem(req.post("/api/imports"), u.status(), u.names(), name);
        assertEquals(before, counts(), name + ": rows were written by a rejected import");
    }

    @Test
    void fiftyMegabytesIs413AndNothingIsWritten() throws Exception {
        String before = counts();
        byte[] big = new byte[50 * 1024 * 1024];
        Arrays.fill(big, (byte) 'x');
        Response r = as("planner").multiPart("file", "big.csv", big, "text/csv").multiPart("kind", "venues").post("/api/imports");
        assertProblem(r, 413, "MB", "50 MB upload");
        assertEquals(before, counts());
    }

    @Test
    void wrongContentTypesAre415() throws Exception {
        String before = counts();
        assertProblem(as("planner").contentType("application/json").body("{\"kind\":\"venues\"}").post("/api/imports"), 415,
                "content", "JSON instead of a form");
        assertProblem(as("planner").contentType("text/csv").body(HEADER + GOOD).post("/api/imports"), 415, "content",
                "raw CSV instead of a form");
        assertProblem(as("planner").multiPart("kind", "venues").post("/api/imports"), 0, "file", "a form without the file");
        assertEquals(before, counts());
    }
}
