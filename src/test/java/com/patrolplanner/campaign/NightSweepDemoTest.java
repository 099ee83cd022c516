package com.patrolplanner.campaign;

import static com.patrolplanner.TestSupport.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.patrolplanner.geo.Datum;
import com.patrolplanner.geo.DatumTransform;
import com.patrolplanner.geo.GeoJson;
import com.patrolplanner.geocode.SharedData;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/** The demo: a night sweep (零点行动) of 奎文区, Weifang, solved to feasibility; then the same with a simultaneous strike. */
@QuarkusTest
class NightSweepDemoTest {
    static final Path BOUNDARIES = SharedData.file("boundaries/370700_full.json");
    static final String DATE = "2026-06-13"; // the night of Friday 12 → Saturday 13 June
    static Geometry kuiwen;
    static final List<Long> cafes = new ArrayList<>();
    static final List<Long> ktvs = new ArrayList<>();
    static final List<Long> teams = new ArrayList<>();

    @BeforeEach
    void kuiwen() throws Exception {
        assertTrue(Files.isRegularFile(BOUNDARIES), BOUNDARIES + " is missing: this test needs ../shared/data");
        if (kuiwen != null) {
            return;
        }
        // 奎文区 (adcode 370705) from the DataV export, GCJ-02 → WGS-84 vertex by vertex
        JsonNode fc = new ObjectMapper().readTree(BOUNDARIES.toFile());
        for (JsonNode f : fc.get("features")) {
            if (f.get("properties").get("adcode").asInt() == 370705) {
                kuiwen = DatumTransform.toWgs84(GeoJson.parse(f.get("geometry"), "geometry"), Datum.GCJ02);
            }
        }
        assertTrue(kuiwen != null && kuiwen.isValid(), "奎文区 polygon");
        List<Coordinate> pts = pointsInside(kuiwen, 15, 370705L);
        for (int i = 0; i < 8; i++) {
            cafes.add(CampaignFixtures.venue("奎文网咖" + i, "internet_cafe", pts.get(i).x, pts.get(i).y,
                    i % 2 == 0 ? "08:00-24:00" : "Mo-Th 08:00-24:00; Fr,Sa,Su 08:00-02:00", i % 4));
        }
        for (int i = 8; i < 12; i++) {
            ktvs.add(CampaignFixtures.venue("奎文KTV" + i, "song_dance", pts.get(i).x, pts.get(i).y, "18:00-02:00", 1));
        }
        for (int t = 0; t < 3; t++) {
            Coordinate base = pts.get(12 + t);
            long team = CampaignFixtures.team("夜查" + (t + 1) + "组", base.x, base.y);
            CampaignFixtures.inspector("夜查员" + t + "甲", "CERT-N" + t + "a", team);
            CampaignFixtures.inspector("夜查员" + t + "乙", "CERT-N" + t + "b", team);
            teams.add(team);
        }
    }

    /** Deterministic points inside the polygon (seeded rejection sampling in its envelope). */
    static List<Coordinate> pointsInside(Geometry g, int n, long seed) {
        Envelope e = g.getEnvelopeInternal();
        Random r = new Random(seed);
        List<Coordinate> out = new ArrayList<>();
        while (out.size() < n) {
            Coordinate c = new Coordinate(e.getMinX() + r.nextDouble() * e.getWidth(), e.getMinY() + r.nextDouble() * e.getHeight());
            if (g.contains(GeoJson.point(c.x, c.y))) {
                out.add(c);
            }
        }
        return out;
    }

    @Test
    @SuppressWarnings("unchecked")
    void nightSweepOfKuiwenIsFeasible() {
        List<Long> all = new ArrayList<>(cafes);
        all.addAll(ktvs);
        long id = CampaignFixtures.createCampaign(CampaignFixtures.campaign("奎文区零点行动 " + CampaignFixtures.RUN,
                "NIGHT_SWEEP", DATE, teams, Map.of("venueIds", all)));
        assertEquals("DONE", PlanApiTest.await(PlanApiTest.solve(id, DATE, 8)));
        Map<String, Object> plan = as("planner").get("/api/campaigns/" + id + "/plan").then().statusCode(200)
                .body("feasible", equalTo(true)).body("travelModel.night", equalTo(true)).extract().path("$");
        int stops = PlanChecks.assertFeasible(plan);
        System.out.println("奎文区 night sweep: " + stops + " of 12 venues planned, score " + plan.get("score"));
        assertTrue(stops >= 10, "planned " + stops);
        for (Map<String, Object> r : (List<Map<String, Object>>) plan.get("routes")) {
            for (Map<String, Object> s : (List<Map<String, Object>>) r.get("stops")) {
                OffsetDateTime start = OffsetDateTime.parse((String) s.get("start"));
                int minute = start.getHour() * 60 + start.getMinute();
                assertEquals(DATE, start.toLocalDate().toString(), "checked on the night of " + DATE);
                if (s.get("category").equals("internet_cafe")) {
                    // 《互联网上网服务营业场所管理条例》第二十二条: closed 0–8, checked 00:00–02:00
                    assertTrue(minute >= 0 && minute + 30 <= 120, "café check at " + start);
                } else {
                    // 《娱乐场所管理条例》第二十八条: closed 2–8, checked 02:00–04:00
                    assertTrue(minute >= 120 && minute + 40 <= 240, "KTV check at " + start);
                }
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void simultaneousStrikeStartsEveryCafeWithinTheWindow() {
        Map<String, Object> body = CampaignFixtures.campaign("奎文区同步突击 " + CampaignFixtures.RUN, "NIGHT_SWEEP", DATE,
                teams, Map.of("venueIds", cafes));
        body.put("strikeMinutes", 20);
        long id = CampaignFixtures.createCampaign(body);
        assertEquals("DONE", PlanApiTest.await(PlanApiTest.solve(id, DATE, 6)));
        Map<String, Object> plan = as("planner").get("/api/campaigns/" + id + "/plan").then().statusCode(200)
                .body("feasible", equalTo(true)).extract().path("$");
        int stops = PlanChecks.assertFeasible(plan);
        List<OffsetDateTime> starts = new ArrayList<>();
        for (Map<String, Object> r : (List<Map<String, Object>>) plan.get("routes")) {
            for (Map<String, Object> s : (List<Map<String, Object>>) r.get("stops")) {
                starts.add(OffsetDateTime.parse((String) s.get("start")));
            }
        }
        long spread = java.time.Duration.between(starts.stream().min(OffsetDateTime::compareTo).orElseThrow(),
                starts.stream().max(OffsetDateTime::compareTo).orElseThrow()).toMinutes();
        System.out.println("奎文区 strike: " + stops + " cafés hit, starts spread " + spread + " min (window 20)");
        assertTrue(spread <= 20, "spread " + spread);
        assertTrue(stops >= 3, "each of the three teams hits one café at once; planned " + stops);
    }
}
