package com.patrolplanner.ui;

import com.patrolplanner.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** What the map page needs from the server besides the capability APIs: basemap settings and logout. */
@Path("/api")
public class UiResource {
    @Inject
    UiConfig config;
    @Inject
    SecurityIdentity identity;
    @ConfigProperty(name = "quarkus.http.auth.form.cookie-name", defaultValue = "quarkus-credential")
    String cookieName;
    @ConfigProperty(name = "quarkus.http.auth.form.cookie-path", defaultValue = "/")
    String cookiePath;

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
    @POST
    @Path("/logout")
    @PermitAll
    public Response logout() {
        // FormAuthenticationMechanism.logout(rc) needs routing-context attributes that only a request the form
        // mechanism authenticated carries (a Basic or anonymous caller gets an NPE): expire the cookie by name instead
        return Response.noContent().header("Set-Cookie", cookieName + "=; Path=" + cookiePath
                + "; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Strict").build();
    }
}
