package com.patrolplanner.ui;

import static com.patrolplanner.TestSupport.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Issue 14 walked as its users would, at 1280 and 360 px, in zh-CN and en (screenshots in target/screenshots): a
 * district planner's map opens on its district with the unit's name in the header; a city manager sees the districts
 * and goes to one; a district's administrator (单位管理员) sees its district's users and audit trail only and makes a
 * user there through the form. A small city of its own (boxes far from every other fixture); what the pages show is
 * compared with the rows in SQL.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnitUsersBrowserTest extends BrowserTestBase {
    // the city 104.0–104.2 E × 32.0–32.1 N; 东 the west half, 西 the east half
    static final double[] EAST = {104.0, 32.0, 104.1, 32.1};

    @Inject
    DataSource db;
    long city;
    long east;
    long west;

    static String box(double x0, double y0, double x1, double y1) {
        return com.patrolplanner.UnitFixtures.box(x0, y0, x1, y1);
    }

    static long unit(String name, String kind, Long parent, String area) {
        return com.patrolplanner.UnitFixtures.unit(name, null, kind, parent, area);
    }

    static void user(String name, String role, long unit) {
        com.patrolplanner.UnitFixtures.user(name, role, unit).displayName = name;
    }

    void fixtures() throws Exception {
        cleanUp();
        city = unit("走查测试市", "city", null, box(104.0, 32.0, 104.2, 32.1));
        east = unit("走查测试东区", "district", city, box(EAST[0], EAST[1], EAST[2], EAST[3]));
        west = unit("走查测试西区", "district", city, box(104.1, 32.0, 104.2, 32.1));
        QuarkusTransaction.requiringNew().run(() -> {
            user("bw-city-manager", "manager", city);
            user("bw-east-planner", "planner", east);
            user("bw-east-admin", "admin", east);
            user("bw-west-planner", "planner", west);
        });
        // a venue in each district, written by its planner: the audit trail has a record of each
        int k = 0;
        for (String[] v : new String[][] {{"bw-east-planner", "104.05"}, {"bw-west-planner", "104.15"}}) {
            as(v[0]).contentType("application/json").body(Map.of("licenceNo", "BW-U-" + (++k), "name", "走查测试场所" + k,
                    "category", "internet_cafe", "lon", Double.parseDouble(v[1]), "lat", 32.05)).post("/api/venues").then()
                    .statusCode(201);
        }
    }

    @AfterAll
    void cleanUp() throws Exception {
        try (Connection c = db.getConnection()) {
            c.createStatement().execute("DELETE FROM app_session WHERE user_id IN (SELECT id FROM app_user WHERE username LIKE 'bw-%')");
            c.createStatement().execute("DELETE FROM app_user WHERE username LIKE 'bw-%'");
            c.createStatement().execute("DELETE FROM venue WHERE licence_no LIKE 'BW-U-%'");
            c.createStatement().execute("DELETE FROM unit WHERE kind = 'district' AND name LIKE '走查测试%'");
            c.createStatement().execute("DELETE FROM unit WHERE name LIKE '走查测试%'");
        }
    }

    Set<String> sqlStrings(String query) throws Exception {
        Set<String> out = new TreeSet<>();
        try (Connection c = db.getConnection(); ResultSet rs = c.createStatement().executeQuery(query)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** True when the map's centre lies in box {@code b}. */
    boolean centreIn(double[] b) {
        @SuppressWarnings("unchecked")
        List<Number> c = (List<Number>) js("const c = window.patrolPlanner.map.getCenter(); return [c.lng, c.lat];");
        return c.get(0).doubleValue() > b[0] && c.get(0).doubleValue() < b[2] && c.get(1).doubleValue() > b[1]
                && c.get(1).doubleValue() < b[3];
    }

    void open(String user, String lang, int width) {
        driver().manage().deleteAllCookies();
        driver().get(base.toString() + "img/favicon.svg");
        js("window.localStorage.setItem('pp.lang', arguments[0])", lang);
        js("window.sessionStorage.clear()");
        setWindow(width, width == 360 ? 740 : 800);
        login(user);
    }

    @Test
    void eachUserSeesTheOwnUnit() throws Exception {
        fixtures();
        for (String lang : List.of("zh-CN", "en")) {
            for (int width : new int[] {1280, 360}) {
                String tag = lang + "-" + width;
                // the district planner: its district in the header, the map opens on it
                open("bw-east-planner", lang, width);
                assertTrue(String.valueOf(js("return document.getElementById('user-name').textContent")).startsWith("走查测试东区"));
                assertTrue(centreIn(EAST), "the map opens on 走查测试东区");
                if (width == 360) {
                    // a phone hides the user block: the unit's name takes the application title's place
                    assertTrue(String.valueOf(js("return getComputedStyle(document.querySelector('.brand-text'), '::after').content"))
                            .contains("走查测试东区"), "the unit's name in a phone's header");
                }
                screenshot("walk-planner-" + tag);

                // the city manager: one row per district, a click drills into it
                open("bw-city-manager", lang, width);
                waitUpTo(20).until(d -> allByTestId("unit-row").size() == 2);
                screenshot("walk-city-" + tag);
                // a district without units below: the click brings the map onto it
                allByTestId("unit-row").get(0).findElement(By.tagName("button")).click();
                waitUpTo(20).until(d -> centreIn(EAST));
                screenshot("walk-city-drill-" + tag);

                // the district's administrator: its users and its audit trail only (SQL ground truth: the unit column of
                // the users, and the district of the venue each record of this fixture concerns)
                open("bw-east-admin", lang, width);
                waitForTestId("view-admin").click();
                waitUpTo(20).until(d -> !allByTestId("user-row").isEmpty() && !allByTestId("audit-row").isEmpty());
                Set<String> shown = new TreeSet<>();
                for (WebElement r : allByTestId("user-row")) {
                    shown.add(r.getAttribute("data-user"));
                }
                assertEquals(sqlStrings("SELECT username FROM app_user WHERE unit_id = " + east), shown, "users of 走查测试东区 only");
                String trail = byTestId("admin-audit").getText();
                assertTrue(trail.contains("bw-east-planner"), trail);
                assertFalse(trail.contains("bw-west-planner"), trail);
                screenshot("walk-admin-" + tag);
            }
        }
        // the administrator makes a user of its district through the form: it lands in its unit
        waitForTestId("user-new").click();
        waitForTestId("user-name-input").sendKeys("bw-east-new");
        byTestId("user-password").sendKeys("Walked-through-2026");
        byTestId("user-save").click();
        waitUpTo(20).until(d -> allByTestId("user-row").stream().anyMatch(r -> "bw-east-new".equals(r.getAttribute("data-user"))));
        assertEquals(Set.of(String.valueOf(east)), sqlStrings("SELECT unit_id::text FROM app_user WHERE username = 'bw-east-new'"));
        screenshot("walk-admin-created");
    }
}
