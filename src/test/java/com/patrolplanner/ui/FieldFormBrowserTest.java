package com.patrolplanner.ui;

import static com.patrolplanner.TestSupport.as;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.patrolplanner.inspection.InspectionApiTest;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The field form at 360 px (issue 16, point 6): a team leader inspects an unregistered stall — a provisional venue at
 * the phone's position — and records goods collected, a rectification notice and an evidence photo with the inspection.
 */
@QuarkusTest
class FieldFormBrowserTest extends BrowserTestBase {

    @Test
    @SuppressWarnings("unchecked")
    void aStallIsInspectedWithGoodsDocumentAndPhotoAt360px() throws Exception {
        int team = InspectionApiTest.teamOf("leader1");
        String a = "现场甲" + System.nanoTime() % 10000;
        String b = "现场乙" + System.nanoTime() % 10000;
        for (String name : List.of(a, b)) {
            as("planner").contentType("application/json").body(Map.of("name", name, "certificateNo", "ZF-FX-" + System.nanoTime(),
                    "teamId", team)).post("/api/inspectors").then().statusCode(201);
        }
        // headless Chromium has no GPS: asking for the position makes it try Google's location service, which the
        // test browser cannot resolve (the form then asks for the coordinates, which this test types in)
        expectConsole(".*Network location provider.*");
        Path photo = Files.createTempFile("evidence-", ".png");
        Files.write(photo, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'});
        for (String lang : List.of("en", "zh-CN")) {
            setWindow(360, 740);
            driver().manage().deleteAllCookies();
            driver().get(base.toString() + "img/favicon.svg");
            js("window.localStorage.setItem('pp.lang', arguments[0])", lang);
            login("leader1");
            waitForTestId("stall-open").click();
            waitForTestId("stall-form");
            byTestId("stall-name").sendKeys("流动书摊" + lang);
            new Select(byTestId("stall-category")).selectByValue("publication");
            byTestId("stall-lon").clear();
            byTestId("stall-lon").sendKeys("119.1085");
            byTestId("stall-lat").clear();
            byTestId("stall-lat").sendKeys("36.7085");
            byTestId("stall-create").click();
            waitForTestId("stall-provisional");
            WebElement form = waitForTestId("inspection-form");
            for (String name : List.of(a, b)) {
                form.findElement(By.xpath(".//label[contains(., '" + name + "')]/input")).click();
            }
            form.findElement(By.cssSelector("[data-testid='checklist'] input")).click();
            byTestId("goods-add").click();
            new Select(byTestId("goods-act")).selectByValue("collected");
            new Select(byTestId("goods-kind")).selectByValue("illegal_publications");
            byTestId("goods-qty").sendKeys("37");
            new Select(byTestId("doc-kind")).selectByValue("rectification_notice");
            byTestId("evidence-photos").sendKeys(photo.toString());
            js("arguments[0].scrollIntoView()", byTestId("field-extras"));
            screenshot("field-form-stall-" + lang + "-360");
            // nothing of the stall card reaches past the screen's edge (the page header's own width is not this form's)
            Object wide = js("return [...document.querySelectorAll('[data-testid=stall-card] *')].filter(e => e.getBoundingClientRect().right > "
                    + "window.innerWidth + 1).map(e => e.tagName + '.' + e.className + '[' + (e.dataset.testid || '') + ']').slice(0, 8).join(' ')");
            assertTrue("".equals(wide), "the field form fits 360 px: " + wide);
            byTestId("inspection-submit").click();
            waitUpTo(30).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid='photo-saved']")));
            assertTrue(byTestId("goods-saved").getText().contains("37"), byTestId("goods-saved").getText());
            assertTrue(byTestId("document-saved").getText().contains("〔"), byTestId("document-saved").getText());
            js("arguments[0].scrollIntoView()", byTestId("photo-saved"));
            screenshot("field-form-stall-saved-" + lang + "-360");
        }
        // the planners' review list has both stalls, and the goods are 收缴 records of 37 册
        List<String> names = as("planner").get("/api/field/stalls?limit=1000").then().statusCode(200).extract().path("items.name");
        assertTrue(names.contains("流动书摊en") && names.contains("流动书摊zh-CN"), names.toString());
        List<Integer> qty = as("planner").get("/api/goods?act=collected&kind=illegal_publications&limit=1000").then().statusCode(200)
                .extract().path("items.quantity");
        assertTrue(qty.stream().filter(q -> q == 37).count() >= 2, qty.toString());
    }
}
