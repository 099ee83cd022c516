package com.patrolplanner.compliance;

import static com.patrolplanner.TestSupport.as;
import static com.patrolplanner.compliance.Fixtures.go;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One test per seeded rule code (V20), each checking the rule row and the behaviour it encodes. */
@QuarkusTest
class SeededRulesTest {
    @Inject
    AgroalDataSource ds;

    @BeforeEach
    void county() throws Exception {
        TestDistricts.ensureShandongTestCounty(ds);
    }

    /** 第九条: 199.5 m from the campus wall is a violation, 200.5 m is not; measured from the boundary, not the gate. */
    @Test
    void ICAFE_SCHOOL_200M() {
        as("planner").get("/api/compliance/rules/" + SeededRules.ICAFE_SCHOOL_200M).then().statusCode(200)
                .body("distanceM", equalTo(200.0)).body("jurisdiction", equalTo("national"))
                .body("venueCategory", equalTo("internet_cafe"))
                .body("schoolLevels", contains("primary", "junior", "senior", "nine_year", "twelve_year"))
                .body("legalBasis", containsString("第九条")).body("legalBasis", containsString("200米"))
                .body("interpretation", containsString("文市函[2003]560号")).body("inForce", equalTo(true));

        double lon = 103.70;
        double lat = 36.05;
        Fixtures.school("兰州测试小学", "primary", Fixtures.polygon(Fixtures.rect(lon, lat, 120, 150)));
        double edge = Fixtures.eastEdge(lon, lat, 120);
        long inside = Fixtures.venue("围墙外199.5米网吧", "internet_cafe", go(edge, lat, 90, 199.5));
        long outside = Fixtures.venue("围墙外200.5米网吧", "internet_cafe", go(edge, lat, 90, 200.5));

        List<Map<String, Object>> v = Fixtures.violationsOf(inside);
        assertThat(v, hasSize(1));
        assertThat(((Number) v.get(0).get("distance_m")).doubleValue(), closeTo(199.5, 0.11));
        assertThat(v.get(0).get("rule"), equalTo(SeededRules.ICAFE_SCHOOL_200M));
        assertThat((String) v.get(0).get("legalBasis"), containsString("互联网上网服务营业场所管理条例"));
        assertThat(v.get(0).get("approximate"), equalTo(false));
        assertThat(Fixtures.violationsOf(outside), empty());
    }

    /** 《娱乐场所管理条例》第七条 with Shandong's 200 m: a KTV near a kindergarten in Shandong violates, elsewhere not. */
    @Test
    void SONG_DANCE_SCHOOL_SHANDONG_200M() {
        as("manager").get("/api/compliance/rules/" + SeededRules.SONG_DANCE_SCHOOL_SHANDONG_200M).then().statusCode(200)
                .body("jurisdiction", equalTo("370000")).body("distanceM", equalTo(200.0))
                .body("schoolLevels", hasItem("kindergarten")).body("legalBasis", containsString("第七条"))
                .body("note", containsString("各省"));
        long inShandong = nearSchool(TestDistricts.LON0 + 0.01, TestDistricts.LAT0 + 0.01, "kindergarten", "song_dance", 150);
        long elsewhere = nearSchool(103.75, 36.05, "kindergarten", "song_dance", 150);
        List<Map<String, Object>> v = Fixtures.violationsOf(inShandong);
        assertThat(v, hasSize(1));
        assertThat(v.get(0).get("rule"), equalTo(SeededRules.SONG_DANCE_SCHOOL_SHANDONG_200M));
        assertThat(v.get(0).get("district"), equalTo(TestDistricts.SHANDONG_TEST_COUNTY));
        assertThat(Fixtures.violationsOf(elsewhere), empty());
    }

    @Test
    void GAME_ARCADE_SCHOOL_SHANDONG_200M() {
        as("manager").get("/api/compliance/rules/" + SeededRules.GAME_ARCADE_SCHOOL_SHANDONG_200M).then().statusCode(200)
                .body("jurisdiction", equalTo("370000")).body("venueCategory", equalTo("game_arcade"))
                .body("legalBasis", containsString("娱乐场所管理条例"));
        long inShandong = nearSchool(TestDistricts.LON0 + 0.03, TestDistricts.LAT0 + 0.01, "junior", "game_arcade", 190);
        long elsewhere = nearSchool(103.80, 36.05, "junior", "game_arcade", 190);
        List<Map<String, Object>> v = Fixtures.violationsOf(inShandong);
        assertThat(v, hasSize(1));
        assertThat(v.get(0).get("rule"), equalTo(SeededRules.GAME_ARCADE_SCHOOL_SHANDONG_200M));
        assertThat(Fixtures.violationsOf(elsewhere), empty());
    }

