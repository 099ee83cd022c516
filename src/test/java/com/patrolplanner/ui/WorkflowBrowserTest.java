package com.patrolplanner.ui;

import static com.patrolplanner.TestSupport.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The three roles' main work in a real browser, against the real endpoints, with the data each needs seeded by API. */
@QuarkusTest
class WorkflowBrowserTest extends BrowserTestBase {
    @Inject
    UiTestData data;

    private void drawSquare(int half) {
        driver().findElement(By.cssSelector(".leaflet-pm-icon-polygon")).click();
        WebElement map = byTestId("map");
        Actions a = new Actions(driver());
        int[][] pts = {{-half, -half}, {half, -half}, {half, half}, {-half, half}, {-half, -half}};
        for (int[] p : pts) {
            a.moveToElement(map, p[0], p[1]).click().perform();
        }
    }

    @Test
    void plannerDrawsAZoneSavesItAndSeesTheOverlapOfASecondOne() throws Exception {
        long set = data.emptyZoneSet();
        login("planner");
        // pick the empty set: the map flies to its district, where the square below lies
        WebElement picker = waitForTestId("zone-set-select");
        js("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change'))", picker, String.valueOf(set));
        waitUpTo(10).until(d -> byTestId("zone-set-select").getAttribute("value").equals(String.valueOf(set)));
        Thread.sleep(600); // the fly-to animation
        drawSquare(70);
        String name = "界面测试片区" + System.nanoTime();
        byTestId("zone-name").sendKeys(name);
        // undo removes the square, redo brings it back
        byTestId("zone-undo").click();
        assertFalse(byTestId("zone-save").isEnabled());
        byTestId("zone-redo").click();
        byTestId("zone-save").click();
        // it exists through the API: the set lists it and GET /api/zones/{id} answers with its name
        Number id = waitUpTo(10).until(d -> {
            List<Map<String, Object>> zones = as("planner").get("/api/zone-sets/" + set).then().statusCode(200)
                    .extract().path("zones.features.properties");
            return zones.stream().filter(z -> name.equals(z.get("name"))).map(z -> (Number) z.get("id")).findFirst().orElse(null);
        });
        as("planner").get("/api/zones/" + id).then().statusCode(200).body("properties.name", org.hamcrest.Matchers.equalTo(name));
        screenshot("planner-zone");

        // a second square over the first: the 422's overlap geometry is drawn on the map, nothing is saved
        expectConsole("/api/zones .*422");
        drawSquare(40);
        byTestId("zone-save").click();
        waitUpTo(10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("path.zone-overlap")));
        assertTrue(byTestId("zone-validation").getText().contains(name), byTestId("zone-validation").getText());
        List<Object> after = as("planner").get("/api/zone-sets/" + set).then().extract().path("zones.features");
        assertEquals(1, after.size());
        screenshot("planner-overlap");
    }

    @Test
    void teamLeaderSeesOnlyTheTeamsStopsAndRecordsAnInspection() throws Exception {
        UiTestData.Plan plan = data.ensurePlan();
        Set<Long> mine = venuesOfRoute(plan, plan.team1());
        Set<Long> theirs = venuesOfRoute(plan, plan.team2());
        login("leader1");
        WebElement date = waitForTestId("shift-date");
        js("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change'))", date, plan.date());
        List<WebElement> stops = waitUpTo(15).until(d -> {
            List<WebElement> s = d.findElements(By.cssSelector("[data-testid='stop-list'] [data-testid='stop']"));
            return s.isEmpty() ? null : s;
        });
        Set<Long> shown = stops.stream().map(s -> Long.valueOf(s.getAttribute("data-venue-id"))).collect(Collectors.toSet());
        assertEquals(mine, shown, "the list is exactly the own team's route");
        assertTrue(shown.stream().noneMatch(theirs::contains), "no stop of 执法二组");
        assertFalse(driver().findElements(By.cssSelector("path.route")).isEmpty(), "route line on the map");
        screenshot("leader-shift");

        // the first stop's card: licence, what to check, then record with the route's officers and mark it done
        WebElement first = stops.get(0);
        long venue = Long.parseLong(first.getAttribute("data-venue-id"));
        first.findElement(By.cssSelector("[data-testid='stop-open']")).click();
        WebElement card = waitForTestId("stop-card");
        assertTrue(card.getText().contains("UITEST-"), card.getText());
        assertFalse(driver().findElements(By.cssSelector(".tocheck li")).isEmpty());
        long officers = driver().findElements(By.cssSelector("[data-testid='officers'] input:checked")).size();
        assertTrue(officers >= 2, officers + " officers pre-selected");
        byTestId("inspection-submit").click();
        waitForTestId("inspection-saved");
        List<Map<String, Object>> recorded = as("planner").get("/api/inspections?venue=" + venue).then().statusCode(200).extract().path("$");
        assertTrue(recorded.stream().anyMatch(i -> "leader1".equals(i.get("createdBy"))), recorded.toString());
        waitUpTo(10).until(d -> as("leader1").get("/api/my/shift?date=" + plan.date()).then().extract()
                .path("plans.find { it.campaignId == " + plan.campaignId() + " }.routes[0].stops.find { it.venueId == " + venue + " }.done")
                .equals(Boolean.TRUE));
        waitUpTo(5).until(d -> first.getAttribute("class").contains("done"));
        screenshot("leader-stop-card");
    }

    @SuppressWarnings("unchecked")
    private static Set<Long> venuesOfRoute(UiTestData.Plan plan, long team) {
        List<Map<String, Object>> routes = as("planner").get("/api/campaigns/" + plan.campaignId() + "/plan?date=" + plan.date())
                .then().statusCode(200).extract().path("routes");
        Set<Long> out = new HashSet<>();
        routes.stream().filter(r -> ((Number) r.get("teamId")).longValue() == team).forEach(r -> ((List<Map<String, Object>>) r.get("stops"))
                .forEach(s -> out.add(((Number) s.get("venueId")).longValue())));
        return out;
    }

    @Test
    void managerTurnsOnTheHeatLayerAndDownloadsTheReport() throws Exception {
        login("manager");
        // the choropleth is drawn for the period, then the heat layer on request
        waitUpTo(15).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("path.hex")));
        WebElement heat = waitForTestId("heat-toggle");
        heat.click();
        waitUpTo(10).until(d -> !d.findElements(By.cssSelector("canvas.leaflet-heatmap-layer")).isEmpty());
        byTestId("buffers-toggle").click();
        waitForTestId("gap-list");
        assertFalse(byTestId("report-text").getText().isBlank());
        assertTrue(byTestId("report-text").getText().contains("出动执法人员"), byTestId("report-text").getText());
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
}
