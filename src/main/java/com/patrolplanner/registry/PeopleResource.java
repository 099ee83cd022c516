package com.patrolplanner.registry;

import com.patrolplanner.i18n.Messages;
import com.patrolplanner.registry.PeopleService.InspectorView;
import com.patrolplanner.registry.PeopleService.TeamView;
import com.patrolplanner.security.CurrentUser;
import com.patrolplanner.security.Roles;
import com.patrolplanner.web.ApiException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/** The inspector register (执法检查人员名录库) and the teams officers patrol in; a team leader sees the own team only. */
@Path("/api")
public class PeopleResource {
    @Inject
    CurrentUser user;
    @Inject
    PeopleService people;

    // ---------------------------------------------------------------- inspectors

    @GET
    @Path("/inspectors")
    @RolesAllowed({Roles.PLANNER, Roles.MANAGER, Roles.ADMIN, Roles.TEAM_LEADER})
    public List<InspectorView> inspectors(@QueryParam("team") Long team) {
        if (user.scopedToTeam()) {
            team = ownTeam();
        }
        return people.inspectors(team);
    }

    @GET
    @Path("/inspectors/{id}")
    @RolesAllowed({Roles.PLANNER, Roles.MANAGER, Roles.ADMIN})
    public InspectorView inspector(@PathParam("id") long id) {
        return people.inspector(id);
    }

    @POST
    @Path("/inspectors")
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN})
    public Response createInspector(@NotNull @Valid InspectorInput in) {
        InspectorView v = people.createInspector(in, user.name());
        return Response.created(URI.create("/api/inspectors/" + v.id())).entity(v).build();
    }

    @PUT
    @Path("/inspectors/{id}")
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN})
    public InspectorView updateInspector(@PathParam("id") long id, @NotNull @Valid InspectorInput in) {
        return people.updateInspector(id, in, user.name());
    }

    @DELETE
    @Path("/inspectors/{id}")
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN})
    public Response deleteInspector(@PathParam("id") long id) {
        people.deleteInspector(id, user.name());
        return Response.noContent().build();
    }

    // ---------------------------------------------------------------- teams

    @GET
    @Path("/teams")
    @RolesAllowed({Roles.PLANNER, Roles.MANAGER, Roles.ADMIN, Roles.TEAM_LEADER})
    public List<TeamView> teams() {
        return people.teams(user.scopedToTeam() ? ownTeam() : null);
    }

    @GET
    @Path("/teams/{id}")
    @RolesAllowed({Roles.PLANNER, Roles.MANAGER, Roles.ADMIN, Roles.TEAM_LEADER})
    public TeamView team(@PathParam("id") long id) {
        if (user.scopedToTeam() && !Long.valueOf(id).equals(user.teamId())) {
            throw ApiException.notFound(Messages.of("noun.team", id));
        }
        return people.team(id);
    }

    @POST
    @Path("/teams")
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN})
    public Response createTeam(@NotNull @Valid TeamInput in) {
        TeamView t = people.createTeam(in, user.name());
        return Response.created(URI.create("/api/teams/" + t.id())).entity(t).build();
    }

    @PUT
    @Path("/teams/{id}")
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN})
    public TeamView updateTeam(@PathParam("id") long id, @NotNull @Valid TeamInput in) {
        return people.updateTeam(id, in, user.name());
    }

    @DELETE
    @Path("/teams/{id}")
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN})
    public Response deleteTeam(@PathParam("id") long id) {
        people.deleteTeam(id, user.name());
        return Response.noContent().build();
    }

    /** A team leader's own team; -1 (no team) when the account has none. */
    private long ownTeam() {
        return user.teamId() == null ? -1L : user.teamId();
    }
}
