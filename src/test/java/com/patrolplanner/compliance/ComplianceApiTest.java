package com.patrolplanner.compliance;

import static com.patrolplanner.TestSupport.anonymous;
import static com.patrolplanner.TestSupport.as;
import static com.patrolplanner.compliance.Fixtures.go;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import com.patrolplanner.geo.ChinaDatum;
import com.patrolplanner.geo.Geodesy;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Roles, exports (CSV, XLSX), the site check and the display buffers. */
@QuarkusTest
class ComplianceApiTest {
    static final double LON = 104.80;
    static final double LAT = 36.05;

    private static long layout(String cafeName) {
        Fixtures.school("导出测试小学", "primary", Fixtures.polygon(Fixtures.rect(LON, LAT, 100, 100)));
        return Fixtures.venue(cafeName, "internet_cafe", go(Fixtures.eastEdge(LON, LAT, 100), LAT, 90, 123.4));
    }

    @Test
    void rolesAreEnforced() {
        as("manager").get("/api/compliance/violations").then().statusCode(200);
        as("planner").get("/api/compliance/violations").then().statusCode(200);
        as("leader1").get("/api/compliance/violations").then().statusCode(403);
        anonymous().get("/api/compliance/violations").then().statusCode(401);
        as("leader1").get("/api/compliance/rules").then().statusCode(200);
        as("manager").queryParam("lon", 104.0).queryParam("lat", 36.0).queryParam("category", "网吧")
                .get("/api/compliance/site-check").then().statusCode(200);
        Map<String, Object> r = Map.of("code", "ROLE_TEST_RULE", "venueCategory", "hotel", "schoolLevels", List.of("primary"),
                "distanceM", 50.0, "legalBasis", "x");
        as("planner").contentType(ContentType.JSON).body(r).post("/api/compliance/rules").then().statusCode(403);
        as("manager").contentType(ContentType.JSON).body(r).put("/api/compliance/rules/ICAFE_SCHOOL_200M").then().statusCode(403);
        as("planner").delete("/api/compliance/rules/ICAFE_SCHOOL_200M").then().statusCode(403);
    }

