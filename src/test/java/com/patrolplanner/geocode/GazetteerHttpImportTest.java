package com.patrolplanner.geocode;

import static com.patrolplanner.TestSupport.as;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.patrolplanner.geo.ChinaDatum;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The gazetteer kinds through the same HTTP import as the registers, with a datum, then used by the geocoder. */
@QuarkusTest
class GazetteerHttpImportTest {

    @Test
    void addressPointsInGcj02ThroughPostImports() {
        as("planner").get("/api/imports/kinds").then().statusCode(200).body("$", hasItem("address-points"));
        // two points of a street in 奎文区 as Amap (GCJ-02) would give them; stored in WGS-84
        double[] w1 = {119.1801, 36.7101};
        double[] w2 = {119.1821, 36.7101};
        double[] g1 = ChinaDatum.wgs84ToGcj02(w1[0], w1[1]);
        double[] g2 = ChinaDatum.wgs84ToGcj02(w2[0], w2[1]);
        String csv = "LON,LAT,NUMBER,STREET,UNIT,CITY,DISTRICT,REGION,POSTCODE,ID\n"
                + g1[0] + "," + g1[1] + ",11,测绘东街,,潍坊市,奎文区,山东省,,a1\n"
                + g2[0] + "," + g2[1] + ",31,测绘东街,,潍坊市,奎文区,山东省,,a2\n";
        as("planner").multiPart("file", "points.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .multiPart("kind", "address-points").multiPart("datum", "GCJ02")
                .post("/api/imports").then().statusCode(200).body("imported", equalTo(2));
        // the exact point comes back in WGS-84 (the GCJ-02 offset here is several hundred metres)
        as("planner").queryParam("q", "潍坊市奎文区测绘东街11号").get("/api/geocode").then().statusCode(200)
                .body("[0].level", equalTo("point"))
                .body("[0].lon", closeTo(w1[0], 1e-6)).body("[0].lat", closeTo(w1[1], 1e-6));
        // an address between the two known numbers is interpolated along the street
        as("planner").queryParam("q", "测绘东街21号").get("/api/geocode").then().statusCode(200)
                .body("[0].level", equalTo("interpolated"))
                .body("[0].lon", closeTo((w1[0] + w2[0]) / 2, 2e-4));
        // and a licensing officer can check a site by its address: the check is made at the address's WGS-84 point, and
        // a primary school 0.0009° of latitude north of it (about 100 m: 1° of latitude is 110.99 km at 36.7° N) is
        // inside the 200 m of 《互联网上网服务营业场所管理条例》第九条 for an internet café
        String school = "测绘东街小学-" + System.nanoTime();
        as("planner").contentType(ContentType.JSON).body(Map.of("name", school, "level", "primary", "address",
                "潍坊市奎文区测绘东街1号", "lon", w1[0], "lat", w1[1] + 0.0009)).post("/api/schools").then().statusCode(201);
        as("planner").queryParam("address", "潍坊市奎文区测绘东街11号").queryParam("category", "网吧")
                .get("/api/compliance/site-check").then().statusCode(200)
                .body("lon", closeTo(w1[0], 1e-6)).body("lat", closeTo(w1[1], 1e-6))
                .body("allowed", equalTo(false))
                .body("violations.find { it.schoolName == '" + school + "' }.rule", equalTo("ICAFE_SCHOOL_200M"))
                .body("violations.find { it.schoolName == '" + school + "' }.distanceM", closeTo(99.9, 1.0));
    }

    @Test
    void osmPbfThroughPostImports() throws Exception {
        Path file = SharedData.file("osm/andorra.osm.pbf");
        OsmTruth truth = OsmTruth.read(file);
        Map.Entry<String, double[]> hotel = truth.uniqueTourismNode("Hotel ");
        as("admin").multiPart("file", "andorra.osm.pbf", Files.readAllBytes(file), "application/octet-stream")
                .multiPart("kind", "osm").post("/api/imports").then().statusCode(200)
                .body("source", equalTo("osm:andorra.osm.pbf"))
                .body("nodesRead", equalTo((int) truth.nodes))
                .body("waysRead", equalTo((int) truth.ways));
        // a hotel node of the file is then found as a place at its own position
        as("planner").queryParam("q", hotel.getKey()).get("/api/geocode").then().statusCode(200)
                .body("find { it.level == 'place' }.lon", closeTo(hotel.getValue()[0], 1e-7))
                .body("find { it.level == 'place' }.lat", closeTo(hotel.getValue()[1], 1e-7));
    }
}
