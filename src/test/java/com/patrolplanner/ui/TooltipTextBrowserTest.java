package com.patrolplanner.ui;

import static com.patrolplanner.TestSupport.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * Issue "Safe to deploy", point 5: names reach the map only as text. A school whose name is an HTML payload is drawn;
 * hovering its campus shows the tooltip, whose text is the payload itself and which contains no element the payload
 * would have created (the CSP would stop a script, but markup would still render).
 */
@QuarkusTest
@io.quarkus.test.junit.TestProfile(OwnDatabase.class)
class TooltipTextBrowserTest extends BrowserTestBase {
    static final String PAYLOAD = "<img src=x id=pwned><b id=bold>粗体</b>";

    @Inject
    UiTestData data;

    @Test
    void aSchoolNamedWithHtmlShowsItsNameAsText() throws Exception {
        data.ensure();
        double lo = UiTestData.LON + 0.012;
        double la = UiTestData.LAT + 0.010;
        as("planner").contentType(ContentType.JSON)
                .body(Map.of("name", PAYLOAD, "level", "primary", "address", "潍坊市测试路学校X",
                        "campus", Map.of("type", "Polygon", "coordinates", List.of(List.of(
                                List.of(lo, la), List.of(lo + 0.004, la), List.of(lo + 0.004, la + 0.003),
                                List.of(lo, la + 0.003), List.of(lo, la))))))
                .post("/api/schools").then().statusCode(201);
        login("planner");
        waitUpTo(15).until(d -> d.findElements(By.cssSelector("path.school-campus")).size() >= 3);
        // hover each campus until the payload's tooltip opens
        WebElement tooltip = null;
        for (WebElement campus : driver().findElements(By.cssSelector("path.school-campus"))) {
            new Actions(driver()).moveToElement(campus).perform();
            List<WebElement> tips = driver().findElements(By.cssSelector(".leaflet-tooltip"));
            for (WebElement t : tips) {
                if (t.getText().contains("粗体")) {
                    tooltip = t;
                }
            }
            if (tooltip != null) {
                break;
            }
        }
        if (tooltip == null) {
            screenshot("tooltip-text-missing");
        }
        assertTrue(tooltip != null, "no tooltip with the payload's text opened");
        assertEquals(PAYLOAD, tooltip.getText().trim(), "the name must be shown literally, as text");
        assertTrue(driver().findElements(By.id("pwned")).isEmpty(), "the payload created an <img> element");
        assertTrue(driver().findElements(By.id("bold")).isEmpty(), "the payload created a <b> element");
        screenshot("tooltip-text");
    }
}
