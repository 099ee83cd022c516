package com.patrolplanner.coverage;

import static com.patrolplanner.TestSupport.as;
import static com.patrolplanner.coverage.Fixtures.venue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A venue near two schools names both in its gap's reason: joined with 、 in Chinese, with ", " in English (the list
 * separator follows Accept-Language like the words around it).
 */
@QuarkusTest
class GapSchoolNamesLanguageTest {
    static final String AT = "2024-04-30";

    private static String school(String name, double lon, double lat) {
        as("planner").contentType(ContentType.JSON).body(Map.of("name", name, "level", "primary", "lon", lon, "lat", lat))
                .post("/api/schools").then().statusCode(201);
        return name;
    }

    private static String reason(String lang, int venue) {
        return as("manager").header("Accept-Language", lang).get("/api/coverage/gaps?days=90&at=" + AT).then().statusCode(200)
                .extract().jsonPath().getString("items.find { it.kind == 'school_buffer_venue' && it.id == '" + venue + "' }.reason");
    }

    @Test
    void schoolNamesAreJoinedInTheRequestsLanguage() {
        // two schools some 100 m west and east of a café that was never inspected
        String a = school("列举甲小学" + System.nanoTime(), 100.759, 30.76);
        String b = school("列举乙小学" + System.nanoTime(), 100.761, 30.76);
        int cafe = venue("internet_cafe", 100.76, 30.76);

        String zh = reason("zh-CN", cafe);
        assertTrue(zh.contains(a + "、" + b) || zh.contains(b + "、" + a), zh);
        String en = reason("en", cafe);
        assertTrue(en.contains(a + ", " + b) || en.contains(b + ", " + a), en);
        assertFalse(en.contains("、"), en);
    }
}
