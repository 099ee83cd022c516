package com.patrolplanner.ui;

import static com.patrolplanner.TestSupport.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.patrolplanner.security.AppUser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Issue 17 point 3: the map on vector tiles (forced with {@code ?tiles=on}; a real large register switches by itself
 * above 2,000 venues). A unit of its own (a box at 121° E 45° N, far from every other fixture): the planner's venues
 * are tiles — a cluster below zoom 14 that zooms in on a click, single venues from zoom 14; the manager's coverage
 * cells are tiles too. A click on a venue drawn from a tile opens its popup and, from it, its card, with the name SQL
 * gives for that position. zh-CN and en, 1280 and 360 px (screenshots in target/screenshots).
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VectorTilesBrowserTest extends BrowserTestBase {
    static final double[][] VENUES = {{121.020, 45.020}, {121.0203, 45.0201}, {121.060, 45.030}};

    @Inject
    DataSource db;

    void fixtures() throws Exception {
        cleanUp();
        long unit = as("admin").contentType("application/json").body("{\"name\":\"瓦片浏览测试区\",\"kind\":\"district\","
                + "\"area\":{\"type\":\"Polygon\",\"coordinates\":[[[121.0,45.0],[121.1,45.0],[121.1,45.05],[121.0,45.05],"
                + "[121.0,45.0]]]}}").post("/api/units").then().statusCode(201).extract().jsonPath().getLong("id");
        int k = 0;
        for (double[] p : VENUES) {
            as("admin").contentType("application/json").body(Map.of("licenceNo", "BT-T-" + (++k), "name", "瓦片浏览场所" + k,
                    "category", k == 1 ? "internet_cafe" : "hotel", "address", "瓦片路" + k, "lon", p[0], "lat", p[1]))
                    .post("/api/venues").then().statusCode(201);
        }
        QuarkusTransaction.requiringNew().run(() -> {
            for (String[] u : new String[][] {{"bt-tiles-planner", "planner"}, {"bt-tiles-manager", "manager"}}) {
                AppUser a = new AppUser();
                a.username = u[0];
                a.password = AppUser.hash(u[0]);
                a.roles = u[1];
                a.unitId = unit;
                a.persist();
            }
        });
    }

    @AfterAll
    void cleanUp() throws Exception {
        try (Connection c = db.getConnection()) {
            c.createStatement().execute("DELETE FROM app_session WHERE user_id IN (SELECT id FROM app_user WHERE username LIKE 'bt-tiles-%')");
            c.createStatement().execute("DELETE FROM app_user WHERE username LIKE 'bt-tiles-%'");
            c.createStatement().execute("DELETE FROM venue WHERE licence_no LIKE 'BT-T-%'");
            c.createStatement().execute("DELETE FROM unit WHERE name = '瓦片浏览测试区'");
        }
    }

    void loginWithTiles(String user, String lang, int width) {
        driver().manage().deleteAllCookies();
        driver().get(base.toString() + "img/favicon.svg");
        js("window.localStorage.setItem('pp.lang', arguments[0]); window.sessionStorage.clear()", lang);
        setWindow(width, width == 360 ? 740 : 800);
        driver().get(base.toString() + "?tiles=on");
        waitForTestId("login-user").sendKeys(user);
        byTestId("login-password").sendKeys(user);
        byTestId("login-submit").click();
        waitUntilReady();
        assertEquals("true", js("return document.body.dataset.tiles"), "the register is drawn as tiles");
    }

    /** Number of loaded vector tiles (canvas tiles of leaflet.vectorgrid) on the map. */
    long loadedTiles() {
        return (Long) js("return document.querySelectorAll('#map canvas.leaflet-tile.leaflet-tile-loaded').length");
    }

    /**
     * Pans the map (no animation) so that the WGS-84 position lies on a spot of the map nothing covers (at 360 px the
     * panel lies over part of the map), waits for the vector tiles there, and clicks it (the basemap is none: no datum
     * shift).
     */
    void clickAt(double lon, double lat) {
        @SuppressWarnings("unchecked")
        Map<String, Object> p = (Map<String, Object>) js("""
                const m = window.patrolPlanner.map; const box = m.getContainer().getBoundingClientRect();
                const free = (x, y) => { const e = document.elementFromPoint(box.left + x, box.top + y);
                  return e && m.getContainer().contains(e) && !e.closest('.leaflet-control-container, .leaflet-popup'); };
                const s = m.getSize(); let t = null;
                for (const fy of [0.5, 0.35, 0.65, 0.25, 0.75, 0.15, 0.85]) {
                  for (const fx of [0.5, 0.35, 0.65, 0.25, 0.75, 0.15, 0.85]) {
                    const x = Math.round(s.x * fx), y = Math.round(s.y * fy);
                    if (!t && free(x, y) && free(x - 12, y - 12) && free(x + 12, y + 12)) t = {x, y};
                  }
                }
                if (!t) return null;
                const q = m.latLngToContainerPoint([arguments[1], arguments[0]]);
                m.panBy([q.x - t.x, q.y - t.y], {animate: false});
                // WebDriver's element origin is the centre of the element's part inside the viewport
                const r = document.querySelector('[data-testid="map"]').getBoundingClientRect();
                const l = Math.max(r.left, 0), tp = Math.max(r.top, 0);
                const cx = (l + Math.min(r.right, window.innerWidth)) / 2, cy = (tp + Math.min(r.bottom, window.innerHeight)) / 2;
                return {x: box.left + t.x - cx, y: box.top + t.y - cy};""", lon, lat);
        assertTrue(p != null, "no spot of the map is free of the panel and the controls");
        waitUpTo(20).until(d -> loadedTiles() > 0 && Boolean.TRUE.equals(js(
                "return document.querySelectorAll('#map canvas.leaflet-tile:not(.leaflet-tile-loaded)').length === 0")));
        WebElement map = byTestId("map");
        new Actions(driver()).moveToElement(map, (int) Math.round(((Number) p.get("x")).doubleValue()),
                (int) Math.round(((Number) p.get("y")).doubleValue())).click().perform();
    }

    /** Id and name of the venue nearest the position, by the test's own SQL. */
    String[] venueAt(double lon, double lat) throws Exception {
        try (Connection c = db.getConnection(); var ps = c.prepareStatement(
                "SELECT id, name FROM venue ORDER BY geom <-> ST_SetSRID(ST_MakePoint(?, ?), 4326) LIMIT 1")) {
            ps.setDouble(1, lon);
            ps.setDouble(2, lat);
            try (var rs = ps.executeQuery()) {
                assertTrue(rs.next());
                return new String[] {String.valueOf(rs.getLong(1)), rs.getString(2)};
            }
        }
    }

    @Test
    void venuesAndCoverageAreVectorTiles() throws Exception {
        fixtures();
        for (String lang : List.of("zh-CN", "en")) {
            for (int width : new int[] {1280, 360}) {
                loginWithTiles("bt-tiles-planner", lang, width);
                // below zoom 14: a cluster of the two venues 25 m apart; a click zooms in
                js("window.patrolPlanner.map.setView([45.0201, 121.0202], 12, {animate: false})");
                waitUpTo(20).until(d -> loadedTiles() > 0);
                clickAt(121.02015, 45.02005);
                waitUpTo(20).until(d -> ((Number) js("return window.patrolPlanner.map.getZoom()")).intValue() == 14
                        && Boolean.FALSE.equals(js("return !!window.patrolPlanner.map._animatingZoom")));
                // from zoom 14 single venues: a click on the third venue's dot (drawn from its tile) opens its popup
                // with the name SQL gives for that position, and the popup's details open the venue card
                String[] venue = venueAt(VENUES[2][0], VENUES[2][1]);
                js("window.patrolPlanner.map.setView([45.030, 121.060], 16, {animate: false})");
                waitUpTo(20).until(d -> loadedTiles() > 0);
                clickAt(VENUES[2][0], VENUES[2][1]);
                WebElement popup = waitUpTo(20).until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector(".leaflet-popup-content .popup h3")));
                assertEquals(venue[1], popup.getText(), "the popup of the venue clicked on its tile");
                screenshot("tiles-venue-popup-" + lang + "-" + width);
                driver().findElement(By.cssSelector(".leaflet-popup-content [data-testid='venue-details']")).click();
                WebElement card = waitForTestId("venue-card");
                assertEquals(venue[0], card.getAttribute("data-venue-id"));
                assertEquals(venue[1], card.findElement(By.tagName("h2")).getText());
                screenshot("tiles-venue-card-" + lang + "-" + width);

                loginWithTiles("bt-tiles-manager", lang, width);
                js("window.patrolPlanner.map.setView([45.025, 121.04], 13, {animate: false})");
                waitUpTo(20).until(d -> loadedTiles() > 0);
                waitUpTo(20).until(d -> String.valueOf(js("return document.body.textContent")).contains(
                        lang.equals("en") ? "Vector tiles" : "矢量瓦片"));
                screenshot("tiles-coverage-" + lang + "-" + width);
            }
        }
    }
}
