package com.patrolplanner.security;

import static com.patrolplanner.TestSupport.anonymous;
import static com.patrolplanner.TestSupport.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, points 4 and 5: bounded work per request (geometry caps, statement timeout, dates, NUL bytes, campaign
 * length, XLSX indexes) and clean outputs (CSV formula injection, iCalendar line breaks).
 */
@QuarkusTest
class HardeningTest {
    static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    static final double LON = 119.61;
    static final double LAT = 36.51;

    @Inject
    AgroalDataSource ds;

    // ---------------------------------------------------------------- geometry

    /** A {n/k} star polygon: n points on a circle joined every k-th, so nearly every edge crosses nearly every other. */
    static Map<String, Object> star(int n, int k, double radius) {
        List<List<Double>> ring = new ArrayList<>();
        for (int i = 0; i <= n; i++) {
            double a = 2 * Math.PI * ((long) i * k % n) / n;
            ring.add(List.of(LON + radius * Math.cos(a), LAT + radius * Math.sin(a)));
        }
        return Map.of("type", "Polygon", "coordinates", List.of(ring));
    }

    static Map<String, Object> circle(int n, double lon, double lat, double radius) {
        List<List<Double>> ring = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double a = 2 * Math.PI * i / n;
            ring.add(List.of(lon + radius * Math.cos(a), lat + radius * Math.sin(a)));
        }
        ring.add(ring.get(0));
        return Map.of("type", "Polygon", "coordinates", List.of(ring));
    }

    static Map<String, Object> square(double lon, double lat, double half) {
        return Map.of("type", "Polygon", "coordinates", List.of(List.of(List.of(lon - half, lat - half),
                List.of(lon + half, lat - half), List.of(lon + half, lat + half), List.of(lon - half, lat + half),
                List.of(lon - half, lat - half))));
    }

    /** The request body as text, so that the timing covers the server's work and not the client's serialising. */
    static String json(Object body) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static long zoneSet() {
        Number id = as("planner").contentType(ContentType.JSON)
                .body(Map.of("name", "加固测试 " + RUN, "polygon", square(LON, LAT, 0.02)))
                .post("/api/zone-sets").then().statusCode(201).extract().path("id");
        return id.longValue();
    }

    @Test
    void theTwentyThousandVertexStarIsRefusedWithinASecondOrTwo() {
        long set = zoneSet();
        String body = json(Map.of("zoneSetId", set, "name", "星", "geometry", star(20_000, 9_999, 0.01)));
        long t0 = System.nanoTime();
        as("planner").contentType(ContentType.JSON).body(body).post("/api/zones").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("geometry"))
                .body("detail", containsString("10000"));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms < 2000, "refused after " + ms + " ms");
        // nothing was stored
        as("planner").get("/api/zone-sets/" + set).then().statusCode(200).body("zoneCount", equalTo(0));
    }

    @Test
    void aStarUnderTheVertexCapButCrossingItselfMillionsOfTimesIsRefusedBeforePostgis() {
        long set = zoneSet();
        String body = json(Map.of("zoneSetId", set, "name", "星", "geometry", star(4_001, 2_000, 0.01)));
        long t0 = System.nanoTime();
        as("planner").header("Accept-Language", "en").contentType(ContentType.JSON).body(body).post("/api/zones").then().statusCode(422)
                .body("errors.field", hasItem("geometry"))
                .body("detail", containsString("crosses itself more than 1000 times"));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms < 2000, "refused after " + ms + " ms");
    }

    @Test
    void aBowTieIsStillRepaired() {
        long set = zoneSet();
        Map<String, Object> bowtie = Map.of("type", "Polygon", "coordinates", List.of(List.of(List.of(LON, LAT),
                List.of(LON + 0.01, LAT + 0.01), List.of(LON + 0.01, LAT), List.of(LON, LAT + 0.01), List.of(LON, LAT))));
        as("planner").contentType(ContentType.JSON).body(Map.of("zoneSetId", set, "name", "蝴蝶结", "geometry", bowtie))
                .post("/api/zones").then().statusCode(201).body("repair.repaired", equalTo(true));
    }

    @Test
    void aZoneSetCarryingMoreThanFiftyThousandVerticesIsRefusedAsTooLarge() {
        List<Map<String, Object>> zones = new ArrayList<>();
        for (int i = 0; i < 6; i++) { // 6 × 9,001 positions: each under the per-geometry cap, together over the request cap
            zones.add(Map.of("name", "圆" + i, "geometry", circle(9_000, LON - 0.015 + i * 0.006, LAT, 0.002)));
        }
        as("planner").contentType(ContentType.JSON)
                .body(Map.of("name", "太大 " + RUN, "polygon", square(LON, LAT, 0.02), "zones", zones))
                .post("/api/zone-sets").then().statusCode(413).contentType("application/problem+json")
                .body("errors.field", hasItem("zones")).body("detail", containsString("50000"));
    }

    // ---------------------------------------------------------------- statement timeout

    @Test
    void requestsRunUnderTheRequestStatementLimitAndOtherWorkUnderTheJobLimit() throws Exception {
        anonymous().get("/test-hardening/statement-timeout").then().statusCode(200).body(equalTo("15s"));
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW statement_timeout")) {
            rs.next();
            assertEquals("30min", rs.getString(1), "outside a request: the job limit");
        }
    }

    @Test
    void borrowingAConnectionForARequestCostsNoRoundTripOnceItCarriesTheLimit() throws Exception {
        anonymous().get("/test-hardening/statement-timeout").then().statusCode(200).body(equalTo("15s"));
        long before = com.patrolplanner.web.StatementTimeout.setsSent();
        for (int i = 0; i < 20; i++) {
            anonymous().get("/test-hardening/statement-timeout").then().statusCode(200).body(equalTo("15s"));
        }
        // one SET per borrow before; now only connections a job used in between (background work) set it again
        long sets = com.patrolplanner.web.StatementTimeout.setsSent() - before;
        assertTrue(sets < 10, sets + " SETs for 20 request borrows");
        // a job's borrow sets the job limit, and the request after it gets the request limit back
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW statement_timeout")) {
            rs.next();
            assertEquals("30min", rs.getString(1));
        }
        anonymous().get("/test-hardening/statement-timeout").then().statusCode(200).body(equalTo("15s"));
    }

    @Test
    void aCancelledStatementIsA503NotA500() {
        anonymous().get("/test-hardening/too-long").then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", "30").body("detail", containsString("time limit"));
        // the lowered limit did not stick to the pooled connection
        anonymous().get("/test-hardening/statement-timeout").then().statusCode(200).body(equalTo("15s"));
    }

    // ---------------------------------------------------------------- dates, NUL bytes, campaign length

    @Test
    void outOfRangeDatesInQueryParametersAre400sNamingTheParameter() {
        as("manager").queryParam("date", "+9999999-01-01").get("/api/compliance/violations").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("date"));
        as("manager").urlEncodingEnabled(false).get("/api/compliance/violations?date=%2B9999999-01-01").then()
                .statusCode(400).body("errors[0].field", equalTo("date"));
        as("manager").queryParam("at", "1999-12-31").get("/api/coverage/gaps").then().statusCode(400)
                .body("errors[0].field", equalTo("at"));
        as("planner").queryParam("from", "2101-01-01").get("/api/inspections").then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
        as("manager").queryParam("to", "-2024-01-01").get("/api/coverage/districts").then().statusCode(400)
                .body("errors[0].field", equalTo("to"));
        // the edges of the span are fine
        as("manager").queryParam("date", "2100-12-31").get("/api/compliance/violations").then().statusCode(200);
        as("manager").queryParam("date", "2000-01-01").get("/api/compliance/violations").then().statusCode(200);
    }

    @Test
    void nulBytesInParametersAre400sNamingTheParameter() {
        as("manager").queryParam("district", "3707\u000005").get("/api/compliance/violations").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("district"))
                .body("detail", containsString("NUL"));
        as("planner").urlEncodingEnabled(false).get("/api/zone-sets?district=%00").then().statusCode(400)
                .body("errors[0].field", equalTo("district"));
    }

    static Map<String, Object> campaign(String start, String end) {
        Map<String, Object> c = new HashMap<>();
        c.put("name", "长度测试 " + RUN);
        c.put("type", "ROUTINE");
        c.put("startDate", start);
        c.put("endDate", end);
        return c;
    }

    @Test
    void aCampaignRunsAtMostAYearAndInsideTheCenturySpan() {
        as("planner").header("Accept-Language", "en").contentType(ContentType.JSON).body(campaign("2026-01-01", "2027-01-02")).post("/api/campaigns")
                .then().statusCode(422).body("errors.field", hasItem("endDate"))
                .body("errors.reason", hasItem(containsString("367 days; at most 366")));
        as("planner").contentType(ContentType.JSON).body(campaign("2026-01-01", "9999-12-31")).post("/api/campaigns")
                .then().statusCode(422).body("errors.field", hasItem("endDate"));
        as("planner").contentType(ContentType.JSON).body(campaign("+9999999-01-01", "+9999999-01-02"))
                .post("/api/campaigns").then().statusCode(422).body("errors.field", hasItem("startDate"));
        // a leap year's 366 days are allowed
        Number id = as("planner").contentType(ContentType.JSON).body(campaign("2028-01-01", "2028-12-31"))
                .post("/api/campaigns").then().statusCode(201).extract().path("id");
        as("planner").delete("/api/campaigns/" + id).then().statusCode(204);
    }

    // ---------------------------------------------------------------- XLSX indexes

    static byte[] workbook(int lastRowIndex, int lastColumnIndex) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sh = wb.createSheet("场所");
            var h = sh.createRow(0);
            String[] header = {"许可证号", "名称", "类别", "地址", "经度", "纬度"};
            for (int i = 0; i < header.length; i++) {
                h.createCell(i).setCellValue(header[i]);
            }
            var r = sh.createRow(1);
            String[] row = {"XL-" + RUN, "表格场所", "网吧", "测试路1号", "119.61", "36.51"};
            for (int i = 0; i < row.length; i++) {
                r.createCell(i).setCellValue(row[i]);
            }
            sh.createRow(lastRowIndex).createCell(lastColumnIndex).setCellValue("远处");
            wb.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void anXlsxRowNumberOfAMillionIsRefusedNamingTheRow() throws Exception {
        as("planner").multiPart("file", "venues.xlsx", workbook(999_999, 0)).multiPart("kind", "venues")
                .post("/api/imports").then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("file")).body("errors[0].row", equalTo(1_000_000))
                .body("detail", containsString("sheet row 1000000"));
    }

    @Test
    void anXlsxColumnFarRightIsRefused() throws Exception {
        as("planner").multiPart("file", "venues.xlsx", workbook(2, 16_000)).multiPart("kind", "venues")
                .post("/api/imports").then().statusCode(422).body("errors[0].field", equalTo("file"))
                .body("errors[0].row", equalTo(3)).body("detail", containsString("256 columns"));
    }

    // ---------------------------------------------------------------- CSV and iCalendar

    /** Names that reach the exports (the registry trims names, so "\tX" is checked in {@link CleanOutputTest}). */
    static final List<String> PAYLOADS = List.of("=cmd|' /C calc'!A0", "=HYPERLINK(\"http://x\")", "@SUM(1)", "+1",
            "-1+1");

    static long venue(String name, double lon, double lat) {
        Map<String, Object> v = new HashMap<>();
        v.put("licenceNo", "CSV-" + RUN + "-" + Math.abs(name.hashCode()));
        v.put("name", name);
        v.put("category", "internet_cafe");
        v.put("address", "测试路1号");
        v.put("lon", lon);
        v.put("lat", lat);
        Number id = as("planner").contentType(ContentType.JSON).body(v).post("/api/venues").then().statusCode(201)
                .extract().path("id");
        return id.longValue();
    }

    static List<CSVRecord> parse(byte[] csv) throws Exception {
        assertEquals((byte) 0xEF, csv[0], "UTF-8 BOM");
        try (CSVParser p = CSVParser.parse(new InputStreamReader(new ByteArrayInputStream(csv, 3, csv.length - 3),
                StandardCharsets.UTF_8), CSVFormat.DEFAULT)) {
            return p.getRecords();
        }
    }

    @Test
    void csvExportsNeutraliseFormulaCells() throws Exception {
        // a primary school and, 100 m north of it (inside the 200 m perimeter), one internet café per payload
        double lon = 101.33;
        double lat = 31.33;
        as("planner").contentType(ContentType.JSON)
                .body(Map.of("name", "公式测试小学" + RUN, "level", "primary", "lon", lon, "lat", lat))
                .post("/api/schools").then().statusCode(201);
        Map<String, String> expected = new HashMap<>(); // venue id → the cell as it must come out
        for (int i = 0; i < PAYLOADS.size(); i++) {
            String name = PAYLOADS.get(i) + RUN;
            long id = venue(name, lon + i * 0.00002, lat + 0.0009);
            expected.put(String.valueOf(id), "'" + name);
        }
        byte[] violations = as("manager").queryParam("format", "csv").queryParam("category", "网吧")
                .get("/api/compliance/violations").then().statusCode(200).extract().asByteArray();
        checkCells(parse(violations), expected);
        byte[] gaps = as("manager").queryParam("format", "csv").queryParam("days", "90").queryParam("limit", "100000")
                .get("/api/coverage/gaps").then().statusCode(200).extract().asByteArray();
        checkCells(parse(gaps), expected);
    }

    /** Each payload venue's name comes out with the leading quote, and no cell begins with a formula sign. */
    private static void checkCells(List<CSVRecord> rows, Map<String, String> expected) {
        List<String> cells = new ArrayList<>();
        for (CSVRecord r : rows) {
            for (String cell : r) {
                assertFalse(!cell.isEmpty() && "=+@\t\r".indexOf(cell.charAt(0)) >= 0, "unsafe cell " + cell);
                assertFalse(cell.startsWith("-") && !cell.matches("-\\d+(\\.\\d+)?"), "unsafe cell " + cell);
                cells.add(cell);
            }
        }
        for (String want : expected.values()) {
            assertTrue(cells.contains(want), "the export should hold the cell " + want);
        }
    }
}
