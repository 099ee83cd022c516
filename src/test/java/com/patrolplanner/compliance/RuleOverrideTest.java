package com.patrolplanner.compliance;

import static com.patrolplanner.TestSupport.as;
import static com.patrolplanner.compliance.Fixtures.go;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Admin-edited rules: a province rule beats the national one, edits recompute verdicts, effective dates are honoured. */
@QuarkusTest
class RuleOverrideTest {
    @Inject
    AgroalDataSource ds;

    private static Map<String, Object> rule(String code, String category, List<String> levels, Double metres,
            String jurisdiction) {
        Map<String, Object> r = new HashMap<>();
        r.put("code", code);
        r.put("venueCategory", category);
        r.put("schoolLevels", levels);
        r.put("distanceM", metres);
        r.put("jurisdiction", jurisdiction);
        r.put("legalBasis", "测试规则（地方规定）");
        return r;
    }

    /** Shandong sets 300 m for cafés near primary schools: it replaces the national 200 m there, not elsewhere. */
    @Test
    void aProvinceRuleOverridesTheNationalOneForVenuesInThatProvince() throws Exception {
        TestDistricts.ensureShandongTestCounty(ds);
        double lon = TestDistricts.LON0 + 0.07;
        double lat = TestDistricts.LAT0 + 0.07;
        Fixtures.school("山东测试小学", "primary", Fixtures.polygon(Fixtures.rect(lon, lat, 100, 100)));
        double edge = Fixtures.eastEdge(lon, lat, 100);
        long at250 = Fixtures.venue("鲁250米网吧", "internet_cafe", go(edge, lat, 90, 250));
        long at150 = Fixtures.venue("鲁150米网吧", "internet_cafe", go(edge, lat, 90, 150));
        // the same layout outside Shandong
        double lon2 = 104.50;
        Fixtures.school("甘肃测试小学", "primary", Fixtures.polygon(Fixtures.rect(lon2, lat, 100, 100)));
        long far250 = Fixtures.venue("甘250米网吧", "internet_cafe", go(Fixtures.eastEdge(lon2, lat, 100), lat, 90, 250));

        assertThat(Fixtures.violationsOf(at250), empty());
        assertThat(Fixtures.violationsOf(at150).get(0).get("rule"), equalTo(SeededRules.ICAFE_SCHOOL_200M));

        String code = "ICAFE_PRIMARY_SD_300M_TEST";
        as("admin").contentType(ContentType.JSON).body(rule(code, "网吧", List.of("小学"), 300.0, "370000"))
                .post("/api/compliance/rules").then().statusCode(201)
                .body("schoolLevels", equalTo(List.of("primary"))).body("venueCategory", equalTo("internet_cafe"));
        try {
            List<Map<String, Object>> v250 = Fixtures.violationsOf(at250);
            assertThat(v250, hasSize(1));
            assertThat(v250.get(0).get("rule"), equalTo(code));
            assertThat(((Number) v250.get(0).get("distance_m")).doubleValue(), closeTo(250.0, 0.11));
            // one verdict, under the province rule: the national one is overridden for this level, not added
            List<Map<String, Object>> v150 = Fixtures.violationsOf(at150);
            assertThat(v150, hasSize(1));
            assertThat(v150.get(0).get("rule"), equalTo(code));
            assertThat(Fixtures.violationsOf(far250), empty());
            assertThat(Fixtures.violationsOf(at150, "live"), equalTo(v150));

            // the admin edits the distance: verdicts follow at once
            as("admin").contentType(ContentType.JSON).body(withVersion(rule(code, "internet_cafe", List.of("primary"),
                    240.0, "370000"), 0)).put("/api/compliance/rules/" + code).then().statusCode(200)
                    .body("version", equalTo(1));
            assertThat(Fixtures.violationsOf(at250), empty());
            assertThat(Fixtures.violationsOf(at150).get(0).get("rule"), equalTo(code));
            as("admin").get("/api/compliance/rules").then().statusCode(200).body("code", hasItem(code));
        } finally {
            as("admin").delete("/api/compliance/rules/" + code).then().statusCode(204);
        }
        assertThat(Fixtures.violationsOf(at250), empty());
        assertThat(Fixtures.violationsOf(at150).get(0).get("rule"), equalTo(SeededRules.ICAFE_SCHOOL_200M));
    }

