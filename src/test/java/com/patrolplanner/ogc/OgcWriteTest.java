package com.patrolplanner.ogc;

import static com.patrolplanner.TestSupport.as;
import static com.patrolplanner.ogc.OgcFixtures.count;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** OGC API – Features Part 4: writes go through the registry (validation, history) with ETag / If-Match locking. */
@QuarkusTest
class OgcWriteTest {
    static final String ITEMS = "/ogc/collections/venues/items";

    @Inject
    DataSource ds;

    @BeforeEach
    void data() throws Exception {
        OgcFixtures.ensure(ds);
    }

    static Map<String, Object> feature(String name, double lon, double lat, Map<String, Object> more) {
        Map<String, Object> p = new HashMap<>(more);
        p.put("name", name);
        p.putIfAbsent("category", "publication");
        return Map.of("type", "Feature", "geometry", Map.of("type", "Point", "coordinates", List.of(lon, lat)),
                "properties", p);
    }

    long history(long id, String action) throws Exception {
        return count(ds, "SELECT count(*) FROM pp.change_history WHERE entity_type = 'venue' AND entity_id = ? AND action = ?",
                id, action);
    }

    @Test
    void createReplaceUpdateDeleteWithEtags() throws Exception {
        // create: 201, Location, ETag = version 0, written through the registry (a "create" history row)
        var created = as("planner").contentType("application/geo+json; charset=UTF-8")
                .body(feature("四号书店", 101.011, 25.011, Map.of("licenceNo", "OGC-W-" + System.nanoTime())))
                .post(ITEMS).then().statusCode(201).header("ETag", "\"0\"")
                .header("Location", org.hamcrest.Matchers.containsString(ITEMS + "/")).extract();
        long id = ((Number) created.path("id")).longValue();
        assertEquals(1, history(id, "create"));
        as("planner").get(ITEMS + "/" + id).then().statusCode(200).header("ETag", "\"0\"");
        as("planner").header("If-None-Match", "\"0\"").get(ITEMS + "/" + id).then().statusCode(304);

        // a stale If-Match: 412, nothing written
        as("planner").contentType("application/geo+json; charset=UTF-8").header("If-Match", "\"7\"")
                .body(feature("改名书店", 101.011, 25.011, Map.of())).put(ITEMS + "/" + id).then().statusCode(412)
                .contentType(startsWith("application/problem+json"));
        assertEquals(0, history(id, "update"));
        // no precondition at all: 428
        as("planner").contentType("application/geo+json; charset=UTF-8").body(feature("改名书店", 101.011, 25.011, Map.of()))
                .put(ITEMS + "/" + id).then().statusCode(428);

        // replace with the right ETag: the name changes, the history says who changed what
        as("planner").contentType("application/geo+json; charset=UTF-8").header("If-Match", "\"0\"")
                .body(feature("改名书店", 101.011, 25.011, Map.of("status", "open"))).put(ITEMS + "/" + id).then()
                .statusCode(200).header("ETag", "\"1\"").body("properties.name", equalTo("改名书店"));
        JsonPath h = as("manager").get("/api/venues/" + id + "/history").then().statusCode(200).extract().jsonPath();
        assertEquals("update", h.getString("find { it.action == 'update' }.action"));
        assertEquals("planner", h.getString("find { it.action == 'update' }.changedBy"));
        assertEquals("四号书店", h.getString("find { it.action == 'update' }.changes.name.old"));
        assertEquals("改名书店", h.getString("find { it.action == 'update' }.changes.name.new"));

        // PATCH: only the given property changes
        as("planner").contentType("application/merge-patch+json; charset=UTF-8").header("If-Match", "\"1\"")
                .body(Map.of("type", "Feature", "properties", Map.of("status", "suspended"))).patch(ITEMS + "/" + id).then()
                .statusCode(200).header("ETag", "\"2\"").body("properties.status", equalTo("suspended"))
                .body("properties.name", equalTo("改名书店"));

        // validation is the registry's: a blank name is 422 naming the field, unchanged version
        as("planner").contentType("application/geo+json; charset=UTF-8").header("If-Match", "\"2\"")
                .body(feature(" ", 101.011, 25.011, Map.of())).put(ITEMS + "/" + id).then().statusCode(422)
                .body("errors.field", hasItem("name"));

        // delete: stale ETag refused, the right one removes it
        as("planner").header("If-Match", "\"1\"").delete(ITEMS + "/" + id).then().statusCode(412);
        as("planner").header("If-Match", "\"2\"").delete(ITEMS + "/" + id).then().statusCode(204);
        as("planner").get(ITEMS + "/" + id).then().statusCode(404);
        assertEquals(1, history(id, "delete"));
    }

