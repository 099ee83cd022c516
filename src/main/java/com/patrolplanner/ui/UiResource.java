package com.patrolplanner.ui;

import com.patrolplanner.security.Roles;
import com.patrolplanner.security.SessionCookie;
import com.patrolplanner.security.SessionStore;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import io.quarkus.security.identity.SecurityIdentity;
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
    @Inject
    SessionStore sessions;

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
     * Ends the browser's session: its row is deleted (the cookie is worthless from now on, on every process) and the
     * cookie expired. Permitted to anyone so that a stale session can always be cleared.
     */
    @POST
    @Path("/logout")
    @PermitAll
    public Response logout(@Context HttpServerRequest request) {
        Cookie c = request.getCookie(SessionCookie.NAME);
        if (c != null) {
            sessions.delete(c.getValue());
        }
        boolean secure = request.isSSL() || "https".equalsIgnoreCase(request.scheme());
        return Response.noContent().header("Set-Cookie", SessionCookie.expire(secure)).build();
    }
}
