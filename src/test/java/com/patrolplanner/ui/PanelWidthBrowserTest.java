package com.patrolplanner.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Issue 19: at 360 px the side panel had a horizontal scrollbar. For each role's main views (planner, team leader with
 * the shift's stop list and a stop card, manager), in 中文 and English, the panel's content fits its width:
 * {@code scrollWidth <= clientWidth}, and no element reaches past its right edge (the failure names them); the page
 * itself does not scroll sideways either.
 */
@QuarkusTest
@io.quarkus.test.junit.TestProfile(OwnDatabase.class)
class PanelWidthBrowserTest extends BrowserTestBase {
    @Inject
    UiTestData data;

    @BeforeEach
    void data() {
        data.ensure();
    }

    /** "scrollWidth/clientWidth" of the panel and the elements whose right edge lies beyond its content box. */
    private String overflow() {
        return (String) js("""
                const p = document.getElementById('panel');
                const edge = p.getBoundingClientRect().left + p.clientLeft + p.clientWidth + 0.5;
                const name = (e) => e.tagName.toLowerCase() + (e.dataset.testid ? '[' + e.dataset.testid + ']' : '')
                    + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : '');
                const out = [];
                for (const e of p.querySelectorAll('*')) {
                  const r = e.getBoundingClientRect();
                  if (r.width > 0 && r.right > edge && e.offsetParent !== null) {
                    const parentOver = e.parentElement !== p && e.parentElement.getBoundingClientRect().right > edge;
                    if (!parentOver) out.push(name(e) + ' ' + Math.round(r.right - edge) + 'px');
                  }
                }
                return p.scrollWidth + '/' + p.clientWidth + (out.length ? ' ' + out.slice(0, 6).join(', ') : '');""");
    }

    private void check(List<String> wide, String where) {
        Boolean fits = (Boolean) js("const p = document.getElementById('panel'); return p.scrollWidth <= p.clientWidth;");
        if (!fits) {
            wide.add(where + ": " + overflow());
        }
        // nor the page: the English title once pushed the whole page sideways
        Boolean page = (Boolean) js("return document.documentElement.scrollWidth <= document.documentElement.clientWidth;");
        if (!page) {
            wide.add(where + ": the page scrolls sideways (" + js("return document.documentElement.scrollWidth") + " px)");
        }
    }

    private void openAllSections() {
        js("document.querySelectorAll('#panel details').forEach((d) => { d.open = true; });");
    }

    private void signIn(String user, String lang) {
        driver().manage().deleteAllCookies();
        driver().get(base.toString() + "img/favicon.svg");
        js("window.localStorage.clear(); window.localStorage.setItem('pp.lang', arguments[0]);", lang);
        setWindow(360, 740);
        login(user);
    }

    @Test
    void thePanelFitsA360PxPhoneForEveryRoleInBothLanguages() throws Exception {
        UiTestData.Plan plan = data.ensurePlan();
        List<String> wide = new ArrayList<>();
        for (String lang : List.of("zh-CN", "en")) {
            signIn("planner", lang);
            check(wide, "planner " + lang);
            openAllSections();
            check(wide, "planner " + lang + ", every section open");
            // a campaign's detail (the solve form's "whole campaign (day by day)" option) and the new-campaign form
            WebElement campaign = waitForTestId("campaign-select");
            js("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change'))", campaign,
                    String.valueOf(plan.campaignId()));
            waitForTestId("solve-run");
            check(wide, "planner " + lang + ", a campaign");
            byTestId("campaign-new").click();
            waitForTestId("campaign-form");
            check(wide, "planner " + lang + ", the new campaign form");
            screenshot("panel-360-planner-" + lang);

            signIn("leader1", lang);
            WebElement date = waitForTestId("shift-date");
            js("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change'))", date, plan.date());
            waitUpTo(20).until(d -> !d.findElements(By.cssSelector("[data-testid='stop-list'] [data-testid='stop']")).isEmpty());
            check(wide, "leader " + lang + ", the shift's stops");
            driver().findElement(By.cssSelector("[data-testid='stop'] [data-testid='stop-open']")).click();
            waitForTestId("stop-card");
            check(wide, "leader " + lang + ", a stop card");
            screenshot("panel-360-leader-" + lang);

            signIn("manager", lang);
            check(wide, "manager " + lang);
            openAllSections();
            check(wide, "manager " + lang + ", every section open");
            screenshot("panel-360-manager-" + lang);
        }
        assertEquals(List.of(), wide, "the panel scrolls sideways at 360 px");
    }
}