    @Test
    void cgcs2000WritesAreLatitudeLongitude() throws Exception {
        long id = OgcFixtures.venue(Map.of("name", "坐标测试", "category", "hotel", "lon", 101.02, "lat", 25.02));
        // EPSG:4490 body: latitude first
        as("planner").contentType("application/geo+json; charset=UTF-8").header("Content-Crs", "<http://www.opengis.net/def/crs/EPSG/0/4490>")
                .header("If-Match", "\"0\"")
                .body(feature("坐标测试", 25.0215, 101.0235, Map.of("category", "hotel"))).put(ITEMS + "/" + id).then()
                .statusCode(200);
        assertEquals(101.0235, Double.parseDouble(String.valueOf(count(ds,
                "SELECT round(ST_X(geom) * 1e7)::bigint FROM pp.venue WHERE id = ?", id))) / 1e7, 1e-9);
        assertEquals(25.0215, count(ds, "SELECT round(ST_Y(geom) * 1e7)::bigint FROM pp.venue WHERE id = ?", id) / 1e7, 1e-9);
        as("planner").get(ITEMS + "/" + id).then().body("properties.sourceDatum", equalTo("CGCS2000"))
                .body("geometry.coordinates[0]", closeTo(101.0235, 1e-7));
    }

    @Test
    void aRoundTripMovesNothingAndSchoolsKeepTheirCampus() throws Exception {
        long id = OgcFixtures.venue(Map.of("name", "原样往返", "category", "printing", "lon", 101.0123456789, "lat", 25.0198765432));
        @SuppressWarnings("unchecked")
        Map<String, Object> f = as("planner").get(ITEMS + "/" + id).then().statusCode(200).extract().as(Map.class);
        as("planner").contentType("application/geo+json; charset=UTF-8").header("If-Match", "\"0\"").body(f).put(ITEMS + "/" + id).then()
                .statusCode(200).header("ETag", "\"0\"");
        assertEquals(0, history(id, "update"));

        long school = OgcFixtures.schoolWithCampus;
        long area = count(ds, "SELECT round(ST_Area(campus::geography))::bigint FROM pp.school WHERE id = ?", school);
        String etag = as("planner").get("/ogc/collections/schools/items/" + school).then().statusCode(200).extract()
                .header("ETag");
        as("planner").contentType("application/geo+json; charset=UTF-8").header("If-Match", etag)
                .body(Map.of("type", "Feature", "properties", Map.of("address", "校园路1号甲"))).patch(
                        "/ogc/collections/schools/items/" + school).then().statusCode(200)
                .body("geometry.type", equalTo("MultiPolygon")).body("properties.address", equalTo("校园路1号甲"));
        assertEquals(area, count(ds, "SELECT round(ST_Area(campus::geography))::bigint FROM pp.school WHERE id = ?", school));
    }

    @Test
    void onlyPlannersAndAdminsWriteAndOnlyRegisters() {
        as("leader1").contentType("application/geo+json; charset=UTF-8").header("If-Match", "\"0\"")
                .body(feature("x", 101.01, 25.01, Map.of())).post(ITEMS).then().statusCode(403);
        as("manager").header("If-Match", "\"0\"").delete(ITEMS + "/" + OgcFixtures.cafeNearSchool).then().statusCode(403);
        as("planner").contentType("application/geo+json; charset=UTF-8").body(feature("x", 101.01, 25.01, Map.of()))
                .post("/ogc/collections/districts/items").then().statusCode(405);
        as("planner").contentType("application/geo+json; charset=UTF-8").body(Map.of("type", "FeatureCollection")).post(ITEMS).then()
                .statusCode(422).body("errors[0].field", endsWith("type"));
    }
}
