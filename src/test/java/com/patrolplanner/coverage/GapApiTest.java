package com.patrolplanner.coverage;

import static com.patrolplanner.TestSupport.as;
import static com.patrolplanner.coverage.Fixtures.inspect;
import static com.patrolplanner.coverage.Fixtures.officers;
import static com.patrolplanner.coverage.Fixtures.venue;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
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
                .body("zonesAvailable", org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(true), org.hamcrest.Matchers.is(false)))
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
        // risk: e (café, never, near a school) outranks f (café, 151 days, one earlier violation)
        assertEquals(GapService.venueRisk("internet_cafe", null, true, 0, 0), item(before, "venue_not_inspected", e).get("risk"));
        assertEquals(GapService.venueRisk("internet_cafe", 151L, false, 0, 1), ff.get("risk"));
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
        if (!after.getBoolean("zonesAvailable")) {
            assertTrue(after.getList("notes", String.class).stream().anyMatch(n -> n.contains("pp.zone")));
        }

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
        assertFalse(GapService.SCHOOL_BUFFER_BASIS.isBlank());
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
        assertEquals(200.0, GapService.SCHOOL_BUFFER_M, 0);
    }

    static Map<String, Object> item(JsonPath p, String kind, int id) {
        return p.getMap("items.find { it.kind == '" + kind + "' && it.id == '" + id + "' }");
    }
}
