package com.patrolplanner.complaint;

import static com.patrolplanner.TestSupport.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.patrolplanner.inspection.InspectionApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Complaint deadlines in working days (issue 16): the rule {@code COMPLAINT_ACCEPT_DEADLINE} counts 工作日 (not weekends,
 * not the public holidays of {@code work_calendar}, but its 调休 make-up working days), the others calendar days; each
 * says so with its basis; an edit of a rule or of the calendar keeps the deadlines already set.
 */
@QuarkusTest
class WorkingDayDeadlineTest {
    static final ZoneId SH = ZoneId.of("Asia/Shanghai");

    @Inject
    DataSource db;

    /**
     * 24:00 (the last second) of the {@code n}-th working day after the day of {@code received} in Beijing time, by SQL
     * over the calendar table: a weekday not listed as a holiday, or a day listed as a workday.
     */
    static Instant workingDue(DataSource db, OffsetDateTime received, int n) throws Exception {
        LocalDate day = received.atZoneSameInstant(SH).toLocalDate();
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement("""
                SELECT d FROM generate_series(?::date + 1, ?::date + 400, interval '1 day') AS g(d)
                WHERE (extract(isodow FROM d) < 6 AND NOT EXISTS (SELECT 1 FROM pp.work_calendar w WHERE w.day = d::date AND w.kind = 'holiday'))
                   OR EXISTS (SELECT 1 FROM pp.work_calendar w WHERE w.day = d::date AND w.kind = 'workday')
                ORDER BY d OFFSET ? LIMIT 1""")) {
            st.setString(1, day.toString());
            st.setString(2, day.toString());
            st.setInt(3, n - 1);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                LocalDate last = rs.getTimestamp(1).toLocalDateTime().toLocalDate();
                return last.plusDays(1).atStartOfDay(SH).toInstant().minusSeconds(1);
            }
        }
    }

    @Test
    void COMPLAINT_ACCEPT_DEADLINE_countsWorkingDays_byHand() {
        // Wednesday 30 Sept 2026; 1–3 Oct are seeded holidays (国庆节, 《全国年节及纪念日放假办法》第二条), 3–4 Oct a weekend:
        // working days 5, 6, 7, 8, 9 Oct → the 5th is Friday 9 Oct
        Map<LocalDate, String> listed = Map.of(LocalDate.of(2026, 10, 1), "holiday", LocalDate.of(2026, 10, 2), "holiday",
                LocalDate.of(2026, 10, 3), "holiday");
        assertEquals(LocalDate.of(2026, 10, 9), WorkCalendar.plusWorkingDays(LocalDate.of(2026, 9, 30), 5, listed));
        // a make-up working day (调休上班) on Saturday 10 Oct counts: from Monday 5 Oct, 6, 7, 8, 9, 10 → Saturday 10 Oct
        Map<LocalDate, String> makeUp = Map.of(LocalDate.of(2026, 10, 10), "workday");
        assertEquals(LocalDate.of(2026, 10, 10), WorkCalendar.plusWorkingDays(LocalDate.of(2026, 10, 5), 5, makeUp));
        // without a calendar: Friday + 1 working day is Monday
        assertEquals(LocalDate.of(2026, 12, 7), WorkCalendar.plusWorkingDays(LocalDate.of(2026, 12, 4), 1, Map.of()));
    }

    @Test
    void COMPLAINT_ACCEPT_DEADLINE_countsWorkingDays_throughTheApi() throws Exception {
        // the rules say how they count and why
        JsonPath rules = as("manager").get("/api/complaints/rules").then().statusCode(200).extract().jsonPath();
        assertEquals("working", rules.getString("find { it.code == 'COMPLAINT_ACCEPT_DEADLINE' }.counting"));
        assertEquals("calendar", rules.getString("find { it.code == 'COMPLAINT_VERIFY_DEADLINE' }.counting"));
        assertEquals("calendar", rules.getString("find { it.code == 'COMPLAINT_REPLY_DEADLINE' }.counting"));
        as("manager").get("/api/complaints/rules").then()
                .body("find { it.code == 'COMPLAINT_ACCEPT_DEADLINE' }.countingBasis", containsString("第八十五条"));
        // the seeded calendar: the fixed-date holidays only, each with its basis
        as("planner").get("/api/complaints/calendar?from=2026-01-01&to=2026-12-31").then().statusCode(200)
                .body("day", equalTo(java.util.List.of("2026-01-01", "2026-05-01", "2026-05-02", "2026-10-01", "2026-10-02", "2026-10-03")))
                .body("basis", hasItem(containsString("全国年节及纪念日放假办法")));

        // received Wednesday 30 Sept 2026 10:00: due 24:00 of Friday 9 Oct (by hand, above)
        int venue = InspectionApiTest.venue("internet_cafe", 119.152, 36.722);
        JsonPath c = create(venue, "2026-09-30T10:00:00+08:00");
        assertEquals(OffsetDateTime.parse("2026-10-09T23:59:59+08:00").toInstant(), OffsetDateTime.parse(c.getString("dueAt")).toInstant());

        // an administrator lists a holiday and a make-up working day (from a notice); a complaint received after counts
        // them: Friday 4 March 2022; Monday 7 March a holiday, Saturday 12 March a workday → 8, 9, 10, 11, 12 March
        Map<String, Object> holiday = Map.of("kind", "holiday", "name", "测试假日", "basis", "测试用通知");
        Map<String, Object> workday = Map.of("kind", "workday", "name", "测试调休", "basis", "测试用通知");
        as("planner").contentType(ContentType.JSON).body(holiday).put("/api/complaints/calendar/2022-03-07").then().statusCode(403);
        as("admin").contentType(ContentType.JSON).body(Map.of("kind", "rest")).put("/api/complaints/calendar/2022-03-07").then()
                .statusCode(422).body("errors.field", hasItem("kind"));
        JsonPath before = create(venue, "2022-03-04T09:00:00+08:00");
        try {
            as("admin").contentType(ContentType.JSON).body(holiday).put("/api/complaints/calendar/2022-03-07").then().statusCode(200);
            as("admin").contentType(ContentType.JSON).body(workday).put("/api/complaints/calendar/2022-03-12").then().statusCode(200);
            JsonPath after = create(venue, "2022-03-04T09:00:00+08:00");
            assertEquals(OffsetDateTime.parse("2022-03-12T23:59:59+08:00").toInstant(), OffsetDateTime.parse(after.getString("dueAt")).toInstant());
            assertEquals(workingDue(db, OffsetDateTime.parse("2022-03-04T09:00:00+08:00"), 5),
                    OffsetDateTime.parse(after.getString("dueAt")).toInstant());
            // the one received before the calendar changed keeps its deadline: Friday 11 March (8, 9, 10, 11 and Monday 7)
            assertEquals(OffsetDateTime.parse(before.getString("dueAt")).toInstant(), OffsetDateTime.parse(as("planner")
                    .get("/api/complaints/" + before.getLong("id")).then().statusCode(200).extract().jsonPath().getString("dueAt")).toInstant());
            assertEquals(OffsetDateTime.parse("2022-03-11T23:59:59+08:00").toInstant(), OffsetDateTime.parse(before.getString("dueAt")).toInstant());
        } finally {
            as("admin").delete("/api/complaints/calendar/2022-03-07").then().statusCode(204);
            as("admin").delete("/api/complaints/calendar/2022-03-12").then().statusCode(204);
        }
        as("admin").delete("/api/complaints/calendar/2022-03-12").then().statusCode(404);
    }

    @Test
    void aRuleEditKeepsTheDeadlinesAlreadySet() throws Exception {
        int venue = InspectionApiTest.venue("internet_cafe", 119.153, 36.723);
        OffsetDateTime received = OffsetDateTime.now().minusHours(2).withNano(0);
        JsonPath open = create(venue, received.toString());
        int version = as("admin").get("/api/complaints/rules").then().extract().path("find { it.code == 'COMPLAINT_ACCEPT_DEADLINE' }.version");
        // counting changes only with its basis
        as("admin").contentType(ContentType.JSON).body(Map.of("counting", "calendar", "version", version))
                .put("/api/complaints/rules/COMPLAINT_ACCEPT_DEADLINE").then().statusCode(422).body("errors.field", hasItem("countingBasis"));
        as("admin").contentType(ContentType.JSON).body(Map.of("counting", "fortnights", "countingBasis", "x", "version", version))
                .put("/api/complaints/rules/COMPLAINT_ACCEPT_DEADLINE").then().statusCode(422).body("errors.field", hasItem("counting"));
        int edited = as("admin").contentType(ContentType.JSON).body(Map.of("days", 7, "version", version))
                .put("/api/complaints/rules/COMPLAINT_ACCEPT_DEADLINE").then().statusCode(200).body("days", equalTo(7))
                .extract().path("version");
        try {
            // the open complaint keeps its 5-working-day deadline; a new one gets 7 working days
            assertEquals(OffsetDateTime.parse(open.getString("dueAt")).toInstant(), OffsetDateTime.parse(as("planner")
                    .get("/api/complaints/" + open.getLong("id")).then().statusCode(200).extract().jsonPath().getString("dueAt")).toInstant());
            assertEquals(workingDue(db, received, 5), OffsetDateTime.parse(open.getString("dueAt")).toInstant());
            JsonPath fresh = create(venue, received.toString());
            assertEquals(workingDue(db, received, 7), OffsetDateTime.parse(fresh.getString("dueAt")).toInstant());
        } finally {
            as("admin").contentType(ContentType.JSON).body(Map.of("days", 5, "version", edited))
                    .put("/api/complaints/rules/COMPLAINT_ACCEPT_DEADLINE").then().statusCode(200);
        }
    }

    static JsonPath create(int venue, String receivedAt) {
        Map<String, Object> m = new HashMap<>();
        m.put("source", "phone");
        m.put("venueId", venue);
        m.put("receivedAt", receivedAt);
        m.put("content", "工作日期限测试");
        return as("planner").contentType(ContentType.JSON).body(m).post("/api/complaints").then().log().ifValidationFails()
                .statusCode(201).extract().jsonPath();
    }
}
