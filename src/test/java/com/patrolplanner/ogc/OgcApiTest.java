package com.patrolplanner.ogc;

import static com.patrolplanner.TestSupport.anonymous;
import static com.patrolplanner.TestSupport.as;
import static com.patrolplanner.ogc.OgcFixtures.BBOX;
import static com.patrolplanner.ogc.OgcFixtures.DISTRICT;
import static com.patrolplanner.ogc.OgcFixtures.count;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** OGC API – Features read side (Parts 1 and 2) against the real PostGIS; expected counts come from the test's own SQL. */
@QuarkusTest
class OgcApiTest {
    static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
    static final String CGCS2000 = "http://www.opengis.net/def/crs/EPSG/0/4490";
    static final String IN_AREA = "ST_Intersects(geom, ST_MakeEnvelope(" + OgcFixtures.X0 + "," + OgcFixtures.Y0 + ","
            + OgcFixtures.X1 + "," + OgcFixtures.Y1 + ", 4326))";

    @Inject
    DataSource ds;

    @BeforeEach
    void data() throws Exception {
        OgcFixtures.ensure(ds);
    }

    @Test
    void landingPageConformanceAndCollectionsAnswerEveryRoleAndNoAnonymous() {
        anonymous().get("/ogc").then().statusCode(401);
        anonymous().get("/ogc/collections/venues/items").then().statusCode(401);
        JsonPath landing = as("leader1").accept("application/json").get("/ogc").then().statusCode(200)
                .contentType(startsWith("application/json")).extract().jsonPath();
        assertTrue(landing.getList("links.rel").containsAll(List.of("self", "service-desc", "conformance", "data")));
        String serviceDesc = landing.getString("links.find { it.rel == 'service-desc' }.href");
        assertTrue(serviceDesc.contains("/q/openapi"), serviceDesc);
        // the OpenAPI document describes the items path (the oas30 conformance class)
        anonymous().get(URI.create(serviceDesc).getPath() + "?format=json").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/ogc/collections/{collectionId}/items"));
        as("manager").get("/ogc/conformance").then().statusCode(200).body("conformsTo", hasItems(
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
                "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs"));
        // violations are for planners, managers and administrators (as GET /api/compliance/violations)
        as("planner").get("/ogc/collections").then().statusCode(200).body("collections.id",
                equalTo(List.of("venues", "schools", "districts", "zones", "inspections", "violations")));
        as("leader1").get("/ogc/collections").then().statusCode(200).body("collections.id", not(hasItem("violations")));
        as("leader1").get("/ogc/collections/violations/items").then().statusCode(403)
                .contentType(startsWith("application/problem+json"));
        as("planner").get("/ogc/collections/nothing").then().statusCode(404);
    }

    @Test
    void collectionMetadataHasTheExtentFromTheData() throws Exception {
        JsonPath c = as("planner").get("/ogc/collections/venues").then().statusCode(200).extract().jsonPath();
        assertEquals("venues", c.getString("id"));
        assertTrue(c.getList("crs").containsAll(List.of(CRS84, CGCS2000)));
        assertTrue(c.getString("description").contains("CGCS2000"));
        List<Double> bbox = c.getList("extent.spatial.bbox[0]", Double.class);
        assertEquals(xy("SELECT min(ST_X(geom)) FROM pp.venue"), bbox.get(0), 1e-9);
        assertEquals(xy("SELECT min(ST_Y(geom)) FROM pp.venue"), bbox.get(1), 1e-9);
        assertEquals(xy("SELECT max(ST_X(geom)) FROM pp.venue"), bbox.get(2), 1e-9);
        assertEquals(xy("SELECT max(ST_Y(geom)) FROM pp.venue"), bbox.get(3), 1e-9);
        // inspections are dated: the temporal extent spans the first and the last inspection (whole seconds: floor, as an
        // instant truncates; a cast to bigint would round a time with ≥ .5 s up)
        JsonPath i = as("planner").get("/ogc/collections/inspections").then().statusCode(200).extract().jsonPath();
        List<String> interval = i.getList("extent.temporal.interval[0]", String.class);
        assertEquals(count(ds, "SELECT floor(extract(epoch FROM min(inspected_at)))::bigint FROM pp.inspection"),
                java.time.Instant.parse(interval.get(0)).getEpochSecond());
        assertEquals(count(ds, "SELECT floor(extract(epoch FROM max(inspected_at)))::bigint FROM pp.inspection"),
                java.time.Instant.parse(interval.get(1)).getEpochSecond());
        assertNull(c.get("extent.temporal"));
    }

