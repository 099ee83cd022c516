package com.patrolplanner.compliance;

import com.patrolplanner.security.CurrentUser;
import com.patrolplanner.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/** The compliance rules (legal distances around schools): everyone reads them, the admin edits them. */
@Path("/api/compliance/rules")
@Produces(MediaType.APPLICATION_JSON)
public class RuleResource {
    @Inject
    RuleService rules;
    @Inject
    CurrentUser user;

    @GET
    @RolesAllowed({Roles.PLANNER, Roles.TEAM_LEADER, Roles.MANAGER, Roles.ADMIN})
    public List<RuleView> list() {
        return rules.list().stream().map(RuleView::of).toList();
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.PLANNER, Roles.TEAM_LEADER, Roles.MANAGER, Roles.ADMIN})
    public RuleView get(@PathParam("code") String code) {
        return RuleView.of(rules.rule(code));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    public Response create(@NotNull @Valid RuleInput in) {
        user.requireSystemAdmin(); // the rules are the province's and the city's, read by every unit
        ComplianceRule r = rules.create(in, user.name());
        return Response.created(URI.create("/api/compliance/rules/" + r.code)).entity(RuleView.of(r)).build();
    }

    @PUT
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    public RuleView update(@PathParam("code") String code, @NotNull @Valid RuleInput in) {
        user.requireSystemAdmin();
        return RuleView.of(rules.update(code, in, user.name()));
    }

    @DELETE
    @Path("/{code}")
    @RolesAllowed(Roles.ADMIN)
    public Response delete(@PathParam("code") String code) {
        user.requireSystemAdmin();
        rules.delete(code, user.name());
        return Response.noContent().build();
    }
}
