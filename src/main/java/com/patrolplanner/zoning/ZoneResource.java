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

/** Patrol zones: automatic proposals, hand-drawn zones, split/merge, teams, statistics. Planners write; all read. */
@Path("/api/zones")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ZoneResource {
    @Inject
    AutoZoning autoZoning;
    @Inject
    ZoneService zones;
    @Inject
    ZoneStats stats;
    @Inject
    CurrentUser user;

    /** A proposal (not saved): {"district":"370705","zoneCount":6,"seed":1} or {"polygon":{GeoJSON},…}. */
    @POST
    @Path("/generate")
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN})
    public AutoZoning.Proposal generate(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw com.patrolplanner.web.ApiException.invalid("zoneCount", com.patrolplanner.i18n.Messages.of("zone.jsonObject"));
        }
        Integer k = null;
        if (body.hasNonNull("zoneCount")) {
            if (!body.get("zoneCount").canConvertToInt() || !body.get("zoneCount").isIntegralNumber()) {
                throw com.patrolplanner.web.ApiException.invalid("zoneCount", com.patrolplanner.i18n.Messages.of("zone.wholeNumber"));
            }
            k = body.get("zoneCount").asInt();
        }
        Long seed = body.hasNonNull("seed") ? body.get("seed").asLong() : null;
        return autoZoning.generate(new AutoZoning.Request(ZoneJson.text(body, "district"), body.get("polygon"), k, seed));
    }

    /** A hand-drawn zone: {"zoneSetId":1,"name":"…","geometry":{Polygon|MultiPolygon},"teamId":…}. */
    @POST
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN})
    public Response create(JsonNode body) {
        ZoneViews.ZoneChange out = zones.createZone(ZoneViews.NewZone.of(body), user.name());
        return Response.created(URI.create("/api/zones/" + out.zone().id())).entity(out).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PLANNER, Roles.TEAM_LEADER, Roles.MANAGER, Roles.ADMIN})
    public ZoneViews.Zone get(@PathParam("id") long id) {
        return zones.getZone(id);
    }

    /** {"version":n, "geometry"?, "name"?, "teamId"?}; a stale version → 409. */
    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN})
    public ZoneViews.ZoneChange update(@PathParam("id") long id, JsonNode body) {
        return zones.updateZone(id, ZoneViews.ZoneEdit.of(body), user.name());
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN})
    public Response delete(@PathParam("id") long id, @QueryParam("version") Integer version) {
        zones.deleteZone(id, version == null ? null : version.longValue(), user.name());
        return Response.noContent().build();
    }

    /** {"line":{LineString},"version":n}. */
    @POST
    @Path("/{id}/split")
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN})
    public ZoneViews.ZoneSplit split(@PathParam("id") long id, JsonNode body) {
        return zones.split(id, ZoneViews.ZoneCut.of(body), user.name());
    }

    /** {"zoneIds":[a,b],"name"?}. */
    @POST
    @Path("/merge")
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN})
    public ZoneViews.ZoneChange merge(JsonNode body) {
        return zones.merge(ZoneViews.ZoneMerge.of(body), user.name());
    }

    /** {"teamId":n|null,"version":n}. */
    @PUT
    @Path("/{id}/team")
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN})
    public ZoneViews.Zone team(@PathParam("id") long id, JsonNode body) {
        return zones.assignTeam(id, ZoneViews.ZoneEdit.of(body), user.name());
    }

    @GET
    @Path("/{id}/stats")
    @RolesAllowed({Roles.PLANNER, Roles.TEAM_LEADER, Roles.MANAGER, Roles.ADMIN})
    public ZoneStats.Figures zoneStats(@PathParam("id") long id) {
        return stats.zone(id);
    }
}
