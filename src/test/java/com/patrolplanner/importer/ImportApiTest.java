package com.patrolplanner.importer;

import static com.patrolplanner.TestSupport.anonymous;
import static com.patrolplanner.TestSupport.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.patrolplanner.geo.ChinaDatum;
import com.patrolplanner.geo.Geodesy;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.MultiPartSpecification;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** POST /api/imports: each format and datum, all or nothing, idempotence, roles, broken files. */
@QuarkusTest
class ImportApiTest {
    /** Reference points in 奎文区 (WGS-84); the files carry them in the datum under test. */
    private static final double LON = 119.1234567;
    private static final double LAT = 36.7012345;

    @Inject
    DataSource db;

    static ValidatableResponse upload(String user, String kind, String datum, String filename, byte[] content) {
        var req = as(user).multiPart("file", filename, content, "application/octet-stream").multiPart("kind", kind);
        if (datum != null) {
            req = req.multiPart("datum", datum);
        }
        return req.post("/api/imports").then().log().ifValidationFails();
    }

    /** {lon, lat, source_datum} of the venue with this licence number, or null. */
    Object[] venue(String licence) throws Exception {
        List<Object[]> r = query("SELECT ST_X(geom), ST_Y(geom), source_datum, geocode_status, category, opening_hours::text "
                + "FROM venue WHERE licence_no = ?", licence);
        return r.isEmpty() ? null : r.get(0);
    }

