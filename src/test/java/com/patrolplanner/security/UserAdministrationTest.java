package com.patrolplanner.security;

import static com.patrolplanner.TestSupport.anonymous;
import static com.patrolplanner.TestSupport.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue #15: an administrator-set password must be changed at first login; every user can change the own password;
 * the policy applies to both; every change to users, roles and passwords is in the audit trail (without the password).
 */
@QuarkusTest
class UserAdministrationTest {
    @Inject
    LoginThrottle throttle;

    private static RequestSpecification basic(String user, String password) {
        return anonymous().auth().preemptive().basic(user, password);
    }

    @Test
    void anAdminSetPasswordMustBeChangedAtFirstLogin() {
        as("admin").contentType(ContentType.JSON)
                .body(Map.of("username", "newcomer", "password", "Temporary-2026", "roles", List.of("planner")))
                .post("/api/users").then().statusCode(201).body("mustChangePassword", equalTo(true));
        // everything but /api/me and the change itself answers 403 password-change-required
        basic("newcomer", "Temporary-2026").get("/api/venues").then().statusCode(403)
                .contentType("application/problem+json").body("type", equalTo(PasswordChangeGate.TYPE));
        basic("newcomer", "Temporary-2026").get("/api/ui/config").then().statusCode(403);
        basic("newcomer", "Temporary-2026").get("/api/me").then().statusCode(200).body("mustChangePassword", equalTo(true));
        // the browser session is held to the same rule
        String token = Logins.session("newcomer", "Temporary-2026");
        Logins.withCookie(token).get("/api/venues").then().statusCode(403).body("type", equalTo(PasswordChangeGate.TYPE));

        // a wrong current password, a short one, the user name, a common one: refused, naming the field
        change("newcomer", "Temporary-2026", "wrong-current", "Good-choice-2026").then().statusCode(422)
                .body("errors.field", hasItem("currentPassword"));
        change("newcomer", "Temporary-2026", "Temporary-2026", "short").then().statusCode(422)
                .body("errors.field", hasItem("newPassword"));
        change("newcomer", "Temporary-2026", "Temporary-2026", "newcomer").then().statusCode(422);
        change("newcomer", "Temporary-2026", "Temporary-2026", "1234567890").then().statusCode(422);
        change("newcomer", "Temporary-2026", "Temporary-2026", "Temporary-2026").then().statusCode(422);

        change("newcomer", "Temporary-2026", "Temporary-2026", "Good-choice-2026").then().statusCode(204);
        basic("newcomer", "Temporary-2026").get("/api/venues?limit=1").then().statusCode(401);
        basic("newcomer", "Good-choice-2026").get("/api/venues?limit=1").then().statusCode(200);
        basic("newcomer", "Good-choice-2026").get("/api/me").then().body("mustChangePassword", equalTo(false));
        Logins.withCookie(token).get("/api/me").then().statusCode(401);
        throttle.reset();
    }

    @Test
    void adminSetPasswordsFollowThePolicy() {
        as("admin").contentType(ContentType.JSON)
                .body(Map.of("username", "weakling", "password", "weakling", "roles", List.of("planner")))
                .post("/api/users").then().statusCode(422).body("errors.field", contains("password"));
        as("admin").contentType(ContentType.JSON)
                .body(Map.of("username", "weakling", "password", "password123", "roles", List.of("planner")))
                .post("/api/users").then().statusCode(422);
        as("admin").get("/api/users").then().body("username", not(hasItem("weakling")));
    }

    @Test
    void everyUserChangeIsAuditedWithoutThePassword() {
        int id = as("admin").contentType(ContentType.JSON)
                .body(Map.of("username", "audited", "password", "Audited-pass-2026", "roles", List.of("planner")))
                .post("/api/users").then().statusCode(201).extract().path("id");
        change("audited", "Audited-pass-2026", "Audited-pass-2026", "Audited-own-2026").then().statusCode(204);
        as("admin").contentType(ContentType.JSON).body(Map.of("username", "audited", "roles", List.of("planner", "manager")))
                .put("/api/users/" + id).then().statusCode(200);
        as("admin").contentType(ContentType.JSON).body(Map.of("username", "audited", "roles", List.of("manager"),
                "password", "Audited-reset-2026")).put("/api/users/" + id).then().statusCode(200);
        as("admin").delete("/api/users/" + id).then().statusCode(204);

        String trail = as("admin").queryParam("entityType", "user").queryParam("entityId", String.valueOf(id))
                .get("/api/audit").then().statusCode(200)
                // newest first
                .body("action", contains("delete", "update", "update", "password_change", "create"))
                .body("actor", contains("admin", "admin", "admin", "audited", "admin"))
                .body("[2].details.roles.to", contains("manager", "planner"))
                .extract().asString();
        for (String secret : List.of("Audited-pass-2026", "Audited-own-2026", "Audited-reset-2026", "$2a$", "$2b$")) {
            assertFalse(trail.contains(secret), "the trail holds no password or hash: " + secret);
        }
        assertTrue(trail.contains("reset by an administrator"), trail);
        as("admin").get("/api/audit/verify").then().statusCode(200).body("intact", equalTo(true));
    }

    @Test
    void unknownNamesCostABcryptLikeKnownOnes() {
        // median of a few tries each; a skipped bcrypt (~50 ms at cost 10) would make unknown names ~100 times faster
        long known = median(i -> Logins.form("planner", "wrong-password-" + i).statusCode());
        throttle.reset();
        long unknown = median(i -> Logins.form("nobody-" + i + "-" + System.nanoTime(), "wrong-password").statusCode());
        throttle.reset();
        assertTrue(unknown * 3 > known, "unknown names answer in " + unknown + " µs, known in " + known + " µs");
    }

    private static long median(java.util.function.IntUnaryOperator attempt) {
        long[] t = new long[4];
        for (int i = 0; i < t.length; i++) {
            long start = System.nanoTime();
            org.junit.jupiter.api.Assertions.assertEquals(401, attempt.applyAsInt(i));
            t[i] = (System.nanoTime() - start) / 1000;
        }
        java.util.Arrays.sort(t);
        return (t[1] + t[2]) / 2;
    }

    private static io.restassured.response.Response change(String user, String password, String current, String next) {
        return basic(user, password).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", current, "newPassword", next)).post("/api/me/password");
    }
}
