package com.patrolplanner.security;

import com.patrolplanner.i18n.Messages;
import com.patrolplanner.web.ProblemMappers;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * CSRF protection for browser sessions. A write that is authenticated by the session cookie (no Authorization header)
 * must carry {@code X-Requested-With} — a header another site cannot add without a CORS pre-flight, which we never
 * grant — and, when the browser sends an Origin, that origin must be this service. The cookie is also SameSite=Strict.
 * API clients using HTTP Basic are not affected. The login form has its own same-origin check ({@link LoginResource}).
 */
public class CsrfFilter {
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @ServerRequestFilter(preMatching = true)
    public Response check(ContainerRequestContext ctx) {
        if (SAFE.contains(ctx.getMethod()) || "/j_security_check".equals(ctx.getUriInfo().getPath())) {
            return null;
        }
        Cookie session = ctx.getCookies().get(SessionCookie.NAME);
        if (session == null || ctx.getHeaderString(HttpHeaders.AUTHORIZATION) != null) {
            return null;
        }
        String origin = ctx.getHeaderString("Origin");
        if (origin != null && !SessionCookie.sameOrigin(origin, null, ctx.getUriInfo().getRequestUri().getScheme(),
                ctx.getHeaderString(HttpHeaders.HOST))) {
            return ProblemMappers.problem(403, "Forbidden", Messages.of("security.crossSiteRequest", origin), null,
                    null);
        }
        if (ctx.getHeaderString("X-Requested-With") == null) {
            return ProblemMappers.problem(403, "Forbidden",
                    Messages.of("security.csrfHeader"), null, null);
        }
        return null;
    }
}
