package com.patrolplanner.i18n;

import static com.patrolplanner.TestSupport.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Problem {@code detail} and {@code errors[].reason} follow Accept-Language: Chinese by default and for zh-CN, English
 * for en (issue 19, point 4).
 */
@QuarkusTest
class ProblemLanguageTest {
    /** A 1 km square near Weifang: the area of the zone set under test. */
    private static final String AREA = "{\"type\":\"Polygon\",\"coordinates\":[[[119.100,36.700],[119.110,36.700],"
            + "[119.110,36.709],[119.100,36.709],[119.100,36.700]]]}";
    /** A square some 10 km east of it. */
    private static final String FAR = "{\"type\":\"Polygon\",\"coordinates\":[[[119.200,36.700],[119.205,36.700],"
            + "[119.205,36.704],[119.200,36.704],[119.200,36.700]]]}";

    private long zoneSet() {
        Number id = as("planner").contentType(ContentType.JSON)
                .body("{\"name\":\"语言测试 " + System.nanoTime() + "\",\"polygon\":" + AREA + "}")
                .post("/api/zone-sets").then().statusCode(201).extract().path("id");
        return id.longValue();
    }

    @Test
    void aZoneOutsideTheSetsAreaIsRefusedInTheRequestedLanguage() {
        String body = "{\"zoneSetId\":" + zoneSet() + ",\"name\":\"界外\",\"geometry\":" + FAR + "}";
        // no Accept-Language: Chinese
        as("planner").contentType(ContentType.JSON).body(body).post("/api/zones").then().statusCode(422)
                .contentType("application/problem+json").header("Content-Language", "zh-CN")
                .body("errors.field", hasItem("geometry"))
                .body("errors.reason", hasItem("位于分区方案的范围之外"))
                .body("detail", equalTo("geometry: 位于分区方案的范围之外"));
        as("planner").header("Accept-Language", "zh-CN,zh;q=0.9").contentType(ContentType.JSON).body(body)
                .post("/api/zones").then().statusCode(422)
                .body("errors.reason", hasItem("位于分区方案的范围之外"));
        // the same request in English
        as("planner").header("Accept-Language", "en").contentType(ContentType.JSON).body(body).post("/api/zones").then()
                .statusCode(422).contentType("application/problem+json").header("Content-Language", "en")
                .body("errors.reason", hasItem("lies outside the zone set's area"))
                .body("detail", equalTo("geometry: lies outside the zone set's area"));
    }

    @Test
    void beanValidationMessagesFollowTheLanguage() {
        // a team with a blank name (@NotBlank) and an address too long (@Size(max = 300))
        Map<String, Object> in = Map.of("name", " ", "baseAddress", "路".repeat(301));
        as("planner").contentType(ContentType.JSON).body(in).post("/api/teams").then().statusCode(422)
                .body("errors.find { it.field == 'name' }.reason", equalTo("不能为空白"))
                .body("errors.find { it.field == 'baseAddress' }.reason", equalTo("长度须在 0 到 300 之间"));
        as("planner").header("Accept-Language", "en").contentType(ContentType.JSON).body(in).post("/api/teams").then()
                .statusCode(422).body("errors.find { it.field == 'name' }.reason", equalTo("must not be blank"))
                .body("errors.find { it.field == 'baseAddress' }.reason", equalTo("size must be between 0 and 300"));
    }

    @Test
    void genericNotFoundFollowsTheLanguage() {
        as("planner").get("/api/zone-sets/987654321").then().statusCode(404)
                .body("detail", equalTo("未找到分区方案 987654321"));
        as("planner").header("Accept-Language", "en").get("/api/zone-sets/987654321").then().statusCode(404)
                .body("detail", equalTo("zone set 987654321 not found"));
        as("planner").header("Accept-Language", "en-US,en;q=0.8").get("/api/no-such-thing").then().statusCode(404)
                .body("detail", containsString("no such resource")).body("detail", not(containsString("⟦")));
    }
}
