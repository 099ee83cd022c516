package com.patrolplanner.zoning;

import com.fasterxml.jackson.databind.JsonNode;
import com.patrolplanner.security.CurrentUser;
import com.patrolplanner.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** Zone sets: saved divisions of a district; one active per district. */
@Path("/api/zone-sets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ZoneSetResource {
    @Inject
    ZoneService zones;
    @Inject
    ZoneStats stats;
    @Inject
    CurrentUser user;

    /** Saves a proposal or starts an empty set: {"name","district"|"polygon","zones":FeatureCollection,"params"}. */
    @POST
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN})
    public Response create(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw com.patrolplanner.web.ApiException.invalid("name", com.patrolplanner.i18n.Messages.of("zone.jsonObject"));
        }
        ZoneViews.ZoneSet out = zones.createSet(ZoneViews.NewSet.of(body), user.name());
        return Response.created(URI.create("/api/zone-sets/" + out.summary().id())).entity(out).build();
    }

    @GET
    @RolesAllowed({Roles.PLANNER, Roles.TEAM_LEADER, Roles.MANAGER, Roles.ADMIN})
    public java.util.List<ZoneViews.SetSummary> list(@QueryParam("district") String district) {
        return zones.listSets(district);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PLANNER, Roles.TEAM_LEADER, Roles.MANAGER, Roles.ADMIN})
    public ZoneViews.ZoneSet get(@PathParam("id") long id) {
        return zones.getSet(id);
    }

    @PUT
    @Path("/{id}/activate")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN})
    public ZoneViews.ZoneSet activate(@PathParam("id") long id) {
        return zones.activate(id, user.name());
    }

    @GET
    @Path("/{id}/versions")
    @RolesAllowed({Roles.PLANNER, Roles.TEAM_LEADER, Roles.MANAGER, Roles.ADMIN})
    public java.util.List<ZoneViews.SetVersion> versions(@PathParam("id") long id) {
        return zones.versions(id);
    }

    @POST
    @Path("/{id}/versions/{version}/restore")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN})
    public ZoneViews.ZoneSet restore(@PathParam("id") long id, @PathParam("version") int version) {
        return zones.restore(id, version, user.name());
    }

    @GET
    @Path("/{id}/stats")
    @RolesAllowed({Roles.PLANNER, Roles.TEAM_LEADER, Roles.MANAGER, Roles.ADMIN})
    public java.util.List<ZoneStats.Figures> setStats(@PathParam("id") long id) {
        return stats.set(id);
    }
}
