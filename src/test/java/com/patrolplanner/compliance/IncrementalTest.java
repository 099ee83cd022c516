package com.patrolplanner.compliance;

import static com.patrolplanner.TestSupport.as;
import static com.patrolplanner.compliance.Fixtures.go;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;

import io.restassured.http.ContentType;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Creating, moving, editing and deleting venues and schools updates the stored verdicts in the same transaction. */
@QuarkusTest
class IncrementalTest {

    @Test
    void movingAndDeletingAVenueUpdatesItsVerdicts() {
        double lon = 104.30;
        double lat = 36.05;
        Fixtures.school("移动测试小学", "primary", Fixtures.polygon(Fixtures.rect(lon, lat, 100, 100)));
        double edge = Fixtures.eastEdge(lon, lat, 100);
        long v = Fixtures.venue("会搬家的网吧", "internet_cafe", go(edge, lat, 90, 150));
        assertThat(Fixtures.violationsOf(v), hasSize(1));

        Fixtures.moveVenue(v, "会搬家的网吧", "internet_cafe", go(edge, lat, 90, 350));
        assertThat(Fixtures.violationsOf(v), empty());

        Fixtures.moveVenue(v, "会搬家的网吧", "internet_cafe", go(edge, lat, 90, 120));
        List<Map<String, Object>> back = Fixtures.violationsOf(v);
        assertThat(back, hasSize(1));
        assertThat(((Number) back.get(0).get("distance_m")).doubleValue(), closeTo(120.0, 0.11));

        // a category edit: a bookstore is under no rule
        Fixtures.moveVenue(v, "会搬家的书店", "publication", go(edge, lat, 90, 120));
        assertThat(Fixtures.violationsOf(v), empty());
        Fixtures.moveVenue(v, "会搬家的网吧", "internet_cafe", go(edge, lat, 90, 120));
        assertThat(Fixtures.violationsOf(v), hasSize(1));

        as("planner").delete("/api/venues/" + v).then().statusCode(204);
        assertThat(Fixtures.violationsOf(v), empty());
        assertThat(Fixtures.violationsOf(v, "live"), empty());
    }

    @Test
    void movingAndDeletingASchoolUpdatesTheVerdictsAroundIt() {
        double lon = 104.35;
        double lat = 36.05;
        long s = Fixtures.school("搬迁测试初中", "junior", Fixtures.polygon(Fixtures.rect(lon, lat, 100, 100)));
        long v = Fixtures.venue("学校旁网吧", "internet_cafe", go(Fixtures.eastEdge(lon, lat, 100), lat, 90, 180));
        assertThat(Fixtures.violationsOf(v), hasSize(1));

        // the school moves 1 km west: the café is no longer within 200 m
        double[] moved = go(lon, lat, 270, 1000);
        int version = as("planner").get("/api/schools/" + s).then().statusCode(200).extract().path("properties.version");
        String name = as("planner").get("/api/schools/" + s).then().extract().path("properties.name");
        as("planner").contentType(ContentType.JSON).body(Map.of("name", name, "level", "junior", "address", "测试地址",
                "campus", Fixtures.polygon(Fixtures.rect(moved[0], moved[1], 100, 100)), "version", version))
                .put("/api/schools/" + s).then().statusCode(200);
        assertThat(Fixtures.violationsOf(v), empty());

        // a new school next to the café: a verdict at once
        long s2 = Fixtures.school("新建测试小学", "primary", Fixtures.polygon(Fixtures.rect(
                go(Fixtures.eastEdge(lon, lat, 100), lat, 90, 300)[0], lat, 50, 50)));
        assertThat(Fixtures.violationsOf(v), hasSize(1));
        as("planner").delete("/api/schools/" + s2).then().statusCode(204);
        assertThat(Fixtures.violationsOf(v), empty());
    }
}
