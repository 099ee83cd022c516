package com.patrolplanner.geocode;

import static com.patrolplanner.TestSupport.anonymous;
import static com.patrolplanner.TestSupport.as;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.patrolplanner.geo.ChinaDatum;
import com.patrolplanner.geo.Datum;
import com.patrolplanner.geo.Geodesy;
import com.patrolplanner.geocode.importer.AddressPointsImportHandler;
import com.patrolplanner.importer.ImportHandler;
import com.patrolplanner.jobs.JobService;
import com.patrolplanner.web.ApiException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The matching chain end to end on a small synthetic gazetteer far from any real data (around 100°E 10°N): Zephyr Lane
 * with even numbers on the north side and odd numbers on the south side, a Chinese street imported in GCJ-02, and a
 * district polygon 测试县 (adcode 990101).
 */
@QuarkusTest
class GeocodeChainTest {
    static final String CSV = """
            LON,LAT,NUMBER,STREET,UNIT,CITY,DISTRICT,REGION,POSTCODE,ID
            100.0000,10.0001,10,Zephyr Lane,,Testville,,,,
            100.0010,10.0001,20,Zephyr Lane,,Testville,,,,
            100.0000,9.9998,11,Zephyr Lane,,Testville,,,,
            100.0010,9.9998,21,Zephyr Lane,,Testville,,,,
            100.0020,10.0001,30,Zephyr Lane,,Testville,,,,
            100.0030,10.0050,5,Quokka Boulevard,,Testville,,,,
            100.0030,10.0060,7,Quokka Boulevard,,Testville,,,,
            ,,0,,,,,,,
            """;

    @Inject
    AddressPointsImportHandler addressPoints;
    @Inject
    EntityManager em;
    @Inject
    JobService jobs;

    static boolean ready;

