package com.patrolplanner.ui;

import static com.patrolplanner.TestSupport.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.patrolplanner.inspection.InspectionApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The enforcement screens (issue 16) as their users walk them in headless Chromium: a planner files a case from an
 * inspection and walks it 立案 → 调查取证 (with an uploaded photo) → 告知 → 决定 → 执行 → 结案; a team leader verifies
 * a complaint dispatched to the team by an inspection; a planner confirms a provisional stall into the register; and
 * every tab at 1280 px and 360 px in zh-CN and en (screenshots under target/screenshots/enforcement-*), managers read
 * only.
 */
@QuarkusTest
class EnforcementScreensBrowserTest extends BrowserTestBase {
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R', 7, 7, 7};

    @Inject
    DataSource db;

    Object one(String sql) throws Exception {
        try (Connection c = db.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getObject(1);
        }
    }

    private void enter(String user, String lang, int width) {
        setWindow(width, width == 360 ? 740 : 900);
        driver().manage().deleteAllCookies();
        driver().get(base.toString() + "img/favicon.svg");
        js("window.localStorage.setItem('pp.lang', arguments[0]); window.sessionStorage.clear()", lang);
        login(user);
    }

    private WebElement tab(String name) {
        WebElement t = waitForTestId("cw-tab-" + name);
        js("arguments[0].scrollIntoView({block: 'start'})", t);
        t.click();
        return waitForTestId("cw-" + name);
    }

    private void click(String testid) {
        WebElement b = waitForTestId(testid);
        js("arguments[0].scrollIntoView({block: 'center'})", b);
        b.click();
    }

    private void waitCase(String state) {
        waitUpTo(20).until(d -> !d.findElements(By.cssSelector("[data-testid='case-view'][data-state='" + state + "']")).isEmpty());
    }

    private void tick(String officer) {
        WebElement box = waitUpTo(20).until(d -> d.findElements(By.xpath("//form//label[contains(., '" + officer + "')]/input"))
                .stream().findFirst().orElse(null));
        if (!box.isSelected()) {
            js("arguments[0].scrollIntoView({block: 'center'})", box);
            box.click();
        }
    }

    /** Names of everything inside {@code testid} reaching past the window's right edge (nothing, at 360 px). */
    private String overflow(String testid) {
        return (String) js("return [...document.querySelectorAll('[data-testid=" + testid + "] *')].filter(e => e.offsetParent !== null "
                + "&& e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.table-scroll'))"
                + ".map(e => e.tagName + '.' + e.className + '[' + (e.dataset.testid || '') + ']').slice(0, 8).join(' ')");
    }

