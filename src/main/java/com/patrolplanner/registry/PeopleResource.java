package com.patrolplanner.registry;

import com.patrolplanner.geo.GeoJson;
import com.patrolplanner.security.CurrentUser;
import com.patrolplanner.security.Roles;
import com.patrolplanner.web.ApiException;
import com.patrolplanner.web.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import java.util.Map;

/** The inspector register (执法检查人员名录库) and the teams officers patrol in. */
@Path("/api")
public class PeopleResource {
    @Inject
    CurrentUser user;
    @Inject
    RegistryService registry;

    public record InspectorView(Long id, String name, String certificateNo, String unit, Long teamId, boolean active,
            boolean certified, int version) {
        static InspectorView of(Inspector i) {
            return new InspectorView(i.id, i.name, i.certificateNo, i.unit, i.teamId, i.active, i.certified(), i.version);
        }
    }

    public record InspectorInput(@NotBlank @Size(max = 100) String name, @Size(max = 64) String certificateNo,
            @Size(max = 200) String unit, Long teamId, Boolean active, Integer version) {
    }

    public record TeamView(Long id, String name, Double baseLon, Double baseLat, String baseAddress,
            List<InspectorView> members, int version) {
    }

    public record TeamInput(@NotBlank @Size(max = 100) String name, Double baseLon, Double baseLat,
            @Size(max = 300) String baseAddress, Integer version) {
    }

    // ---------------------------------------------------------------- inspectors

    @GET
    @Path("/inspectors")
    @RolesAllowed({Roles.PLANNER, Roles.MANAGER, Roles.ADMIN, Roles.TEAM_LEADER})
    public List<InspectorView> inspectors(@QueryParam("team") Long team) {
        if (user.scopedToTeam()) {
            team = user.teamId() == null ? -1L : user.teamId();
        }
        List<Inspector> l = team == null ? Inspector.list("order by id") : Inspector.list("teamId = ?1 order by id", team);
        return l.stream().map(InspectorView::of).toList();
    }

    @GET
    @Path("/inspectors/{id}")
    @RolesAllowed({Roles.PLANNER, Roles.MANAGER, Roles.ADMIN})
    public InspectorView inspector(@PathParam("id") long id) {
        return InspectorView.of(findInspector(id));
    }

