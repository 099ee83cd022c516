package com.patrolplanner.ui;

import static com.patrolplanner.TestSupport.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.patrolplanner.geo.ChinaDatum;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The common map page: login, layers, venue card, language switch, logout, basemap datum, security headers. */
@QuarkusTest
@io.quarkus.test.junit.TestProfile(OwnDatabase.class)
class MapPageBrowserTest extends BrowserTestBase {
    @Inject
    UiTestData data;

    long venueId;

    @BeforeEach
    void data() {
        venueId = data.ensure();
    }

    @Test
    void plannerLogsInAndSeesDistrictsSchoolsAndVenues() throws Exception {
        login("planner");
        // the planner view is chosen from /api/me and its tab is pressed
        assertEquals("true", byTestId("view-planner").getAttribute("aria-pressed"));
        assertTrue(byTestId("map").isDisplayed());
        WebElement layers = byTestId("layers");
        assertTrue(layers.getText().contains("检查对象"), layers.getText());
        // the district outline is labelled, campus polygons are drawn, venues are pins or clusters
        waitUpTo(10).until(d -> !d.findElements(By.xpath("//*[contains(@class,'district-label')]//span[text()='"
                + UiTestData.DISTRICT_NAME + "']")).isEmpty());
        assertTrue(driver().findElements(By.cssSelector("path.school-campus")).size() >= 2);
        assertTrue(driver().findElements(By.cssSelector(".venue-pin, .venue-cluster")).size() >= 1);
        // the register figures equal what the API says
        int matched = as("planner").get("/api/venues?limit=1").then().statusCode(200).extract().path("numberMatched");
        assertTrue(byTestId("view-planner").isDisplayed());
        assertTrue(driver().findElement(By.cssSelector(".stat-value")).getText().replace(",", "").contains(String.valueOf(matched)));
        // scale bar and legend
        assertNotNull(driver().findElement(By.cssSelector(".leaflet-control-scale-line")));
        assertTrue(byTestId("legend").getText().contains("网吧"));
        screenshot("planner");
    }

    @Test
    void venueCardShowsDetailsAndHistory() throws Exception {
        // an edit leaves a second history entry
        Map<String, Object> f = as("planner").get("/api/venues/" + venueId).then().statusCode(200).extract().path("properties");
        Map<String, Object> body = new HashMap<>(Map.of("name", f.get("name"), "category", f.get("category"),
                "address", f.get("address"), "lon", UiTestData.LON - 0.02, "lat", UiTestData.LAT + 0.005,
                "complaintCount", 2, "version", f.get("version")));
        body.put("licenceNo", f.get("licenceNo"));
        as("planner").contentType(ContentType.JSON).body(body).put("/api/venues/" + venueId).then().statusCode(200);

        login("planner");
        // find it through the search box and open its card
        WebElement search = byTestId("search");
        search.sendKeys(UiTestData.VENUE_PREFIX + "场所1", Keys.ENTER);
        WebElement hit = waitUpTo(10).until(ExpectedConditions.elementToBeClickable(
                By.xpath("//ul[@id='search-results']//button[contains(.,'" + UiTestData.VENUE_PREFIX + "场所1')]")));
        hit.click();
        WebElement card = waitForTestId("venue-card");
        assertEquals(String.valueOf(venueId), card.getAttribute("data-venue-id"));
        assertTrue(card.getText().contains("网吧"), card.getText());
        assertTrue(card.getText().contains("许可证号"));
        WebElement history = byTestId("venue-history");
        waitUpTo(5).until(d -> history.findElements(By.cssSelector(":scope > li")).size() >= 2);
        assertTrue(history.getText().contains("新建") && history.getText().contains("修改"), history.getText());
        assertTrue(history.getText().contains("planner"));
        screenshot("venue-card");
    }

    @Test
    void languageSwitchIsPersisted() throws Exception {
        login("manager");
        byTestId("lang").click();
        waitUntilReady();
        assertEquals("en", js("return document.documentElement.lang"));
        assertEquals("en", js("return localStorage.getItem('pp.lang')"));
        assertTrue(byTestId("layers").getText().contains("Venues"), byTestId("layers").getText());
        driver().navigate().refresh();
        waitUntilReady();
        assertTrue(byTestId("view-manager").getText().contains("Oversight"));
        screenshot("manager-en");
    }

    @Test
    void logoutReturnsToTheLoginForm() {
        login("leader1");
        byTestId("logout").click();
        waitForTestId("login-user");
        assertEquals(Boolean.FALSE, ((Map<?, ?>) fetchJson("/api/ui/session").get("body")).get("authenticated"));
        assertEquals(401L, ((Number) fetchJson("/api/me").get("status")).longValue());
        expectConsole("/api/me.*401");
    }

    @Test
    void wrongPasswordShowsAMessageNotADialog() throws Exception {
        driver().get(base.toString());
        waitForTestId("login-user").sendKeys("planner");
        byTestId("login-password").sendKeys("wrong-password");
        byTestId("login-submit").click();
        waitUpTo(10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("login-error"), "错误"));
        expectConsole("j_security_check.*401");
        screenshot("login-failed");
    }

    @Test
    void amapBasemapShiftsOverlaysToGcj02() {
        login("planner");
        // the page's transform is the same formula as the service's (ChinaDatum)
        for (double[] p : new double[][] {{119.16, 36.70}, {116.3975, 39.9087}, {121.4737, 31.2304}}) {
            @SuppressWarnings("unchecked")
            List<Number> js = (List<Number>) js("return window.patrolPlanner.wgs84ToGcj02(arguments[0], arguments[1])", p[0], p[1]);
            double[] java = ChinaDatum.wgs84ToGcj02(p[0], p[1]);
            assertEquals(java[0], js.get(0).doubleValue(), 1e-10);
            assertEquals(java[1], js.get(1).doubleValue(), 1e-10);
        }
        List<?> before = (List<?>) js("return window.patrolPlanner.venueLatLng(arguments[0])", venueId);
        js("window.patrolPlanner.view.setBasemap('amap')");
        waitUpTo(10).until(d -> "amap".equals(byTestId("map").getAttribute("data-basemap")));
        waitUpTo(10).until(d -> !before.equals(js("return window.patrolPlanner.venueLatLng(arguments[0])", venueId)));
        List<?> after = (List<?>) js("return window.patrolPlanner.venueLatLng(arguments[0])", venueId);
        double[] expected = ChinaDatum.wgs84ToGcj02(((Number) before.get(0)).doubleValue(), ((Number) before.get(1)).doubleValue());
        assertEquals(expected[0], ((Number) after.get(0)).doubleValue(), 1e-9);
        assertEquals(expected[1], ((Number) after.get(1)).doubleValue(), 1e-9);
        // and back to WGS-84 without a basemap
        js("window.patrolPlanner.view.setBasemap('none')");
        waitUpTo(10).until(d -> before.equals(js("return window.patrolPlanner.venueLatLng(arguments[0])", venueId)));
    }
}