    @Test
    void aCaseIsWalkedFromFilingToClosing() throws Exception {
        int team = InspectionApiTest.teamOf("leader1");
        int venue = InspectionApiTest.venue("internet_cafe", 119.1111, 36.7111);
        String a = "办案甲" + System.nanoTime() % 100000;
        String b = "办案乙" + System.nanoTime() % 100000;
        List<Integer> two = new java.util.ArrayList<>();
        for (String name : List.of(a, b)) {
            two.add(as("planner").contentType(ContentType.JSON).body(Map.of("name", name, "certificateNo", "ZF-CW-" + System.nanoTime(),
                    "teamId", team)).post("/api/inspectors").then().statusCode(201).extract().path("id"));
        }
        Map<String, Object> m = new HashMap<>(Map.of("venueId", venue, "inspectedAt", OffsetDateTime.now().minusHours(3).toString(),
                "officers", two, "outcome", "violation", "violations", List.of("cafe_id_not_checked")));
        int inspection = as("leader1").contentType(ContentType.JSON).body(m).post("/api/inspections").then().statusCode(201).extract().path("id");
        Path photo = Files.createTempFile("case-evidence-", ".png");
        Files.write(photo, PNG);

        enter("planner", "zh-CN", 1280);
        tab("cases");
        click("case-new");
        WebElement pick = waitForTestId("case-inspection");
        waitUpTo(20).until(d -> !pick.findElements(By.cssSelector("option[value='" + inspection + "']")).isEmpty());
        new Select(pick).selectByValue(String.valueOf(inspection));
        assertTrue(byTestId("case-cause").getAttribute("value").contains("身份证"), byTestId("case-cause").getAttribute("value"));
        tick(a);
        tick(b);
        click("case-file-submit");
        waitCase("filed");
        String caseNo = (String) one("SELECT case_no FROM pp.case_file WHERE inspection_id = " + inspection);
        assertTrue(byTestId("case-view").getText().contains(caseNo), byTestId("case-view").getText());
        // the 90-day limit counts down from the filing day (第六十条): 90 days left today
        assertTrue(byTestId("case-limit-line").getText().contains("还剩90天"), byTestId("case-limit-line").getText());
        screenshot("enforcement-case-filed-zh-CN-1280");

        click("case-act-evidence");
        waitForTestId("act-description").sendKeys("现场检查笔录及上网登记记录截图");
        byTestId("act-file").sendKeys(photo.toString());
        click("act-submit");
        waitCase("investigating");
        waitForTestId("evidence-file");

        click("case-act-notice");
        new Select(waitForTestId("act-hearing")).selectByValue("waived");
        click("act-submit");
        waitCase("notified");

        click("case-act-decision");
        new Select(waitForTestId("penalty-kind")).selectByValue("fine");
        byTestId("penalty-amount").sendKeys("5000");
        byTestId("penalty-article").sendKeys("《互联网上网服务营业场所管理条例》第三十一条");
        click("act-submit");
        waitCase("decided");

        click("case-act-execution");
        new Select(waitForTestId("act-result")).selectByValue("paid");
        click("act-submit");
        waitCase("executed");

        click("case-act-closing");
        waitForTestId("act-form-closing");
        click("act-submit");
        waitCase("closed");
        // every stage done, each with its act, who and when; no act left to take
        List<WebElement> steps = allByTestId("case-step");
        assertEquals(6, steps.size());
        assertTrue(steps.stream().allMatch(s -> "done".equals(s.getAttribute("data-status"))));
        assertEquals(6, allByTestId("case-act").size());
        assertTrue(byTestId("case-steps").getText().contains(a), byTestId("case-steps").getText());
        assertTrue(driver().findElements(By.cssSelector("[data-testid^='case-act-']")).isEmpty());
        js("arguments[0].scrollIntoView({block: 'start'})", byTestId("case-view"));
        screenshot("enforcement-case-closed-zh-CN-1280");
        // the database agrees: closed, a 5,000 yuan fine, six acts, the photo with its SHA-256
        assertEquals("closed", one("SELECT state FROM pp.case_file WHERE inspection_id = " + inspection));
        assertEquals(0, new java.math.BigDecimal("5000").compareTo((java.math.BigDecimal) one(
                "SELECT fine_yuan FROM pp.case_file WHERE inspection_id = " + inspection)));
        assertEquals(6L, ((Number) one("SELECT count(*) FROM pp.case_act a JOIN pp.case_file c ON c.id = a.case_id WHERE c.inspection_id = "
                + inspection)).longValue());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PNG)), one(
                "SELECT f.sha256 FROM pp.evidence_file f JOIN pp.case_evidence e ON e.id = f.evidence_id JOIN pp.case_file c ON c.id = e.case_id "
                        + "WHERE c.inspection_id = " + inspection));

        // the manager reads the same case, and is offered no act
        enter("manager", "en", 360);
        tab("cases");
        WebElement row = waitUpTo(20).until(d -> d.findElements(By.xpath("//button[.='" + caseNo + "']")).stream().findFirst().orElse(null));
        js("arguments[0].scrollIntoView({block: 'center'})", row);
        row.click();
        waitCase("closed");
        assertTrue(driver().findElements(By.cssSelector("[data-testid='case-new'], [data-testid^='case-act-']")).isEmpty());
        assertEquals("", overflow("enforcement"), "the case view fits 360 px");
        js("arguments[0].scrollIntoView({block: 'start'})", byTestId("case-view"));
        screenshot("enforcement-case-manager-en-360");
    }

    @Test
    void theLeaderVerifiesAComplaintDispatchedToTheTeam() throws Exception {
        int team = InspectionApiTest.teamOf("leader1");
        int venue = InspectionApiTest.venue("internet_cafe", 119.1121, 36.7121);
        List<Integer> two = List.of(InspectionApiTest.officer(team, true), InspectionApiTest.officer(team, true));
        long late = dispatched(venue, team, OffsetDateTime.now().minusDays(20));
        long fresh = dispatched(venue, team, OffsetDateTime.now().minusHours(3));
        Map<String, Object> m = new HashMap<>(Map.of("venueId", venue, "inspectedAt", OffsetDateTime.now().minusHours(1).toString(),
                "officers", two, "outcome", "compliant", "violations", List.of()));
        int inspection = as("leader1").contentType(ContentType.JSON).body(m).post("/api/inspections").then().statusCode(201).extract().path("id");

        enter("leader1", "zh-CN", 1280);
        WebElement lateItem = waitUpTo(20).until(d -> d.findElements(By.cssSelector("[data-complaint-id='" + late + "']")).stream().findFirst().orElse(null));
        // 15 calendar days to verify (COMPLAINT_VERIFY_DEADLINE): received 20 days ago is overdue, 3 hours ago is not
        assertEquals(1, lateItem.findElements(By.cssSelector("[data-testid='leader-complaint-overdue']")).size());
        WebElement freshItem = driver().findElement(By.cssSelector("[data-complaint-id='" + fresh + "']"));
        assertEquals(0, freshItem.findElements(By.cssSelector("[data-testid='leader-complaint-overdue']")).size());
        js("arguments[0].scrollIntoView({block: 'center'})", freshItem);
        screenshot("enforcement-leader-complaints-zh-CN-1280");
        freshItem.findElement(By.cssSelector("button")).click();
        WebElement pick = waitForTestId("leader-verify-inspection");
        waitUpTo(20).until(d -> !pick.findElements(By.cssSelector("option[value='" + inspection + "']")).isEmpty());
        new Select(pick).selectByValue(String.valueOf(inspection));
        click("leader-verify");
        waitUpTo(20).until(d -> !d.findElements(By.cssSelector("[data-testid='leader-complaint-view'][data-state='verified']")).isEmpty());
        assertEquals("verified", one("SELECT state FROM pp.complaint WHERE id = " + fresh));
        assertEquals((long) inspection, ((Number) one("SELECT inspection_id FROM pp.complaint WHERE id = " + fresh)).longValue());

        for (String lang : List.of("en", "zh-CN")) {
            enter("leader1", lang, 360);
            WebElement box = waitForTestId("leader-complaints");
            waitUpTo(20).until(d -> !d.findElements(By.cssSelector("[data-complaint-id='" + late + "']")).isEmpty());
            js("arguments[0].scrollIntoView({block: 'start'})", box);
            assertEquals("", overflow("leader-complaints"), "the leader's complaints fit 360 px");
            screenshot("enforcement-leader-complaints-" + lang + "-360");
        }
    }

    private long dispatched(int venue, int team, OffsetDateTime received) {
        long id = ((Number) as("planner").contentType(ContentType.JSON).body(Map.of("source", "hotline_12318", "venueId", venue,
                "receivedAt", received.toString(), "content", "反映该网吧接纳未成年人上网")).post("/api/complaints").then().statusCode(201)
                .extract().path("id")).longValue();
        int v = as("planner").contentType(ContentType.JSON).body(Map.of("action", "accept", "version", 0))
                .post("/api/complaints/" + id + "/actions").then().statusCode(200).extract().path("version");
        as("planner").contentType(ContentType.JSON).body(Map.of("action", "dispatch", "version", v, "teamId", team))
                .post("/api/complaints/" + id + "/actions").then().statusCode(200);
        return id;
    }

    @Test
    void aStallIsConfirmedOnThePlannersReviewScreen() throws Exception {
        String name = "界面摊点" + System.nanoTime() % 100000;
        long id = ((Number) as("leader1").contentType(ContentType.JSON).body(Map.of("name", name, "category", "publication",
                "lon", 119.1131, "lat", 36.7131)).post("/api/field/stalls").then().statusCode(201).extract().path("id")).longValue();
        enter("planner", "zh-CN", 1280);
        tab("stalls");
        WebElement row = waitUpTo(20).until(d -> d.findElements(By.cssSelector("[data-testid='stall-row'][data-venue-id='" + id + "']"))
                .stream().findFirst().orElse(null));
        row.findElement(By.cssSelector("button")).click();
        WebElement n = waitForTestId("stall-confirm-name");
        n.clear();
        n.sendKeys("育才书店");
        byTestId("stall-confirm-licence").sendKeys("新出发鲁界面" + id);
        new Select(byTestId("stall-confirm-status")).selectByValue("open");
        js("arguments[0].scrollIntoView({block: 'start'})", byTestId("stall-review"));
        screenshot("enforcement-stall-review-zh-CN-1280");
        click("stall-confirm");
        waitForTestId("stall-decided");
        assertEquals("育才书店", one("SELECT name FROM pp.venue WHERE id = " + id));
        assertEquals("open", one("SELECT status FROM pp.venue WHERE id = " + id));
        assertEquals("manual", one("SELECT geocode_status FROM pp.venue WHERE id = " + id));
        assertEquals("新出发鲁界面" + id, one("SELECT licence_no FROM pp.venue WHERE id = " + id));
        assertTrue(driver().findElements(By.cssSelector("[data-testid='stall-row'][data-venue-id='" + id + "']")).isEmpty());
    }

    @Test
    void everyTabAt1280And360InBothLanguages() throws Exception {
        // a rectification notice and goods from one inspection, so that those tabs have rows to show
        int team = InspectionApiTest.teamOf("leader1");
        int venue = InspectionApiTest.venue("internet_cafe", 119.1141, 36.7141);
        List<Integer> two = List.of(InspectionApiTest.officer(team, true), InspectionApiTest.officer(team, true));
        Map<String, Object> m = new HashMap<>(Map.of("venueId", venue, "inspectedAt", OffsetDateTime.now().minusHours(2).toString(),
                "officers", two, "outcome", "violation", "violations", List.of("cafe_id_not_checked")));
        int inspection = as("leader1").contentType(ContentType.JSON).body(m).post("/api/inspections").then().statusCode(201).extract().path("id");
        as("leader1").contentType(ContentType.JSON).body(Map.of("kind", "rectification_notice", "inspectionId", inspection,
                "deadline", com.patrolplanner.time.BureauClock.today().plusDays(15).toString(), "officers", two))
                .post("/api/documents").then().statusCode(201);
        for (Object[] g : new Object[][] {{"detained", "computers", 40}, {"collected", "illegal_publications", 120}}) {
            as("leader1").contentType(ContentType.JSON).body(Map.of("act", g[0], "kind", g[1], "quantity", g[2], "inspectionId", inspection,
                    "officers", two)).post("/api/goods").then().statusCode(201);
        }
        // a work log entry through the form, so that the log is not empty
        enter("planner", "zh-CN", 1280);
        WebElement log = tab("worklog");
        new Select(waitForTestId("log-kind")).selectByValue("training");
        byTestId("log-quantity").clear();
        byTestId("log-quantity").sendKeys("2");
        byTestId("log-persons").sendKeys("85");
        byTestId("log-title").sendKeys("网吧业主培训");
        click("log-save");
        assertTrue(waitForTestId("log-saved").getText().contains("2场"), byTestId("log-saved").getText());
        waitUpTo(20).until(d -> log.getText().contains("85"));
        for (String lang : List.of("zh-CN", "en")) {
            for (int width : List.of(1280, 360)) {
                enter("planner", lang, width);
                for (String t : List.of("cases", "documents", "goods", "worklog", "stalls")) {
                    WebElement body = tab(t);
                    waitUpTo(20).until(d -> body.findElements(By.xpath(".//*[contains(@class,'muted') and (.='正在加载…' or .='Loading…')]")).isEmpty());
                    if (width == 360) {
                        assertEquals("", overflow("enforcement"), t + " fits 360 px in " + lang);
                    }
                    if (t.equals("goods")) {
                        waitUpTo(20).until(d -> !body.findElements(By.cssSelector("[data-testid='goods-total-row'][data-act='detained']")).isEmpty());
                    }
                    screenshot("enforcement-" + t + "-" + lang + "-" + width);
                }
            }
        }
    }
}
