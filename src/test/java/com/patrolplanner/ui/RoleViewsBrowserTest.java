package com.patrolplanner.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Each role gets its view from /api/me (the console check of the base class fails a test on any script error).
 */
@QuarkusTest
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
        login("leader1");
        assertEquals(List.of("leader"), tabs());
        // the list exists even when the day has no stops (an empty list has no height: presence, not visibility)
        waitUpTo(20).until(d -> !d.findElements(By.cssSelector("[data-testid='stop-list']")).isEmpty());
        waitUpTo(10).until(d -> !d.findElements(By.cssSelector("[data-testid='stop'], [data-testid='no-stops']")).isEmpty());
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
        assertEquals(List.of("planner", "manager"), tabs());
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
