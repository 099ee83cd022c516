package com.patrolplanner.complaint;

import static com.patrolplanner.TestSupport.as;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.patrolplanner.time.BureauClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A complaint dispatched into today's plan of a team becomes an extra, pinned stop at the end of the team's route; the
 * done and pinned stops stay, also when the date is re-planned. And a complaint added to a campaign becomes one of its
 * high-priority targets.
 */
@QuarkusTest
class ComplaintDispatchTest {
    static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L, 36);

    @Inject
    DataSource db;

    static long post(String path, Map<String, Object> body) {
        Number id = as("planner").contentType(ContentType.JSON).body(body).post(path).then().log().ifValidationFails()
                .statusCode(201).extract().path("id");
        return id.longValue();
    }

    static long venue(String name, double lon, double lat) {
        return post("/api/venues", Map.of("licenceNo", "T-CD-" + RUN + "-" + name, "name", name + RUN, "category",
                "internet_cafe", "address", "奎文区派发测试路", "lon", lon, "lat", lat, "openingHours", "Mo-Su 08:00-24:00"));
    }

    static String await(String jobId) {
        String[] state = new String[1];
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300)).until(() -> {
            state[0] = as("planner").get("/api/jobs/" + jobId).then().statusCode(200).extract().path("state");
            return !state[0].equals("QUEUED") && !state[0].equals("RUNNING");
        });
        return state[0];
    }

    static String solve(long campaign, String date) {
        return as("planner").contentType(ContentType.JSON).body(Map.of("date", date, "seconds", 1))
                .post("/api/campaigns/" + campaign + "/solve").then().statusCode(202).extract().path("jobId");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> stopsOf(long campaign, String date, long team) {
        Map<String, Object> plan = as("planner").get("/api/campaigns/" + campaign + "/plan?date=" + date).then()
                .statusCode(200).extract().path("$");
        return ((List<Map<String, Object>>) plan.get("routes")).stream()
                .filter(r -> ((Number) r.get("teamId")).longValue() == team)
                .flatMap(r -> ((List<Map<String, Object>>) r.get("stops")).stream()).toList();
    }

    static long id(Map<String, Object> t) {
        return ((Number) t.get("id")).longValue();
    }

    static long vid(Map<String, Object> s) {
        return ((Number) s.get("venueId")).longValue();
    }

    @Test
    void dispatchIntoTodaysPlanKeepsDoneAndPinnedStops() throws Exception {
        String today = BureauClock.today().toString();
        long team = post("/api/teams", Map.of("name", "派发测试组-" + RUN, "baseLon", 119.16, "baseLat", 36.70));
        for (String k : List.of("a", "b")) {
            post("/api/inspectors", Map.of("name", "派发组员" + k, "certificateNo", "CD-" + RUN + "-" + k, "teamId", team));
        }
        List<Long> venues = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            venues.add(venue("派发网吧" + i, 119.16 + 0.006 * i, 36.705));
        }
        Map<String, Object> c = new HashMap<>();
        c.put("name", "派发测试 " + RUN);
        c.put("type", "ROUTINE");
        c.put("startDate", today);
        c.put("endDate", today);
        c.put("teamIds", List.of(team));
        c.put("targets", Map.of("venueIds", venues));
        long campaign = post("/api/campaigns", c);
        assertEquals("DONE", await(solve(campaign, today)));
        List<Map<String, Object>> before = stopsOf(campaign, today, team);
        assertTrue(before.size() >= 2, "a plan with stops: " + before);
        Map<String, Object> done = before.get(0);
        Map<String, Object> pinned = before.get(1);
        as("planner").contentType(ContentType.JSON).body(Map.of("done", true))
                .patch("/api/campaigns/" + campaign + "/plan/stops/" + done.get("id")).then().statusCode(204);
        as("planner").contentType(ContentType.JSON).body(Map.of("pinned", true))
                .patch("/api/campaigns/" + campaign + "/plan/stops/" + pinned.get("id")).then().statusCode(204);

        // the complaint: a venue outside the campaign's targets, dispatched into the team's plan of today
        long extra = venue("举报网吧", 119.185, 36.712);
        JsonPath cp = ComplaintApiTest.create(ComplaintApiTest.atVenue(extra));
        JsonPath acc = ComplaintApiTest.act("planner", cp.getLong("id"), ComplaintApiTest.action("accept", cp.getInt("version")));
        // a team without a plan that day: 422 naming the team, nothing written
        long idle = post("/api/teams", Map.of("name", "无计划组-" + RUN, "baseLon", 119.16, "baseLat", 36.70));
        as("planner").contentType(ContentType.JSON).body(ComplaintApiTest.action("dispatch", acc.getInt("version"),
                "teamId", idle, "intoPlan", true, "date", today)).post("/api/complaints/" + cp.getLong("id") + "/actions")
                .then().statusCode(422).body("errors.field", hasItem("teamId"));
        JsonPath dis = ComplaintApiTest.act("planner", cp.getLong("id"), ComplaintApiTest.action("dispatch",
                acc.getInt("version"), "teamId", team, "intoPlan", true, "date", today));
        assertEquals(campaign, dis.getLong("campaignId"));
        List<Map<String, Object>> after = stopsOf(campaign, today, team);
        assertEquals(before.size() + 1, after.size());
        Map<String, Object> last = after.get(after.size() - 1);
        assertEquals(extra, vid(last), "appended at the end");
        assertEquals(true, last.get("pinned"));
        assertEquals(((Number) dis.get("planStopId")).longValue(), ((Number) last.get("id")).longValue());
        assertEquals(before.stream().map(ComplaintDispatchTest::vid).toList(),
                after.subList(0, before.size()).stream().map(ComplaintDispatchTest::vid).toList(), "the others untouched");

        // re-plan the date: done, pinned and the complaint's stop all stay on the team
        assertEquals("DONE", await(solve(campaign, today)));
        List<Map<String, Object>> replanned = stopsOf(campaign, today, team);
        Map<Long, Map<String, Object>> byVenue = replanned.stream().collect(Collectors.toMap(ComplaintDispatchTest::vid, s -> s));
        assertTrue(byVenue.containsKey(vid(done)) && Boolean.TRUE.equals(byVenue.get(vid(done)).get("done")), "done kept");
        assertTrue(byVenue.containsKey(vid(pinned)) && Boolean.TRUE.equals(byVenue.get(vid(pinned)).get("pinned")), "pinned kept");
        assertTrue(byVenue.containsKey(extra), "the complaint's stop kept: " + replanned);
    }

    @Test
    void dispatchToACampaignMakesAHighPriorityTarget() throws Exception {
        String today = BureauClock.today().toString();
        long team = post("/api/teams", Map.of("name", "专项派发组-" + RUN, "baseLon", 119.16, "baseLat", 36.70));
        for (String k : List.of("c", "d")) {
            post("/api/inspectors", Map.of("name", "专项组员" + k, "certificateNo", "CD-" + RUN + "-" + k, "teamId", team));
        }
        long target = venue("专项网吧", 119.17, 36.70);
        Map<String, Object> c = new HashMap<>();
        c.put("name", "专项派发 " + RUN);
        c.put("type", "ROUTINE");
        c.put("startDate", today);
        c.put("endDate", BureauClock.today().plusDays(2).toString());
        c.put("teamIds", List.of(team));
        c.put("targets", Map.of("venueIds", List.of(target)));
        long campaign = post("/api/campaigns", c);
        long extra = venue("专项举报网吧", 119.18, 36.70);
        JsonPath cp = ComplaintApiTest.create(ComplaintApiTest.atVenue(extra));
        JsonPath acc = ComplaintApiTest.act("planner", cp.getLong("id"), ComplaintApiTest.action("accept", cp.getInt("version")));
        JsonPath dis = ComplaintApiTest.act("planner", cp.getLong("id"), ComplaintApiTest.action("dispatch",
                acc.getInt("version"), "campaignId", campaign));
        assertEquals("dispatched", dis.getString("state"));
        assertEquals(campaign, dis.getLong("campaignId"));
        try (Connection conn = db.getConnection(); Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery("SELECT priority_venues ->> '" + extra + "' FROM campaign WHERE id = " + campaign)) {
            rs.next();
            assertEquals("complaint:" + cp.getLong("id"), rs.getString(1));
        }
        // it is a target although the campaign's filter names only the other venue, and it comes first
        List<Map<String, Object>> targets = as("planner").get("/api/campaigns/" + campaign + "/targets").then()
                .statusCode(200).extract().path("$");
        Map<Long, Integer> priority = targets.stream().collect(Collectors.toMap(ComplaintDispatchTest::id,
                t -> ((Number) t.get("priority")).intValue()));
        assertTrue(priority.containsKey(extra) && priority.containsKey(target), targets.toString());
        assertTrue(priority.get(extra) >= 200 && priority.get(extra) > priority.get(target), priority.toString());
    }
}
