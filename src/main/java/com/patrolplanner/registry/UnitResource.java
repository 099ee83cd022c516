package com.patrolplanner.registry;

import com.patrolplanner.security.CurrentUser;
import com.patrolplanner.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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
import java.util.List;

/** The units (执法机构) as a tree; the caller sees its own unit and those below it. Administrators edit. */
@Path("/api/units")
@Produces(MediaType.APPLICATION_JSON)
public class UnitResource {
    @Inject
    UnitService units;
    @Inject
    CurrentUser user;

    /** {@code areas=true} adds each unit's area as a GeoJSON geometry. */
    @GET
    @RolesAllowed({Roles.PLANNER, Roles.TEAM_LEADER, Roles.MANAGER, Roles.ADMIN})
    public List<UnitService.UnitView> tree(@QueryParam("areas") boolean areas) {
        return units.tree(areas);
    }

    /** The caller's unit with its extent (the map opens on it); 204 for the system administrator. */
    @GET
    @Path("/mine")
    @RolesAllowed({Roles.PLANNER, Roles.TEAM_LEADER, Roles.MANAGER, Roles.ADMIN})
    public Response mine() {
        UnitService.UnitView v = units.mine();
        return v == null ? Response.noContent().build() : Response.ok(v).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PLANNER, Roles.TEAM_LEADER, Roles.MANAGER, Roles.ADMIN})
    public UnitService.UnitView get(@PathParam("id") long id) {
        return units.get(id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    public Response create(UnitService.UnitInput in) {
        Unit u = units.create(in, user.name());
        return Response.created(URI.create("/api/units/" + u.id)).entity(units.get(u.id)).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    public UnitService.UnitView update(@PathParam("id") long id, UnitService.UnitInput in) {
        units.update(id, in, user.name());
        return units.get(id);
    }
}