    @Test
    void itemsPageWithNextAndPrevLinksUntilTheLastPage() throws Exception {
        List<Long> expected = ids("SELECT id FROM pp.venue WHERE " + IN_AREA + " ORDER BY id");
        assertTrue(expected.size() > 20, "fixture: " + expected.size());
        List<Long> seen = new ArrayList<>();
        String url = "/ogc/collections/venues/items?limit=7&bbox=" + BBOX;
        int pages = 0;
        while (url != null) {
            // links are absolute and already encoded: followed as given
            Response r = as("planner").urlEncodingEnabled(pages == 0).accept("application/geo+json").get(url);
            r.then().statusCode(200).contentType(startsWith("application/geo+json")).header("Content-Crs", "<" + CRS84 + ">");
            JsonPath p = r.jsonPath();
            assertEquals(expected.size(), p.getInt("numberMatched"));
            assertEquals(p.getList("features").size(), p.getInt("numberReturned"));
            assertTrue(p.getString("timeStamp").endsWith("Z"));
            for (Object id : p.getList("features.id")) {
                seen.add(((Number) id).longValue());
            }
            if (pages > 0) {
                assertTrue(p.getList("links.rel").contains("prev"));
            }
            String next = p.getString("links.find { it.rel == 'next' }.href");
            url = next;
            pages++;
        }
        assertEquals(expected, seen);
        assertEquals((expected.size() + 6) / 7, pages);
    }

    @Test
    void propertyFiltersAndUnknownParameters() throws Exception {
        as("planner").get("/ogc/collections/venues/items?bbox=" + BBOX + "&category=internet_cafe&limit=1000").then()
                .statusCode(200).body("numberMatched", equalTo((int) count(ds,
                        "SELECT count(*) FROM pp.venue WHERE category = 'internet_cafe' AND " + IN_AREA)));
        as("planner").get("/ogc/collections/venues/items?district=" + DISTRICT + "&status=suspended").then()
                .statusCode(200).body("numberMatched", equalTo((int) count(ds,
                        "SELECT count(*) FROM pp.venue WHERE status = 'suspended' AND district_code = ?", DISTRICT)))
                .body("features.properties.status", not(hasItem("open")));
        as("planner").get("/ogc/collections/schools/items?district=" + DISTRICT + "&level=primary").then().statusCode(200)
                .body("numberMatched", equalTo(1)).body("features[0].geometry.type", equalTo("MultiPolygon"));
        as("planner").get("/ogc/collections/schools/items?district=" + DISTRICT + "&level=kindergarten").then()
                .statusCode(200).body("features[0].geometry.type", equalTo("Point"));
        as("planner").get("/ogc/collections/zones/items?district=" + DISTRICT).then().statusCode(200)
                .body("numberMatched", equalTo(2));
        as("planner").get("/ogc/collections/districts/items/" + DISTRICT).then().statusCode(200)
                .body("id", equalTo(DISTRICT)).body("properties.name", equalTo("互操作测试区"));
        // refused, naming the parameter
        as("planner").get("/ogc/collections/venues/items?colour=red").then().statusCode(400)
                .body("errors[0].field", equalTo("colour"));
        as("planner").get("/ogc/collections/venues/items?limit=10001").then().statusCode(400);
        as("planner").get("/ogc/collections/venues/items?category=casino").then().statusCode(400);
        as("planner").get("/ogc/collections/venues/items?datetime=2026-03-01").then().statusCode(400)
                .body("errors[0].field", equalTo("datetime"));
        as("planner").get("/ogc/collections/venues/items/999999999").then().statusCode(404);
    }

    @Test
    void jsonAndGeoJsonAreTheSameDocument() {
        String a = as("planner").accept("application/json").get("/ogc/collections/zones/items?district=" + DISTRICT)
                .then().statusCode(200).contentType(startsWith("application/json")).extract().path("features[0].id").toString();
        String b = as("planner").accept("application/geo+json").get("/ogc/collections/zones/items?district=" + DISTRICT)
                .then().statusCode(200).contentType(startsWith("application/geo+json")).extract().path("features[0].id")
                .toString();
        assertEquals(a, b);
    }

    @Test
    void cgcs2000IsServedInLatitudeLongitudeOrder() throws Exception {
        long id = OgcFixtures.cafeNearSchool;
        double lon = xy("SELECT ST_X(geom) FROM pp.venue WHERE id = " + id);
        double lat = xy("SELECT ST_Y(geom) FROM pp.venue WHERE id = " + id);
        as("planner").get("/ogc/collections/venues/items/" + id + "?crs=" + CGCS2000).then().statusCode(200)
                .header("Content-Crs", "<" + CGCS2000 + ">")
                .body("geometry.coordinates[0]", closeTo(lat, 1e-7)).body("geometry.coordinates[1]", closeTo(lon, 1e-7));
        as("planner").get("/ogc/collections/venues/items/" + id).then().statusCode(200)
                .header("Content-Crs", "<" + CRS84 + ">").body("geometry.coordinates[0]", closeTo(lon, 1e-7));
        // a bbox in EPSG:4490 is minLat,minLon,maxLat,maxLon and selects the same venues
        String latLonBox = OgcFixtures.Y0 + "," + OgcFixtures.X0 + "," + OgcFixtures.Y1 + "," + OgcFixtures.X1;
        as("planner").get("/ogc/collections/venues/items?bbox-crs=" + CGCS2000 + "&bbox=" + latLonBox).then()
                .statusCode(200).body("numberMatched", equalTo((int) count(ds, "SELECT count(*) FROM pp.venue WHERE " + IN_AREA)));
        as("planner").get("/ogc/collections/venues/items?crs=EPSG:3857").then().statusCode(400)
                .body("errors[0].field", equalTo("crs"));
    }

