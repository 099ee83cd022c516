package com.patrolplanner.security;

import static com.patrolplanner.TestSupport.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.patrolplanner.ui.BrowserTestBase;
import com.patrolplanner.ui.OwnDatabase;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue #15: a user whose password an administrator set meets the change-password form first, then the map. */
@QuarkusTest
@TestProfile(OwnDatabase.class)
class PasswordChangeBrowserTest extends BrowserTestBase {
    @TestHTTPResource("/")
    URL page;

    @Test
    void anAdminSetPasswordIsReplacedInTheBrowserBeforeTheMapOpens() {
        String name = "browser" + (System.nanoTime() % 100000);
        as("admin").contentType(ContentType.JSON)
                .body(Map.of("username", name, "password", "Given-by-admin-26", "roles", List.of("planner")))
                .post("/api/users").then().statusCode(201);
        driver().get(page.toString());
        waitForTestId("login-user").sendKeys(name);
        byTestId("login-password").sendKeys("Given-by-admin-26");
        byTestId("login-submit").click();

        waitForTestId("password-form");
        assertTrue(byTestId("password-form").getText().contains("管理员为您设置了初始密码"), byTestId("password-form").getText());
        // two different new passwords: said in the form, nothing sent
        byTestId("password-current").sendKeys("Given-by-admin-26");
        byTestId("password-new").sendKeys("Chosen-by-me-2026");
        byTestId("password-repeat").sendKeys("Chosen-by-me-2027");
        byTestId("password-submit").click();
        waitUpTo(5).until(d -> !byTestId("password-error").getText().isEmpty());
        byTestId("password-repeat").clear();
        byTestId("password-repeat").sendKeys("Chosen-by-me-2026");
        byTestId("password-submit").click();
        waitUntilReady();
        assertEquals("true", byTestId("view-planner").getAttribute("aria-pressed"));
        // the new password is the one that works now
        as("admin").get("/api/users").then().statusCode(200);
        io.restassured.RestAssured.given().auth().preemptive().basic(name, "Chosen-by-me-2026").get("/api/me")
                .then().statusCode(200).body("mustChangePassword", org.hamcrest.Matchers.equalTo(false));
    }
}
