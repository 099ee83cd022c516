package com.patrolplanner.registry;

import static com.patrolplanner.TestSupport.as;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The registers by unit: another district's venue, school, unit or district is a 404; lists and aggregates (venues,
 * coverage, gaps, schools, the violations scan, the reports) hold exactly the user's district; writes and imports
 * reaching into the other district are refused whole; a development zone carved out of a district takes its venues.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JurisdictionRegistersTest extends JurisdictionFixture {
    @Test
    @Order(1)
    void recordsOfTheOtherDistrictAre404() {
        long a = venuesA.get(0);
        long b = venuesB.get(0);
        for (String[] probe : new String[][] {{"ju-a-planner", String.valueOf(b), String.valueOf(schoolB)},
                {"ju-b-planner", String.valueOf(a), String.valueOf(schoolA)}}) {
            String u = probe[0];
            as(u).get("/api/venues/" + probe[1]).then().statusCode(404);
            as(u).get("/api/venues/" + probe[1] + "/history").then().statusCode(404);
            as(u).contentType("application/json").body(Map.of("name", "x", "category", "other", "version", 0))
                    .put("/api/venues/" + probe[1]).then().statusCode(404);
            as(u).contentType("application/json").body(Map.of("lon", 101.05, "lat", 30.05))
                    .put("/api/venues/" + probe[1] + "/location").then().statusCode(404);
            as(u).delete("/api/venues/" + probe[1]).then().statusCode(404);
            as(u).get("/api/schools/" + probe[2]).then().statusCode(404);
            as(u).get("/api/schools/" + probe[2] + "/history").then().statusCode(404);
            as(u).delete("/api/schools/" + probe[2]).then().statusCode(404);
        }
        as("ju-a-planner").get("/api/units/" + unitB).then().statusCode(404);
        as("ju-a-manager").get("/api/reports/period?unit=" + unitB).then().statusCode(404);
        as("ju-a-manager").get("/api/reports/period?district=990102").then().statusCode(404);
        as("ju-a-manager").get("/api/reports/daily?unit=990102").then().statusCode(404);
        as("ju-a-planner").get("/api/districts/990102").then().statusCode(404);
        as("ju-a-planner").get("/api/districts?district=990102").then().statusCode(200).body("numberMatched", org.hamcrest.Matchers.equalTo(0));
        as("ju-b-planner").get("/api/districts/990102").then().statusCode(200);
        as("ju-city-manager").get("/api/districts/990102").then().statusCode(200);
        // own records and the city's users: 200
        as("ju-a-planner").get("/api/venues/" + a).then().statusCode(200);
        as("ju-city-manager").get("/api/venues/" + a).then().statusCode(200);
        as("ju-city-manager").get("/api/venues/" + b).then().statusCode(200);
        as("ju-city-manager").get("/api/schools/" + schoolB).then().statusCode(200);
    }

    @Test
    @Order(2)
    void listsAndAggregatesHoldOnlyTheUsersDistrict() throws Exception {
        Set<Long> truthA = inBox("venue", A);
        Set<Long> truthB = inBox("venue", B);
        assertEquals(new TreeSet<>(venuesA), truthA);
        Set<Long> truthAll = new TreeSet<>(truthA);
        truthAll.addAll(truthB);
        Map<String, Set<Long>> expected = Map.of("ju-a-manager", truthA, "ju-b-manager", truthB, "ju-city-manager", truthAll,
                "ju-a-planner", truthA, "ju-b-planner", truthB, "ju-city-planner", truthAll);
        for (Map.Entry<String, Set<Long>> e : expected.entrySet()) {
            String u = e.getKey();
            JsonPath list = as(u).get("/api/venues?bbox=" + BBOX).then().statusCode(200).extract().jsonPath();
            assertEquals(e.getValue(), ids(list.getList("features.id")), u + " venues");
            assertEquals(e.getValue().size(), list.getInt("numberMatched"), u + " numberMatched");
            JsonPath cov = as(u).get("/api/coverage/venues?bbox=" + BBOX).then().statusCode(200).extract().jsonPath();
            assertEquals(e.getValue(), ids(cov.getList("features.id")), u + " coverage venues");
            JsonPath hex = as(u).get("/api/coverage/hex?bbox=" + BBOX).then().statusCode(200).extract().jsonPath();
            assertEquals(e.getValue().size(), hex.getList("features.properties.venues", Integer.class).stream()
                    .mapToInt(Integer::intValue).sum(), u + " hex venues");
            JsonPath heat = as(u).get("/api/coverage/heat?bbox=" + BBOX + "&metric=gap").then().statusCode(200).extract().jsonPath();
            assertEquals(e.getValue().size(), heat.getList("points").size(), u + " heat points");
            JsonPath gaps = as(u).get("/api/coverage/gaps").then().statusCode(200).extract().jsonPath();
            Set<Long> gapVenues = new TreeSet<>();
            for (Map<String, Object> g : gaps.<Map<String, Object>>getList("items")) {
                if ("venue".equals(g.get("entity"))) {
                    long id = Long.parseLong(String.valueOf(g.get("id")));
                    if (truthAll.contains(id)) {
                        gapVenues.add(id);
                    }
                }
            }
            assertEquals(e.getValue(), gapVenues, u + " gaps (never inspected)");
            Set<Long> schools = ids(as(u).get("/api/schools?bbox=" + BBOX).then().statusCode(200).extract().jsonPath()
                    .getList("features.id"));
            Set<Long> schoolTruth = new TreeSet<>();
            for (long s : inBox("school", CITY)) {
                if (e.getValue() == truthAll || (e.getValue() == truthA) == inBox("school", A).contains(s)) {
                    schoolTruth.add(s);
                }
            }
            assertEquals(schoolTruth, schools, u + " schools");
        }
        // the violations scan: a district manager sees its café near its school, never the other's
        for (String[] m : new String[][] {{"ju-a-manager", "a"}, {"ju-b-manager", "b"}, {"ju-city-manager", "all"}}) {
            Set<Long> got = ids(as(m[0]).get("/api/compliance/violations").then().statusCode(200).extract().jsonPath()
                    .getList("features.properties.venueId"));
            got.retainAll(truthAll);
            Set<Long> want = switch (m[1]) {
                case "a" -> Set.of(venuesA.get(0));
                case "b" -> Set.of(venuesB.get(0));
                default -> Set.of(venuesA.get(0), venuesB.get(0));
            };
            assertEquals(new TreeSet<>(want), got, m[0] + " violations");
        }
    }

    @Test
    @Order(3)
    void writesOutsideTheUnitAre422NamingIt() {
        as("ju-a-planner").contentType("application/json").body(Map.of("licenceNo", "JU-X-1", "name", "越界", "category",
                "other", "lon", 101.15, "lat", 30.05)).post("/api/venues").then().statusCode(422)
                .body("errors[0].reason", containsString("辖区测试甲区")).body("errors[0].reason", containsString("辖区测试乙区"));
        as("ju-a-planner").get("/api/venues?q=JU-X-1").then().statusCode(200).body("numberMatched", org.hamcrest.Matchers.equalTo(0));
        // moving an own venue into B is refused the same way and leaves it where it was
        as("ju-a-planner").contentType("application/json").body(Map.of("lon", 101.15, "lat", 30.06))
                .put("/api/venues/" + venuesA.get(1) + "/location").then().statusCode(422);
        as("ju-a-planner").get("/api/venues/" + venuesA.get(1)).then().statusCode(200)
                .body("geometry.coordinates[0]", org.hamcrest.Matchers.closeTo(101.08, 1e-9));
        // inside: fine
        as("ju-a-planner").contentType("application/json").body(Map.of("licenceNo", "JU-A-3", "name", "界内", "category",
                "other", "lon", 101.09, "lat", 30.09)).post("/api/venues").then().statusCode(201);
    }

    @Test
    @Order(4)
    void anImportWithRowsOutsideTheUnitIsRefusedWhole() throws Exception {
        String csv = "licence_no,name,category,address,lon,lat\n"
                + "JU-I-1,导入甲一,internet_cafe,甲路1号,101.061,30.061\n"
                + "JU-I-2,导入乙一,internet_cafe,乙路1号,101.161,30.061\n"
                + "JU-I-3,导入甲二,other,甲路2号,101.062,30.062\n"
                + "JU-I-4,导入乙二,other,乙路2号,101.162,30.062\n";
        JsonPath p = as("ju-a-planner").multiPart("file", "units.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .multiPart("kind", "venues").post("/api/imports").then().statusCode(422).extract().jsonPath();
        assertEquals(List.of(2, 4), p.getList("errors.row", Integer.class), "data rows 2 and 4 lie in B");
        assertTrue(p.getString("errors[0].reason").contains("辖区测试乙区"));
        try (Connection c = db.getConnection(); ResultSet rs = c.createStatement()
                .executeQuery("SELECT count(*) FROM venue WHERE licence_no LIKE 'JU-I-%'")) {
            rs.next();
            assertEquals(0, rs.getLong(1), "nothing imported");
        }
        // the same file as the city planner goes in whole
        as("ju-city-planner").multiPart("file", "units.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .multiPart("kind", "venues").post("/api/imports").then().statusCode(200);
    }

    @Test
    @Order(5)
    void aDevelopmentZoneCarvedOutOfADistrictTakesItsVenues() throws Exception {
        assertEquals(unitA, unitOf("venue", venueInZone));
        long zone = carveZone();
        assertEquals(zone, unitOf("venue", venueInZone), "the venue inside the zone moved to it");
        for (long v : inBox("venue", A)) {
            boolean inZone = inBox("venue", Z).contains(v);
            assertEquals(inZone ? zone : unitA, unitOf("venue", v), "venue " + v);
        }
        // A's users still see it (the zone is below A); B's do not; the tree shows the zone under A
        as("ju-a-planner").get("/api/venues/" + venueInZone).then().statusCode(200);
        as("ju-b-planner").get("/api/venues/" + venueInZone).then().statusCode(404);
        JsonPath tree = as("ju-a-planner").get("/api/units").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("辖区测试甲区"), tree.getList("name"));
        assertEquals(List.of("辖区测试开发区"), tree.getList("[0].children.name"));
        JsonPath cityTree = as("ju-city-manager").get("/api/units").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("辖区测试甲区", "辖区测试乙区"), cityTree.getList("[0].children.name"));
        as("ju-a-planner").get("/api/units/mine").then().statusCode(200).body("name", org.hamcrest.Matchers.equalTo("辖区测试甲区"))
                .body("extent[0]", org.hamcrest.Matchers.closeTo(101.0, 1e-9));
    }

    @Test
    @Order(6)
    void reportsPerUnit() throws Exception {
        // no inspections in these boxes: the figures are the registers; venues per unit from SQL ground truth
        JsonPath city = as("ju-city-manager").get("/api/reports/period?from=2026-01-01&to=2026-06-30").then().statusCode(200)
                .extract().jsonPath();
        assertEquals("辖区测试市", city.getString("unitName"));
        assertEquals(List.of("辖区测试甲区", "辖区测试乙区"), city.getList("units.unitName"));
        assertEquals(inBox("venue", A).size(), city.getInt("units[0].venues"));
        assertEquals(inBox("venue", B).size(), city.getInt("units[1].venues"));
        assertEquals(inBox("venue", CITY).size(), city.getInt("venues"));
        assertTrue(city.getString("text").startsWith("辖区测试市"));
        JsonPath a = as("ju-a-manager").get("/api/reports/period?from=2026-01-01&to=2026-06-30").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(inBox("venue", A).size(), a.getInt("venues"));
        as("ju-city-manager").get("/api/reports/period?unit=990102").then().statusCode(200)
                .body("venues", org.hamcrest.Matchers.equalTo(inBox("venue", B).size()));
        JsonPath daily = as("ju-city-manager").get("/api/reports/daily?date=2026-03-02").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("辖区测试甲区", "辖区测试乙区"), daily.getList("units.unitName"));
        assertEquals("合计", daily.getString("total.unitName"));
        JsonPath dailyA = as("ju-a-manager").get("/api/reports/daily?date=2026-03-02").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("辖区测试甲区"), dailyA.getList("units.unitName"), "a district user gets its own row");
        assertFalse(dailyA.getList("units.unitName").contains("辖区测试乙区"));
        as("ju-city-manager").get("/api/reports/daily?date=2026-03-02&format=xlsx").then().statusCode(200)
                .contentType(containsString("spreadsheetml"));
    }
}
