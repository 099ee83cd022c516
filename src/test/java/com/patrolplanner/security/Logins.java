package com.patrolplanner.security;

import static com.patrolplanner.TestSupport.anonymous;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Assertions;

/** Browser-style logins for the security tests: the form post, the cookie it sets, and a forger of old cookies. */
final class Logins {
    static final String COOKIE = "pp_session";

    private Logins() {
    }

    /** Posts the login form as the map page does; returns the answer (cookie in it when the login succeeded). */
    static Response form(String user, String password) {
        return anonymous().contentType(ContentType.URLENC).header("X-Requested-With", "fetch")
                .formParam("j_username", user).formParam("j_password", password).redirects().follow(false)
                .post("/j_security_check");
    }

    /** Logs in and returns the session token of the cookie. */
    static String session(String user, String password) {
        Response r = form(user, password);
        Assertions.assertEquals(200, r.statusCode(), r.asString());
        String cookie = r.getCookie(COOKIE);
        Assertions.assertNotNull(cookie, "the login sets the session cookie");
        return cookie;
    }

    /** A request carrying only the session cookie (and the page's X-Requested-With). */
    static RequestSpecification withCookie(String token) {
        return anonymous().cookie(COOKIE, token).header("X-Requested-With", "fetch");
    }

    /** SHA-256 hex of a token, computed here (not by the code under test). */
    static String sha256(String token) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
    }

    /**
     * A cookie in the format of Quarkus' form authentication (PersistentLoginManager): base64(12 ‖ iv ‖
     * AES-GCM(SHA-256(key), "expiryMillis:username")), the format an attacker could mint with a known key.
     */
    static String forgeQuarkusCookie(String key, String username) throws Exception {
        byte[] aes = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        byte[] iv = new byte[12];
        new SecureRandom().nextBytes(iv);
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(aes, "AES"), new GCMParameterSpec(128, iv));
        long expiry = System.currentTimeMillis() + 8 * 3600_000L;
        byte[] enc = c.doFinal((expiry + ":" + username).getBytes(StandardCharsets.UTF_8));
        ByteBuffer out = ByteBuffer.allocate(1 + iv.length + enc.length);
        out.put((byte) iv.length).put(iv).put(enc);
        return Base64.getEncoder().encodeToString(out.array());
    }
}
