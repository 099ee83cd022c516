package com.patrolplanner.ui;

import static com.patrolplanner.TestSupport.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.openqa.selenium.WebElement;

/**
 * Issue 14 (the city's view): a manager of a city unit sees the choropleth per district with its figures, in the
 * header the unit's name, and drills into a district; zh-CN and en, 1280 and 360 px (screenshots in target/screenshots).
 * Its own small city (two boxes far from every other fixture); the figures are the API's, checked against the rows.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnitChoroplethBrowserTest extends BrowserTestBase {
    @Inject
    DataSource db;

    static String box(double x0, double y0, double x1, double y1) {
        return com.patrolplanner.UnitFixtures.box(x0, y0, x1, y1);
    }

    static long unit(String name, String kind, Long parent, String area) {
        return com.patrolplanner.UnitFixtures.unit(name, null, kind, parent, area);
    }

    void fixtures() throws Exception {
        cleanUp();
        long city = unit("浏览测试市", "city", null, box(102.0, 31.0, 102.2, 31.1));
        long a = unit("浏览测试东城区", "district", city, box(102.0, 31.0, 102.1, 31.1));
        unit("浏览测试西城区", "district", city, box(102.1, 31.0, 102.2, 31.1));
        unit("浏览测试开发区", "zone", a, box(102.02, 31.02, 102.04, 31.04));
        int k = 0;
        for (double[] p : new double[][] {{102.05, 31.05}, {102.07, 31.02}, {102.03, 31.03}, {102.15, 31.05}}) {
            as("admin").contentType("application/json").body(Map.of("licenceNo", "BT-U-" + (++k), "name", "浏览测试场所" + k,
                    "category", "internet_cafe", "lon", p[0], "lat", p[1])).post("/api/venues").then().statusCode(201);
        }
        as("admin").contentType("application/json").body(Map.of("name", "浏览测试小学", "level", "primary", "address", "测试路",
                "lon", 102.05, "lat", 31.0509)).post("/api/schools").then().statusCode(201);
        QuarkusTransaction.requiringNew().run(() -> {
            com.patrolplanner.UnitFixtures.user("bt-city-manager", "manager", city);
        });
    }

    @AfterAll
    void cleanUp() throws Exception {
        try (Connection c = db.getConnection()) {
            c.createStatement().execute("DELETE FROM app_session WHERE user_id IN (SELECT id FROM app_user WHERE username = 'bt-city-manager')");
            c.createStatement().execute("DELETE FROM app_user WHERE username = 'bt-city-manager'");
            c.createStatement().execute("DELETE FROM venue WHERE licence_no LIKE 'BT-U-%'");
            c.createStatement().execute("DELETE FROM school WHERE name = '浏览测试小学'");
            c.createStatement().execute("DELETE FROM unit WHERE kind = 'zone' AND name LIKE '浏览测试%'");
            c.createStatement().execute("DELETE FROM unit WHERE kind = 'district' AND name LIKE '浏览测试%'");
            c.createStatement().execute("DELETE FROM unit WHERE name LIKE '浏览测试%'");
        }
    }

    @Test
    void aCityManagerSeesEachDistrictAndDrillsIn() throws Exception {
        fixtures();
        for (String lang : List.of("zh-CN", "en")) {
            for (int width : new int[] {1280, 360}) {
                driver().manage().deleteAllCookies();
                driver().get(base.toString() + "img/favicon.svg");
                js("window.localStorage.setItem('pp.lang', arguments[0])", lang);
                setWindow(width, width == 360 ? 740 : 800);
                login("bt-city-manager");
                assertTrue(String.valueOf(js("return document.getElementById('user-name').textContent")).startsWith("浏览测试市"),
                        "the unit's name in the header");
                waitUpTo(20).until(d -> allByTestId("unit-row").size() == 2);
                List<WebElement> rows = allByTestId("unit-row");
                assertTrue(rows.get(0).getText().startsWith("浏览测试东城区"), rows.get(0).getText());
                // three venues in 东城区 (one in its development zone), none inspected: coverage 0%
                assertTrue(rows.get(0).getText().contains(" 0%"), rows.get(0).getText());
                assertEquals(2L, js("return document.querySelectorAll('path.unit-area').length"), "two unit areas drawn");
                screenshot("units-city-" + lang + "-" + width);
                rows.get(0).findElement(org.openqa.selenium.By.tagName("button")).click();
                waitUpTo(20).until(d -> "浏览测试东城区".equals(byTestId("unit-current").getText()));
                waitUpTo(20).until(d -> allByTestId("unit-row").size() == 1);
                assertTrue(allByTestId("unit-row").get(0).getText().startsWith("浏览测试开发区"));
                screenshot("units-drill-" + lang + "-" + width);
                waitForTestId("unit-up").click();
                waitUpTo(20).until(d -> allByTestId("unit-row").size() == 2);
            }
        }
    }
}
