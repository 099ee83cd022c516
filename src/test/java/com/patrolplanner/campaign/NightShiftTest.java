package com.patrolplanner.campaign;

import static com.patrolplanner.TestSupport.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.patrolplanner.demo.DemoUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 19.1, night dates: a night sweep dated 09-16 with the shift 23:30–04:30 starts on the evening of 09-15, and
 * every output says so; planning it once it has started warns, once it has ended is refused.
 */
@QuarkusTest
class NightShiftTest {
    static final String DATE = "2026-09-16"; // a Wednesday no other campaign test plans
    /** China Standard Time written out, not taken from the code under test. */
    static final ZoneOffset CST = ZoneOffset.ofHours(8);
    static final String NIGHT_ZH = "9月15日夜—9月16日凌晨 (23:30–04:30)";
    static final String NIGHT_EN = "Night of 15–16 Sep (23:30–04:30)";

    @Inject
    PlanningClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private void at(String localTime) {
        clock.set(Clock.fixed(OffsetDateTime.parse(localTime + "+08:00").toInstant(), CST));
    }

    @Test
    @SuppressWarnings("unchecked")
    void nightSweepPlannedAfterItStartedWarnsAndEveryOutputNamesTheNight() {
        long team = CampaignFixtures.demoTeam(DemoUsers.TEAM_1);
        CampaignFixtures.inspector("夜查甲", "CERT-N1-" + team, team);
        CampaignFixtures.inspector("夜查乙", "CERT-N2-" + team, team);
        List<Long> cafes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            cafes.add(CampaignFixtures.venue("夜查网吧" + i, "internet_cafe", 119.13 + 0.004 * i, 36.70, null, 0));
        }
        Map<String, Object> body = CampaignFixtures.campaign("零点行动 " + CampaignFixtures.RUN, "NIGHT_SWEEP", DATE,
                List.of(team), Map.of("venueIds", cafes));
        body.put("shiftStart", "23:30");
        body.put("shiftEnd", "04:30");
        long night = CampaignFixtures.createCampaign(body);
        long day = CampaignFixtures.createCampaign(CampaignFixtures.campaign("日常 " + CampaignFixtures.RUN, "ROUTINE",
                DATE, List.of(team), Map.of("venueIds", List.of(
                        CampaignFixtures.venue("日间书店", "publication", 119.14, 36.705, "Mo-Su 08:00-20:00", 0)))));

        // created and planned at 01:00 on 09-16: the night began at 23:30 on 09-15 → a warning naming it
        at("2026-09-16T01:00:00");
        String job = as("planner").contentType(ContentType.JSON).body(Map.of("date", DATE, "seconds", 2))
                .post("/api/campaigns/" + night + "/solve").then().statusCode(202)
                .body("warnings", hasSize(1)).body("warnings[0].code", equalTo("shiftStarted"))
                .body("warnings[0].date", equalTo(DATE)).body("warnings[0].shift", equalTo(NIGHT_ZH))
                .extract().path("jobId");
        assertEquals("DONE", PlanApiTest.await(job));
        // the day shift of 09-16 (08:30–17:30) has not started at 01:00: no warning
        assertEquals("DONE", PlanApiTest.await(as("planner").contentType(ContentType.JSON)
                .body(Map.of("date", DATE, "seconds", 2)).post("/api/campaigns/" + day + "/solve").then()
                .statusCode(202).body("warnings", hasSize(0)).extract().path("jobId")));

        // at 05:00 the night is over: refused, naming the date, nothing planned anew
        at("2026-09-16T05:00:00");
        as("planner").contentType(ContentType.JSON).body(Map.of("date", DATE, "seconds", 2))
                .post("/api/campaigns/" + night + "/solve").then().statusCode(422)
                .body("errors.field", hasItem("date"));
        as("planner").contentType(ContentType.JSON).body(Map.of("dates", "all", "seconds", 2))
                .post("/api/campaigns/" + night + "/solve").then().statusCode(422)
                .body("errors.field", hasItem("date"));

        // .ics: the shift's event starts on the evening before (15:30 UTC on 09-15 = 23:30 CST), its summary says so
        String ics = as("leader1").get("/api/campaigns/" + night + "/plan/teams/" + team + "/calendar.ics").then()
                .statusCode(200).extract().asString().replace("\r\n ", "");
        assertTrue(ics.contains("DTSTART:20260915T153000Z"), ics);
        assertTrue(ics.contains("DTEND:20260915T203000Z"), ics);
        assertTrue(ics.contains("SUMMARY:班次 " + NIGHT_ZH), ics);
        // every stop lies inside the night, in CST between 23:30 on 09-15 and 04:30 on 09-16, and names it
        Matcher m = Pattern.compile("DTSTART:(\\d{8}T\\d{6})Z").matcher(ics);
        int events = 0;
        while (m.find()) {
            LocalDateTime local = LocalDateTime.parse(m.group(1), DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss"))
                    .atOffset(ZoneOffset.UTC).withOffsetSameInstant(CST).toLocalDateTime();
            assertTrue(!local.isBefore(LocalDateTime.parse("2026-09-15T23:30"))
                    && !local.isAfter(LocalDateTime.parse("2026-09-16T04:30")), "event at " + local + " CST");
            events++;
        }
        assertEquals(4, events, "the shift and three stops");
        assertEquals(4, ics.split(Pattern.quote(NIGHT_ZH), -1).length - 1, "the shift and each stop name the night");

        // the route sheet's date line: the night in both languages, not a bare "日期 2026-09-16"
        as("leader1").get("/api/campaigns/" + night + "/plan/teams/" + team + "/sheet").then().statusCode(200)
                .body(containsString(NIGHT_ZH)).body(containsString(NIGHT_EN))
                .body(not(containsString("Date</span>: " + DATE)));

        // the leader's 09-16: the night first, then the day, each under its own label
        as("leader1").get("/api/my/shift?date=" + DATE).then().statusCode(200)
                .body("shifts.start", hasItem("2026-09-15T23:30:00+08:00"))
                .body("shifts.find { it.start == '2026-09-15T23:30:00+08:00' }.label", equalTo(NIGHT_ZH))
                .body("shifts.find { it.start == '2026-09-15T23:30:00+08:00' }.overnight", equalTo(true))
                .body("shifts.find { it.start == '2026-09-15T23:30:00+08:00' }.campaigns.campaignId", equalTo(List.of((int) night)))
                .body("shifts.find { it.start == '2026-09-16T08:30:00+08:00' }.label", equalTo("9月16日 (08:30–17:30)"))
                .body("shifts.find { it.start == '2026-09-16T08:30:00+08:00' }.campaigns.campaignId", hasItem((int) day));
        List<String> starts = as("leader1").get("/api/my/shift?date=" + DATE).then().extract().path("shifts.start");
        assertEquals("2026-09-15T23:30:00+08:00", starts.get(0), "the night comes first: " + starts);
        as("leader1").header("Accept-Language", "en").get("/api/my/shift?date=" + DATE).then().statusCode(200)
                .body("shifts.find { it.start == '2026-09-15T23:30:00+08:00' }.label", equalTo(NIGHT_EN));
    }

    @Test
    void theCampaignTypesCarryTheirDefaultShift() {
        as("planner").get("/api/campaigns/types").then().statusCode(200)
                .body("find { it.type == 'NIGHT_SWEEP' }.shiftStart", equalTo("23:30"))
                .body("find { it.type == 'NIGHT_SWEEP' }.shiftEnd", equalTo("04:30"));
    }
}
