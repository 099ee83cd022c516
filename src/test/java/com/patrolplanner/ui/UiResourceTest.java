package com.patrolplanner.ui;

import static com.patrolplanner.TestSupport.anonymous;
import static com.patrolplanner.TestSupport.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/** The small server side of the map UI: CSP, session probe, basemap config and logout (no browser needed). */
@QuarkusTest
@io.quarkus.test.junit.TestProfile(OwnDatabase.class)
class UiResourceTest {
    @Test
    void pageIsServedWithAStrictContentSecurityPolicy() {
        anonymous().get("/").then().statusCode(200)
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                .body(not(containsString("onclick=")))
                .body(not(containsString("<script>")));
    }

    @Test
    void sessionProbeAnswersAnonymousCallersWithoutAChallenge() {
        anonymous().get("/api/ui/session").then().statusCode(200).body("authenticated", equalTo(false));
        as("planner").get("/api/ui/session").then().statusCode(200).body("authenticated", equalTo(true));
        // /api/me stays 401 problem+json, without a Basic challenge for the page's fetches
        anonymous().header("X-Requested-With", "fetch").get("/api/me").then().statusCode(401)
                .header("WWW-Authenticate", nullValue());
    }

    @Test
    void configOffersNoBasemapFirstAndAmapAsGcj02() {
        as("leader1").get("/api/ui/config").then().statusCode(200)
                .body("basemaps[0].id", equalTo("none"))
                .body("basemaps.findAll { it.id == 'amap' }.datum", hasItem("GCJ02"));
        anonymous().header("X-Requested-With", "fetch").get("/api/ui/config").then().statusCode(401);
    }

    @Test
    void logoutExpiresTheFormLoginCookie() {
        Response login = anonymous().contentType(ContentType.URLENC)
                .formParam("j_username", "manager").formParam("j_password", "manager")
                .post("/j_security_check");
        String cookie = login.getCookie("pp_session");
        org.junit.jupiter.api.Assertions.assertNotNull(cookie, "form login sets the session cookie");
        anonymous().cookie("pp_session", cookie).get("/api/ui/session").then().body("authenticated", equalTo(true));
        // a cookie-authenticated write carries X-Requested-With (the CSRF filter of the security package)
        anonymous().cookie("pp_session", cookie).header("X-Requested-With", "fetch").post("/api/logout").then().statusCode(204)
                .header("Set-Cookie", containsString("pp_session="))
                .header("Set-Cookie", containsString("Max-Age=0"));
    }

    @Test
    void logoutWithoutASessionIsHarmless() {
        anonymous().header("X-Requested-With", "fetch").post("/api/logout").then().statusCode(204)
                .header("Set-Cookie", containsString("Max-Age=0"));
    }
}
