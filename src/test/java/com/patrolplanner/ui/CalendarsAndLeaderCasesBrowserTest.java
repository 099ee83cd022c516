package com.patrolplanner.ui;

import static com.patrolplanner.TestSupport.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.patrolplanner.inspection.InspectionApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Two screens walked in headless Chromium as their users would, at 1280 px and 360 px in zh-CN and en (screenshots
 * under target/screenshots/calendars-* and leader-cases-*):
 * <ul>
 * <li>the system administrator keeps the working-day calendar (the complaint deadlines count working days by it: the
 * moving holidays and the make-up working days of each year are entered by hand) and the school calendar, in the
 * administration view: a day listed and removed through the form lands in (and leaves) the database table;</li>
 * <li>a team leader finds the team's penalty cases (and documents, goods, work log) under the shift: its own team's
 * case is listed, another team's is not, and there is no stall review tab.</li>
 * </ul>
 * The year 2091 keeps the calendar days away from every other test's deadlines.
 */
@QuarkusTest
class CalendarsAndLeaderCasesBrowserTest extends BrowserTestBase {
    @Inject
    DataSource db;

    Object one(String sql) throws Exception {
        try (Connection c = db.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getObject(1) : null;
        }
    }

    private void enter(String user, String lang, int width) {
        setWindow(width, width == 360 ? 740 : 900);
        driver().manage().deleteAllCookies();
        driver().get(base.toString() + "img/favicon.svg");
        js("window.localStorage.setItem('pp.lang', arguments[0]); window.sessionStorage.clear()", lang);
        login(user);
    }

    private void click(WebElement b) {
        js("arguments[0].scrollIntoView({block: 'center'})", b);
        b.click();
    }

    private String overflow(String testid) {
        return (String) js("return [...document.querySelectorAll('[data-testid=" + testid + "] *')].filter(e => e.offsetParent !== null "
                + "&& e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.table-scroll'))"
                + ".map(e => e.tagName + '.' + e.className + '[' + (e.dataset.testid || '') + ']').slice(0, 8).join(' ')");
    }

    private void year(String y) {
        WebElement in = waitForTestId("cal-year");
        in.clear();
        in.sendKeys(y);
        js("arguments[0].dispatchEvent(new Event('change'))", in);
    }

    private List<WebElement> rows(String which, String day) {
        return driver().findElements(By.cssSelector("[data-testid='cal-" + which + "-row'][data-day='" + day + "']"));
    }

    @Test
    void theAdministratorKeepsBothCalendars() throws Exception {
        String holiday = "2091-02-06";
        String workday = "2091-02-11";
        String exam = "2091-06-07";
        try {
            enter("admin", "zh-CN", 1280);
            waitForTestId("view-admin").click();
            year("2091");
            waitUpTo(20).until(d -> byTestId("cal-work-count").getText().contains("2091"));
            int before = ((Number) one("SELECT count(*) FROM pp.work_calendar WHERE day BETWEEN '2091-01-01' AND '2091-12-31'")).intValue();

            // 春节 (a moving holiday) and its make-up working day, from the notice
            for (String[] d : new String[][] {{holiday, "holiday", "春节"}, {workday, "workday", "春节调休上班"}}) {
                WebElement day = byTestId("cal-work-day");
                js("arguments[0].value = arguments[1]", day, d[0]);
                new Select(byTestId("cal-work-kind")).selectByValue(d[1]);
                byTestId("cal-work-name").clear();
                byTestId("cal-work-name").sendKeys(d[2]);
                byTestId("cal-work-basis").clear();
                byTestId("cal-work-basis").sendKeys("国务院办公厅关于2091年部分节假日安排的通知");
                click(byTestId("cal-work-save"));
                waitUpTo(20).until(x -> !rows("work", d[0]).isEmpty());
                assertEquals(d[1], one("SELECT kind FROM pp.work_calendar WHERE day = '" + d[0] + "'"));
                assertEquals(d[2], one("SELECT name FROM pp.work_calendar WHERE day = '" + d[0] + "'"));
                assertEquals("admin", one("SELECT updated_by FROM pp.work_calendar WHERE day = '" + d[0] + "'"));
            }
            assertEquals(before + 2, ((Number) one("SELECT count(*) FROM pp.work_calendar WHERE day BETWEEN '2091-01-01' AND '2091-12-31'")).intValue());
            WebElement row = rows("work", holiday).get(0);
            assertTrue(row.getText().contains("2091年2月6日"), row.getText());
            assertTrue(row.getText().contains("放假"), row.getText());
            assertTrue(rows("work", workday).get(0).getText().contains("调休上班"), rows("work", workday).get(0).getText());

            // the school calendar: an exam day
            WebElement sday = byTestId("cal-school-day");
            js("arguments[0].value = arguments[1]", sday, exam);
            new Select(byTestId("cal-school-kind")).selectByValue("exam");
            byTestId("cal-school-name").sendKeys("高考");
            click(byTestId("cal-school-save"));
            waitUpTo(20).until(x -> !rows("school", exam).isEmpty());
            assertEquals("exam", one("SELECT kind FROM pp.school_calendar WHERE day = '" + exam + "'"));
            js("arguments[0].scrollIntoView({block: 'start'})", byTestId("cal-admin"));
            screenshot("calendars-zh-CN-1280");

            // a wrong entry removed: it counts by its weekday again
            click(rows("work", workday).get(0).findElement(By.cssSelector("[data-testid='cal-work-remove']")));
            waitUpTo(20).until(x -> rows("work", workday).isEmpty());
            assertEquals(null, one("SELECT kind FROM pp.work_calendar WHERE day = '" + workday + "'"));
            assertEquals("holiday", one("SELECT kind FROM pp.work_calendar WHERE day = '" + holiday + "'"));

            for (String lang : List.of("en", "zh-CN")) {
                for (int width : List.of(360, 1280)) {
                    enter("admin", lang, width);
                    waitForTestId("view-admin").click();
                    year("2091");
                    waitUpTo(20).until(x -> !rows("work", holiday).isEmpty() && !rows("school", exam).isEmpty());
                    if (lang.equals("en")) {
                        assertTrue(rows("work", holiday).get(0).getText().contains("6 February 2091"), rows("work", holiday).get(0).getText());
                        assertTrue(rows("school", exam).get(0).getText().contains("Exam"), rows("school", exam).get(0).getText());
                    }
                    js("arguments[0].scrollIntoView({block: 'start'})", byTestId("cal-admin"));
                    if (width == 360) {
                        assertEquals("", overflow("cal-admin"), "the calendars fit 360 px in " + lang);
                    }
                    screenshot("calendars-" + lang + "-" + width);
                }
            }
        } finally {
            as("admin").delete("/api/complaints/calendar/" + holiday);
            as("admin").delete("/api/complaints/calendar/" + workday);
            as("admin").delete("/api/calendar/" + exam);
        }
    }

