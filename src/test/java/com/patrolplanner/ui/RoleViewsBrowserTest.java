package com.patrolplanner.ui;

import static com.patrolplanner.TestSupport.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Each role gets its view from /api/me (the console check of the base class fails a test on any script error).
 */
@QuarkusTest
@io.quarkus.test.junit.TestProfile(OwnDatabase.class)
class RoleViewsBrowserTest extends BrowserTestBase {
    @Inject
    UiTestData data;

    @BeforeEach
    void data() {
        data.ensure();
    }

    private List<String> tabs() {
        return driver().findElements(By.cssSelector("#views button")).stream().map(b -> b.getAttribute("data-view")).toList();
    }

    @Test
    void teamLeaderGetsMyShiftWithAStopList() throws Exception {
        // a solved campaign day with stops for 执法一组 (leader1's team); the expected stops come from the API
        UiTestData.Plan plan = data.ensurePlan();
        List<Integer> expected = as("leader1").get("/api/my/shift?date=" + plan.date()).then().statusCode(200).extract()
                .path("plans.collectMany { it.routes }.collectMany { it.stops }.venueId");
        assertFalse(expected == null || expected.isEmpty(), "the seeded plan gives leader1's team stops on " + plan.date());
        login("leader1");
        assertEquals(List.of("leader"), tabs());
        WebElement date = waitForTestId("shift-date");
        js("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change'))", date, plan.date());
        List<WebElement> stops = waitUpTo(20).until(d -> {
            List<WebElement> s = d.findElements(By.cssSelector("[data-testid='stop-list'] [data-testid='stop']"));
            return s.isEmpty() ? null : s;
        });
        assertTrue(driver().findElements(By.cssSelector("[data-testid='no-stops']")).isEmpty(), "no 'no stops' notice");
        Set<Long> shown = stops.stream().map(s -> Long.valueOf(s.getAttribute("data-venue-id"))).collect(Collectors.toSet());
        assertEquals(expected.stream().map(Integer::longValue).collect(Collectors.toSet()), shown,
                "the list is the own team's stops of the day");
        assertTrue(byTestId("map").isDisplayed());
        screenshot("leader");
    }

    @Test
    void managerGetsCoverageHeatToggleAndReportDownload() throws Exception {
        login("manager");
        assertEquals(List.of("manager"), tabs());
        assertTrue(waitForTestId("heat-toggle").isEnabled());
        assertTrue(byTestId("report-download").isDisplayed());
        waitForTestId("report-text");
        screenshot("manager");
    }

    @Test
    void plannerGetsZonesCampaignsAndTheDrawingTools() throws Exception {
        login("planner");
        assertEquals(List.of("planner"), tabs());
        waitForTestId("zone-save");
        assertFalse(driver().findElements(By.cssSelector(".leaflet-pm-icon-polygon")).isEmpty(), "Geoman drawing tools");
        waitForTestId("campaign-select");
        screenshot("planner");
    }

    @Test
    void adminSeesPlannerAndManagerViews() throws Exception {
        login("admin");
        // and, since issue 14's unit administrators, the administration view (users and the audit trail)
        assertEquals(List.of("planner", "manager", "admin"), tabs());
        byTestId("view-manager").click();
        waitForTestId("report-download");
        assertEquals("manager", js("return document.body.dataset.view"));
    }

    @Test
    void usableOnA360PixelPhone() throws Exception {
        setWindow(360, 740);
        login("leader1");
        // nothing wider than the screen, the map and the panel both on screen
        long scrollWidth = ((Number) js("return document.documentElement.scrollWidth")).longValue();
        long clientWidth = ((Number) js("return document.documentElement.clientWidth")).longValue();
        assertTrue(scrollWidth <= clientWidth, "page is " + scrollWidth + " px wide on a " + clientWidth + " px screen");
        WebElement map = byTestId("map");
        assertTrue(map.getSize().getHeight() >= 200, "map height " + map.getSize().getHeight());
        assertTrue(map.getSize().getWidth() <= clientWidth);
        assertTrue(driver().findElement(By.id("panel")).isDisplayed());
        screenshot("leader-360");
        setWindow(360, 740);
        driver().manage().deleteAllCookies();
        login("planner");
        screenshot("planner-360");
    }
}
