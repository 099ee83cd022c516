package com.patrolplanner.ui;

import com.patrolplanner.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.FormAuthenticationMechanism;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the map page needs from the server besides the capability APIs: basemap settings and logout. */
@Path("/api")
public class UiResource {
    @Inject
    UiConfig config;
    @Inject
    SecurityIdentity identity;

    /**
     * Whether the browser holds a session. Unlike {@code /api/me} it answers 200 to anonymous callers too, so the page's
     * first look-up does not log a 401 in the console of every visitor.
     */
    @GET
    @Path("/ui/session")
    @Produces(MediaType.APPLICATION_JSON)
    @PermitAll
    public Map<String, Object> session() {
        boolean in = identity != null && !identity.isAnonymous();
        return Map.of("authenticated", in, "username", in ? identity.getPrincipal().getName() : "");
    }

    /**
     * The basemaps offered by the switch ({@code none} always first: the page must work on an intranet without tiles)
     * with their tile URL templates and the datum their tiles are drawn in (Amap is GCJ-02, so overlays get shifted).
     */
    @GET
    @Path("/ui/config")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PLANNER, Roles.TEAM_LEADER, Roles.MANAGER, Roles.ADMIN})
    public Map<String, Object> uiConfig() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("basemaps", config.basemaps());
        out.put("center", List.of(config.settings().centerLon(), config.settings().centerLat()));
        out.put("zoom", config.settings().zoom());
        return out;
    }

    /**
     * Form authentication keeps the identity in an encrypted HttpOnly cookie that scripts cannot delete, and Quarkus has
     * no logout endpoint of its own: this expires the cookie. Permitted to anyone so that a stale session can always be
     * cleared.
     */
    private static final String FORM_COOKIE_NAME = "io.quarkus.vertx.http.runtime.security.form.cookie-name";

    @POST
    @Path("/logout")
    @PermitAll
    public Response logout(@Context RoutingContext rc) {
        // Quarkus' helper needs the cookie settings that only the form mechanism leaves on the request; a caller that
        // authenticated with HTTP Basic never passed through it (that was a 500), so expire the cookie by name then.
        if (rc.get(FORM_COOKIE_NAME) != null) {
            FormAuthenticationMechanism.logout(rc);
        } else {
            return Response.noContent().cookie(new jakarta.ws.rs.core.NewCookie.Builder("quarkus-credential").value("")
                    .path("/").maxAge(0).httpOnly(true).sameSite(jakarta.ws.rs.core.NewCookie.SameSite.STRICT).build())
                    .build();
        }
        return Response.noContent().build();
    }
}
