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
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CoverageApiTest {
    @Inject
    AgroalDataSource ds;
    // A corner of the map no other test uses.
    static final String BBOX = "100.49,30.49,100.54,30.53";

    @Test
    void hexHeatAndVenueCoverageOfAKnownFixture() {
        double[][] pos = {{100.5000, 30.5000}, {100.5003, 30.5002}, {100.5300, 30.5200}, {100.5001, 30.5001}};
        int a = venue("internet_cafe", pos[0][0], pos[0][1]);
        int b = venue("song_dance", pos[1][0], pos[1][1]);
        int c = venue("publication", pos[2][0], pos[2][1]);
        int revoked = venue("internet_cafe", pos[3][0], pos[3][1], "revoked");
        List<Integer> two = officers(2);
        List<Integer> three = officers(3);
        inspect(a, "2024-03-05T21:00:00+08:00", two, "violation", List.of("cafe_outside_hours"));
        inspect(a, "2024-03-20T10:00:00+08:00", three, "compliant", null);
        inspect(b, "2024-03-10T23:30:00+08:00", three, "violation", List.of("song_dance_after_hours", "song_dance_minors_admitted"));
        inspect(revoked, "2024-03-11T10:00:00+08:00", two, "compliant", null);
        inspect(c, "2024-03-12T10:00:00+08:00", two, "not_found", null); // not a venue checked
        inspect(c, "2024-05-01T10:00:00+08:00", two, "compliant", null); // outside the period

        // expected per res-9 cell, derived from the fixture: venues counts active ones only
        long cellA = HexCells.cell(pos[0][0], pos[0][1], 9);
        long cellB = HexCells.cell(pos[1][0], pos[1][1], 9);
        long cellR = HexCells.cell(pos[3][0], pos[3][1], 9);
        long[] expect = new long[5]; // venues, inspected, inspections, violations, officerVisits in cellA
        expect[0] = 1 + (cellB == cellA ? 1 : 0);
        expect[1] = expect[0];
        expect[2] = 2 + (cellB == cellA ? 1 : 0) + (cellR == cellA ? 1 : 0);
        expect[3] = 1 + (cellB == cellA ? 2 : 0);
        expect[4] = 5 + (cellB == cellA ? 3 : 0) + (cellR == cellA ? 2 : 0);

        JsonPath hex = as("manager").get("/api/coverage/hex?bbox=" + BBOX + "&res=9&from=2024-03-01&to=2024-03-31&metric=violations")
                .then().statusCode(200).contentType("application/geo+json")
                .body("type", equalTo("FeatureCollection"))
                .body("features.geometry.type", hasItem("Polygon"))
                .extract().jsonPath();
        String addrA = HexCells.h3().h3ToString(cellA);
        Map<String, Object> pa = hex.getMap("features.find { it.id == '" + addrA + "' }.properties");
        assertEquals((int) expect[0], pa.get("venues"));
        assertEquals((int) expect[1], pa.get("venuesInspected"));
        assertEquals((int) expect[2], pa.get("inspections"));
        assertEquals((int) expect[3], pa.get("violations"));
        assertEquals((int) expect[4], pa.get("officerVisits"));
        assertEquals(((Number) pa.get("violations")).doubleValue(), ((Number) pa.get("value")).doubleValue(), 1e-9);
        // the cell of c: one venue, nothing counted (not_found and the May visit are excluded)
        String addrC = HexCells.h3().h3ToString(HexCells.cell(pos[2][0], pos[2][1], 9));
        Map<String, Object> pc = hex.getMap("features.find { it.id == '" + addrC + "' }.properties");
        assertEquals(1, pc.get("venues"));
        assertEquals(0, pc.get("inspections"));
        assertEquals(0.0, ((Number) pc.get("coverage")).doubleValue(), 0);
        // the polygon ring is closed
        List<List<Double>> ring = hex.getList("features.find { it.id == '" + addrA + "' }.geometry.coordinates[0]");
        assertEquals(ring.get(0), ring.get(ring.size() - 1));
        assertEquals(7, ring.size());

        // res 8 gives coarser cells containing the same counts for the whole cluster
        as("planner").get("/api/coverage/hex?bbox=" + BBOX + "&res=8&from=2024-03-01&to=2024-03-31").then().statusCode(200)
                .body("res", equalTo(8));

        // heat: one point per active venue with something to show, intensities in 0..1, the busiest venue = 1
        JsonPath heat = as("manager").get("/api/coverage/heat?bbox=" + BBOX + "&from=2024-03-01&to=2024-03-31&metric=inspections")
                .then().statusCode(200).body("max", equalTo(1.0)).extract().jsonPath();
        List<List<Number>> pts = heat.getList("points");
        assertEquals(2, pts.size()); // a (2 inspections) and b (1); the revoked venue and c are not shown
        double maxI = pts.stream().mapToDouble(p -> p.get(2).doubleValue()).max().orElse(0);
        assertEquals(1.0, maxI, 1e-9);
        assertTrue(pts.stream().anyMatch(p -> Math.abs(p.get(2).doubleValue() - 0.5) < 1e-9), "b has half a's inspections");
        assertEquals(30.5, pts.stream().filter(p -> p.get(2).doubleValue() == 1.0).findFirst().orElseThrow().get(0).doubleValue(), 1e-6);

        // per venue: the last inspection and days since; c's not_found visit does not count
        JsonPath venues = as("manager").get("/api/coverage/venues?bbox=" + BBOX + "&from=2024-03-01&to=2024-03-31")
                .then().statusCode(200).extract().jsonPath();
        Map<String, Object> va = venues.getMap("features.find { it.id == " + a + " }.properties");
        assertTrue(((String) va.get("lastInspectedAt")).startsWith("2024-03-20T02:00"));
        assertNotNull(va.get("daysSince"));
        Map<String, Object> vc = venues.getMap("features.find { it.id == " + c + " }.properties");
        assertTrue(((String) vc.get("lastInspectedAt")).startsWith("2024-05-01"));
        assertNull(venues.get("features.find { it.id == " + revoked + " }"));
    }

    @Test
    void rolesAndBadParameters() {
        as("leader1").get("/api/coverage/hex?bbox=" + BBOX).then().statusCode(403);
        as("manager").get("/api/coverage/hex?bbox=" + BBOX + "&res=7").then().statusCode(400)
                .body("errors.field", hasItem("res"));
        as("manager").get("/api/coverage/hex?bbox=1,2,3").then().statusCode(400).body("errors.field", hasItem("bbox"));
        as("manager").get("/api/coverage/heat?metric=nonsense").then().statusCode(400).body("errors.field", hasItem("metric"));
        as("manager").get("/api/coverage/hex?from=2024-05-01&to=2024-04-01").then().statusCode(400);
    }

    /*
     * District 519921 (103.20–103.22 E, 33.20–33.21 N), its active zone set: west (103.20–103.21) and east (103.21–103.22);
     * an inactive set of the same district with one zone over all of it. In March 2024:
     *   west  café      violation (1 item), 2 officers        → active, inspected
     *         hotel     never                                 → active, not inspected
     *         revoked   compliant, 2 officers                 → not active, its inspection counted
     *   east  arcade    compliant 3 officers; compliant 2     → active, inspected
     *         bookshop  not_found, 2 officers                 → active, not inspected (not_found is no inspection)
     * west: venues 2, inspected 1, inspections 2, violations 1, officer-visits 4, coverage 0.5
     * east: venues 2, inspected 1, inspections 2, violations 0, officer-visits 5, coverage 0.5
     * district: venues 4, inspected 2, inspections 4, violations 1, officer-visits 9, coverage 0.5
     */
    @Test
    void zonesAndDistrictsOfAKnownFixture() throws Exception {
        String adcode = "519921";
        Fixtures.district(ds, adcode, 103.20, 33.20, 103.22, 33.21);
        List<Long> zones = Fixtures.zoneSet(ds, adcode, true, new double[] {103.20, 33.20, 103.21, 33.21},
                new double[] {103.21, 33.20, 103.22, 33.21});
        long inactive = Fixtures.zoneSet(ds, adcode, false, new double[] {103.20, 33.20, 103.22, 33.21}).get(0);
        int cafe = venue("internet_cafe", 103.202, 33.205);
        venue("hotel", 103.204, 33.205);
        int revoked = venue("internet_cafe", 103.206, 33.205, "revoked");
        int arcade = venue("game_arcade", 103.212, 33.205);
        int books = venue("publication", 103.214, 33.205);
        assertEquals(5, Fixtures.count(ds, "SELECT count(*) FROM venue WHERE district_code = ?", adcode),
                "the registry put the five venues in the test district");
        inspect(cafe, "2024-03-05T21:00:00+08:00", officers(2), "violation", List.of("cafe_outside_hours"));
        inspect(revoked, "2024-03-06T10:00:00+08:00", officers(2), "compliant", null);
        inspect(arcade, "2024-03-07T10:00:00+08:00", officers(3), "compliant", null);
        inspect(arcade, "2024-03-08T10:00:00+08:00", officers(2), "compliant", null);
        inspect(books, "2024-03-09T10:00:00+08:00", officers(2), "not_found", null);
        inspect(cafe, "2024-04-02T10:00:00+08:00", officers(2), "compliant", null); // outside the period

        JsonPath z = as("manager").get("/api/coverage/zones?from=2024-03-01&to=2024-03-31").then().statusCode(200)
                .extract().jsonPath();
        assertFigures(z.getMap("zones.find { it.id == '" + zones.get(0) + "' }"), 2, 1, 2, 1, 4, 0.5);
        assertFigures(z.getMap("zones.find { it.id == '" + zones.get(1) + "' }"), 2, 1, 2, 0, 5, 0.5);
        assertNull(z.get("zones.find { it.id == '" + inactive + "' }"), "zones of an inactive set are not listed");

        Map<String, Object> d = as("manager").get("/api/coverage/districts?from=2024-03-01&to=2024-03-31&district=" + adcode)
                .then().statusCode(200).body("size()", equalTo(1)).extract().jsonPath().getMap("[0]");
        assertEquals(adcode, d.get("id"));
        assertEquals("覆盖测试区" + adcode, d.get("name"));
        assertFigures(d, 4, 2, 4, 1, 9, 0.5);
    }

    private static void assertFigures(Map<String, Object> m, int venues, int inspected, int inspections, int violations,
            int officerVisits, double coverage) {
        assertNotNull(m, "area listed");
        assertEquals(venues, m.get("venues"), "venues");
        assertEquals(inspected, m.get("venuesInspected"), "venuesInspected");
        assertEquals(inspections, m.get("inspections"), "inspections");
        assertEquals(violations, m.get("violations"), "violations");
        assertEquals(officerVisits, m.get("officerVisits"), "officerVisits");
        assertEquals(coverage, ((Number) m.get("coverage")).doubleValue(), 1e-9, "coverage");
    }
}
