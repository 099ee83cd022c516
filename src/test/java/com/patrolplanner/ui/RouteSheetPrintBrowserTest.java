package com.patrolplanner.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * The printable route sheet prints styled (issue 19, point 5): the planner finds a link to each team's sheet in the
 * plan; the sheet's CSS is a file the CSP allows, so the printed page is A4 with ruled table cells and a signature
 * block; and the plan's score reads in words.
 */
@QuarkusTest
@io.quarkus.test.junit.TestProfile(OwnDatabase.class)
class RouteSheetPrintBrowserTest extends BrowserTestBase {
    /** A4 in PostScript points (210 × 297 mm). */
    private static final double A4_W = 595.28;
    private static final double A4_H = 841.89;
    private static final Pattern MEDIA_BOX = Pattern.compile("/MediaBox\\s*\\[\\s*0\\s+0\\s+([0-9.]+)\\s+([0-9.]+)\\s*]");

    @Inject
    UiTestData data;

    private List<WebElement> openPlan(UiTestData.Plan plan) throws java.io.IOException, InterruptedException {
        WebElement picker = waitForTestId("campaign-select");
        try {
            waitUpTo(20).until(d -> !picker.findElements(org.openqa.selenium.By.cssSelector(
                    "option[value='" + plan.campaignId() + "']")).isEmpty());
        } catch (org.openqa.selenium.TimeoutException e) {
            screenshot("route-sheet-no-campaign");
            throw new AssertionError("campaign " + plan.campaignId() + " not offered: " + picker.getAttribute("innerHTML")
                    + " / " + byTestId("campaign-detail").getText(), e);
        }
        js("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change'))", picker,
                String.valueOf(plan.campaignId()));
        // the day list of the campaign: picking the day shows its plan
        waitUpTo(20).until(d -> !byTestId("plan-date").findElements(org.openqa.selenium.By.cssSelector(
                "option[value='" + plan.date() + "']")).isEmpty());
        js("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change'))", byTestId("plan-date"),
                plan.date());
        waitUpTo(20).until(d -> !allByTestId("plan-sheet-link").isEmpty());
        // the plan view draws itself again when the campaign's plan arrives (it opens at once): let it settle, then read
        // the links afresh so that no element of the first drawing is used
        Thread.sleep(1500);
        return waitUpTo(20).until(d -> {
            List<WebElement> links = allByTestId("plan-sheet-link");
            return links.isEmpty() ? null : links;
        });
    }

    @Test
    void thePlannerOpensATeamsSheetAndItPrintsOnA4WithRuledCells() throws Exception {
        UiTestData.Plan plan = data.ensurePlan();
        login("planner");
        List<WebElement> links = openPlan(plan);
        String href = links.get(0).getAttribute("href");
        assertTrue(href.contains("/api/campaigns/" + plan.campaignId() + "/plan/teams/") && href.contains("/sheet?date="
                + plan.date()), href);
        // the score in words, the raw score kept as its tooltip
        WebElement score = byTestId("plan-score");
        assertTrue(score.getText().startsWith("未安排 ") && score.getText().contains("总车程"), score.getText());
        assertTrue(score.getAttribute("title").contains("hard"), score.getAttribute("title"));
        screenshot("route-sheet-links-zh-1280");
        setWindow(360, 740);
        js("arguments[0].scrollIntoView()", byTestId("plan-sheets"));
        screenshot("route-sheet-links-zh-360");
        setWindow(1280, 800);

        driver().get(href);
        waitUpTo(10).until(d -> "complete".equals(js("return document.readyState")));
        // the style sheet is a file, and it applied: ruled cells, an @page rule of A4
        assertEquals("solid", js("return getComputedStyle(document.querySelector('table.stops td')).borderTopStyle"));
        assertEquals("solid", js("return getComputedStyle(document.querySelector('table.sign td')).borderTopStyle"));
        Object page = js("for (const s of document.styleSheets) for (const r of s.cssRules)"
                + " if (r instanceof CSSPageRule) return r.style.getPropertyValue('size'); return null;");
        assertTrue(String.valueOf(page).toUpperCase(java.util.Locale.ROOT).startsWith("A4"), "@page size: " + page);
        String text = String.valueOf(js("return document.body.innerText"));
        for (String label : List.of("检查人员签名", "带队人签名", "日期")) {
            assertTrue(text.contains(label), "the sheet has room for " + label);
        }
        screenshot("route-sheet-1280");
        setWindow(360, 740);
        screenshot("route-sheet-360");
        setWindow(1280, 800);

        // printed through Chromium's own print (DevTools Page.printToPDF, the page's @page size preferred)
        Map<String, Object> pdf = driver().executeCdpCommand("Page.printToPDF", Map.of("preferCSSPageSize", true,
                "printBackground", true));
        byte[] bytes = Base64.getDecoder().decode((String) pdf.get("data"));
        String raw = new String(bytes, StandardCharsets.ISO_8859_1);
        assertTrue(raw.startsWith("%PDF-"), "not a PDF");
        Matcher m = MEDIA_BOX.matcher(raw);
        assertTrue(m.find(), "no page size in the PDF");
        assertEquals(A4_W, Double.parseDouble(m.group(1)), 1.5, "page width in pt");
        assertEquals(A4_H, Double.parseDouble(m.group(2)), 1.5, "page height in pt");
        java.nio.file.Files.write(SCREENSHOTS.resolve("route-sheet.pdf"), bytes);

        // nothing was refused by the Content-Security-Policy (checkBrowserLogs fails on any console error too)
        for (LogEntry e : driver().manage().logs().get(LogType.BROWSER)) {
            assertFalse(e.getMessage().contains("Content Security Policy"), e.getMessage());
        }
    }

    @Test
    void theLinksAndTheScoreReadInEnglish() throws Exception {
        UiTestData.Plan plan = data.ensurePlan();
        login("planner");
        js("localStorage.setItem('pp.lang', 'en')");
        driver().navigate().refresh();
        waitUntilReady();
        openPlan(plan);
        // the plan view may draw itself twice (it opens at once and again when the plan arrives): read it afresh
        waitUpTo(10).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
            String score = byTestId("plan-score").getText();
            return score.contains(" unplanned, ") && score.endsWith(" min driving in total")
                    && byTestId("plan-sheets").getText().startsWith("Print route sheets");
        });
        screenshot("route-sheet-links-en-1280");
        setWindow(360, 740);
        js("arguments[0].scrollIntoView()", byTestId("plan-sheets"));
        screenshot("route-sheet-links-en-360");
    }
}