    private long caseOf(String leader) {
        int team = InspectionApiTest.teamOf(leader);
        int venue = InspectionApiTest.venue("internet_cafe", 119.1151 + (leader.equals("leader1") ? 0 : 0.002), 36.7151);
        List<Integer> two = List.of(InspectionApiTest.officer(team, true), InspectionApiTest.officer(team, true));
        Map<String, Object> m = new HashMap<>(Map.of("venueId", venue, "inspectedAt", OffsetDateTime.now().minusHours(2).toString(),
                "officers", two, "outcome", "violation", "violations", List.of("cafe_id_not_checked")));
        int inspection = as(leader).contentType(ContentType.JSON).body(m).post("/api/inspections").then().statusCode(201).extract().path("id");
        return ((Number) as("planner").contentType(ContentType.JSON).body(Map.of("inspectionId", inspection,
                "cause", "接纳未成年人未核验身份", "officers", two)).post("/api/cases").then().statusCode(201).extract().path("id")).longValue();
    }

    @Test
    void aTeamLeaderFindsTheTeamsCasesUnderTheShift() throws Exception {
        long own = caseOf("leader1");
        long other = caseOf("leader2");
        // ground truth by SQL: the case belongs to the team of the inspection it was filed from
        assertEquals(((Number) one("SELECT i.team_id FROM pp.inspection i JOIN pp.case_file c ON c.inspection_id = i.id WHERE c.id = " + own))
                .intValue(), InspectionApiTest.teamOf("leader1"));
        for (String lang : List.of("zh-CN", "en")) {
            for (int width : List.of(1280, 360)) {
                enter("leader1", lang, width);
                WebElement card = waitForTestId("leader-enforcement");
                List<String> tabs = new ArrayList<>();
                for (WebElement t : card.findElements(By.cssSelector("[role='tab']"))) {
                    tabs.add(t.getAttribute("data-tab"));
                }
                assertEquals(List.of("cases", "documents", "goods", "worklog"), tabs, "a leader's tabs: no stall review");
                WebElement list = waitForTestId("cw-cases");
                waitUpTo(20).until(d -> !list.findElements(By.cssSelector("[data-testid='case-row'][data-case-id='" + own + "']")).isEmpty());
                assertTrue(list.findElements(By.cssSelector("[data-testid='case-row'][data-case-id='" + other + "']")).isEmpty(),
                        "another team's case is not listed to leader1");
                js("arguments[0].scrollIntoView({block: 'start'})", card);
                if (width == 360) {
                    assertEquals("", overflow("leader-enforcement"), "the leader's cases fit 360 px in " + lang);
                }
                screenshot("leader-cases-" + lang + "-" + width);
            }
        }
        // the case opens with the acts a leader may record (evidence) and not the planner's (filing is done)
        enter("leader1", "zh-CN", 1280);
        WebElement row = waitUpTo(20).until(d -> d.findElements(By.cssSelector("[data-testid='case-row'][data-case-id='" + own + "']"))
                .stream().findFirst().orElse(null));
        click(row.findElement(By.cssSelector("button, a")));
        WebElement view = waitUpTo(20).until(d -> d.findElements(By.cssSelector("[data-testid='case-view']")).stream().findFirst().orElse(null));
        assertEquals(String.valueOf(one("SELECT state FROM pp.case_file WHERE id = " + own)), view.getAttribute("data-state"));
        screenshot("leader-cases-open-zh-CN-1280");
    }
}
