package com.patrolplanner.compliance;

import static com.patrolplanner.TestSupport.as;
import static com.patrolplanner.compliance.Fixtures.go;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import com.patrolplanner.time.BureauClock;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The published view {@code open_violation} gives exactly the rows of {@code GET /api/compliance/violations} for today
 * (stored and live), with a province override, a rule that ended yesterday, one that starts tomorrow and one that starts
 * today in the data: the view repeats the endpoint's resolution in SQL, and this test is what keeps the two equal.
 */
@QuarkusTest
class OpenViolationViewTest {
    @Inject
    AgroalDataSource ds;

    private static Map<String, Object> rule(String code, List<String> levels, double metres, String jurisdiction,
            LocalDate from, LocalDate to) {
        Map<String, Object> r = new HashMap<>();
        r.put("code", code);
        r.put("venueCategory", "internet_cafe");
        r.put("schoolLevels", levels);
        r.put("distanceM", metres);
        r.put("jurisdiction", jurisdiction);
        r.put("legalBasis", "测试规则");
        r.put("effectiveFrom", from == null ? null : from.toString());
        r.put("effectiveTo", to == null ? null : to.toString());
        return r;
    }

    private Set<String> viewRows() throws Exception {
        Set<String> out = new TreeSet<>();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT venue_id, school_id, rule_code FROM open_violation")) {
            while (rs.next()) {
                out.add(rs.getLong(1) + "/" + rs.getLong(2) + "/" + rs.getString(3));
            }
        }
        return out;
    }

    private static Set<String> apiRows(String source) {
        List<Map<String, Object>> props = as("manager").queryParam("source", source).get("/api/compliance/violations")
                .then().statusCode(200).extract().jsonPath().getList("features.properties");
        Set<String> out = new TreeSet<>();
        for (Map<String, Object> p : props) {
            out.add(((Number) p.get("venueId")).longValue() + "/" + ((Number) p.get("schoolId")).longValue() + "/"
                    + p.get("rule"));
        }
        return out;
    }

    @Test
    void theViewHoldsTheVerdictsInForceTodayAsTheEndpointDoes() throws Exception {
        TestDistricts.ensureShandongTestCounty(ds);
        LocalDate today = BureauClock.today();
        // Shandong: a primary school, cafés 150 m and 250 m from its campus; a province 300 m rule overrides 200 m
        double lon = TestDistricts.LON0 + 0.05;
        double lat = TestDistricts.LAT0 + 0.05;
        long school = Fixtures.school("视图测试小学", "primary", Fixtures.polygon(Fixtures.rect(lon, lat, 100, 100)));
        double edge = Fixtures.eastEdge(lon, lat, 100);
        long at150 = Fixtures.venue("视图150米网吧", "internet_cafe", go(edge, lat, 90, 150));
        long at250 = Fixtures.venue("视图250米网吧", "internet_cafe", go(edge, lat, 90, 250));
        // elsewhere: a vocational school with a café 80 m away, under rules with effective dates
        double lon2 = 104.70;
        double lat2 = 36.15;
        long vocational = Fixtures.school("视图职业学校", "vocational", Fixtures.polygon(Fixtures.rect(lon2, lat2, 100, 100)));
        long at80 = Fixtures.venue("视图职校旁网吧", "internet_cafe", go(Fixtures.eastEdge(lon2, lat2, 100), lat2, 90, 80));

        List<String> codes = List.of("VIEW_SD_300M_TEST", "VIEW_ENDED_TEST", "VIEW_FUTURE_TEST", "VIEW_FROM_TODAY_TEST");
        List<Map<String, Object>> rules = List.of(
                rule(codes.get(0), List.of("primary"), 300, "370000", null, null),
                rule(codes.get(1), List.of("vocational"), 100, "national", today.minusDays(30), today),
                rule(codes.get(2), List.of("vocational"), 100, "national", today.plusDays(1), null),
                rule(codes.get(3), List.of("vocational"), 100, "national", today, today.plusDays(1)));
        List<String> created = new ArrayList<>();
        try {
            for (Map<String, Object> r : rules) {
                as("admin").contentType(ContentType.JSON).body(r).post("/api/compliance/rules").then().statusCode(201);
                created.add((String) r.get("code"));
            }
            Set<String> view = viewRows();
            // by hand: the province rule replaces the national one for both cafés; only the rule of today is in force
            assertThat(view, hasItem(at150 + "/" + school + "/" + codes.get(0)));
            assertThat(view, hasItem(at250 + "/" + school + "/" + codes.get(0)));
            assertThat(view, not(hasItem(at150 + "/" + school + "/" + SeededRules.ICAFE_SCHOOL_200M)));
            assertThat(view, hasItem(at80 + "/" + vocational + "/" + codes.get(3)));
            assertThat(view, not(hasItem(at80 + "/" + vocational + "/" + codes.get(1))));
            assertThat(view, not(hasItem(at80 + "/" + vocational + "/" + codes.get(2))));
            // and the whole view equals the endpoint, stored and live
            assertThat(view, equalTo(apiRows("stored")));
            assertThat(view, equalTo(apiRows("live")));
        } finally {
            for (String code : created) {
                as("admin").delete("/api/compliance/rules/" + code).then().statusCode(204);
            }
        }
        Set<String> after = viewRows();
        assertThat(after, hasItem(at150 + "/" + school + "/" + SeededRules.ICAFE_SCHOOL_200M));
        assertThat(after, not(hasItem(at250 + "/" + school + "/" + codes.get(0))));
        assertThat(after, equalTo(apiRows("stored")));
    }
}
