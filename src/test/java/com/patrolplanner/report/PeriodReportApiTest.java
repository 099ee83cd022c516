package com.patrolplanner.report;

import static com.patrolplanner.TestSupport.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PeriodReportApiTest {
    static final String ADCODE = "519901";
    static final String Q = "/api/reports/period?from=2024-01-01&to=2024-06-30&district=" + ADCODE;

    @Inject
    EntityManager em;

    /*
     * A district of its own (102.0–102.1 E, 32.0–32.1 N) with five active venues and one revoked. In 2024-01-01 ..
     * 2024-06-30 (both included):
     *   cafe1  01-10 compliant 2 officers; 03-05 violation (outside hours) warning + 责令整改, 3 officers
     *   cafe2  02-20 violation (minors, ID) 立案, 2 officers
     *   ktv    04-01 not_operating 2; 05-01 not_found 2 (officers dispatched, but no venue checked)
     *   pub    05-15 violation (illegal publications) 取缔, seized 125 publications + 40 discs, 2; 06-30 23:00 compliant 2
     *   cafe1  07-01 00:30 compliant — outside the period; hotel never; revoked never
     * → officer-visits 2+3+2+2+2+2+2 = 15 ("10多人次"); venues checked 6 家次 (café 3, publication 2, song-dance 1);
     *   查处 3 家 (cafe1, cafe2, pub); 责令整改 1; 立案 1; 取缔 1; 收缴 125 册 ("120余册") and 40 盘;
     *   coverage 4 of 5 active venues (cafe1, cafe2, ktv, pub; not the hotel) = 80 %.
     */
    @Test
    void halfYearFiguresAndParagraphFromAKnownFixture() throws Exception {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                INSERT INTO district (adcode, name, level, geom) VALUES (?1, '报告测试区', 'district',
                  ST_Multi(ST_MakeEnvelope(102.0, 32.0, 102.1, 32.1, 4326))) ON CONFLICT (adcode) DO NOTHING""")
                .setParameter(1, ADCODE).executeUpdate());
        int cafe1 = venue("internet_cafe", 102.01, 32.01, null);
        int cafe2 = venue("internet_cafe", 102.02, 32.02, null);
        int ktv = venue("song_dance", 102.03, 32.03, null);
        int pub = venue("publication", 102.04, 32.04, null);
        venue("hotel", 102.05, 32.05, null);
        int revoked = venue("internet_cafe", 102.06, 32.06, "revoked");
        as("planner").get("/api/venues/" + revoked).then().statusCode(200).body("properties.status", equalTo("revoked"));
        List<Integer> two = List.of(officer(), officer());
        List<Integer> three = List.of(officer(), officer(), officer());
        inspect(cafe1, "2024-01-10T10:00:00+08:00", two, "compliant", List.of(), List.of(), null);
        inspect(cafe1, "2024-03-05T00:30:00+08:00", three, "violation", List.of("cafe_outside_hours"),
                List.of("warning", "rectification_order"), null);
        inspect(cafe2, "2024-02-20T17:00:00+08:00", two, "violation", List.of("cafe_minors_admitted", "cafe_id_not_checked"),
                List.of("case_filed"), null);
        inspect(ktv, "2024-04-01T23:00:00+08:00", two, "not_operating", List.of(), List.of(), null);
        inspect(ktv, "2024-05-01T10:00:00+08:00", two, "not_found", List.of(), List.of(), null);
        inspect(pub, "2024-05-15T10:00:00+08:00", two, "violation", List.of("publication_illegal"), List.of("closed"),
                Map.of("illegal_publications", 125, "discs", 40));
        inspect(pub, "2024-06-30T23:00:00+08:00", two, "compliant", List.of(), List.of(), null);
        inspect(cafe1, "2024-07-01T00:30:00+08:00", two, "compliant", List.of(), List.of(), null);

        as("manager").get(Q).then().statusCode(200)
                .body("district", equalTo(ADCODE))
                .body("officerVisits", equalTo(15))
                .body("venuesChecked", equalTo(6))
                .body("venuesCheckedByCategory.find { it.category == 'internet_cafe' }.venueVisits", equalTo(3))
                .body("venuesCheckedByCategory.find { it.category == 'publication' }.venueVisits", equalTo(2))
                .body("venuesCheckedByCategory.find { it.category == 'song_dance' }.venueVisits", equalTo(1))
                .body("violationsHandled", equalTo(3))
                .body("casesFiled", equalTo(1))
                .body("closed", equalTo(1))
                .body("rectificationOrders", equalTo(1))
                .body("seized.find { it.kind == 'illegal_publications' }.count", equalTo(125))
                .body("seized.find { it.kind == 'discs' }.count", equalTo(40))
                .body("venues", equalTo(5))
                .body("venuesInspected", equalTo(4))
                .body("coverage", equalTo(0.8));

        // the inspections of this fixture have no team: each is an outing of its own, so both 出动人次 counts are 15
        String first = "1-6月份，共出动执法人员10多人次（按每次出动的执法人员计；按检查家次累计10多人次），检查各类场所6家次"
                + "（其中网吧3家次、出版物经营单位2家次、歌舞娱乐场所1家次），辖区在册场所检查覆盖率80%（4/5家）。";
        String text = as("planner").get(Q + "&format=text").then().statusCode(200)
                .contentType(startsWith("text/plain")).extract().asString();
        assertEquals("报告测试区2024年上半年文化市场综合执法工作统计", text.lines().findFirst().orElseThrow());
        assertTrue(text.contains("一、日常检查\n" + first), text);
        assertTrue(text.contains("二、查处违法违规经营\n查处违规经营场所3家，其中"), text);
        assertTrue(text.contains("取缔非法经营场所(摊点)1个；现场责令整改1家次；立案查处1起。"), text);
        assertTrue(text.contains("三、查扣物品\n收缴非法出版物120余册、非法音像制品40盘。"), text);
        assertTrue(text.endsWith("2024年7月1日"), text);
        as("admin").get(Q).then().body("text", equalTo(text)).body("officerOutings", equalTo(15))
                .body("sections[0].heading", equalTo("一、日常检查"))
                // other tests add units below the city: their per-unit sentence may follow the paragraph
                .body("sections[0].text", startsWith(first));

        byte[] xlsx = as("manager").get(Q + "&format=xlsx").then().statusCode(200).extract().asByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sh = wb.getSheet("汇总");
            Map<String, Double> figures = new HashMap<>();
            for (Row r : sh) {
                if (r.getRowNum() > 0 && r.getCell(1) != null && r.getCell(1).getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
                    figures.put(r.getCell(0).getStringCellValue(), r.getCell(1).getNumericCellValue());
                }
            }
            assertEquals(15.0, figures.get("出动执法人员（按检查家次累计）"), 0);
            assertEquals(15.0, figures.get("出动执法人员（按出动计）"), 0);
            assertEquals(6.0, figures.get("检查各类场所"), 0);
            assertEquals(0.8, figures.get("检查覆盖率"), 1e-9);
            assertEquals(125.0, figures.get("收缴非法出版物"), 0);
            // Chinese headers only: no Latin letter in any sheet name or header cell
            for (Sheet each : wb) {
                assertFalse(each.getSheetName().matches(".*[A-Za-z].*"), each.getSheetName());
                for (org.apache.poi.ss.usermodel.Cell h : each.getRow(0)) {
                    assertFalse(h.getStringCellValue().matches(".*[A-Za-z].*"), h.getStringCellValue());
                }
            }
            assertEquals(3, wb.getSheet("分类检查").getPhysicalNumberOfRows() - 1);
        }
    }

    @Test
    void rolesAndParameters() {
        as("leader1").get("/api/reports/period").then().statusCode(403);
        as("manager").get("/api/reports/period?district=nowhere-district").then().statusCode(400);
        as("manager").get("/api/reports/period?from=2024-06-01&to=2024-01-01").then().statusCode(400);
        as("manager").get("/api/reports/period?format=doc").then().statusCode(400);
        as("manager").get("/api/reports/period?format=docx").then().statusCode(200);
    }

    /**
     * Campaigns run in 2011 H1 (a period no other test uses): those not cancelled whose dates overlap it. Of four: one
     * ending on the first day and one inside count; a cancelled one and one starting the day after do not → 2.
     */
    @Test
    void campaignsOfThePeriodAreCountedAndReported() {
        QuarkusTransaction.requiringNew().run(() -> {
            for (String[] c : new String[][] {{"2010-12-01", "2011-01-01", "done"}, {"2011-03-01", "2011-03-05", "draft"},
                {"2011-02-01", "2011-02-02", "cancelled"}, {"2011-07-01", "2011-07-02", "active"}}) {
                em.createNativeQuery("INSERT INTO campaign (name, type, start_date, end_date, status, created_by) "
                        + "VALUES ('报告测试专项行动', 'SPECIAL', CAST(?1 AS date), CAST(?2 AS date), ?3, 'test')")
                        .setParameter(1, c[0]).setParameter(2, c[1]).setParameter(3, c[2]).executeUpdate();
            }
        });
        as("manager").get("/api/reports/period?from=2011-01-01&to=2011-06-30").then().statusCode(200)
                .body("campaigns", equalTo(2))
                .body("text", org.hamcrest.Matchers.containsString("开展“报告测试专项行动”等专项行动2次"));
    }

    static int venue(String category, double lon, double lat, String status) {
        Map<String, Object> body = new HashMap<>(Map.of("licenceNo", "T-REP-" + System.nanoTime(), "name", "报告测试场所",
                "category", category, "lon", lon, "lat", lat));
        if (status != null) {
            body.put("status", status);
        }
        return as("planner").contentType(ContentType.JSON).body(body).post("/api/venues").then().statusCode(201)
                .extract().path("id");
    }

    static int officer() {
        return as("planner").contentType(ContentType.JSON)
                .body(Map.of("name", "报告测试员", "certificateNo", "ZF-REP-" + System.nanoTime()))
                .post("/api/inspectors").then().statusCode(201).extract().path("id");
    }

    static void inspect(int venue, String at, List<Integer> officers, String outcome, List<String> violations,
            List<String> actions, Map<String, Integer> seized) {
        Map<String, Object> m = new HashMap<>();
        m.put("venueId", venue);
        m.put("inspectedAt", at);
        m.put("officers", officers);
        m.put("outcome", outcome);
        m.put("violations", violations);
        m.put("actions", actions);
        if (seized != null) {
            m.put("seized", seized);
        }
        as("planner").contentType(ContentType.JSON).body(m).post("/api/inspections").then().statusCode(201);
    }
}
