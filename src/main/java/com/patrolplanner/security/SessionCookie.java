package com.patrolplanner.security;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * The browser session cookie and the same-origin test of browser requests. The cookie is {@code HttpOnly} (scripts
 * cannot read it), {@code SameSite=Strict} (other sites cannot make the browser send it) and {@code Secure} when the
 * request came over HTTPS, directly or through a trusted reverse proxy that says {@code X-Forwarded-Proto: https}
 * (Quarkus applies {@code quarkus.http.proxy.*} before the scheme is read here).
 */
public final class SessionCookie {
    public static final String NAME = "pp_session";

    private SessionCookie() {
    }

    /** The Set-Cookie value that hands the browser a session token. */
    public static String issue(String token, Duration lifetime, boolean secure) {
        return NAME + "=" + token + "; Path=/; Max-Age=" + lifetime.toSeconds() + "; HttpOnly; SameSite=Strict"
                + (secure ? "; Secure" : "");
    }

    /** The Set-Cookie value that makes the browser drop the cookie. */
    public static String expire(boolean secure) {
        return NAME + "=; Path=/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Strict"
                + (secure ? "; Secure" : "");
    }

    /**
     * Whether a browser request comes from a page of this service: its {@code Origin} (else its {@code Referer}) must
     * have the scheme, host and port the request was sent to. A request with neither header is not from a browser
     * page (browsers send Origin with every POST) and passes; the literal origin "null" (sandboxed frames, some
     * redirects) does not.
     *
     * @param scheme the request's scheme as the service sees it (https behind a trusted TLS proxy)
     * @param host the request's Host header
     */
    public static boolean sameOrigin(String origin, String referer, String scheme, String host) {
        String source = origin != null ? origin : referer;
        if (source == null) {
            return true;
        }
        if (host == null || source.isBlank() || source.equals("null")) {
            return false;
        }
        try {
            URI u = URI.create(source.trim());
            if (u.getScheme() == null || u.getHost() == null) {
                return false;
            }
            String s = u.getScheme().toLowerCase(Locale.ROOT);
            String req = scheme == null ? "http" : scheme.toLowerCase(Locale.ROOT);
            return s.equals(req) && normalise(s, u.getHost(), u.getPort()).equals(normalise(req, host));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String normalise(String scheme, String host, int port) {
        int p = port >= 0 ? port : scheme.equals("https") ? 443 : 80;
        return host.toLowerCase(Locale.ROOT) + ":" + p;
    }

    /** host, host:port, [v6], [v6]:port → host:port with the scheme's default port filled in. */
    private static String normalise(String scheme, String hostHeader) {
        String h = hostHeader.trim();
        int colon = h.lastIndexOf(':');
        int bracket = h.lastIndexOf(']');
        if (colon > bracket && colon > 0) {
            try {
                return normalise(scheme, h.substring(0, colon), Integer.parseInt(h.substring(colon + 1)));
            } catch (NumberFormatException e) {
                return h;
            }
        }
        return normalise(scheme, h, -1);
    }
}