    /** A rule not yet in force gives no verdict today, one from its first day, none from its effectiveTo. */
    @Test
    void aRuleIsAppliedOnlyBetweenItsEffectiveDates() {
        double lon = 104.60;
        double lat = 36.05;
        Fixtures.school("职业测试学校", "vocational", Fixtures.polygon(Fixtures.rect(lon, lat, 100, 100)));
        long v = Fixtures.venue("职校旁网吧", "internet_cafe", go(Fixtures.eastEdge(lon, lat, 100), lat, 90, 80));
        LocalDate today = com.patrolplanner.time.BureauClock.today();
        String code = "ICAFE_VOCATIONAL_100M_TEST";
        Map<String, Object> r = rule(code, "internet_cafe", List.of("vocational"), 100.0, "national");
        r.put("effectiveFrom", today.plusDays(30).toString());
        r.put("effectiveTo", today.plusDays(60).toString());
        as("admin").contentType(ContentType.JSON).body(r).post("/api/compliance/rules").then().statusCode(201)
                .body("inForce", equalTo(false));
        try {
            assertThat(Fixtures.violationsOf(v), empty());
            for (String source : List.of("stored", "live")) {
                as("manager").queryParam("rule", code).queryParam("source", source)
                        .queryParam("date", today.plusDays(30).toString()).get("/api/compliance/violations")
                        .then().statusCode(200).body("features.properties.venueId", hasItem((int) v));
                as("manager").queryParam("rule", code).queryParam("source", source)
                        .queryParam("date", today.plusDays(60).toString()).get("/api/compliance/violations")
                        .then().statusCode(200).body("features", empty());
            }
            double[] p = go(Fixtures.eastEdge(lon, lat, 100), lat, 90, 80);
            as("planner").queryParam("lon", p[0]).queryParam("lat", p[1]).queryParam("category", "internet_cafe")
                    .get("/api/compliance/site-check").then().statusCode(200).body("allowed", equalTo(true));
            as("planner").queryParam("lon", p[0]).queryParam("lat", p[1]).queryParam("category", "internet_cafe")
                    .queryParam("date", today.plusDays(45).toString())
                    .get("/api/compliance/site-check").then().statusCode(200).body("allowed", equalTo(false))
                    .body("violations[0].rule", equalTo(code)).body("violations[0].distanceM", closeTo(80.0, 0.11));
        } finally {
            as("admin").delete("/api/compliance/rules/" + code).then().statusCode(204);
        }
    }

    @Test
    void badRulesAreRefusedNamingTheField() {
        Map<String, Object> r = rule("BAD_RULE_TEST", "casino", List.of("primary"), -5.0, "37");
        as("admin").contentType(ContentType.JSON).body(r).post("/api/compliance/rules").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("venueCategory")).body("errors.field", hasItem("distanceM"))
                .body("errors.field", hasItem("jurisdiction"));
        Map<String, Object> dup = rule(SeededRules.ICAFE_SCHOOL_200M, "internet_cafe", List.of("primary"), 200.0, null);
        as("admin").contentType(ContentType.JSON).body(dup).post("/api/compliance/rules").then().statusCode(409);
        as("admin").contentType(ContentType.JSON).body(withVersion(dup, 99))
                .put("/api/compliance/rules/" + SeededRules.ICAFE_SCHOOL_200M).then().statusCode(409)
                .body("errors.field", hasItem("version"));
        as("admin").get("/api/compliance/rules/NO_SUCH_RULE").then().statusCode(404);
    }

    private static Map<String, Object> withVersion(Map<String, Object> r, int version) {
        Map<String, Object> m = new HashMap<>(r);
        m.put("version", version);
        return m;
    }
}