    List<Object[]> query(String sql, Object... args) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<Object[]> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Object[] row = new Object[rs.getMetaData().getColumnCount()];
                    for (int i = 0; i < row.length; i++) {
                        row[i] = rs.getObject(i + 1);
                    }
                    out.add(row);
                }
            }
            return out;
        }
    }

    long count(String sql, Object... args) throws Exception {
        return ((Number) query(sql, args).get(0)[0]).longValue();
    }

    static double metresFromReference(Object[] v) {
        return Geodesy.distance(LON, LAT, (Double) v[0], (Double) v[1]);
    }

    // ---------------------------------------------------------------- formats and datums

    @Test
    void gbkCsvWithChineseHeadersInGcj02LandsOnTheWgs84Point() throws Exception {
        double[] gcj = ChinaDatum.wgs84ToGcj02(LON, LAT);
        String csv = "许可证号,名称,类别,地址,经度,纬度,营业时间,规模,状态\n"
                + "GBK-001,星光网咖,网吧,潍坊市奎文区胜利东街1号," + gcj[0] + "," + gcj[1] + ",08:00-02:00,120,营业\n"
                + "GBK-002,欢唱KTV,KTV,潍坊市奎文区东风东街2号,,,12:00-02:00,30,停业整顿\n";
        byte[] gbk = csv.getBytes(Charset.forName("GBK"));
        upload("planner", "venues", "GCJ02", "场所.csv", gbk).statusCode(200)
                .body("imported", equalTo(2)).body("updated", equalTo(0)).body("unchanged", equalTo(0))
                .body("withoutCoordinates", equalTo(1))
                .body("format", equalTo("csv")).body("encoding", equalTo("GB18030"));
        Object[] v = venue("GBK-001");
        assertTrue(metresFromReference(v) < 0.5, "GCJ-02 → WGS-84 off by " + metresFromReference(v) + " m");
        assertEquals("GCJ02", v[2]);
        assertEquals("internet_cafe", v[4]);
        assertTrue(((String) v[5]).contains("08:00-02:00"), "opening hours past midnight kept: " + v[5]);
        Object[] w = venue("GBK-002");
        assertEquals(null, w[0]);
        assertEquals("none", w[3], "a row without coordinates is kept for geocoding");
        assertEquals("song_dance", w[4]);
        assertEquals("suspended", query("SELECT status FROM venue WHERE licence_no='GBK-002'").get(0)[0]);
    }

    @Test
    void utf8CsvWithBomAndEnglishHeadersInBd09() throws Exception {
        double[] gcj = ChinaDatum.wgs84ToGcj02(LON, LAT);
        double[] bd = ChinaDatum.gcj02ToBd09(gcj[0], gcj[1]);
        String csv = "licence_no,name,category,address,lon,lat,opening_hours,capacity,status,complaint_count,notes\n"
                + "BOM-001,\"书香书店, 分店\",出版物,潍坊市奎文区潍州路9号," + bd[0] + "," + bd[1] + ",09:00-21:00,,open,3,百度坐标\n";
        byte[] bytes = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, csv.getBytes(StandardCharsets.UTF_8));
        upload("admin", "venues", "BD09", "venues.csv", bytes).statusCode(200)
                .body("imported", equalTo(1)).body("encoding", equalTo("UTF-8"))
                .body("warnings", org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString("complaint_count")));
        Object[] v = venue("BOM-001");
        assertTrue(metresFromReference(v) < 0.5, "BD-09 → WGS-84 off by " + metresFromReference(v) + " m");
        assertEquals("BD09", v[2]);
        assertEquals("书香书店, 分店", query("SELECT name FROM venue WHERE licence_no='BOM-001'").get(0)[0]);
        // the file's complaint_count (3) is not imported: the count comes from complaint records, and there are none
        assertEquals(0, ((Number) query("SELECT complaint_count FROM venue WHERE licence_no='BOM-001'").get(0)[0]).intValue());
    }

    @Test
    void xlsxBuiltWithPoiKeepsFullPrecision() throws Exception {
        byte[] xlsx = xlsx(List.of(
                List.of("许可证号", "名称", "类别", "地址", "经度", "纬度", "营业时间", "规模", "状态"),
                List.of("XLSX-001", "电玩城", "游艺娱乐", "潍坊市奎文区新华路5号", LON, LAT, "09:00-22:00", 80.0, "营业"),
                List.of("XLSX-002", "阳光宾馆", "宾馆", "潍坊市奎文区北海路7号", LON + 0.01, LAT, "24小时", 60.0, "")));
        upload("planner", "venues", null, "register.xlsx", xlsx).statusCode(200)
                .body("imported", equalTo(2)).body("format", equalTo("xlsx"));
        Object[] v = venue("XLSX-001");
        assertEquals(LON, (Double) v[0], 1e-9);
        assertEquals(LAT, (Double) v[1], 1e-9);
        assertEquals("WGS84", v[2]);
        assertEquals("game_arcade", v[4]);
        assertEquals(80, ((Number) query("SELECT capacity FROM venue WHERE licence_no='XLSX-001'").get(0)[0]).intValue());
    }

    @Test
    void geoJsonSchoolsWithCampusPolygonsInGcj02() throws Exception {
        // a 100 m × 150 m campus around the reference point, written in GCJ-02
        double dLon = 50 / (111320 * Math.cos(Math.toRadians(LAT)));
        double dLat = 75 / 110574.0;
        double[][] ring = {{LON - dLon, LAT - dLat}, {LON + dLon, LAT - dLat}, {LON + dLon, LAT + dLat},
                {LON - dLon, LAT + dLat}, {LON - dLon, LAT - dLat}};
        StringBuilder coords = new StringBuilder();
        for (double[] p : ring) {
            double[] g = ChinaDatum.wgs84ToGcj02(p[0], p[1]);
            coords.append(coords.length() == 0 ? "" : ",").append("[").append(g[0]).append(",").append(g[1]).append("]");
        }
        double[] pt = ChinaDatum.wgs84ToGcj02(LON + 0.02, LAT);
        String geojson = """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","properties":{"name":"GeoJSON实验小学","level":"小学","address":"潍坊市奎文区文化路1号"},
                  "geometry":{"type":"Polygon","coordinates":[[%s]]}},
                 {"type":"Feature","properties":{"name":"GeoJSON幼儿园","level":"幼儿园","address":"潍坊市奎文区樱前街3号"},
                  "geometry":{"type":"Point","coordinates":[%s,%s]}}]}""".formatted(coords, pt[0], pt[1]);
        byte[] bytes = geojson.getBytes(StandardCharsets.UTF_8);
        upload("planner", "schools", "GCJ02", "schools.geojson", bytes).statusCode(200)
                .body("imported", equalTo(2)).body("withCampus", equalTo(1)).body("format", equalTo("geojson"));
        Object[] s = query("SELECT ST_Area(campus::geography), ST_XMin(campus), ST_YMin(campus), level, source_datum "
                + "FROM school WHERE name='GeoJSON实验小学'").get(0);
        assertEquals(15000, (Double) s[0], 150, "campus area in m²");
        assertTrue(Geodesy.distance(LON - dLon, LAT - dLat, (Double) s[1], (Double) s[2]) < 0.5, "campus corner converted");
        assertEquals("primary", s[3]);
        assertEquals("GCJ02", s[4]);
        Object[] k = query("SELECT ST_X(geom), ST_Y(geom), level FROM school WHERE name='GeoJSON幼儿园'").get(0);
        assertTrue(Geodesy.distance(LON + 0.02, LAT, (Double) k[0], (Double) k[1]) < 0.5);
        assertEquals("kindergarten", k[2]);
        // the same file again changes nothing
        upload("planner", "schools", "GCJ02", "schools.geojson", bytes).statusCode(200)
                .body("imported", equalTo(0)).body("updated", equalTo(0)).body("unchanged", equalTo(2));
    }

    @Test
    void schoolCampusAsWktColumn() throws Exception {
        String csv = "名称,学段,地址,校园范围\n"
                + "WKT初级中学,初中,潍坊市奎文区虞河路8号,\"POLYGON((119.15 36.70, 119.152 36.70, 119.152 36.702, 119.15 36.702, 119.15 36.70))\"\n";
        upload("planner", "schools", null, "schools.csv", csv.getBytes(StandardCharsets.UTF_8)).statusCode(200)
                .body("imported", equalTo(1)).body("withCampus", equalTo(1)).body("withoutCoordinates", equalTo(0));
        Object[] s = query("SELECT level, ST_Area(campus::geography) FROM school WHERE name='WKT初级中学'").get(0);
        assertEquals("junior", s[0]);
        assertTrue((Double) s[1] > 30000 && (Double) s[1] < 50000, "area " + s[1]);
    }

    @Test
    void columnMappingForOtherHeaders() throws Exception {
        String csv = "证号,场所,种类,位置,X,Y\nMAP-001,映射网吧,网吧,奎文区福寿街1号,119.11,36.71\n";
        as("planner").multiPart("file", "own.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .multiPart("kind", "venues")
                .multiPart(utf8("mapping", "{\"licence_no\":\"证号\",\"name\":\"场所\",\"category\":\"种类\",\"address\":\"位置\",\"lon\":\"X\",\"lat\":\"Y\"}"))
                .post("/api/imports").then().log().ifValidationFails().statusCode(200).body("imported", equalTo(1));
        assertEquals("映射网吧", query("SELECT name FROM venue WHERE licence_no='MAP-001'").get(0)[0]);
        // a mapping to a column the file lacks names the field
        as("planner").multiPart("file", "own.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .multiPart("kind", "venues").multiPart(utf8("mapping", "{\"name\":\"店名\"}"))
                .post("/api/imports").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("mapping.name"));
    }

    // ---------------------------------------------------------------- all or nothing, idempotence

    @Test
    void oneBadRowAmongGoodOnesImportsNothing() throws Exception {
        long before = count("SELECT count(*) FROM venue");
        String csv = "licence_no,name,category,address,lon,lat,opening_hours,capacity,status\n"
                + "AON-001,好网吧,网吧,奎文区健康街1号,119.12,36.70,08:00-24:00,100,open\n"
                + "AON-002,坏网吧,casino,奎文区健康街2号,119.12,36.70,08:00-24:00,100,open\n"
                + "AON-003,又一家,网吧,奎文区健康街3号,119.12,abc,08:00-24:00,-5,open\n"
                + "AON-004,好书店,书店,奎文区健康街4号,119.13,36.70,,,\n";
        JsonPath p = upload("planner", "venues", null, "bad.csv", csv.getBytes(StandardCharsets.UTF_8))
                .statusCode(422).contentType("application/problem+json")
                .body("status", equalTo(422))
                .body("detail", containsString("未导入任何内容"))
                .body("errors", hasSize(3))
                .extract().jsonPath();
        assertEquals(2, p.getInt("errors[0].row"));
        assertEquals("category", p.getString("errors[0].field"));
        assertEquals(3, p.getInt("errors[1].row"));
        assertEquals("lat", p.getString("errors[1].field"));
        assertEquals(3, p.getInt("errors[2].row"));
        assertEquals("capacity", p.getString("errors[2].field"));
        assertEquals(before, count("SELECT count(*) FROM venue"), "nothing written");
        assertEquals(0, count("SELECT count(*) FROM venue WHERE licence_no LIKE 'AON-%'"));
    }

    @Test
    void duplicateLicenceInOneFileIsABadRow() throws Exception {
        String csv = "licence_no,name,category\nDUP-1,甲,网吧\nDUP-1,乙,网吧\n";
        upload("planner", "venues", null, "dup.csv", csv.getBytes(StandardCharsets.UTF_8)).statusCode(422)
                .body("errors[0].row", equalTo(2)).body("errors[0].field", equalTo("licence_no"));
    }

    @Test
    void importingTheSameFileTwiceChangesNothing() throws Exception {
        String csv = "licence_no,name,category,address,lon,lat,opening_hours,capacity,status\n"
                + "IDEM-001,重复网吧,网吧,奎文区鸢飞路1号,119.14,36.72,08:00-24:00,90,open\n"
                + "IDEM-002,重复书店,出版物,奎文区鸢飞路2号,,,,,\n"
                + ",无证游戏厅,游艺娱乐,奎文区鸢飞路3号,119.141,36.721,,,无证\n";
        byte[] b = csv.getBytes(StandardCharsets.UTF_8);
        upload("planner", "venues", null, "idem.csv", b).statusCode(200).body("imported", equalTo(3));
        long history = count("SELECT count(*) FROM change_history");
        upload("planner", "venues", null, "idem.csv", b).statusCode(200)
                .body("imported", equalTo(0)).body("updated", equalTo(0)).body("unchanged", equalTo(3));
        assertEquals(history, count("SELECT count(*) FROM change_history"), "no history for unchanged rows");
        // one changed cell → one update
        upload("planner", "venues", null, "idem.csv", csv.replace(",90,", ",95,").getBytes(StandardCharsets.UTF_8))
                .statusCode(200).body("updated", equalTo(1)).body("unchanged", equalTo(2));
    }

    // ---------------------------------------------------------------- inspectors and districts

    @Test
    void inspectorsWithTeamsAndBases() throws Exception {
        String csv = "姓名,执法证号,单位,小组,驻地经度,驻地纬度,驻地地址\n"
                + "测试甲,CERT-T-001,奎文区文化市场综合执法大队,测试七组,119.13,36.71,奎文区胜利东街100号\n"
                + "测试乙,CERT-T-002,奎文区文化市场综合执法大队,测试七组,119.13,36.71,奎文区胜利东街100号\n"
                + "测试丙,,奎文区文化市场综合执法大队,执法一组,,,\n";
        byte[] b = csv.getBytes(StandardCharsets.UTF_8);
        upload("planner", "inspectors", null, "inspectors.csv", b).statusCode(200)
                .body("imported", equalTo(3)).body("teamsCreated", equalTo(1)).body("withoutCertificate", equalTo(1));
        Object[] t = query("SELECT ST_X(base), ST_Y(base), base_address FROM team WHERE name='测试七组'").get(0);
        assertEquals(119.13, (Double) t[0], 1e-9);
        assertEquals("奎文区胜利东街100号", t[2]);
        assertEquals(2, count("SELECT count(*) FROM inspector i JOIN team t ON t.id=i.team_id WHERE t.name='测试七组'"));
        upload("planner", "inspectors", null, "inspectors.csv", b).statusCode(200)
                .body("unchanged", equalTo(3)).body("teamsCreated", equalTo(0)).body("teamsUpdated", equalTo(0));
    }

    @Test
    void districtsInDataVFormatAreConvertedFromGcj02() throws Exception {
        double[][] wgs = {{119.0, 36.0}, {119.1, 36.0}, {119.1, 36.1}, {119.0, 36.1}, {119.0, 36.0}};
        StringBuilder ring = new StringBuilder();
        for (double[] p : wgs) {
            double[] g = ChinaDatum.wgs84ToGcj02(p[0], p[1]);
            ring.append(ring.length() == 0 ? "" : ",").append("[").append(g[0]).append(",").append(g[1]).append("]");
        }
        String geojson = """
                {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"adcode":379901,"name":"测试区",
                 "level":"district","parent":{"adcode":379900}},"geometry":{"type":"MultiPolygon","coordinates":[[[%s]]]}}]}"""
                .formatted(ring);
        byte[] b = geojson.getBytes(StandardCharsets.UTF_8);
        as("planner").multiPart("file", "t.json", b, "application/json").multiPart("kind", "districts")
                .multiPart("datum", "GCJ02").multiPart(utf8("attribution", "测试来源 test source"))
                .post("/api/imports").then().statusCode(200).body("imported", equalTo(1));
        Object[] d = query("SELECT ST_XMin(geom), ST_YMin(geom), parent_code, level, source_datum, attribution "
                + "FROM district WHERE adcode='379901'").get(0);
        assertTrue(Geodesy.distance(119.0, 36.0, (Double) d[0], (Double) d[1]) < 0.5);
        assertEquals("379900", d[2]);
        assertEquals("GCJ02", d[4]);
        assertEquals("测试来源 test source", d[5]);
        as("planner").multiPart("file", "t.json", b, "application/json").multiPart("kind", "districts")
                .multiPart("datum", "GCJ02").multiPart(utf8("attribution", "测试来源 test source"))
                .post("/api/imports").then().statusCode(200).body("unchanged", equalTo(1));
    }

    // ---------------------------------------------------------------- refusals

    @Test
    void onlyPlannersAndAdminsImport() {
        byte[] b = "licence_no,name,category\nROLE-1,x,网吧\n".getBytes(StandardCharsets.UTF_8);
        upload("manager", "venues", null, "v.csv", b).statusCode(403).contentType("application/problem+json");
        upload("leader1", "venues", null, "v.csv", b).statusCode(403).contentType("application/problem+json");
        anonymous().multiPart("file", "v.csv", b).multiPart("kind", "venues").post("/api/imports").then().statusCode(401);
    }

    @Test
    void brokenFilesAreProblemsNotServerErrors() throws Exception {
        byte[] full = xlsx(List.of(List.of("licence_no", "name", "category"), List.of("TR-1", "x", "网吧")));
        byte[] truncated = Arrays.copyOf(full, full.length / 2);
        upload("planner", "venues", null, "cut.xlsx", truncated).statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("file"));
        upload("planner", "venues", null, "empty.csv", new byte[0]).statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("file"));
        upload("planner", "venues", null, "x.xlsx", "not a workbook".getBytes(StandardCharsets.UTF_8)).statusCode(422)
                .contentType("application/problem+json");
        upload("planner", "venues", null, "x.geojson", "{\"type\": \"Feat".getBytes(StandardCharsets.UTF_8)).statusCode(422)
                .contentType("application/problem+json");
        // a file without the required columns names them
        upload("planner", "venues", null, "v.csv", "foo,bar\n1,2\n".getBytes(StandardCharsets.UTF_8)).statusCode(422)
                .body("errors.field", hasItem("name")).body("errors.field", hasItem("category"));
    }

    @Test
    void unknownKindAndDatumAreBadRequests() {
        byte[] b = "name\nx\n".getBytes(StandardCharsets.UTF_8);
        upload("planner", "casinos", null, "v.csv", b).statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("kind"))
                .body("detail", containsString("venues")).body("detail", containsString("districts"));
        upload("planner", "venues", "UTM", "v.csv", b).statusCode(400).body("errors[0].field", equalTo("datum"));
        as("planner").multiPart("kind", "venues").post("/api/imports").then().statusCode(400)
                .body("errors[0].field", equalTo("file"));
        as("planner").get("/api/imports/kinds").then().statusCode(200).body("$", hasItem("inspectors"));
    }

    // ---------------------------------------------------------------- background jobs and size limit

    @Test
    void asyncImportAnswers202AndTheJobCarriesTheSummaryOrTheProblem() throws Exception {
        byte[] good = "licence_no,name,category\nASYNC-1,异步网吧,网吧\n".getBytes(StandardCharsets.UTF_8);
        String id = as("planner").multiPart("file", "a.csv", good).multiPart("kind", "venues")
                .queryParam("async", true).post("/api/imports").then().statusCode(202)
                .body("jobId", notNullValue()).extract().path("jobId");
        JsonPath done = awaitJob(id);
        assertEquals("DONE", done.getString("state"));
        assertEquals(1, done.getInt("result.imported"));

        byte[] bad = "licence_no,name,category\nASYNC-2,异步,赌场\n".getBytes(StandardCharsets.UTF_8);
        String id2 = as("planner").multiPart("file", "b.csv", bad).multiPart("kind", "venues")
                .queryParam("async", true).post("/api/imports").then().statusCode(202).extract().path("jobId");
        JsonPath failed = awaitJob(id2);
        assertEquals("FAILED", failed.getString("state"));
        assertEquals(422, failed.getInt("error.status"));
        assertEquals(1, failed.getInt("error.errors[0].row"));
        assertEquals("category", failed.getString("error.errors[0].field"));
    }

    private static JsonPath awaitJob(String id) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            JsonPath p = as("planner").get("/api/jobs/" + id).then().statusCode(200).extract().jsonPath();
            String st = p.getString("state");
            if (!st.equals("QUEUED") && !st.equals("RUNNING")) {
                return p;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("job " + id + " did not finish");
    }

    @Test
    void anUploadOverTheLimitIsA413Problem() throws Exception {
        byte[] big = new byte[25 * 1024 * 1024];
        Arrays.fill(big, (byte) 'a');
        as("planner").multiPart("file", "big.csv", big).multiPart("kind", "venues").post("/api/imports")
                .then().statusCode(413).contentType("application/problem+json").body("status", equalTo(413));
        // with a declared Content-Length and Expect: 100-continue (as curl sends it): refused before the body is sent.
        // A raw socket, because java.net.http on Java 17 hangs when the answer to Expect is not 100.
        try (java.net.Socket socket = new java.net.Socket("localhost", io.restassured.RestAssured.port)) {
            socket.setSoTimeout(30_000);
            String head = "POST /api/imports HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic "
                    + java.util.Base64.getEncoder().encodeToString("planner:planner".getBytes(StandardCharsets.US_ASCII))
                    + "\r\nContent-Type: multipart/form-data; boundary=xyz\r\nContent-Length: " + big.length
                    + "\r\nExpect: 100-continue\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            byte[] buf = new byte[4096];
            StringBuilder answer = new StringBuilder();
            int n;
            while (!answer.toString().contains("}") && (n = socket.getInputStream().read(buf)) > 0) {
                answer.append(new String(buf, 0, n, StandardCharsets.UTF_8));
            }
            assertTrue(answer.toString().startsWith("HTTP/1.1 413"), answer.toString());
            assertTrue(answer.toString().toLowerCase().contains("content-type: application/problem+json"), answer.toString());
            assertTrue(answer.toString().contains("\"status\":413"), answer.toString());
        }
        // the same without credentials is refused before the body is read
        anonymous().multiPart("file", "big.csv", big).multiPart("kind", "venues").post("/api/imports")
                .then().statusCode(401);
    }

    // ---------------------------------------------------------------- helpers

    static byte[] xlsx(List<List<?>> rows) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = wb.createSheet("场所");
            for (int r = 0; r < rows.size(); r++) {
                XSSFRow row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    Object v = rows.get(r).get(c);
                    if (v instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else {
                        row.createCell(c).setCellValue(String.valueOf(v));
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    /** A text part sent as UTF-8 (RestAssured's default for text parts is ISO-8859-1). */
    static MultiPartSpecification utf8(String name, String value) {
        return new MultiPartSpecBuilder(value).controlName(name).mimeType("text/plain").charset(StandardCharsets.UTF_8).build();
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
