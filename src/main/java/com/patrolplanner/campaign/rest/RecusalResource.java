package com.patrolplanner.campaign.rest;

import com.patrolplanner.campaign.draw.RecusalService;
import com.patrolplanner.campaign.draw.RecusalService.RecusalInput;
import com.patrolplanner.campaign.draw.RecusalService.RecusalView;
import com.patrolplanner.security.CurrentUser;
import com.patrolplanner.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/** The recusal list (回避名单): inspector ↔ venue pairs a draw must not put together. */
@Path("/api/recusals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RecusalResource {
    @Inject
    RecusalService recusals;
    @Inject
    CurrentUser user;

    @GET
    @RolesAllowed({Roles.PLANNER, Roles.MANAGER, Roles.ADMIN})
    public List<RecusalView> list() {
        return recusals.list();
    }

    @POST
    @RolesAllowed(Roles.PLANNER)
    public Response create(RecusalInput in) {
        RecusalView v = recusals.create(in, user.name());
        return Response.created(URI.create("/api/recusals/" + v.id())).entity(v).build();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.PLANNER)
    public Response delete(@PathParam("id") long id) {
        recusals.delete(id, user.name());
        return Response.noContent().build();
    }
}
