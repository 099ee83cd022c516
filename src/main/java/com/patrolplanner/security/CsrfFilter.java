package com.patrolplanner.security;

import com.patrolplanner.web.ProblemMappers;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * CSRF protection for browser sessions. A write that is authenticated by the session cookie (no Authorization header)
 * must carry {@code X-Requested-With} — a header another site cannot add without a CORS pre-flight, which we never
 * grant — and, when the browser sends an Origin, that origin must be this service. The cookie is also SameSite=Strict.
 * API clients using HTTP Basic are not affected.
 */
public class CsrfFilter {
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
    static final String SESSION_COOKIE = "quarkus-credential";

    @ServerRequestFilter(preMatching = true)
    public Response check(ContainerRequestContext ctx) {
        if (SAFE.contains(ctx.getMethod())) {
            return null;
        }
        Cookie session = ctx.getCookies().get(SESSION_COOKIE);
        if (session == null || ctx.getHeaderString(HttpHeaders.AUTHORIZATION) != null) {
            return null;
        }
        String origin = ctx.getHeaderString("Origin");
        if (origin != null && !origin.equals("null")) {
            URI o = URI.create(origin);
            String host = ctx.getHeaderString(HttpHeaders.HOST);
            if (host == null || !host.equalsIgnoreCase(o.getAuthority())) {
                return ProblemMappers.problem(403, "Forbidden", "cross-site request refused (Origin " + origin + ")", null, null);
            }
        }
        if (ctx.getHeaderString("X-Requested-With") == null) {
            return ProblemMappers.problem(403, "Forbidden",
                    "a browser write must send the X-Requested-With header (CSRF protection)", null, null);
        }
        return null;
    }
}
