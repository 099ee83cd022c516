package com.patrolplanner.security;

import static com.patrolplanner.TestSupport.anonymous;
import static com.patrolplanner.TestSupport.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SecurityTest {

    @Test
    void loginIsThrottledAfterRepeatedFailures() {
        as("admin").contentType(ContentType.JSON)
                .body(Map.of("username", "throttled", "password", "secret-one-1", "roles", List.of("manager")))
                .post("/api/users").then().statusCode(201);
        for (int i = 0; i < 5; i++) {
            anonymous().auth().preemptive().basic("throttled", "wrong").get("/api/venues").then().statusCode(401);
        }
        // locked now: even the right password is refused with 429 and a Retry-After
        anonymous().auth().preemptive().basic("throttled", "secret-one-1").get("/api/venues").then().statusCode(429)
                .contentType("application/problem+json").header("Retry-After", notNullValue());
        // other users are not affected
        as("manager").get("/api/venues").then().statusCode(200);
    }

    @Test
    void inactiveUsersCannotLogIn() {
        int id = as("admin").contentType(ContentType.JSON)
                .body(Map.of("username", "retired", "password", "secret-two-2", "roles", List.of("planner"), "active", false))
                .post("/api/users").then().statusCode(201).extract().path("id");
        anonymous().auth().preemptive().basic("retired", "secret-two-2").get("/api/venues").then().statusCode(401);
        as("admin").delete("/api/users/" + id).then().statusCode(204);
    }

    @Test
    void passwordsAreStoredAsBcrypt() {
        AppUser u = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> AppUser.findByUsername("planner"));
        org.junit.jupiter.api.Assertions.assertTrue(u.password.startsWith("$2a$") || u.password.startsWith("$2b$"), u.password);
    }

    @Test
    void browserSessionWritesNeedTheCsrfHeader() {
        Response login = anonymous().contentType("application/x-www-form-urlencoded")
                .formParam("j_username", "planner").formParam("j_password", "planner")
                .redirects().follow(false).post("/j_security_check");
        String cookie = login.getCookie("pp_session");
        org.junit.jupiter.api.Assertions.assertNotNull(cookie, "form login sets the session cookie");
        String setCookie = login.getHeader("Set-Cookie");
        org.junit.jupiter.api.Assertions.assertTrue(setCookie.toLowerCase().contains("httponly"), setCookie);
        org.junit.jupiter.api.Assertions.assertTrue(setCookie.toLowerCase().contains("samesite=strict"), setCookie);

        Map<String, Object> venue = Map.of("name", "CSRF 测试", "category", "书店");
        // cookie alone: refused
        anonymous().cookie("pp_session", cookie).contentType(ContentType.JSON).body(venue)
                .post("/api/venues").then().statusCode(403).body("detail", containsString("CSRF"));
        // from another origin: refused
        anonymous().cookie("pp_session", cookie).header("X-Requested-With", "fetch").header("Origin", "http://evil.example")
                .contentType(ContentType.JSON).body(venue).post("/api/venues").then().statusCode(403);
        // same-origin page with the header: accepted
        anonymous().cookie("pp_session", cookie).header("X-Requested-With", "fetch")
                .contentType(ContentType.JSON).body(venue).post("/api/venues").then().statusCode(201);
        // reads with the cookie need nothing more
        anonymous().cookie("pp_session", cookie).get("/api/me").then().statusCode(200).body("username", equalTo("planner"));
        // a page's 401 carries no Basic challenge (no browser dialog)
        anonymous().header("X-Requested-With", "fetch").get("/api/venues").then().statusCode(401)
                .header("WWW-Authenticate", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void securityHeadersAllowOnlyTheServiceItself() {
        as("planner").get("/api/venues").then().statusCode(200)
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("X-Frame-Options", equalTo("DENY"));
    }

    @Test
    void unknownPathsAreProblems() {
        as("planner").get("/api/no-such-thing").then().statusCode(404).contentType("application/problem+json");
    }
}
