package com.patrolplanner.ui;

import static com.patrolplanner.TestSupport.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * Issue 19, the daily flows through the page: the leader's stop card shows another team's checks of the venue; a double
 * click on 登记检查 records once; the create form names the night a night sweep's date stands for. At 1280 and 360 px,
 * in 中文 and English (screenshots under target/screenshots).
 */
@QuarkusTest
@io.quarkus.test.junit.TestProfile(OwnDatabase.class)
class DailyFlowsBrowserTest extends BrowserTestBase {
    @Inject
    UiTestData data;

    @BeforeEach
    void data() {
        data.ensure();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> routeStops(UiTestData.Plan plan, long team) {
        List<Map<String, Object>> routes = as("planner").get("/api/campaigns/" + plan.campaignId() + "/plan?date=" + plan.date())
                .then().statusCode(200).extract().path("routes");
        return (List<Map<String, Object>>) routes.stream().filter(r -> ((Number) r.get("teamId")).longValue() == team)
                .findFirst().orElseThrow().get("stops");
    }

    private void openShift(UiTestData.Plan plan) {
        WebElement date = waitForTestId("shift-date");
        js("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change'))", date, plan.date());
        waitUpTo(20).until(d -> !d.findElements(By.cssSelector("[data-testid='stop-list'] [data-testid='stop']")).isEmpty());
    }

    private WebElement openStopOf(long venue) {
        driver().findElement(By.cssSelector("[data-testid='stop'][data-venue-id='" + venue + "'] [data-testid='stop-open']")).click();
        return waitUpTo(20).until(d -> {
            List<WebElement> c = d.findElements(By.cssSelector("[data-testid='stop-card'][data-venue-id='" + venue + "']"));
            return c.isEmpty() || !c.get(0).isDisplayed() ? null : c.get(0);
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void leadersCardListsAnotherTeamsInspection() throws Exception {
        UiTestData.Plan plan = data.ensurePlan();
        List<Map<String, Object>> stops = routeStops(plan, plan.team1());
        long venue = ((Number) stops.get(stops.size() - 1).get("venueId")).longValue();
        // 执法二组 checked it on 11-05 (a violation) and on 11-22, with notes only that team may read
        List<Map<String, Object>> team2 = as("planner").get("/api/inspectors?team=" + plan.team2()).then().statusCode(200)
                .extract().path("$");
        List<Object> two = team2.stream().filter(i -> Boolean.TRUE.equals(i.get("certified"))).limit(2).map(i -> i.get("id")).toList();
        String secretOfficer = (String) team2.stream().filter(i -> i.get("id").equals(two.get(0))).findFirst().orElseThrow().get("name");
        for (String[] check : List.of(new String[] {"2026-11-05T10:00:00+08:00", "violation"},
                new String[] {"2026-11-22T10:00:00+08:00", "compliant"})) {
            Map<String, Object> body = new HashMap<>();
            body.put("venueId", venue);
            body.put("inspectedAt", check[0]);
            body.put("officers", two);
            body.put("outcome", check[1]);
            body.put("violations", check[1].equals("violation") ? List.of("other") : List.of());
            body.put("notes", "二组内部笔记");
            as("leader2").contentType(ContentType.JSON).body(body).post("/api/inspections").then().statusCode(201);
        }

        for (String lang : List.of("zh-CN", "en")) {
            for (int width : List.of(1280, 360)) {
                setWindow(width, width == 360 ? 740 : 800);
                driver().manage().deleteAllCookies();
                driver().get(base.toString() + "img/favicon.svg");
                js("window.localStorage.setItem('pp.lang', arguments[0])", lang);
                login("leader1");
                openShift(plan);
                WebElement card = openStopOf(venue);
                String last = byTestId("venue-last").getText();
                if (lang.equals("zh-CN")) {
                    assertFalse(last.contains("从未检查"), last);
                    assertTrue(last.contains("11月5日 违规"), "the violation of 11-05 at the door: " + last);
                } else {
                    assertTrue(last.contains("violation 5 Nov"), last);
                }
                List<WebElement> entries = card.findElements(By.cssSelector("[data-testid='venue-record-entry'][data-team='" + plan.team2() + "']"));
                assertEquals(2, entries.size(), "both checks of 执法二组 on the card");
                assertTrue(entries.get(0).getText().contains(lang.equals("en") ? "22 Nov" : "11月22日"), entries.get(0).getText());
                assertFalse(card.getText().contains("二组内部笔记"), "another team's notes stay with that team");
                assertFalse(card.getText().contains(secretOfficer), "another team's officers stay with that team");
                screenshot("daily-leader-record-" + lang + "-" + width);
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void doubleClickRecordsOnce() throws Exception {
        UiTestData.Plan plan = data.ensurePlan();
        List<Map<String, Object>> stops = routeStops(plan, plan.team1());
        long venue = ((Number) stops.get(stops.size() > 1 ? 1 : 0).get("venueId")).longValue();
        int before = ((List<Object>) as("planner").get("/api/inspections?venue=" + venue).then().statusCode(200).extract().path("items")).size();
        setWindow(360, 740);
        login("leader1");
        openShift(plan);
        // the list's number is the stop's number on its card
        WebElement item = driver().findElement(By.cssSelector("[data-testid='stop'][data-venue-id='" + venue + "']"));
        String listNo = item.findElement(By.cssSelector(".stop-no")).getText();
        // the 检查 button stays inside its row on a phone
        WebElement open = item.findElement(By.cssSelector("[data-testid='stop-open']"));
        assertTrue(open.getRect().getX() + open.getRect().getWidth() <= item.getRect().getX() + item.getRect().getWidth() + 1,
                "检查 button out of its row");
        WebElement card = openStopOf(venue);
        assertEquals(listNo, card.getAttribute("data-seq"), "list number and card agree");
        assertEquals(0, driver().findElements(By.cssSelector("[data-testid='officers'] input:checked")).size(),
                "no officer pre-ticked");
        driver().findElements(By.cssSelector("[data-testid='officers'] input:not([disabled])")).stream().limit(2)
                .forEach(WebElement::click);
        WebElement submit = byTestId("inspection-submit");
        js("arguments[0].scrollIntoView({block: 'center'})", submit);
        new Actions(driver()).doubleClick(submit).perform();
        waitForTestId("inspection-saved");
        Thread.sleep(1500); // a second write, if any, would have landed by now
        int after = ((List<Object>) as("planner").get("/api/inspections?venue=" + venue).then().statusCode(200).extract().path("items")).size();
        assertEquals(before + 1, after, "a double click records once");
        // no toast over the buttons on the phone
        Object toastShown = js("const t = document.getElementById('toast'); return !!t && t.classList.contains('show')");
        assertEquals(Boolean.FALSE, toastShown);
        screenshot("daily-leader-recorded-360");
    }

    @Test
    void createFormNamesTheNightOfANightSweep() throws Exception {
        for (String lang : List.of("zh-CN", "en")) {
            driver().manage().deleteAllCookies();
            driver().get(base.toString() + "img/favicon.svg");
            js("window.localStorage.setItem('pp.lang', arguments[0])", lang);
            login("planner");
            waitForTestId("campaign-new").click();
            WebElement type = waitForTestId("campaign-type");
            js("arguments[0].value = 'NIGHT_SWEEP'; arguments[0].dispatchEvent(new Event('change'))", type);
            WebElement start = byTestId("campaign-start");
            js("arguments[0].value = '2031-12-02'; arguments[0].dispatchEvent(new Event('change'))", start);
            String want = lang.equals("en") ? "Night of 1–2 Dec (23:30–04:30)" : "12月1日夜—12月2日凌晨 (23:30–04:30)";
            waitUpTo(10).until(d -> byTestId("campaign-shift-hint").getText().contains(want));
            screenshot("daily-planner-night-form-" + lang);
        }
    }
}
