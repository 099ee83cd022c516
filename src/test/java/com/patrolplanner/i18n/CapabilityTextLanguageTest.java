package com.patrolplanner.i18n;

import static com.patrolplanner.TestSupport.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * One refusal of each capability that wrote English to a zh-CN request before issue 19, point 4 was finished: its
 * problem {@code detail} in zh-CN and in en, compared with the texts a bureau's reader expects (written here by hand,
 * not read from the table).
 */
@QuarkusTest
class CapabilityTextLanguageTest {
    record Sample(String capability, int status, Function<RequestSpecification, Response> call, String zh, String en) {
    }

    static final String NO_JOB = "00000000-0000-0000-0000-000000000000";

    static List<Sample> samples() {
        return List.of(
                new Sample("compliance", 400, r -> r.get("/api/compliance/buffers"),
                        "bbox: 必填：minLon,minLat,maxLon,maxLat", "bbox: required: minLon,minLat,maxLon,maxLat"),
                new Sample("geocode", 400, r -> r.get("/api/geocode/reverse?lon=200&lat=36.7"),
                        "lon: 经度超出 -180..180", "lon: longitude outside -180..180"),
                new Sample("coverage", 400, r -> r.get("/api/coverage/gaps?at=yesterday"),
                        "at: 应为日期（如 2025-05-31）", "at: a date (2025-05-31)"),
                new Sample("report", 400, r -> r.get("/api/reports/period?from=2026-06-01&to=2026-01-01"),
                        "from: 开始日期不能晚于结束日期", "from: must not be after to"),
                new Sample("ogc", 404, r -> r.get("/ogc/collections/nothing-here"),
                        "未找到图层集合 nothing-here", "collection nothing-here not found"),
                new Sample("jobs", 404, r -> r.get("/api/jobs/" + NO_JOB),
                        "未找到任务 " + NO_JOB, "job " + NO_JOB + " not found"),
                new Sample("users", 422, r -> r.contentType(ContentType.JSON)
                        .body("{\"username\":\"nobody-" + System.nanoTime() + "\",\"roles\":[\"chief\"]}").post("/api/users"),
                        "roles: 未知的角色“chief”（planner 规划员、team_leader 组长、manager 局领导、admin 管理员）",
                        "roles: unknown role 'chief' (planner, team_leader, manager, admin)"),
                new Sample("tiles", 400, r -> r.get("/tiles/venues/30/0/0.mvt"),
                        "z: 缩放级别须在 0..22 之间", "z: zoom must be 0..22"),
                new Sample("campaign", 404, r -> r.get("/api/campaigns/987654321/plan"),
                        "未找到行动 987654321", "campaign 987654321 not found"),
                new Sample("complaint", 422, r -> r.get("/api/complaints?limit=0"),
                        "limit: 须在 1 到 1000 之间", "limit: between 1 and 1000"),
                new Sample("casework", 404, r -> r.get("/api/cases/987654321"),
                        "未找到案件 987654321", "case 987654321 not found"),
                new Sample("import", 422, r -> r.multiPart("file", "v.csv", new byte[] {0, 1, 2, 3, 0, 0, 7, 8})
                        .multiPart("kind", "venues").post("/api/imports"),
                        "file: 二进制内容：应为 CSV、XLSX 或 GeoJSON", "file: binary content: expected CSV, XLSX or GeoJSON"));
    }

    /** The user each capability is asked as: one whose role may call it. */
    static String userOf(String capability) {
        return switch (capability) {
            case "users", "jobs" -> "admin";
            case "report" -> "manager";
            default -> "planner";
        };
    }

    @Test
    void eachCapabilityRefusesInChineseForZhCnAndInEnglishForEn() {
        List<String> wrong = new ArrayList<>();
        for (Sample s : samples()) {
            Response zh = s.call().apply(as(userOf(s.capability())).header("Accept-Language", "zh-CN,zh;q=0.9"));
            Response en = s.call().apply(as(userOf(s.capability())).header("Accept-Language", "en-US,en;q=0.8"));
            assertEquals(s.status(), zh.statusCode(), s.capability() + ": " + zh.asString());
            assertEquals(s.status(), en.statusCode(), s.capability() + ": " + en.asString());
            if (!s.zh().equals(zh.path("detail"))) {
                wrong.add(s.capability() + " zh-CN: expected «" + s.zh() + "», got «" + zh.path("detail") + "»");
            }
            if (!s.en().equals(en.path("detail"))) {
                wrong.add(s.capability() + " en: expected «" + s.en() + "», got «" + en.path("detail") + "»");
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void theChecklistNamesItsItemsInTheRequestsLanguageAndKeepsTheRegulationsWords() {
        Response zh = as("leader1").header("Accept-Language", "zh-CN").get("/api/inspections/checklist?category=internet_cafe");
        Response en = as("leader1").header("Accept-Language", "en").get("/api/inspections/checklist?category=internet_cafe");
        assertEquals("接纳未成年人进入营业场所", zh.path("find { it.code == 'cafe_minors_admitted' }.name"));
        assertEquals("Admits minors to the premises", en.path("find { it.code == 'cafe_minors_admitted' }.name"));
        assertEquals((String) zh.path("find { it.code == 'cafe_minors_admitted' }.legalBasis"),
                (String) en.path("find { it.code == 'cafe_minors_admitted' }.legalBasis"), "the basis is quoted as the regulation words it");
    }

    @Test
    void aFieldReasonAndATitleFollowTheLanguageToo() {
        // a complaint with a receipt in the future and no content: reasons per field, title per status
        String body = "{\"source\":\"phone\",\"receivedAt\":\"2099-01-01T09:00:00+08:00\",\"venueId\":987654321}";
        Response zh = as("planner").header("Accept-Language", "zh-CN").contentType(ContentType.JSON).body(body)
                .post("/api/complaints");
        Response en = as("planner").header("Accept-Language", "en").contentType(ContentType.JSON).body(body)
                .post("/api/complaints");
        assertEquals(422, zh.statusCode(), zh.asString());
        assertEquals("无法处理的内容", zh.path("title"));
        assertEquals("Unprocessable content", en.path("title"));
        assertEquals("晚于现在", zh.path("errors.find { it.field == 'receivedAt' }.reason"));
        assertEquals("lies in the future", en.path("errors.find { it.field == 'receivedAt' }.reason"));
        assertEquals("必填：举报人反映的内容", zh.path("errors.find { it.field == 'content' }.reason"));
        assertEquals("required: what the reporter says", en.path("errors.find { it.field == 'content' }.reason"));
    }
}
