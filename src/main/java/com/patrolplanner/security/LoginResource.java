package com.patrolplanner.security;

import com.patrolplanner.i18n.Messages;
import com.patrolplanner.web.ApiException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The browser's login form ({@code POST /j_security_check}, fields {@code j_username} and {@code j_password}): checks the
 * password like HTTP Basic does (throttling included), opens a server-side session ({@link SessionStore}) and hands its
 * token to the browser in the session cookie. A post from a page of another origin is refused (login CSRF: a foreign
 * page must not log the browser into an account of the attacker's choosing).
 */
@Path("/j_security_check")
public class LoginResource {
    @Inject
    PasswordIdentityProvider passwords;
    @Inject
    SessionStore sessions;

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response login(@FormParam("j_username") String username, @FormParam("j_password") String password,
            @Context HttpServerRequest request) {
        if (!SessionCookie.sameOrigin(request.getHeader("Origin"), request.getHeader("Referer"), request.scheme(),
                request.getHeader("Host"))) {
            throw new ApiException(403, "Forbidden", Messages.of("security.crossSite"), null);
        }
        PasswordIdentityProvider.Checked ok = passwords.check(username == null ? null : username.trim(), password);
        String token = sessions.create(ok.userId());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", ok.identity().getPrincipal().getName());
        body.put("mustChangePassword", Boolean.TRUE.equals(ok.identity().getAttribute(PasswordIdentityProvider.MUST_CHANGE_PASSWORD)));
        return Response.ok(body).header("Set-Cookie", SessionCookie.issue(token, sessions.lifetime(), secure(request)))
                .header("Cache-Control", "no-store").build();
    }

    /** True when the request came over HTTPS (directly, or through a trusted proxy's X-Forwarded-Proto). */
    static boolean secure(HttpServerRequest request) {
        return request.isSSL() || "https".equalsIgnoreCase(request.scheme());
    }
}
