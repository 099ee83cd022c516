package com.patrolplanner.ogc;

import static com.patrolplanner.TestSupport.as;
import static com.patrolplanner.ogc.OgcFixtures.count;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * OGC Part 4 bodies are read into typed records at the edge ({@link FeatureBody}); a PATCH keeps its merge rules: a
 * property given as null clears it, one not given stays, the geometry stays unless given. Opening hours come as text or
 * as a weekday map; a campus polygon in EPSG:4490 comes latitude first. Expected values are read back by SQL.
 */
@QuarkusTest
class OgcTypedEditTest {
    static final String VENUES = "/ogc/collections/venues/items";
    static final String SCHOOLS = "/ogc/collections/schools/items";
    static final String GEOJSON = "application/geo+json; charset=UTF-8";

    @Inject
    DataSource ds;

    @BeforeEach
    void data() throws Exception {
        OgcFixtures.ensure(ds);
    }

    private static Map<String, Object> feature(Map<String, Object> geometry, Map<String, Object> properties) {
        Map<String, Object> f = new HashMap<>();
        f.put("type", "Feature");
        f.put("geometry", geometry);
        f.put("properties", properties);
        return f;
    }

    private static Map<String, Object> point(double lon, double lat) {
        return Map.of("type", "Point", "coordinates", List.of(lon, lat));
    }

    @Test
    void aVenuePatchClearsWhatIsNullKeepsWhatIsAbsentAndReadsOpeningHoursEitherWay() throws Exception {
        Map<String, Object> p = new HashMap<>(Map.of("name", "类型书店", "category", "publication", "notes", "甲",
                "capacity", 30, "openingHours", Map.of("mon", "09:00-22:00")));
        long id = ((Number) as("planner").contentType(GEOJSON).body(feature(point(101.0215, 25.0245), p)).post(VENUES).then()
                .statusCode(201).extract().path("id")).longValue();
        assertEquals(1, count(ds, "SELECT count(*) FROM pp.venue WHERE id = ? AND opening_hours->>'mon' = '09:00-22:00' "
                + "AND opening_hours->>'tue' = 'closed'", id));

        // notes null: cleared; openingHours as text: every day; name, capacity and the point: as they were
        Map<String, Object> patch = new HashMap<>();
        patch.put("notes", null);
        patch.put("openingHours", "08:00-24:00");
        as("planner").contentType(GEOJSON).header("If-Match", "\"0\"").body(Map.of("type", "Feature", "properties", patch))
                .patch(VENUES + "/" + id).then().statusCode(200).header("ETag", "\"1\"");
        assertEquals(1, count(ds, "SELECT count(*) FROM pp.venue WHERE id = ? AND notes IS NULL AND name = '类型书店' "
                + "AND capacity = 30 AND opening_hours->>'sun' = '08:00-24:00' AND round(ST_X(geom) * 1e7) = 1010215000 "
                + "AND round(ST_Y(geom) * 1e7) = 250245000", id));

        // unreadable hours, a capacity that is no whole number: 422 naming each, nothing written
        as("planner").contentType(GEOJSON).header("If-Match", "\"1\"")
                .body(Map.of("type", "Feature", "properties", Map.of("openingHours", "whenever"))).patch(VENUES + "/" + id)
                .then().statusCode(422).body("errors.field", hasItem("openingHours"));
        as("planner").contentType(GEOJSON).header("If-Match", "\"1\"")
                .body(Map.of("type", "Feature", "properties", Map.of("capacity", "many"))).patch(VENUES + "/" + id)
                .then().statusCode(422).body("errors.field", hasItem("capacity"));
        assertEquals(1, count(ds, "SELECT version FROM pp.venue WHERE id = ?", id));

        as("planner").header("If-Match", "\"1\"").delete(VENUES + "/" + id).then().statusCode(204);
    }

