package com.patrolplanner.coverage;

import static com.patrolplanner.TestSupport.as;
import static com.patrolplanner.coverage.Fixtures.inspect;
import static com.patrolplanner.coverage.Fixtures.officers;
import static com.patrolplanner.coverage.Fixtures.venue;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

@QuarkusTest
class GapApiTest {
    @Inject
    AgroalDataSource ds;
    static final String AT = "2024-04-30"; // spring term 2024 began 2024-02-15

    @Test
    void schoolBufferAndStaleVenuesRankedByRisk() throws Exception {
        // a primary school at (100.70, 30.70); e 150 m north (inside the 200 m buffer), f 300 m north (outside)
        int school = as("planner").contentType(ContentType.JSON)
                .body(Map.of("name", "缺口测试小学" + System.nanoTime(), "level", "primary", "lon", 100.70, "lat", 30.70))
                .post("/api/schools").then().statusCode(201).extract().path("id");
        int e = venue("internet_cafe", 100.70, 30.70135);
        int f = venue("internet_cafe", 100.70, 30.70270);
        int g = venue("hotel", 100.72, 30.72);
        List<Integer> two = officers(2);
        inspect(f, "2023-12-01T10:00:00+08:00", two, "violation", List.of("cafe_id_not_checked"));
        inspect(g, "2024-04-01T10:00:00+08:00", two, "compliant", null);

        JsonPath before = as("manager").get("/api/coverage/gaps?days=90&at=" + AT).then().statusCode(200)
                .body("schoolPerimeter.ruleCode", equalTo("ICAFE_SCHOOL_200M"))
                .body("schoolPerimeter.distanceM", equalTo(200.0))
                .body("schoolPerimeter.legalBasis", equalTo(legalBasis()))
                .extract().jsonPath();
        // e: never inspected, inside the buffer → school-buffer gap and stale gap; the school is listed
        assertNotNull(item(before, "school_buffer_venue", e));
        assertNotNull(item(before, "venue_not_inspected", e));
        assertNotNull(item(before, "school_with_unchecked_venue", school));
        // f: outside the buffer; last inspected 151 days before AT → a stale gap only
        assertNull(item(before, "school_buffer_venue", f));
        Map<String, Object> ff = item(before, "venue_not_inspected", f);
        assertEquals(151, ff.get("daysSince"));
        // g: inspected 29 days before → no gap
        assertNull(item(before, "venue_not_inspected", g));
        // risk: e (café 25, never 30, near a school 20) = 75 outranks f (café 25, 30 × 151/365 = 12.4, one earlier
        // violation 5) = 42
        assertEquals(75, item(before, "venue_not_inspected", e).get("risk"));
        assertEquals(42, ff.get("risk"));
        assertTrue((int) item(before, "venue_not_inspected", e).get("rank") < (int) ff.get("rank"));
        List<Integer> risks = before.getList("items.risk");
        for (int i = 1; i < risks.size(); i++) {
            assertTrue(risks.get(i - 1) >= risks.get(i), "ranked by risk");
        }

        // once e is inspected this term, neither e nor the school is a gap
        inspect(e, "2024-04-10T17:00:00+08:00", two, "compliant", null);
        JsonPath after = as("manager").get("/api/coverage/gaps?days=90&at=" + AT).then().statusCode(200).extract().jsonPath();
        assertNull(item(after, "school_buffer_venue", e));
        assertNull(item(after, "school_with_unchecked_venue", school));

        // CSV (UTF-8 with BOM) parses and holds the same rows in the same order
        byte[] csv = as("manager").get("/api/coverage/gaps?days=90&at=" + AT + "&format=csv").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv")).extract().asByteArray();
        assertEquals((byte) 0xEF, csv[0]);
        try (CSVParser p = CSVParser.parse(new InputStreamReader(new ByteArrayInputStream(csv, 3, csv.length - 3),
                StandardCharsets.UTF_8), CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
            List<CSVRecord> rows = p.getRecords();
            assertEquals(after.getList("items").size(), rows.size());
            assertTrue(p.getHeaderNames().contains("风险分 risk"));
            CSVRecord fRow = rows.stream().filter(r -> r.get("编号 id").equals(String.valueOf(f))
                    && r.get("类型 kind").equals("venue_not_inspected")).findFirst().orElseThrow();
            assertEquals("151", fRow.get("距今天数 days_since"));
        }
        // XLSX parses: one header row plus the items
        byte[] xlsx = as("planner").get("/api/coverage/gaps?days=90&at=" + AT + "&format=xlsx").then().statusCode(200)
                .extract().asByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sh = wb.getSheetAt(0);
            assertEquals(after.getList("items").size() + 1, sh.getPhysicalNumberOfRows());
            assertEquals("序号 rank", sh.getRow(0).getCell(0).getStringCellValue());
            assertEquals(1.0, sh.getRow(1).getCell(0).getNumericCellValue(), 0);
        }
        as("manager").get("/api/coverage/gaps?format=pdf").then().statusCode(400).body("errors.field", hasItem("format"));
        as("leader1").get("/api/coverage/gaps").then().statusCode(403);
    }