    @BeforeEach
    void gazetteer() throws Exception {
        if (ready) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                INSERT INTO district (adcode, name, level, parent_code, geom)
                VALUES ('990101', '测试县', 'district', '990100', ST_Multi(ST_MakeEnvelope(99.99, 9.99, 100.01, 10.01, 4326)))
                ON CONFLICT (adcode) DO NOTHING""").executeUpdate());
        Path f = Files.createTempFile("zephyr", ".csv");
        Files.writeString(f, CSV);
        ImportHandler.Summary s = ImportSupport.run(addressPoints, "address-points", f, "zephyr.csv", Datum.WGS84, null);
        assertEquals(7, s.imported() + s.unchanged(), "7 address points");
        assertEquals(1L, ((Number) s.extra().get("skipped")).longValue(), "the 0,, row is skipped");
        Path cn = Files.createTempFile("cn", ".csv");
        Files.writeString(cn, "经度,纬度,门牌号,路名\n119.2000,36.7000,1,测试东路\n119.2010,36.7000,9,测试东路\n");
        ImportSupport.run(addressPoints, "address-points", cn, "cn-gcj.csv", Datum.GCJ02, null);
        ready = true;
    }

    @Test
    void importingTheSameFileTwiceChangesNothing() throws Exception {
        Path f = Files.createTempFile("zephyr", ".csv");
        Files.writeString(f, CSV);
        ImportHandler.Summary s = ImportSupport.run(addressPoints, "address-points", f, "zephyr.csv", Datum.WGS84, null);
        assertEquals(0, s.imported());
        assertEquals(0, s.updated());
        assertEquals(7, s.unchanged());
    }

    @Test
    void mappedXlsxIsImported() throws Exception {
        Path f = Files.createTempFile("mapped", ".xlsx");
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(); var os = Files.newOutputStream(f)) {
            var sh = wb.createSheet("门牌");
            String[][] rows = {{"X坐标", "Y坐标", "号", "道路名称"}, {"100.0040", "10.0090", "8", "Wombat Way"}};
            for (int r = 0; r < rows.length; r++) {
                var row = sh.createRow(r);
                for (int c = 0; c < 4; c++) {
                    if (r > 0 && c < 2) {
                        row.createCell(c).setCellValue(Double.parseDouble(rows[r][c]));
                    } else {
                        row.createCell(c).setCellValue(rows[r][c]);
                    }
                }
            }
            wb.write(os);
        }
        ImportHandler.Summary s = ImportSupport.run(addressPoints, "address-points", f, "mapped.xlsx", Datum.WGS84,
                Map.of("lon", "X坐标", "lat", "Y坐标", "number", "号", "street", "道路名称"));
        assertEquals(1, s.imported() + s.unchanged());
        as("planner").queryParam("q", "8 Wombat Way").get("/api/geocode").then().statusCode(200)
                .body("[0].level", equalTo("point")).body("[0].lat", closeTo(10.009, 1e-9));
    }

    @Test
    void badCoordinatesRefuseTheWholeFileNamingTheRow() throws Exception {
        Path f = Files.createTempFile("bad", ".csv");
        Files.writeString(f, "LON,LAT,NUMBER,STREET\n100.5,10.5,1,Nowhere Road\n100.5,north,2,Nowhere Road\n");
        ApiException e = assertThrows(ApiException.class,
                () -> ImportSupport.run(addressPoints, "address-points", f, "bad.csv", Datum.WGS84, null));
        assertEquals(422, e.status());
        assertEquals(3, e.errors().get(0).row());
        assertEquals("lat", e.errors().get(0).field());
        long n = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM gz_address WHERE street = 'Nowhere Road'").getSingleResult()).longValue());
        assertEquals(0, n, "nothing written in part");
    }

    @Test
    void exactAddressPointWithAbbreviation() {
        as("leader1").queryParam("q", "20 Zephyr Ln").get("/api/geocode").then().statusCode(200)
                .body("[0].level", equalTo("point"))
                .body("[0].confidence", closeTo(1.0, 1e-9))
                .body("[0].lon", closeTo(100.0010, 1e-9))
                .body("[0].lat", closeTo(10.0001, 1e-9))
                .body("[0].matched", equalTo("20 Zephyr Lane"))
                .body("[0].source", equalTo("address-points:zephyr.csv"))
                .body("[0].districtCode", equalTo("990101"));
    }

    @Test
    void interpolationStaysOnTheSameSideOfTheStreet() {
        // 14 lies between 10 and 20 on the even (north) side: 40 % of the way, at lat 10.0001
        as("planner").queryParam("q", "14 Zephyr Lane").get("/api/geocode").then().statusCode(200)
                .body("[0].level", equalTo("interpolated"))
                .body("[0].lon", closeTo(100.0004, 1e-7))
                .body("[0].lat", closeTo(10.0001, 1e-7))
                .body("[0].confidence", greaterThan(0.8));
        // 15 lies between 11 and 21 on the odd (south) side
        as("planner").queryParam("q", "15 Zephyr Lane").get("/api/geocode").then().statusCode(200)
                .body("[0].level", equalTo("interpolated"))
                .body("[0].lon", closeTo(100.0004, 1e-7))
                .body("[0].lat", closeTo(9.9998, 1e-7));
    }

    @Test
    void misspelledStreetIsFoundWithLowerConfidence() {
        as("planner").queryParam("q", "10 Zephir Lane").get("/api/geocode").then().statusCode(200)
                .body("[0].level", equalTo("point"))
                .body("[0].lon", closeTo(100.0000, 1e-9))
                .body("[0].confidence", lessThan(1.0))
                .body("[0].confidence", greaterThan(0.5));
    }

    @Test
    void streetWithoutNumberGivesTheStreet() {
        as("planner").queryParam("q", "Quokka Blvd").get("/api/geocode").then().statusCode(200)
                .body("[0].level", equalTo("street"))
                .body("[0].lon", closeTo(100.0030, 1e-6))
                .body("[0].lat", closeTo(10.0055, 1e-4));
    }

    @Test
    void districtIsTheLastResort() {
        as("planner").queryParam("q", "测试县某某村").get("/api/geocode").then().statusCode(200)
                .body("[0].level", equalTo("district"))
                .body("[0].matched", equalTo("测试县"))
                .body("[0].confidence", lessThan(0.5));
    }

    @Test
    void chineseAddressImportedInGcj02IsStoredInWgs84() {
        double[] w = ChinaDatum.gcj02ToWgs84(119.2000, 36.7000);
        as("planner").queryParam("q", "测试东路一号").get("/api/geocode").then().statusCode(200)
                .body("[0].level", equalTo("point"))
                .body("[0].matched", equalTo("测试东路1号"))
                .body("[0].lon", closeTo(w[0], 1e-7))
                .body("[0].lat", closeTo(w[1], 1e-7));
        // 5号 is interpolated between 1号 and 9号 (both odd)
        double[] w9 = ChinaDatum.gcj02ToWgs84(119.2010, 36.7000);
        as("planner").queryParam("q", "測試東路５號").get("/api/geocode").then().statusCode(200)
                .body("[0].level", equalTo("interpolated"))
                .body("[0].lon", closeTo((w[0] + w9[0]) / 2, 1e-7));
    }

    @Test
    void districtFilterExcludesOtherAreas() {
        as("planner").queryParam("q", "20 Zephyr Lane").queryParam("district", "990101").get("/api/geocode").then()
                .statusCode(200).body("[0].level", equalTo("point"));
        as("planner").queryParam("q", "20 Zephyr Lane").queryParam("district", "nowhere-区").get("/api/geocode").then()
                .statusCode(400).body("errors.field", hasItem("district"));
    }

    @Test
    void badRequestsAreFourHundreds() {
        as("planner").get("/api/geocode").then().statusCode(400).body("errors.field", hasItem("q"));
        as("planner").queryParam("q", "x").queryParam("limit", 0).get("/api/geocode").then().statusCode(400);
        as("planner").queryParam("lon", 200).queryParam("lat", 10).get("/api/geocode/reverse").then().statusCode(400)
                .body("errors.field", hasItem("lon"));
        anonymous().queryParam("q", "x").get("/api/geocode").then().statusCode(401);
        as("planner").contentType(ContentType.JSON).body(Map.of("addresses", List.of(Map.of("id", "a", "address", "x"),
                Map.of("id", "a", "address", "")))).post("/api/geocode/batch").then().statusCode(422)
                .body("errors.field", hasItem("id")).body("errors.field", hasItem("address"));
        as("leader1").contentType(ContentType.JSON).body(Map.of("venues", "ungeocoded"))
                .post("/api/geocode/batch").then().statusCode(403);
    }

    @Test
    void reverseGivesTheNearestAddressPointAndDistrict() {
        as("manager").queryParam("lon", 100.00101).queryParam("lat", 10.00012).get("/api/geocode/reverse").then()
                .statusCode(200)
                .body("level", equalTo("point"))
                .body("address", equalTo("20 Zephyr Lane"))
                .body("addressPoint.distanceM", lessThan(5.0))
                .body("district.adcode", equalTo("990101"));
    }

    @Test
    void batchJobReportsProgressCountsAndResults() throws Exception {
        String jobId = as("planner").contentType(ContentType.JSON).body(Map.of("addresses", List.of(
                Map.of("id", "r1", "address", "10 Zephyr Lane"),
                Map.of("id", "r2", "address", "14 Zephyr Lane"),
                Map.of("id", "r3", "address", "Quokka Boulevard"),
                Map.of("id", "r4", "address", "完全不存在的地方")))).post("/api/geocode/batch")
                .then().statusCode(202).extract().path("jobId");
        jobs.await(UUID.fromString(jobId), Duration.ofSeconds(30));
        as("planner").get("/api/jobs/" + jobId).then().statusCode(200)
                .body("state", equalTo("DONE"))
                .body("processed", equalTo(4))
                .body("percent", closeTo(100.0, 1e-9))
                .body("countsByLevel.point", equalTo(1))
                .body("countsByLevel.interpolated", equalTo(1))
                .body("countsByLevel.street", equalTo(1))
                .body("countsByLevel.none", equalTo(1));
        as("planner").get("/api/geocode/batch/" + jobId + "/results").then().statusCode(200)
                .body("id", equalTo(List.of("r1", "r2", "r3", "r4")))
                .body("[0].level", equalTo("point"))
                .body("[0].lon", closeTo(100.0, 1e-9))
                .body("[1].level", equalTo("interpolated"))
                .body("[3].level", equalTo(null));
        as("planner").get("/api/geocode/batch/" + UUID.randomUUID() + "/results").then().statusCode(404);
    }

    @Test
    void venuesAboveTheThresholdAreLocatedTheRestQueuedForReview() throws Exception {
        int good = as("planner").contentType(ContentType.JSON).body(Map.of("name", "Zephyr Gaming 网咖", "category", "网吧",
                "address", "21 Zephyr Lane")).post("/api/venues").then().statusCode(201).extract().path("id");
        int vague = as("planner").contentType(ContentType.JSON).body(Map.of("name", "测试县某网吧", "category", "网吧",
                "address", "测试县某某村")).post("/api/venues").then().statusCode(201).extract().path("id");
        String jobId = as("planner").contentType(ContentType.JSON).body(Map.of("venues", "ungeocoded"))
                .post("/api/geocode/batch").then().statusCode(202).extract().path("jobId");
        assertEquals("DONE", jobs.await(UUID.fromString(jobId), Duration.ofSeconds(60)).state());

        as("planner").get("/api/venues/" + good).then().statusCode(200)
                .body("properties.geocodeStatus", equalTo("geocoded"))
                .body("geometry.coordinates[0]", closeTo(100.0010, 1e-9))
                .body("geometry.coordinates[1]", closeTo(9.9998, 1e-9));
        as("planner").get("/api/venues/" + good + "/history").then().statusCode(200)
                .body("[0].action", equalTo("locate"));
        as("planner").get("/api/venues/" + vague).then().statusCode(200)
                .body("properties.geocodeStatus", equalTo("review"));
        as("planner").queryParam("type", "venue").queryParam("limit", 1000).get("/api/geocode/review").then().statusCode(200)
                .body("entityId", hasItem(vague))
                .body("find { it.entityId == " + vague + " }.candidate.level", equalTo("district"))
                .body("entityId", not(hasItem(good)));

        // a pin set by hand takes the venue out of the queue
        as("planner").contentType(ContentType.JSON).body(Map.of("lon", 100.005, "lat", 10.005, "reason", "checked on site"))
                .put("/api/venues/" + vague + "/location").then().statusCode(200);
        as("planner").queryParam("limit", 1000).get("/api/geocode/review").then().statusCode(200)
                .body("entityId", not(hasItem(vague)));
    }

    @Test
    void interpolatedPositionIsCloseToTheTruth() {
        // sanity of the geometry: 14 between 10 and 20 is within a metre of the straight-line 40 % point
        double[] expected = {100.0004, 10.0001};
        io.restassured.path.json.JsonPath found = as("planner").queryParam("q", "14 Zephyr Lane").get("/api/geocode").then()
                .statusCode(200).extract().jsonPath();
        assertEquals("interpolated", found.getString("[0].level"));
        double d = Geodesy.distance(found.getDouble("[0].lon"), found.getDouble("[0].lat"), expected[0], expected[1]);
        assertTrue(d < 1.0, "the interpolated point is " + d + " m from the 40 % point");
    }
}
