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
 * Each role gets its view from /api/me; parts whose backend is not deployed say "暂不可用" instead of breaking (the
 * console check of the base class fails the test on any script error).
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
        // the list exists even when empty (an empty list has no height, so presence rather than visibility)
        waitUpTo(20).until(d -> !d.findElements(By.cssSelector("[data-testid='stop-list']")).isEmpty());
        // until plans exist (issue 6) the panel says so, or lists no stops for today
        waitUpTo(10).until(d -> !d.findElements(By.cssSelector("[data-testid='unavailable'], .stop, .muted")).isEmpty());
        assertTrue(byTestId("map").isDisplayed());
        screenshot("leader");
    }

    @Test
    void managerGetsCoverageHeatToggleAndReportDownload() throws Exception {
        login("manager");
        assertEquals(List.of("manager"), tabs());
        WebElement heat = waitForTestId("heat-toggle");
        WebElement report = byTestId("report-download");
        assertTrue(report.isDisplayed());
        boolean coverageDeployed = Boolean.TRUE.equals(js("return document.querySelector('[data-testid=heat-toggle]').disabled === false"));
        if (!coverageDeployed) {
            assertFalse(heat.isEnabled());
            assertFalse(allByTestId("unavailable").isEmpty());
            assertTrue(byTestId("unavailable").getText().contains("暂不可用"));
        }
        screenshot("manager");
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