    @Test
    void teamLeadersSeeTheirOwnTeamsInspectionsOnly() throws Exception {
        long all = count(ds, "SELECT count(*) FROM pp.inspection WHERE district_code = ?", DISTRICT);
        long team1 = count(ds, "SELECT count(*) FROM pp.inspection i JOIN pp.app_user u ON u.team_id = i.team_id "
                + "WHERE u.username = 'leader1' AND i.district_code = ?", DISTRICT);
        assertEquals(7, all);
        assertEquals(4, team1);
        as("planner").get("/ogc/collections/inspections/items?district=" + DISTRICT).then().statusCode(200)
                .body("numberMatched", equalTo(7));
        JsonPath own = as("leader1").get("/ogc/collections/inspections/items?district=" + DISTRICT).then().statusCode(200)
                .body("numberMatched", equalTo(4)).extract().jsonPath();
        // another team's record is "not found" to a leader, as in GET /api/inspections/{id}
        long other = count(ds, "SELECT min(i.id) FROM pp.inspection i JOIN pp.app_user u ON u.team_id = i.team_id "
                + "WHERE u.username = 'leader2' AND i.district_code = ?", DISTRICT);
        as("leader1").get("/ogc/collections/inspections/items/" + other).then().statusCode(404);
        as("leader2").get("/ogc/collections/inspections/items/" + other).then().statusCode(200)
                .body("properties.outcome", org.hamcrest.Matchers.notNullValue());
        assertEquals(4, own.getList("features").size());
    }

    @Test
    void datetimeFiltersInspectionsOnTheBureausCalendar() throws Exception {
        // 2026-03-04 .. 2026-03-10 (China Standard Time days, both ends included)
        long expected = count(ds, "SELECT count(*) FROM pp.inspection WHERE district_code = ? AND inspected_at >= "
                + "timestamptz '2026-03-04 00:00+08' AND inspected_at < timestamptz '2026-03-11 00:00+08'", DISTRICT);
        assertEquals(3, expected);
        as("planner").get("/ogc/collections/inspections/items?district=" + DISTRICT + "&datetime=2026-03-04/2026-03-10")
                .then().statusCode(200).body("numberMatched", equalTo(3));
        as("planner").get("/ogc/collections/inspections/items?district=" + DISTRICT
                + "&datetime=2026-03-13T02:00:00Z/..").then().statusCode(200).body("numberMatched", equalTo((int) count(ds,
                        "SELECT count(*) FROM pp.inspection WHERE district_code = ? AND inspected_at >= "
                                + "timestamptz '2026-03-13 02:00Z'", DISTRICT)));
        as("planner").get("/ogc/collections/inspections/items?datetime=yesterday").then().statusCode(400);
    }

    @Test
    void violationsNearSchoolsCarryDistanceAndRule() {
        // the café sits 0.0016° east of the campus centre, the campus half-width is 0.001°: 0.0006° of longitude at
        // 25.026°N ≈ 0.0006 × 111,320 × cos(25.026°) ≈ 60.5 m from the campus edge
        JsonPath v = as("manager").get("/ogc/collections/violations/items?district=" + DISTRICT).then().statusCode(200)
                .body("numberMatched", equalTo(1)).extract().jsonPath();
        assertEquals(OgcFixtures.cafeNearSchool, v.getLong("features[0].properties.venueId"));
        assertEquals(OgcFixtures.schoolWithCampus, v.getLong("features[0].properties.schoolId"));
        assertEquals("ICAFE_SCHOOL_200M", v.getString("features[0].properties.rule"));
        assertEquals(60.5, v.getDouble("features[0].properties.distanceM"), 1.0);
        String fid = v.getString("features[0].id");
        as("planner").get("/ogc/collections/violations/items/" + fid).then().statusCode(200)
                .body("properties.rule", equalTo("ICAFE_SCHOOL_200M"));
    }

    private double xy(String sql) throws Exception {
        try (var c = ds.getConnection(); var st = c.createStatement(); var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getDouble(1);
        }
    }

    private List<Long> ids(String sql) throws Exception {
        List<Long> out = new ArrayList<>();
        try (var c = ds.getConnection(); var st = c.createStatement(); var rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
        }
        return out;
    }

}
