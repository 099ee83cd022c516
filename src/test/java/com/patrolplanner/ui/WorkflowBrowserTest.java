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
@io.quarkus.test.junit.TestProfile(OwnDatabase.class)
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
        // nobody is pre-ticked (issue 19.7): the leader ticks the two who went in
        long officers = driver().findElements(By.cssSelector("[data-testid='officers'] input:checked")).size();
        assertEquals(0, officers, officers + " officers pre-selected");
        driver().findElements(By.cssSelector("[data-testid='officers'] input:not([disabled])")).stream().limit(2)
                .forEach(WebElement::click);
        byTestId("inspection-submit").click();
        waitForTestId("inspection-saved");
        List<Map<String, Object>> recorded = as("planner").get("/api/inspections?venue=" + venue).then().statusCode(200).extract().path("items");
        assertTrue(recorded.stream().anyMatch(i -> "leader1".equals(i.get("createdBy"))), recorded.toString());
        waitUpTo(10).until(d -> as("leader1").get("/api/my/shift?date=" + plan.date()).then().extract()
                .path("plans.find { it.campaignId == " + plan.campaignId() + " }.routes[0].stops.find { it.venueId == " + venue + " }.done")
                .equals(Boolean.TRUE));
        waitUpTo(5).until(d -> first.getAttribute("class").contains("done"));
        screenshot("leader-stop-card");
    }

    /** The planner solves a two-day campaign as a whole, then picks each day from the list to see its plan. */
    @Test
    void plannerChoosesTheCampaignsTravelTimes() {
        data.ensure();
        login("planner");
        waitForTestId("campaign-new").click();
        WebElement name = waitForTestId("campaign-name");
        name.sendKeys("行车时间 " + System.nanoTime() % 1_000_000L);
        WebElement travel = byTestId("campaign-travel");
        assertEquals(2, travel.findElements(By.tagName("option")).size());
        // road travel without an imported road network: the form shows the 422 naming the field
        expectConsole("/api/campaigns .*422");
        js("arguments[0].value = 'ROAD_NETWORK'", travel);
        js("arguments[0].requestSubmit()", byTestId("campaign-form"));
        waitUpTo(20).until(d -> d.findElements(By.cssSelector("[data-testid='campaign-form'] .problem-errors td")).stream()
                .anyMatch(td -> td.getText().equals("travel")));
        js("arguments[0].value = 'GREAT_CIRCLE'", travel);
        js("arguments[0].requestSubmit()", byTestId("campaign-form"));
        waitUpTo(20).until(d -> ((String) js("return document.body.textContent")).contains("直线距离 × 绕行系数"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void plannerSolvesTheWholeCampaignAndViewsEachDay() throws Exception {
        data.ensure();
        String tag = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        int team = as("planner").contentType(io.restassured.http.ContentType.JSON)
                .body(Map.of("name", "两日组-" + tag, "baseLon", UiTestData.LON + 0.02, "baseLat", UiTestData.LAT + 0.02))
                .post("/api/teams").then().statusCode(201).extract().path("id");
        for (String who : List.of("甲", "乙")) {
            as("planner").contentType(io.restassured.http.ContentType.JSON)
                    .body(Map.of("name", "两日" + who, "certificateNo", "UI2-" + who + tag, "teamId", team))
                    .post("/api/inspectors").then().statusCode(201);
        }
        List<Integer> venues = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            venues.add(as("planner").contentType(io.restassured.http.ContentType.JSON)
                    .body(Map.of("licenceNo", "UI2-" + tag + i, "name", "两日网吧" + i, "category", "internet_cafe",
                            "address", "界面测试区两日路" + i + "号", "lon", UiTestData.LON + 0.02 + 0.003 * i,
                            "lat", UiTestData.LAT + 0.021, "openingHours", "08:00-24:00"))
                    .post("/api/venues").then().statusCode(201).extract().path("id"));
        }
        Map<String, Object> c = new java.util.HashMap<>();
        c.put("name", "两日巡查 " + tag);
        c.put("type", "ROUTINE");
        c.put("startDate", "2031-04-07");
        c.put("endDate", "2031-04-08");
        c.put("teamIds", List.of(team));
        c.put("targets", Map.of("venueIds", venues));
        c.put("shiftStart", "09:00");
        c.put("shiftEnd", "10:30"); // two 30-minute checks a day: the four venues need both days
        int id = as("planner").contentType(io.restassured.http.ContentType.JSON).body(c).post("/api/campaigns")
                .then().statusCode(201).extract().path("id");

        login("planner");
        WebElement select = waitForTestId("campaign-select");
        waitUpTo(20).until(d -> !select.findElements(By.cssSelector("option[value='" + id + "']")).isEmpty());
        js("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change'))", select, String.valueOf(id));
        WebElement scope = waitForTestId("solve-scope");
        js("arguments[0].value = 'all'; arguments[0].dispatchEvent(new Event('change'))", scope);
        js("arguments[0].value = '1'", byTestId("solve-seconds"));
        byTestId("solve-run").click();

        // both days come out solved in the day list
        waitUpTo(90).until(d -> d.findElements(By.cssSelector("[data-testid='plan-date'] option[data-status='solved']")).size() == 2);
        waitUpTo(20).until(d -> byTestId("solve-run").isEnabled());
        // the campaign totals: 2/2 days planned, four venues targeted, four planned
        waitUpTo(20).until(d -> List.of("2/2", "4", "4", "0").equals(js("return [...document.querySelectorAll("
                + "\"[data-testid='campaign-totals'] .stat-value\")].map(e => e.textContent)")));

        // pick the second day: the timeline shows exactly that day's stops
        List<Map<String, Object>> routes = as("planner").get("/api/campaigns/" + id + "/plan?date=2031-04-08").then()
                .statusCode(200).extract().path("routes");
        Set<String> dayTwo = routes.stream().flatMap(r -> ((List<Map<String, Object>>) r.get("stops")).stream())
                .map(x -> (String) x.get("name")).collect(Collectors.toSet());
        assertFalse(dayTwo.isEmpty(), "the second day has stops");
        js("arguments[0].value = '2031-04-08'; arguments[0].dispatchEvent(new Event('change'))", byTestId("plan-date"));
        // a timeline block's title is "seq. name hh:mm–hh:mm"
        waitUpTo(20).until(d -> d.findElements(By.cssSelector("[data-testid='plan-result'] .tl-stop")).stream()
                .map(e -> e.getAttribute("title").replaceFirst("^\\d+\\. ", "").replaceFirst(" \\S+$", ""))
                .collect(Collectors.toSet()).equals(dayTwo));
        screenshot("planner-campaign-days");
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