    @Test
    void schoolBufferRule_第九条_200MetresFromTheCampusBoundary() {
        // a campus polygon ~222 m wide; a venue 180 m east of its east wall is inside, although ~290 m from its centre
        double w = 100.80;
        double e = 100.8023;
        Map<String, Object> campus = Map.of("type", "Polygon", "coordinates",
                List.of(List.of(List.of(w, 30.80), List.of(e, 30.80), List.of(e, 30.802), List.of(w, 30.802), List.of(w, 30.80))));
        int school = as("planner").contentType(ContentType.JSON)
                .body(Map.of("name", "缺口测试中学" + System.nanoTime(), "level", "junior", "campus", campus))
                .post("/api/schools").then().statusCode(201).extract().path("id");
        int near = venue("internet_cafe", e + 180 / (111320 * Math.cos(Math.toRadians(30.801))), 30.801);
        int far = venue("internet_cafe", e + 220 / (111320 * Math.cos(Math.toRadians(30.801))), 30.801);
        JsonPath gaps = as("manager").get("/api/coverage/gaps?at=" + AT).then().statusCode(200).extract().jsonPath();
        assertNotNull(item(gaps, "school_buffer_venue", near));
        assertNull(item(gaps, "school_buffer_venue", far));
        assertNotNull(item(gaps, "school_with_unchecked_venue", school));
    }

    /** The seeded rule's legal basis, read from the rule register (the perimeter's basis comes from the rule row). */
    private String legalBasis() throws Exception {
        try (java.sql.Connection c = ds.getConnection(); java.sql.PreparedStatement ps = c.prepareStatement(
                "SELECT legal_basis FROM compliance_rule WHERE code = 'ICAFE_SCHOOL_200M'");
                java.sql.ResultSet rs = ps.executeQuery()) {
            assertTrue(rs.next());
            return rs.getString(1);
        }
    }

    /**
     * "Near a school" is the rule's perimeter: a kindergarten (not among ICAFE_SCHOOL_200M's levels) makes no gap, and
     * when the administrator widens the rule to 300 m a café 250 m from a primary school becomes one.
     */
    @Test
    void nearSchoolFollowsTheComplianceRule() throws Exception {
        int kindergarten = as("planner").contentType(ContentType.JSON)
                .body(Map.of("name", "缺口测试幼儿园" + System.nanoTime(), "level", "kindergarten", "lon", 100.90, "lat", 30.90))
                .post("/api/schools").then().statusCode(201).extract().path("id");
        int byKindergarten = venue("internet_cafe", 100.90, 30.9005); // ≈ 55 m
        int primary = as("planner").contentType(ContentType.JSON)
                .body(Map.of("name", "缺口测试小学" + System.nanoTime(), "level", "primary", "lon", 100.95, "lat", 30.90))
                .post("/api/schools").then().statusCode(201).extract().path("id");
        int at250 = venue("internet_cafe", 100.95, 30.90 + 250 / 110_850.0); // 250 m north (1° lat ≈ 110.85 km at 30.9°)

        JsonPath gaps = as("manager").get("/api/coverage/gaps?at=" + AT).then().statusCode(200).extract().jsonPath();
        assertNull(item(gaps, "school_buffer_venue", byKindergarten));
        assertNull(item(gaps, "school_with_unchecked_venue", kindergarten));
        assertNull(item(gaps, "school_buffer_venue", at250));
        assertNull(item(gaps, "school_with_unchecked_venue", primary));

        String code = "ICAFE_SCHOOL_200M";
        Map<String, Object> rule = as("admin").get("/api/compliance/rules/" + code).then().statusCode(200).extract()
                .jsonPath().getMap("");
        Map<String, Object> wider = new java.util.HashMap<>(rule);
        wider.put("distanceM", 300.0);
        int version = as("admin").contentType(ContentType.JSON).body(wider).put("/api/compliance/rules/" + code).then()
                .statusCode(200).extract().path("version");
        try {
            JsonPath wide = as("manager").get("/api/coverage/gaps?at=" + AT).then().statusCode(200)
                    .body("schoolPerimeter.distanceM", equalTo(300.0)).extract().jsonPath();
            Map<String, Object> g = item(wide, "school_buffer_venue", at250);
            assertNotNull(g);
            assertTrue(((String) g.get("reason")).contains("周边300米内"), (String) g.get("reason"));
            assertNotNull(item(wide, "school_with_unchecked_venue", primary));
            assertNull(item(wide, "school_buffer_venue", byKindergarten));
        } finally {
            Map<String, Object> back = new java.util.HashMap<>(rule);
            back.put("version", version);
            as("admin").contentType(ContentType.JSON).body(back).put("/api/compliance/rules/" + code).then().statusCode(200)
                    .body("distanceM", equalTo(200.0));
        }
    }