    @Test
    void aSchoolTakesACampusInCgcs2000AndKeepsItsPointOnIt() throws Exception {
        long id = ((Number) as("planner").contentType(GEOJSON)
                .body(feature(point(101.036, 25.005), Map.of("name", "类型小学" + System.nanoTime(), "level", "primary",
                        "address", "类型路1号")))
                .post(SCHOOLS).then().statusCode(201).extract().path("id")).longValue();

        // EPSG:4490: latitude first; the campus covers the school's point, so the point stays
        List<List<Double>> ring = List.of(List.of(25.0045, 101.0355), List.of(25.0045, 101.0365), List.of(25.0055, 101.0365),
                List.of(25.0055, 101.0355), List.of(25.0045, 101.0355));
        as("planner").contentType(GEOJSON).header("Content-Crs", "<http://www.opengis.net/def/crs/EPSG/0/4490>")
                .header("If-Match", "\"0\"").body(feature(Map.of("type", "Polygon", "coordinates", List.of(ring)), Map.of()))
                .patch(SCHOOLS + "/" + id).then().statusCode(200);
        String campus = "SELECT count(*) FROM pp.school WHERE id = ? AND round(ST_XMin(campus::geometry) * 1e4) = 1010355 "
                + "AND round(ST_YMax(campus::geometry) * 1e4) = 250055 AND round(ST_X(geom) * 1e3) = 101036 "
                + "AND round(ST_Y(geom) * 1e3) = 25005 AND level = 'primary' AND address = '类型路1号'";
        assertEquals(1, count(ds, campus, id));

        // a PATCH naming only the address keeps campus and point
        String etag = as("planner").get(SCHOOLS + "/" + id).then().statusCode(200).extract().header("ETag");
        as("planner").contentType(GEOJSON).header("If-Match", etag)
                .body(Map.of("type", "Feature", "properties", Map.of("address", "类型路1号"))).patch(SCHOOLS + "/" + id)
                .then().statusCode(200);
        assertEquals(1, count(ds, campus, id));
        as("planner").get(SCHOOLS + "/" + id).then().statusCode(200).body("geometry.type", equalTo("MultiPolygon"));

        as("planner").header("If-Match", "*").delete(SCHOOLS + "/" + id).then().statusCode(204);
    }

    @Test
    void titlesAndDescriptionsAreChineseFirstAndEnglishByAcceptLanguage() {
        // no Accept-Language (GDAL, QGIS): zh-CN; the ids stay what clients name layers by
        as("planner").get("/ogc/collections/venues").then().statusCode(200).header("Content-Language", "zh-CN")
                .body("id", equalTo("venues")).body("title", equalTo("文化市场经营场所"))
                .body("description", org.hamcrest.Matchers.startsWith("已登记的文化市场经营场所"))
                .body("links.find { it.type == 'application/geo+json' }.title", equalTo("文化市场经营场所（GeoJSON 格式）"));
        as("planner").header("Accept-Language", "en").get("/ogc/collections/venues").then().statusCode(200)
                .header("Content-Language", "en").body("title", equalTo("Venues"))
                .body("description", org.hamcrest.Matchers.containsString("Writable (Part 4) by planners and administrators"))
                .body("description", org.hamcrest.Matchers.endsWith("in latitude, longitude order."))
                .body("links.find { it.type == 'application/geo+json' }.title", equalTo("Venues as GeoJSON"));
        as("planner").get("/ogc/collections").then().statusCode(200)
                .body("collections.id", equalTo(List.of("venues", "schools", "districts", "zones", "inspections", "violations")))
                .body("collections.title", equalTo(List.of("文化市场经营场所", "学校", "行政区划", "巡查片区", "检查记录", "校园周边违规")));
        as("planner").header("Accept-Language", "en").get("/ogc").then().statusCode(200)
                .body("title", equalTo("Patrol Planner — OGC API Features"));
        as("planner").get("/ogc").then().statusCode(200).body("title", equalTo("巡查规划 — OGC API Features"));
    }
}
