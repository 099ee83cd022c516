package com.patrolplanner.security;

import static com.patrolplanner.TestSupport.anonymous;
import static com.patrolplanner.TestSupport.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue #15 (safe to deploy), sessions: a forged cookie gets nothing, a session ends at logout, after the idle timeout
 * and at its absolute end, and at once when its user's password, roles or activation change.
 */
@QuarkusTest
class SessionTest {
    @Inject
    EntityManager em;

    /** The constant that application.properties used as the session key, and keys an attacker would try first. */
    static final List<String> GUESSABLE_KEYS = List.of("patrol-planner-dev-session-key-change-me-in-prod",
            "changeit-changeit-changeit", "secretsecretsecret", "0123456789abcdef0123456789abcdef",
            "patrol-planner-session-key", "quarkus-quarkus-quarkus");

    @Test
    void aCookieForgedWithTheOldOrAGuessableKeyIsRefused() throws Exception {
        for (String key : GUESSABLE_KEYS) {
            String forged = Logins.forgeQuarkusCookie(key, "admin");
            for (String name : List.of("quarkus-credential", Logins.COOKIE)) {
                anonymous().cookie(name, forged).header("X-Requested-With", "fetch").get("/api/audit").then().statusCode(401);
                anonymous().cookie(name, forged).header("X-Requested-With", "fetch").get("/api/me").then().statusCode(401);
                // nor may it create an administrator
                anonymous().cookie(name, forged).header("X-Requested-With", "fetch").contentType(ContentType.JSON)
                        .body(Map.of("username", "mallory", "password", "Mallory-2026!x", "roles", List.of("admin")))
                        .post("/api/users").then().statusCode(401);
            }
        }
        as("admin").get("/api/users").then().statusCode(200).body("username", org.hamcrest.Matchers.not(
                org.hamcrest.Matchers.hasItem("mallory")));
    }

    @Test
    void aRandomTokenOfTheRightShapeIsRefused() {
        Logins.withCookie("A".repeat(43)).get("/api/me").then().statusCode(401);
        anonymous().cookie(Logins.COOKIE, "x".repeat(5000)).get("/api/ui/session").then().statusCode(200)
                .body("authenticated", equalTo(false));
    }

    @Test
    void theCookieIsHttpOnlyStrictAndSecureBehindTls() {
        Response plain = Logins.form("planner", "planner");
        String setCookie = plain.getHeader("Set-Cookie");
        assertTrue(setCookie.contains("HttpOnly"), setCookie);
        assertTrue(setCookie.contains("SameSite=Strict"), setCookie);
        assertFalse(setCookie.contains("Secure"), "plain HTTP: a Secure cookie would never come back: " + setCookie);
        // through the TLS proxy on this machine (a trusted proxy): Secure
        Response tls = anonymous().contentType(ContentType.URLENC).header("X-Forwarded-Proto", "https")
                .formParam("j_username", "planner").formParam("j_password", "planner").post("/j_security_check");
        assertEquals(200, tls.statusCode(), tls.asString());
        assertTrue(tls.getHeader("Set-Cookie").contains("; Secure"), tls.getHeader("Set-Cookie"));
    }