    /*
     * District 519922 (103.40–103.42 E, 33.40–33.41 N) with an active set of two zones. As of AT, last 90 days:
     * west: two active venues, one inspected → coverage 50 % < 80 % → a gap of risk round(100 × 0.3 / 0.8) = 38;
     * east: one venue, inspected → 100 %, no gap.
     */
    @Test
    void zonesUnderTheTargetCoverageAreGaps() throws Exception {
        String adcode = "519922";
        Fixtures.district(ds, adcode, 103.40, 33.40, 103.42, 33.41);
        List<Long> zones = Fixtures.zoneSet(ds, adcode, true, new double[] {103.40, 33.40, 103.41, 33.41},
                new double[] {103.41, 33.40, 103.42, 33.41});
        int w1 = venue("internet_cafe", 103.402, 33.405);
        venue("hotel", 103.404, 33.405);
        int e1 = venue("publication", 103.412, 33.405);
        List<Integer> two = officers(2);
        inspect(w1, "2024-04-01T10:00:00+08:00", two, "compliant", null);
        inspect(e1, "2024-04-02T10:00:00+08:00", two, "compliant", null);

        JsonPath gaps = as("manager").get("/api/coverage/gaps?days=90&target=0.8&at=" + AT).then().statusCode(200)
                .extract().jsonPath();
        Map<String, Object> west = gaps.getMap("items.find { it.kind == 'zone_under_target' && it.id == '" + zones.get(0) + "' }");
        assertNotNull(west, "the west zone is under target");
        assertEquals("zone", west.get("entity"));
        assertEquals(38, west.get("risk"));
        assertEquals("片区覆盖率 50%（1/2家），低于目标 80%（近90天）", west.get("reason"));
        // the reason follows Accept-Language (issue 19): English for en, in the list and in its CSV download
        JsonPath en = as("manager").header("Accept-Language", "en").get("/api/coverage/gaps?days=90&target=0.8&at=" + AT)
                .then().statusCode(200).extract().jsonPath();
        assertEquals("zone coverage 50% (1/2 venues), below the target 80% (last 90 days)",
                en.getString("items.find { it.kind == 'zone_under_target' && it.id == '" + zones.get(0) + "' }.reason"));
        String csv = as("manager").header("Accept-Language", "en")
                .get("/api/coverage/gaps?days=90&target=0.8&format=csv&at=" + AT).then().statusCode(200).extract().asString();
        assertTrue(csv.contains("zone coverage 50% (1/2 venues), below the target 80% (last 90 days)"), csv);
        assertTrue(!csv.contains("⟦"), "no unresolved message in the download");
        assertNull(gaps.get("items.find { it.kind == 'zone_under_target' && it.id == '" + zones.get(1) + "' }"));
        assertTrue(gaps.getInt("counts.zone_under_target") >= 1);
        // a target of 50 % is met by both
        JsonPath met = as("manager").get("/api/coverage/gaps?days=90&target=0.5&at=" + AT).then().statusCode(200)
                .extract().jsonPath();
        assertNull(met.get("items.find { it.kind == 'zone_under_target' && it.id == '" + zones.get(0) + "' }"));
    }

    static Map<String, Object> item(JsonPath p, String kind, int id) {
        return p.getMap("items.find { it.kind == '" + kind + "' && it.id == '" + id + "' }");
    }
}
