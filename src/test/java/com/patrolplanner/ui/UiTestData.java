package com.patrolplanner.ui;

import static com.patrolplanner.TestSupport.as;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;

/**
 * A small, distinctive register for the browser tests (the test database has no demo data and is shared with other
 * tests): one district, a few venues of different categories and schools with campus polygons, far from anything the
 * other tests create. Venues and schools go through the API; districts have no write API (they arrive by import), so
 * the outline is inserted in SQL.
 */
@ApplicationScoped
public class UiTestData {
    public static final String DISTRICT = "379901";
    public static final String DISTRICT_NAME = "界面测试区";
    public static final String VENUE_PREFIX = "界面测试";
    public static final double LON = 119.400;
    public static final double LAT = 36.900;

    @Inject
    EntityManager em;

    private long firstVenueId = -1;
    private final List<Long> venueIds = new java.util.ArrayList<>();
    private Plan plan;

    /** A solved campaign day for the team-leader test: both demo teams, the test venues, solved once per run. */
    public record Plan(long campaignId, String date, long team1, long team2) {
    }

    /** Creates the data once per test run; returns the id of the first venue (an internet café). */
    public synchronized long ensure() {
        if (firstVenueId > 0) {
            return firstVenueId;
        }
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                INSERT INTO district(adcode, name, level, parent_code, geom, attribution)
                VALUES (?1, ?2, 'district', '370700',
                        ST_Multi(ST_MakeEnvelope(?3 - 0.03, ?4 - 0.02, ?3 + 0.03, ?4 + 0.02, 4326)), 'synthetic test outline')
                ON CONFLICT (adcode) DO NOTHING""")
                .setParameter(1, DISTRICT).setParameter(2, DISTRICT_NAME).setParameter(3, LON).setParameter(4, LAT)
                .executeUpdate());
        List<String> cats = List.of("internet_cafe", "song_dance", "game_arcade", "publication", "hotel", "internet_cafe");
        for (int i = 0; i < cats.size(); i++) {
            int id = as("planner").contentType(ContentType.JSON)
                    .body(Map.of("licenceNo", "UITEST-" + i + "-" + System.nanoTime(), "name", VENUE_PREFIX + "场所" + (i + 1),
                            "category", cats.get(i), "address", "潍坊市测试路" + (i + 1) + "号",
                            "lon", LON - 0.02 + i * 0.008, "lat", LAT + (i % 2 == 0 ? 0.005 : -0.006),
                            "status", i == 5 ? "unlicensed" : "open", "openingHours", "08:00-24:00", "capacity", 40 + i))
                    .post("/api/venues").then().statusCode(201).extract().path("properties.id");
            if (i == 0) {
                firstVenueId = id;
            }
            venueIds.add((long) id);
        }
        for (int i = 0; i < 2; i++) {
            double lo = LON - 0.015 + i * 0.02;
            double la = LAT - 0.012;
            as("planner").contentType(ContentType.JSON)
                    .body(Map.of("name", VENUE_PREFIX + "小学" + (i + 1), "level", "primary", "address", "潍坊市测试路学校" + i,
                            "campus", Map.of("type", "Polygon", "coordinates", List.of(List.of(
                                    List.of(lo, la), List.of(lo + 0.0015, la), List.of(lo + 0.0015, la + 0.0011),
                                    List.of(lo, la + 0.0011), List.of(lo, la))))))
                    .post("/api/schools").then().statusCode(201);
        }
        return firstVenueId;
    }

    /**
     * Seeds a plan through the API: two certified officers in each demo team (执法一组 is leader1's), a routine campaign
     * on a day no other test uses, its venues the test venues, solved for two seconds. Returns once the job is done.
     */
    public synchronized Plan ensurePlan() throws InterruptedException {
        if (plan != null) {
            return plan;
        }
        ensure();
        String date = "2031-03-12";
        long t1 = team("执法一组");
        long t2 = team("执法二组");
        for (long t : List.of(t1, t2)) {
            for (String who : List.of("甲", "乙")) {
                as("planner").contentType(ContentType.JSON)
                        .body(Map.of("name", "界面测试" + who + t, "certificateNo", "UI-" + t + who + System.nanoTime(), "teamId", t))
                        .post("/api/inspectors").then().statusCode(201);
            }
        }
        Map<String, Object> c = new java.util.HashMap<>();
        c.put("name", VENUE_PREFIX + "日常巡查");
        c.put("type", "ROUTINE");
        c.put("startDate", date);
        c.put("endDate", date);
        c.put("teamIds", List.of(t1, t2));
        c.put("targets", Map.of("venueIds", venueIds));
        int id = as("planner").contentType(ContentType.JSON).body(c).post("/api/campaigns").then().statusCode(201).extract().path("id");
        String job = as("planner").contentType(ContentType.JSON).body(Map.of("date", date, "seconds", 2))
                .post("/api/campaigns/" + id + "/solve").then().statusCode(202).extract().path("jobId");
        for (int i = 0; i < 150; i++) {
            String state = as("planner").get("/api/jobs/" + job).then().statusCode(200).extract().path("state");
            if ("DONE".equals(state)) {
                break;
            }
            if ("FAILED".equals(state) || i == 149) {
                throw new IllegalStateException("solve of the UI test campaign ended " + state);
            }
            Thread.sleep(200);
        }
        plan = new Plan(id, date, t1, t2);
        return plan;
    }

    private static long team(String name) {
        List<Map<String, Object>> teams = as("planner").get("/api/teams").then().statusCode(200).extract().path("$");
        return teams.stream().filter(t -> name.equals(t.get("name"))).map(t -> ((Number) t.get("id")).longValue()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no demo team " + name));
    }

    /** An empty zone set over the test district, activated, so the planner's drawing overlaps nothing else. */
    public long emptyZoneSet() {
        ensure();
        int id = as("planner").contentType(ContentType.JSON)
                .body(Map.of("name", VENUE_PREFIX + "片区方案" + System.nanoTime(), "district", DISTRICT))
                .post("/api/zone-sets").then().statusCode(201).extract().path("id");
        as("planner").put("/api/zone-sets/" + id + "/activate").then().statusCode(200);
        return id;
    }
}