    @POST
    @Path("/inspectors")
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN})
    @Transactional
    public Response createInspector(@NotNull @Valid InspectorInput in) {
        Inspector i = new Inspector();
        applyInspector(i, in);
        i.persist();
        registry.history("inspector", i.id, "create", user.name(), null, Map.of());
        return Response.created(URI.create("/api/inspectors/" + i.id)).entity(InspectorView.of(i)).build();
    }

    @PUT
    @Path("/inspectors/{id}")
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN})
    @Transactional
    public InspectorView updateInspector(@PathParam("id") long id, @NotNull @Valid InspectorInput in) {
        Inspector i = findInspector(id);
        checkVersion("inspector " + id, in.version(), i.version);
        applyInspector(i, in);
        registry.history("inspector", i.id, "update", user.name(), null, Map.of());
        return InspectorView.of(i);
    }

    @DELETE
    @Path("/inspectors/{id}")
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN})
    @Transactional
    public Response deleteInspector(@PathParam("id") long id) {
        Inspector i = findInspector(id);
        registry.history("inspector", i.id, "delete", user.name(), null, Map.of());
        i.delete();
        return Response.noContent().build();
    }

    private void applyInspector(Inspector i, InspectorInput in) {
        String cert = in.certificateNo() == null || in.certificateNo().isBlank() ? null : in.certificateNo().trim();
        if (cert != null && Inspector.count("certificateNo = ?1 and id <> ?2", cert, i.id == null ? -1L : i.id) > 0) {
            throw new ApiException(409, "Conflict", "certificate number " + cert + " belongs to another inspector",
                    List.of(com.patrolplanner.web.Problem.FieldError.of("certificateNo", "already registered")));
        }
        if (in.teamId() != null && Team.findById(in.teamId()) == null) {
            throw ApiException.invalid("teamId", "no team " + in.teamId());
        }
        i.name = in.name().trim();
        i.certificateNo = cert;
        i.unit = in.unit();
        i.teamId = in.teamId();
        i.active = in.active() == null || in.active();
    }

    private static Inspector findInspector(long id) {
        Inspector i = Inspector.findById(id);
        if (i == null) {
            throw ApiException.notFound("inspector " + id);
        }
        return i;
    }

    // ---------------------------------------------------------------- teams

    @GET
    @Path("/teams")
    @RolesAllowed({Roles.PLANNER, Roles.MANAGER, Roles.ADMIN, Roles.TEAM_LEADER})
    public List<TeamView> teams() {
        List<Team> teams = user.scopedToTeam()
                ? Team.list("id = ?1", user.teamId() == null ? -1L : user.teamId()) : Team.list("order by id");
        return teams.stream().map(PeopleResource::view).toList();
    }

    @GET
    @Path("/teams/{id}")
    @RolesAllowed({Roles.PLANNER, Roles.MANAGER, Roles.ADMIN, Roles.TEAM_LEADER})
    public TeamView team(@PathParam("id") long id) {
        if (user.scopedToTeam() && !Long.valueOf(id).equals(user.teamId())) {
            throw ApiException.notFound("team " + id);
        }
        return view(findTeam(id));
    }

    @POST
    @Path("/teams")
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN})
    @Transactional
    public Response createTeam(@NotNull @Valid TeamInput in) {
        if (Team.count("name", in.name().trim()) > 0) {
            throw ApiException.conflict("team '" + in.name() + "' exists");
        }
        Team t = new Team();
        applyTeam(t, in);
        t.persist();
        registry.history("team", t.id, "create", user.name(), null, Map.of());
        return Response.created(URI.create("/api/teams/" + t.id)).entity(view(t)).build();
    }

    @PUT
    @Path("/teams/{id}")
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN})
    @Transactional
    public TeamView updateTeam(@PathParam("id") long id, @NotNull @Valid TeamInput in) {
        Team t = findTeam(id);
        checkVersion("team " + id, in.version(), t.version);
        applyTeam(t, in);
        registry.history("team", t.id, "update", user.name(), null, Map.of());
        return view(t);
    }

    @DELETE
    @Path("/teams/{id}")
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN})
    @Transactional
    public Response deleteTeam(@PathParam("id") long id) {
        Team t = findTeam(id);
        Inspector.update("teamId = null where teamId = ?1", id);
        registry.history("team", t.id, "delete", user.name(), null, Map.of());
        t.delete();
        return Response.noContent().build();
    }

    private static void applyTeam(Team t, TeamInput in) {
        t.name = in.name().trim();
        if ((in.baseLon() == null) != (in.baseLat() == null)) {
            throw ApiException.invalid("baseLon", "baseLon and baseLat go together");
        }
        if (in.baseLon() != null) {
            try {
                RegistryService.checkLonLat(in.baseLon(), in.baseLat());
            } catch (ApiException e) {
                Problem.FieldError f = e.errors().get(0);
                throw ApiException.invalid(f.field().equals("lat") ? "baseLat" : "baseLon", f.reason());
            }
            t.base = GeoJson.point(in.baseLon(), in.baseLat());
        }
        t.baseAddress = in.baseAddress();
    }

    private static TeamView view(Team t) {
        List<InspectorView> members = Inspector.<Inspector>list("teamId = ?1 order by id", t.id).stream()
                .map(InspectorView::of).toList();
        return new TeamView(t.id, t.name, t.base == null ? null : t.base.getX(), t.base == null ? null : t.base.getY(),
                t.baseAddress, members, t.version);
    }

    private static Team findTeam(long id) {
        Team t = Team.findById(id);
        if (t == null) {
            throw ApiException.notFound("team " + id);
        }
        return t;
    }

    private static void checkVersion(String what, Integer given, int current) {
        if (given == null) {
            throw ApiException.invalid("version", "required: send the version you read");
        }
        if (given != current) {
            throw ApiException.staleVersion(what, given, current);
        }
    }
}
