package com.patrolplanner.compliance;

import static com.patrolplanner.compliance.Fixtures.go;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Distance is geodesic from the venue to the campus boundary: 0 inside, every part of a MultiPolygon, point if no campus. */
@QuarkusTest
class DistanceTest {
    @Inject
    ComplianceService compliance;

    @Test
    void aVenueInsideTheCampusIsAtZeroMetres() {
        double lon = 104.00;
        double lat = 36.05;
        Fixtures.school("校园内测试中学", "junior", Fixtures.polygon(Fixtures.rect(lon, lat, 150, 150)));
        long v = Fixtures.venue("校内网吧", "internet_cafe", go(lon, lat, 45, 60));
        List<Map<String, Object>> found = Fixtures.violationsOf(v);
        assertThat(found, hasSize(1));
        assertThat(((Number) found.get(0).get("distance_m")).doubleValue(), equalTo(0.0));
    }

    /** A campus in two parts (main site and a sports ground 800 m away): the distance is to the nearer part. */
    @Test
    void aMultiPolygonCampusIsMeasuredFromItsNearestPart() {
        double lon = 104.05;
        double lat = 36.05;
        double[] field = go(lon, lat, 90, 800);
        Fixtures.school("两校区测试高中", "senior", Fixtures.multiPolygon(Fixtures.rect(lon, lat, 100, 100),
                Fixtures.rect(field[0], field[1], 60, 100)));
        long v = Fixtures.venue("操场东侧网吧", "internet_cafe", go(Fixtures.eastEdge(field[0], field[1], 60), field[1], 90, 150));
        List<Map<String, Object>> found = Fixtures.violationsOf(v);
        assertThat(found, hasSize(1));
        assertThat(((Number) found.get(0).get("distance_m")).doubleValue(), closeTo(150.0, 0.11));
        // between the parts, 300 m from the main campus and 340 m from the field: no verdict
        long between = Fixtures.venue("两校区之间网吧", "internet_cafe", go(Fixtures.eastEdge(lon, lat, 100), lat, 90, 300));
        assertThat(Fixtures.violationsOf(between), empty());
    }

    /** Without a campus polygon the school's point is used and the verdict says approximate. */
    @Test
    void aSchoolWithoutCampusGivesApproximateVerdicts() {
        double lon = 104.10;
        double lat = 36.05;
        Fixtures.schoolAt("无边界测试小学", "primary", lon, lat);
        long v = Fixtures.venue("点位附近网吧", "internet_cafe", go(lon, lat, 30, 180));
        List<Map<String, Object>> found = Fixtures.violationsOf(v);
        assertThat(found, hasSize(1));
        assertThat(found.get(0).get("approximate"), equalTo(true));
        assertThat(((Number) found.get(0).get("distance_m")).doubleValue(), closeTo(180.0, 0.11));
    }

    /** The maintained verdict table and the live ST_DWithin computation give the same rows (after all the above). */
    @Test
    void storedAndLiveVerdictsAgree() {
        double lon = 104.15;
        double lat = 36.05;
        Fixtures.school("一致性测试小学", "primary", Fixtures.polygon(Fixtures.rect(lon, lat, 80, 80)));
        Fixtures.schoolAt("一致性测试初中", "junior", go(lon, lat, 180, 250)[0], go(lon, lat, 180, 250)[1]);
        for (int i = 0; i < 12; i++) {
            Fixtures.venue("一致性网吧" + i, i % 3 == 0 ? "song_dance" : "internet_cafe", go(lon, lat, i * 30, 60 + i * 25));
        }
        Comparator<Violation> order = Comparator.comparingLong(Violation::venueId).thenComparingLong(Violation::schoolId)
                .thenComparing(Violation::ruleCode);
        List<Violation> stored = compliance.violations(new ViolationQuery(null, null, null, null, false)).stream()
                .sorted(order).toList();
        List<Violation> live = compliance.violations(new ViolationQuery(null, null, null, null, true)).stream()
                .sorted(order).toList();
        assertThat(stored, not(empty()));
        assertThat(live, equalTo(stored));
    }
}
