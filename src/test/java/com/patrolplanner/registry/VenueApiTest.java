package com.patrolplanner.registry;

import static com.patrolplanner.TestSupport.anonymous;
import static com.patrolplanner.TestSupport.as;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import com.patrolplanner.geo.ChinaDatum;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class VenueApiTest {

    private static Map<String, Object> cafe(String licence, double lon, double lat) {
        return Map.of("licenceNo", licence, "name", "星空网咖", "category", "网吧", "address", "潍坊市奎文区胜利东街100号",
                "lon", lon, "lat", lat, "openingHours", "Mo-Fr 08:00-24:00; Sa,Su 08:00-02:00", "capacity", 120);
    }

    @Test
    void createReadUpdateDeleteWithHistory() {
        // create as planner: 201 with a GeoJSON Feature in lon,lat order
        int id = as("planner").contentType(ContentType.JSON).body(cafe("L-CRUD-1", 119.16, 36.71))
                .post("/api/venues").then().statusCode(201)
                .contentType("application/geo+json")
                .body("type", equalTo("Feature"))
                .body("geometry.type", equalTo("Point"))
                .body("geometry.coordinates[0]", closeTo(119.16, 1e-9))
                .body("geometry.coordinates[1]", closeTo(36.71, 1e-9))
                .body("$", not(hasKey("crs")))
                .body("properties.category", equalTo("internet_cafe"))
                .body("properties.openingHours.sat", equalTo("08:00-02:00"))
                .body("properties.version", equalTo(0))
                .extract().path("id");

        // update with the right version
        Map<String, Object> changed = new java.util.HashMap<>(cafe("L-CRUD-1", 119.16, 36.71));
        changed.put("capacity", 150);
        changed.put("version", 0);
        as("planner").contentType(ContentType.JSON).body(changed).put("/api/venues/" + id)
                .then().statusCode(200).body("properties.capacity", equalTo(150)).body("properties.version", equalTo(1));

        // a stale version → 409 problem
        changed.put("capacity", 10);
        as("planner").contentType(ContentType.JSON).body(changed).put("/api/venues/" + id)
                .then().statusCode(409).contentType("application/problem+json")
                .body("status", equalTo(409)).body("errors.field", hasItem("version"));

        // history names the field, its old and new value, and who
        as("manager").get("/api/venues/" + id + "/history").then().statusCode(200)
                .body("[0].action", equalTo("update"))
                .body("[0].changedBy", equalTo("planner"))
                .body("[0].changes.capacity.old", equalTo(120))
                .body("[0].changes.capacity.new", equalTo(150));

        as("admin").delete("/api/venues/" + id).then().statusCode(204);
        as("planner").get("/api/venues/" + id).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void gcj02InputIsStoredAsWgs84WithItsDatum() {
        double[] gcj = ChinaDatum.wgs84ToGcj02(119.15, 36.70);
        as("planner").contentType(ContentType.JSON)
                .body(Map.of("licenceNo", "L-GCJ-1", "name", "高德点", "category", "ktv", "lon", gcj[0], "lat", gcj[1], "datum", "GCJ02"))
                .post("/api/venues").then().statusCode(201)
                .body("geometry.coordinates[0]", closeTo(119.15, 1e-7))
                .body("geometry.coordinates[1]", closeTo(36.70, 1e-7))
                .body("properties.sourceDatum", equalTo("GCJ02"))
                .body("properties.category", equalTo("song_dance"));
    }

    @Test
    void listFiltersAndPaging() {
        as("planner").contentType(ContentType.JSON).body(cafe("L-LIST-1", 100.001, 20.001)).post("/api/venues").then().statusCode(201);
        as("planner").contentType(ContentType.JSON).body(cafe("L-LIST-2", 100.002, 20.002)).post("/api/venues").then().statusCode(201);
        as("leader1").queryParam("bbox", "100,20,100.01,20.01")
                .queryParam("category", "internet_cafe").queryParam("limit", 1)
                .get("/api/venues").then().statusCode(200).contentType("application/geo+json")
                .body("type", equalTo("FeatureCollection"))
                .body("numberMatched", equalTo(2))
                .body("numberReturned", equalTo(1))
                .body("features[0].geometry.coordinates[0]", closeTo(100.001, 1e-9));
        as("manager").queryParam("q", "星空").queryParam("bbox", "100,20,100.01,20.01").get("/api/venues")
                .then().statusCode(200).body("numberMatched", greaterThanOrEqualTo(2));
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        as("planner").contentType(ContentType.JSON).body(Map.of("name", "x", "category", "casino"))
                .post("/api/venues").then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("category"));
        as("planner").header("Accept-Language", "en").contentType(ContentType.JSON)
                .body(Map.of("name", "x", "category", "网吧", "lon", 36.7, "lat", 119.1))
                .post("/api/venues").then().statusCode(422).body("errors[0].field", equalTo("lat"))
                .body("detail", org.hamcrest.Matchers.containsString("swapped"));
        as("planner").contentType(ContentType.JSON).body(Map.of("category", "网吧"))
                .post("/api/venues").then().statusCode(422).body("errors.field", hasItem("name"));
        as("planner").contentType(ContentType.JSON).body("{\"name\": \"x\", \"category\": ")
                .post("/api/venues").then().statusCode(400).contentType("application/problem+json");
        as("planner").queryParam("bbox", "1,2,3").get("/api/venues").then().statusCode(400)
                .body("errors[0].field", equalTo("bbox"));
        as("planner").contentType(ContentType.XML).body("<x/>").post("/api/venues").then().statusCode(415)
                .contentType("application/problem+json");
    }

    @Test
    void rolesAreEnforced() {
        anonymous().get("/api/venues").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Basic"));
        given401WrongPassword();
        as("manager").contentType(ContentType.JSON).body(cafe("L-ROLE-1", 119.1, 36.7)).post("/api/venues")
                .then().statusCode(403).contentType("application/problem+json");
        as("leader1").contentType(ContentType.JSON).body(cafe("L-ROLE-1", 119.1, 36.7)).post("/api/venues")
                .then().statusCode(403);
        as("admin").get("/api/users").then().statusCode(200).body("username", hasItem("leader1"));
        as("planner").get("/api/users").then().statusCode(403);
        as("leader1").get("/api/me").then().statusCode(200).body("roles", hasItem("team_leader")).body("teamId", notNullValue());
    }

    private static void given401WrongPassword() {
        anonymous().auth().preemptive().basic("planner", "wrong").get("/api/venues")
                .then().statusCode(401);
    }
}
