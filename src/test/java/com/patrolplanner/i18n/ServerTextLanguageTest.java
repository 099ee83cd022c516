package com.patrolplanner.i18n;

import static com.patrolplanner.TestSupport.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * A sample of the refusals the map UI shows (campaign form, venue form, inspection form, 双随机 draw, solve, import,
 * zone drawing): in zh-CN every problem title, detail and reason carries Chinese (none is ASCII only, none shows a raw
 * message reference), in en the English of the message table (issue 19, point 4).
 */
@QuarkusTest
class ServerTextLanguageTest {
    record Sample(String name, int status, Function<RequestSpecification, Response> call, String english) {
    }

    static boolean hasChinese(String s) {
        return s != null && s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    private static final String SQUARE = "{\"type\":\"Polygon\",\"coordinates\":[[[119.100,36.700],[119.110,36.700],"
            + "[119.110,36.709],[119.100,36.709],[119.100,36.700]]]}";

    List<Sample> samples() {
        return List.of(
                new Sample("campaign ends before it starts", 422, r -> r.contentType(ContentType.JSON)
                        .body(Map.of("name", "语言", "type", "ROUTINE", "startDate", "2026-12-10", "endDate", "2026-12-01"))
                        .post("/api/campaigns"), "before startDate"),
                new Sample("campaign of an unknown type", 422, r -> r.contentType(ContentType.JSON)
                        .body(Map.of("name", "语言", "type", "PICNIC", "startDate", "2026-12-01", "endDate", "2026-12-01"))
                        .post("/api/campaigns"), "unknown type 'PICNIC'"),
                new Sample("venue with a longitude only", 422, r -> r.contentType(ContentType.JSON)
                        .body(Map.of("name", "语言网吧", "category", "internet_cafe", "address", "奎文区", "lon", 119.1))
                        .post("/api/venues"), "lon and lat go together"),
                new Sample("venue with unreadable opening hours", 422, r -> r.contentType(ContentType.JSON)
                        .body(Map.of("name", "语言网吧", "category", "internet_cafe", "address", "奎文区", "lon", 119.1,
                                "lat", 36.7, "openingHours", "whenever"))
                        .post("/api/venues"), "openingHours: cannot read 'whenever'"),
                new Sample("inspection without officers", 422, r -> r.contentType(ContentType.JSON)
                        .body(Map.of("venueId", 987654321, "inspectedAt", "2026-11-30T21:00:00+08:00", "outcome", "violation",
                                "officers", List.of()))
                        .post("/api/inspections"), "active officers with enforcement certificates are required"),
                new Sample("solve of a campaign that does not exist", 404, r -> r.contentType(ContentType.JSON)
                        .body(Map.of("date", "2026-12-01")).post("/api/campaigns/987654321/solve"), "campaign 987654321"),
                new Sample("import of an unknown kind", 400, r -> r.multiPart("file", "x.csv", "name\n甲\n".getBytes())
                        .multiPart("kind", "shops").post("/api/imports"), "unknown kind 'shops'"),
                new Sample("zone that crosses the globe", 422, r -> r.contentType(ContentType.JSON)
                        .body("{\"name\":\"语言\",\"polygon\":{\"type\":\"Polygon\",\"coordinates\":[[[200,36],[201,36],[201,37],[200,36]]]}}")
                        .post("/api/zone-sets"), "longitude 200.0 outside -180..180"),
                new Sample("zone set without a body", 422, r -> r.contentType(ContentType.JSON).body("[]")
                        .post("/api/zone-sets"), "a JSON object is required"));
    }

    @Test
    void refusalsReadInChineseForZhCnAndInEnglishForEn() {
        assertFalse(hasChinese("geometry: lies outside"), "the Han check itself");
        assertTrue(hasChinese("geometry: 位于"), "the Han check itself");
        for (Sample s : samples()) {
            Response zh = s.call().apply(as("planner").header("Accept-Language", "zh-CN,zh;q=0.9"));
            assertEquals(s.status(), zh.statusCode(), s.name() + ": " + zh.asString());
            assertEquals("zh-CN", zh.header("Content-Language"), s.name());
            String title = zh.path("title");
            String detail = zh.path("detail");
            List<String> reasons = zh.path("errors.reason");
            assertTrue(hasChinese(title), s.name() + ": title " + title);
            assertTrue(hasChinese(detail), s.name() + ": detail " + detail);
            assertFalse(detail.contains("⟦"), s.name() + ": unresolved reference in " + detail);
            if (reasons != null) {
                for (String reason : reasons) {
                    assertTrue(hasChinese(reason), s.name() + ": reason " + reason);
                }
            }
            Response en = s.call().apply(as("planner").header("Accept-Language", "en"));
            assertEquals(s.status(), en.statusCode(), s.name());
            String enText = en.path("detail") + " " + en.path("errors.reason");
            assertTrue(enText.contains(s.english()), s.name() + ": expected '" + s.english() + "' in " + enText);
            assertFalse(hasChinese((String) en.path("title")), s.name() + ": English title " + en.path("title"));
        }
    }
}