    @Test
    void csvExportHasAHeaderAndOneRowPerVerdict() {
        long v = layout("CSV导出网吧");
        String csv = new String(as("manager").queryParam("format", "csv").queryParam("category", "网吧")
                .get("/api/compliance/violations").then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString(".csv")).extract().asByteArray(), StandardCharsets.UTF_8);
        assertThat(csv, startsWith("\uFEFFvenue_id,venue_name,"));
        String row = csv.lines().filter(l -> l.startsWith(v + ",")).findFirst().orElseThrow();
        assertThat(row, containsString("CSV导出网吧"));
        assertThat(row, containsString(",123.4,false,ICAFE_SCHOOL_200M,200.0,national,"));
        assertThat(row, containsString("第九条"));
    }

    @Test
    void xlsxExportIsAWorkbookWithTheSameColumns() throws Exception {
        long v = layout("XLSX导出网吧");
        byte[] bytes = as("planner").queryParam("format", "xlsx").queryParam("rule", "ICAFE_SCHOOL_200M")
                .get("/api/compliance/violations").then().statusCode(200)
                .contentType(startsWith("application/vnd.openxmlformats")).extract().asByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue(), equalTo("venue_id"));
            assertThat(sheet.getRow(0).getCell(12).getStringCellValue(), equalTo("distance_m"));
            Row found = null;
            for (Row row : sheet) {
                if (row.getRowNum() > 0 && (long) row.getCell(0).getNumericCellValue() == v) {
                    found = row;
                }
            }
            assertThat(found == null ? null : found.getCell(1).getStringCellValue(), equalTo("XLSX导出网吧"));
            assertThat(found.getCell(12).getNumericCellValue(), closeTo(123.4, 1e-9));
            assertThat(found.getCell(14).getStringCellValue(), equalTo("ICAFE_SCHOOL_200M"));
        }
    }

    @Test
    void badQueryParametersAre400NamingTheField() {
        as("manager").queryParam("format", "pdf").get("/api/compliance/violations").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("format"));
        as("manager").queryParam("rule", "NOPE").get("/api/compliance/violations").then().statusCode(400)
                .body("errors[0].field", equalTo("rule"));
        as("manager").queryParam("district", "Weifang").get("/api/compliance/violations").then().statusCode(400)
                .body("errors[0].field", equalTo("district"));
        as("manager").queryParam("category", "casino").get("/api/compliance/violations").then().statusCode(400)
                .body("errors[0].field", equalTo("category"));
        // an address goes through the geocoder; one it cannot place is a 422 naming the address
        as("manager").queryParam("address", "ZZQX 无此地址 99999").queryParam("category", "网吧")
                .get("/api/compliance/site-check").then().statusCode(422)
                .body("errors[0].field", equalTo("address"));
        as("manager").queryParam("lon", 36.0).queryParam("lat", 104.0).queryParam("category", "网吧")
                .get("/api/compliance/site-check").then().statusCode(400).body("errors[0].field", equalTo("lat"));
        as("manager").queryParam("lon", 104.0).queryParam("lat", 36.0)
                .get("/api/compliance/site-check").then().statusCode(400).body("errors[0].field", equalTo("category"));
        as("manager").get("/api/compliance/buffers").then().statusCode(400).body("errors[0].field", equalTo("bbox"));
    }

    /** A GCJ-02 position from Amap is converted before the check: the same verdict as its WGS-84 original. */
    @Test
    void siteCheckTakesGcj02AndReportsTheNearestSchools() {
        double lon = 104.85;
        double lat = 36.05;
        long school = Fixtures.school("选址测试初中", "junior", Fixtures.polygon(Fixtures.rect(lon, lat, 100, 100)));
        double[] wgs = go(Fixtures.eastEdge(lon, lat, 100), lat, 90, 160);
        double[] gcj = ChinaDatum.wgs84ToGcj02(wgs[0], wgs[1]);
        as("planner").queryParam("lon", gcj[0]).queryParam("lat", gcj[1]).queryParam("datum", "GCJ02")
                .queryParam("category", "网吧").get("/api/compliance/site-check").then().statusCode(200)
                .body("allowed", equalTo(false))
                .body("lon", closeTo(wgs[0], 1e-6))
                .body("violations[0].schoolId", equalTo((int) school))
                .body("violations[0].distanceM", closeTo(160.0, 0.2))
                .body("violations[0].rule", equalTo("ICAFE_SCHOOL_200M"))
                .body("nearestSchools[0].id", equalTo((int) school))
                .body("rulesApplied.code", hasItem("ICAFE_SCHOOL_200M"));
        // a KTV there is allowed (no Gansu rule in the register), with the 第五十八条 note
        as("planner").queryParam("lon", wgs[0]).queryParam("lat", wgs[1]).queryParam("category", "KTV")
                .get("/api/compliance/site-check").then().statusCode(200).body("allowed", equalTo(true))
                .body("notes.code", hasItem("MINORS_ENTERTAINMENT_NEAR_SCHOOL"));
    }

    /** Buffer polygons are geodesically right: every vertex of a 200 m buffer around a school point is 200 m away. */
    @Test
    void buffersAreGeodesicallyCorrectShapes() {
        double lon = 104.90;
        double lat = 36.05;
        long school = Fixtures.schoolAt("缓冲区测试小学", "primary", lon, lat);
        var json = as("leader1").queryParam("bbox", (lon - 0.01) + "," + (lat - 0.01) + "," + (lon + 0.01) + "," + (lat + 0.01))
                .queryParam("rule", "ICAFE_SCHOOL_200M").get("/api/compliance/buffers").then().statusCode(200)
                .contentType("application/geo+json").body("type", equalTo("FeatureCollection"))
                .body("features.properties.rule", everyItem(equalTo("ICAFE_SCHOOL_200M")))
                .extract().jsonPath();
        List<Map<String, Object>> features = json.getList("features");
        Map<String, Object> mine = features.stream()
                .filter(f -> ((Number) ((Map<?, ?>) f.get("properties")).get("schoolId")).longValue() == school)
                .findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        List<List<List<Number>>> rings = (List<List<List<Number>>>) ((Map<String, Object>) mine.get("geometry")).get("coordinates");
        assertThat(rings.get(0).size(), greaterThan(32));
        for (List<Number> c : rings.get(0)) {
            assertThat(Geodesy.distance(lon, lat, c.get(0).doubleValue(), c.get(1).doubleValue()), closeTo(200.0, 0.5));
        }
    }
}
