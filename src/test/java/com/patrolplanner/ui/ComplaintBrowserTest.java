package com.patrolplanner.ui;

import static com.patrolplanner.TestSupport.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 16: a planner takes in a complaint by its address (geocoded by the service), accepts it and dispatches it to a
 * team, at 1280 px and at 360 px; the complaint then shows on the map layer. Screenshots under target/screenshots.
 */
@QuarkusTest
@io.quarkus.test.junit.TestProfile(OwnDatabase.class)
class ComplaintBrowserTest extends BrowserTestBase {
    static final String STREET = "举报界面测试街";

    private void addressPoints() {
        String csv = "LON,LAT,NUMBER,STREET,UNIT,CITY,DISTRICT,REGION,POSTCODE,ID\n"
                + (UiTestData.LON + 0.001) + "," + (UiTestData.LAT + 0.001) + ",8," + STREET + ",,潍坊市,奎文区,山东省,,u1\n"
                + (UiTestData.LON + 0.003) + "," + (UiTestData.LAT + 0.001) + ",28," + STREET + ",,潍坊市,奎文区,山东省,,u2\n";
        as("planner").multiPart("file", "ui-complaint-points.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .multiPart("kind", "address-points").multiPart("datum", "WGS84").post("/api/imports").then().statusCode(200);
    }

    private String state() {
        return waitForTestId("complaint-state").getText();
    }

    private void waitState(String zh) {
        waitUpTo(20).until(d -> {
            List<WebElement> s = d.findElements(By.cssSelector("[data-testid='complaint-state']"));
            return !s.isEmpty() && s.get(0).getText().equals(zh);
        });
    }

    @Test
    void plannerTakesInAComplaintByAddressAndDispatchesIt() throws Exception {
        addressPoints();
        for (int width : List.of(1280, 360)) {
            setWindow(width, width == 360 ? 740 : 900);
            driver().manage().deleteAllCookies();
            login("planner");
            WebElement newBtn = waitForTestId("complaint-new");
            js("arguments[0].scrollIntoView({block: 'center'})", newBtn);
            newBtn.click();
            new Select(waitForTestId("complaint-source")).selectByValue("hotline_12318");
            byTestId("complaint-address").sendKeys("潍坊市奎文区" + STREET + "8号");
            new Select(byTestId("complaint-category")).selectByValue("internet_cafe");
            byTestId("complaint-content").sendKeys("反映居民楼内有无证网吧，" + width + "px");
            byTestId("complaint-contact").sendKeys("13900001111");
            WebElement save = byTestId("complaint-save");
            js("arguments[0].scrollIntoView({block: 'center'})", save);
            save.click();
            waitState("已接收");
            screenshot("complaint-received-" + width);
            click("complaint-accept");
            waitState("已受理");
            waitUpTo(10).until(d -> !new Select(d.findElement(By.cssSelector("[data-testid='complaint-team']"))).getOptions().isEmpty());
            click("complaint-dispatch");
            waitState("已派发");
            screenshot("complaint-dispatched-" + width);
            long scrollWidth = ((Number) js("return document.documentElement.scrollWidth")).longValue();
            long clientWidth = ((Number) js("return document.documentElement.clientWidth")).longValue();
            assertTrue(scrollWidth <= clientWidth, "page is " + scrollWidth + " px wide on a " + clientWidth + " px screen");
        }
        // both are in the service, geocoded to the address point, dispatched, and on the map layer
        Map<String, Object> page = fetchJson("/api/complaints?state=dispatched&limit=1000");
        assertEquals(200, ((Number) page.get("status")).intValue());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) ((Map<String, Object>) page.get("body")).get("items");
        List<Map<String, Object>> mine = items.stream().filter(c -> String.valueOf(c.get("address")).contains(STREET)).toList();
        assertEquals(2, mine.size(), items.toString());
        for (Map<String, Object> c : mine) {
            assertEquals(UiTestData.LON + 0.001, ((Number) c.get("lon")).doubleValue(), 1e-6);
            assertEquals("point", c.get("geocodeLevel"));
        }
        assertTrue(!driver().findElements(By.cssSelector("path.complaint-pin.state-dispatched")).isEmpty(), "on the map");
    }

    private void click(String testId) {
        WebElement b = waitForTestId(testId);
        js("arguments[0].scrollIntoView({block: 'center'})", b);
        b.click();
    }
}
