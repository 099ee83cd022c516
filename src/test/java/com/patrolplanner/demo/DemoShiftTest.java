package com.patrolplanner.demo;

import static com.patrolplanner.TestSupport.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.patrolplanner.time.BureauClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 point 9: on a freshly loaded demo the team leaders see a shift with ordered stops today (the real date of
 * the run), because the demo load creates and solves a campaign for today and the next days; and the demo's complaints
 * agree with the demo's inspections.
 */
@QuarkusTest
class DemoShiftTest {
    @Inject
    DemoLoader loader;
    @Inject
    DemoCampaign campaign;
    @Inject
    DemoInspections inspections;
    @Inject
    DemoComplaints complaints;
    @Inject
    DataSource db;

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> stops(String leader, LocalDate day) {
        Map<String, Object> shift = as(leader).get("/api/my/shift?date=" + day).then().statusCode(200).extract().path("$");
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> p : (List<Map<String, Object>>) shift.get("plans")) {
            if (((String) p.get("campaignName")).startsWith(DemoCampaign.NAME)) {
                for (Map<String, Object> r : (List<Map<String, Object>>) p.get("routes")) {
                    out.addAll((List<Map<String, Object>>) r.get("stops"));
                }
            }
        }
        return out;
    }

    @Test
    void leadersSeeTodaysShiftOnAFreshDemo() {
        loader.load(DemoDataTest.DEMO);
        LocalDate today = BureauClock.today();
        DemoCampaign.Result r = campaign.plan(today);
        assertNotNull(r.jobId(), "solving started: " + r);
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
            String s = as("admin").get("/api/jobs/" + r.jobId()).then().statusCode(200).extract().path("state");
            return !s.equals("QUEUED") && !s.equals("RUNNING");
        });
        List<Map<String, Object>> one = stops("leader1", today);
        List<Map<String, Object>> two = stops("leader2", today);
        assertFalse(one.isEmpty(), "leader1 has stops today");
        assertFalse(two.isEmpty(), "leader2 has stops today");
        // ordered: each stop starts after the previous one ended
        for (List<Map<String, Object>> l : List.of(one, two)) {
            for (int k = 1; k < l.size(); k++) {
                assertTrue(((String) l.get(k).get("start")).compareTo((String) l.get(k - 1).get("departure")) >= 0, l.toString());
            }
        }
        Set<Object> v1 = new HashSet<>();
        one.forEach(s -> v1.add(s.get("venueId")));
        two.forEach(s -> assertFalse(v1.contains(s.get("venueId")), "one venue, one team"));
        // the next day is planned too, and a second load changes nothing
        assertFalse(stops("leader1", today.plusDays(1)).isEmpty(), "tomorrow planned");
        org.junit.jupiter.api.Assertions.assertNull(campaign.plan(today).jobId());
    }

    @Test
    void shiftHasNotEndedWhenTheDemoIsLoaded() {
        LocalDate d = LocalDate.of(2026, 12, 1);
        // before 07:00: the day shift; in the day: from half an hour later; evenings: under way until midnight
        assertEquals(List.of("08:30", "17:30"), List.of(DemoCampaign.shift(at(d, 5, 20), d)));
        assertEquals(List.of("10:00", "18:00"), List.of(DemoCampaign.shift(at(d, 9, 20), d)));
        assertEquals(List.of("16:00", "24:00"), List.of(DemoCampaign.shift(at(d, 21, 5), d)));
    }

    static ZonedDateTime at(LocalDate d, int h, int m) {
        return d.atTime(h, m).atZone(BureauClock.ZONE);
    }

    @Test
    void demoComplaintsAgreeWithDemoInspections() throws Exception {
        loader.load(DemoDataTest.DEMO);
        LocalDate from = LocalDate.of(2022, 7, 1);
        LocalDate to = LocalDate.of(2022, 12, 31);
        inspections.generate(DemoGenerator.SEED, from, to);
        DemoComplaints.Result r = complaints.generate(DemoGenerator.SEED, from, to);
        assertTrue(r.created() > 15, r.toString());
        assertEquals(0, complaints.generate(DemoGenerator.SEED, from, to).created(), "idempotent");
        String period = " FROM complaint c WHERE c.synthetic AND c.received_at >= '2022-07-01T00:00+08' "
                + "AND c.received_at < '2023-01-01T00:00+08'";
        // every verified or closed one names an inspection of its venue, made after it came in, by the team it went to
        assertEquals(0, count("SELECT count(*)" + period + " AND c.state IN ('verified','closed') AND NOT EXISTS ("
                + "SELECT 1 FROM inspection i WHERE i.id = c.inspection_id AND i.venue_id = c.venue_id "
                + "AND i.inspected_at >= c.received_at AND i.team_id IS NOT DISTINCT FROM c.team_id)"));
        assertTrue(count("SELECT count(*)" + period + " AND c.state = 'closed'") > 10);
        assertEquals(3, count("SELECT count(*)" + period + " AND c.state = 'declined' AND c.decline_reason IS NOT NULL"));
        assertTrue(count("SELECT count(*)" + period + " AND c.state = 'closed' AND NOT c.closed_on_time") >= 0);
        // the last weeks: open ones, some of them overdue (their stage's rule has passed)
        assertTrue(count("SELECT count(*)" + period + " AND c.state IN ('received','accepted','dispatched') "
                + "AND c.due_at < '2022-12-31T23:59+08'") >= 3, "some overdue");
        assertTrue(count("SELECT count(*)" + period + " AND c.venue_id IS NULL AND c.geom IS NOT NULL") == 2, "by address");
        // the venues' counts in the register agree with the records
        assertEquals(0, count("SELECT count(*) FROM venue v WHERE v.synthetic AND v.complaint_count <> (SELECT count(*) "
                + "FROM complaint c WHERE c.venue_id = v.id AND c.state <> 'declined')"));
    }

    long count(String sql) throws Exception {
        try (Connection c = db.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