    /** 第五十八条 has no distance: outside a province with its own rule a KTV site check is allowed but carries the note. */
    @Test
    void MINORS_ENTERTAINMENT_NEAR_SCHOOL() {
        as("planner").get("/api/compliance/rules/" + SeededRules.MINORS_ENTERTAINMENT_NEAR_SCHOOL).then().statusCode(200)
                .body("distanceM", nullValue()).body("measurable", equalTo(false))
                .body("legalBasis", containsString("第五十八条"));
        as("planner").queryParam("lon", 103.85).queryParam("lat", 36.05).queryParam("category", "KTV")
                .get("/api/compliance/site-check").then().statusCode(200)
                .body("allowed", equalTo(true)).body("rulesApplied", empty())
                .body("notes.code", contains(SeededRules.MINORS_ENTERTAINMENT_NEAR_SCHOOL));
        // in Shandong the province's measurable rule covers every level: no note left
        as("planner").queryParam("lon", TestDistricts.LON0 + 0.05).queryParam("lat", TestDistricts.LAT0 + 0.05)
                .queryParam("category", "song_dance").get("/api/compliance/site-check").then().statusCode(200)
                .body("districtCode", equalTo(TestDistricts.SHANDONG_TEST_COUNTY))
                .body("rulesApplied.code", contains(SeededRules.SONG_DANCE_SCHOOL_SHANDONG_200M))
                .body("notes", empty());
    }

    @Test
    void MINORS_ARCADE_NEAR_SCHOOL() {
        as("planner").get("/api/compliance/rules/" + SeededRules.MINORS_ARCADE_NEAR_SCHOOL).then().statusCode(200)
                .body("venueCategory", equalTo("game_arcade")).body("distanceM", nullValue());
        as("manager").queryParam("lon", 103.86).queryParam("lat", 36.05).queryParam("category", "游艺娱乐")
                .get("/api/compliance/site-check").then().statusCode(200)
                .body("notes.code", contains(SeededRules.MINORS_ARCADE_NEAR_SCHOOL));
    }

    /** 第九条's 200 m covers 中学、小学 only: a café 50 m from a kindergarten is no verdict, but the site check notes 第五十八条. */
    @Test
    void MINORS_ICAFE_NEAR_KINDERGARTEN() {
        long cafe = nearSchool(103.90, 36.05, "kindergarten", "internet_cafe", 50);
        assertThat(Fixtures.violationsOf(cafe), empty());
        double[] p = as("planner").get("/api/venues/" + cafe).then().extract().jsonPath()
                .getList("geometry.coordinates", Double.class).stream().mapToDouble(Double::doubleValue).toArray();
        as("planner").queryParam("lon", p[0]).queryParam("lat", p[1]).queryParam("category", "internet_cafe")
                .get("/api/compliance/site-check").then().statusCode(200)
                .body("allowed", equalTo(true))
                .body("rulesApplied.code", contains(SeededRules.ICAFE_SCHOOL_200M))
                .body("notes.code", contains(SeededRules.MINORS_ICAFE_NEAR_KINDERGARTEN))
                .body("notes[0].schoolLevels", contains("kindergarten"))
                .body("nearestSchools[0].level", equalTo("kindergarten"))
                .body("nearestSchools[0].distanceM", closeTo(50.0, 0.11))
                .body("rulesApplied.code", not(hasItem(SeededRules.MINORS_ICAFE_NEAR_KINDERGARTEN)));
    }

    /** A school with a 100 m × 100 m campus at lon/lat and a venue {@code metres} east of its east wall. */
    static long nearSchool(double lon, double lat, String level, String category, double metres) {
        Fixtures.school("测试学校", level, Fixtures.polygon(Fixtures.rect(lon, lat, 50, 50)));
        return Fixtures.venue("测试场所", category, go(Fixtures.eastEdge(lon, lat, 50), lat, 90, metres));
    }
}