    @Test
    void theTableHoldsOnlyTheTokensHashWithTwelveHoursOfLife() throws Exception {
        String token = Logins.session("manager", "manager");
        assertEquals(0L, count("SELECT count(*) FROM app_session WHERE token_hash = '" + token + "'"));
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                "SELECT u.username, extract(epoch FROM s.expires_at - s.created_at) FROM app_session s "
                        + "JOIN app_user u ON u.id = s.user_id WHERE s.token_hash = ?1")
                .setParameter(1, Logins.sha256(token)).getSingleResult());
        assertEquals("manager", row[0]);
        assertEquals(12 * 3600.0, ((Number) row[1]).doubleValue(), 1.0);
        assertTrue(token.length() >= 43, "a 256-bit token in base64: " + token);
    }

    @Test
    void aCookieReusedAfterLogoutIsRefused() {
        String token = Logins.session("planner", "planner");
        Logins.withCookie(token).get("/api/me").then().statusCode(200).body("username", equalTo("planner"));
        Logins.withCookie(token).post("/api/logout").then().statusCode(204)
                .header("Set-Cookie", containsString("Max-Age=0"));
        Logins.withCookie(token).get("/api/me").then().statusCode(401);
        Logins.withCookie(token).get("/api/venues").then().statusCode(401);
    }

    @Test
    void anIdleSessionEnds() throws Exception {
        String token = Logins.session("leader1", "leader1");
        Logins.withCookie(token).get("/api/me").then().statusCode(200);
        // 29 minutes idle: still valid (and the request marks it used)
        sql("UPDATE app_session SET last_seen = now() - interval '29 minutes' WHERE token_hash = '" + Logins.sha256(token) + "'");
        Logins.withCookie(token).get("/api/me").then().statusCode(200);
        assertTrue(count("SELECT count(*) FROM app_session WHERE last_seen > now() - interval '1 minute' AND token_hash = '"
                + Logins.sha256(token) + "'") == 1, "a use refreshes last_seen");
        // 31 minutes idle: ended
        sql("UPDATE app_session SET last_seen = now() - interval '31 minutes' WHERE token_hash = '" + Logins.sha256(token) + "'");
        Logins.withCookie(token).get("/api/me").then().statusCode(401);
    }

    @Test
    void aSessionEndsAtItsAbsoluteExpiryHoweverBusy() throws Exception {
        String token = Logins.session("leader2", "leader2");
        // created 12 h ago and used a second ago: the absolute end has come
        sql("UPDATE app_session SET created_at = now() - interval '12 hours', expires_at = now() - interval '1 second', "
                + "last_seen = now() WHERE token_hash = '" + Logins.sha256(token) + "'");
        Logins.withCookie(token).get("/api/me").then().statusCode(401);
    }

    @Test
    void changesToAUserEndItsSessionsAtOnce() {
        int id = as("admin").contentType(ContentType.JSON)
                .body(Map.of("username", "sessioned", "password", "Sessions-2026!", "roles", List.of("planner")))
                .post("/api/users").then().statusCode(201).extract().path("id");
        // the user picks an own password first (forced), then logs in with the browser
        anonymous().auth().preemptive().basic("sessioned", "Sessions-2026!").contentType(ContentType.JSON)
                .body(Map.of("currentPassword", "Sessions-2026!", "newPassword", "Own-choice-2026"))
                .post("/api/me/password").then().statusCode(204);

        // a role change ends the session
        String s1 = Logins.session("sessioned", "Own-choice-2026");
        Logins.withCookie(s1).get("/api/venues?limit=1").then().statusCode(200);
        as("admin").contentType(ContentType.JSON).body(Map.of("username", "sessioned", "roles", List.of("manager")))
                .put("/api/users/" + id).then().statusCode(200);
        Logins.withCookie(s1).get("/api/me").then().statusCode(401);

        // deactivation ends the session
        String s2 = Logins.session("sessioned", "Own-choice-2026");
        as("admin").contentType(ContentType.JSON).body(Map.of("username", "sessioned", "roles", List.of("manager"), "active", false))
                .put("/api/users/" + id).then().statusCode(200);
        Logins.withCookie(s2).get("/api/me").then().statusCode(401);
        as("admin").contentType(ContentType.JSON).body(Map.of("username", "sessioned", "roles", List.of("manager"), "active", true))
                .put("/api/users/" + id).then().statusCode(200);

        // the user's own password change ends the other sessions; the browser that changed it gets a fresh one
        String s3 = Logins.session("sessioned", "Own-choice-2026");
        String other = Logins.session("sessioned", "Own-choice-2026");
        Response changed = Logins.withCookie(s3).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", "Own-choice-2026", "newPassword", "Second-choice-2026"))
                .post("/api/me/password");
        assertEquals(204, changed.statusCode(), changed.asString());
        String fresh = changed.getCookie(Logins.COOKIE);
        assertNotNull(fresh, "a fresh session for the browser that changed the password");
        Logins.withCookie(s3).get("/api/me").then().statusCode(401);
        Logins.withCookie(other).get("/api/me").then().statusCode(401);
        Logins.withCookie(fresh).get("/api/me").then().statusCode(200).body("username", equalTo("sessioned"));

        // an administrator's reset ends it too
        as("admin").contentType(ContentType.JSON).body(Map.of("username", "sessioned", "roles", List.of("manager"),
                "password", "Admin-reset-2026")).put("/api/users/" + id).then().statusCode(200);
        Logins.withCookie(fresh).get("/api/me").then().statusCode(401);

        // deleting the user ends everything
        String s4 = Logins.session("sessioned", "Admin-reset-2026");
        as("admin").delete("/api/users/" + id).then().statusCode(204);
        Logins.withCookie(s4).get("/api/me").then().statusCode(401);
    }

    @Test
    void anAdministratorCanLogEveryoneOut() {
        String a = Logins.session("planner", "planner");
        String b = Logins.session("manager", "manager");
        as("planner").delete("/api/sessions").then().statusCode(403);
        as("admin").delete("/api/sessions").then().statusCode(200);
        Logins.withCookie(a).get("/api/me").then().statusCode(401);
        Logins.withCookie(b).get("/api/me").then().statusCode(401);
        assertEquals(0L, count("SELECT count(*) FROM app_session"));
        as("admin").queryParam("action", "logout_all").get("/api/audit").then().statusCode(200)
                .body("[0].actor", equalTo("admin"));
    }

    @Test
    void aLoginPostedFromAnotherSiteIsRefused() {
        // login CSRF: a foreign page posting the form (the browser adds its Origin, or at least a Referer)
        Response evil = anonymous().contentType(ContentType.URLENC).header("Origin", "http://evil.example")
                .formParam("j_username", "planner").formParam("j_password", "planner").post("/j_security_check");
        assertEquals(403, evil.statusCode(), evil.asString());
        assertNull(evil.getCookie(Logins.COOKIE));
        anonymous().contentType(ContentType.URLENC).header("Referer", "https://evil.example/page")
                .formParam("j_username", "planner").formParam("j_password", "planner").post("/j_security_check")
                .then().statusCode(403);
        anonymous().contentType(ContentType.URLENC).header("Origin", "null")
                .formParam("j_username", "planner").formParam("j_password", "planner").post("/j_security_check")
                .then().statusCode(403);
        // the service's own page: accepted
        String self = io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port;
        anonymous().contentType(ContentType.URLENC).header("Origin", self)
                .formParam("j_username", "planner").formParam("j_password", "planner").post("/j_security_check")
                .then().statusCode(200);
    }

    @Test
    void aWrongPasswordGetsAProblemAndNoCookie() {
        Response r = Logins.form("planner", "not-the-password");
        assertEquals(401, r.statusCode());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
        assertNull(r.getCookie(Logins.COOKIE));
    }

    private void sql(String statement) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(statement).executeUpdate());
    }

    private long count(String query) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(query).getSingleResult()).longValue());
    }
}
