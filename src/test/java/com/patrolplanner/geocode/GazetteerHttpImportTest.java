package com.patrolplanner.geocode;

import static com.patrolplanner.TestSupport.as;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.patrolplanner.geo.ChinaDatum;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
        // and a licensing officer can check a site by its address
        as("planner").queryParam("address", "潍坊市奎文区测绘东街11号").queryParam("category", "网吧")
                .get("/api/compliance/site-check").then().statusCode(200);
    }

    @Test
    void osmPbfThroughPostImports() throws Exception {
        byte[] pbf = Files.readAllBytes(SharedData.file("osm/andorra.osm.pbf"));
        as("admin").multiPart("file", "andorra.osm.pbf", pbf, "application/octet-stream").multiPart("kind", "osm")
                .post("/api/imports").then().statusCode(200);
    }
}
