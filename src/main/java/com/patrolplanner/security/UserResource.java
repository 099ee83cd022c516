package com.patrolplanner.security;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Users, the caller's own identity and password, and ending sessions. Only admins manage users: the system administrator
 * every user, a unit's administrator the users of its unit and the units below it ({@link UserService}).
 */
@Path("/api")
public class UserResource {
    @Inject
    CurrentUser current;
    @Inject
    UserService users;
    @Inject
    SessionStore sessions;

    public record UserView(Long id, String username, List<String> roles, Long teamId, String displayName, boolean active,
            boolean mustChangePassword, Long unitId) {
        static UserView of(AppUser u) {
            return new UserView(u.id, u.username, u.roleSet().stream().sorted().toList(), u.teamId, u.displayName, u.active,
                    u.mustChangePassword, u.unitId);
        }
    }

    public record UserInput(
            @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_.-]+", message = "{security.usernameChars}") String username,
            @Size(max = 200) String password,
            @NotEmpty Set<String> roles,
            Long teamId,
            @Size(max = 100) String displayName,
            Boolean active,
            Long unitId) {
        UserService.UserData data() {
            return new UserService.UserData(username, password, roles, teamId, displayName, active, unitId);
        }
    }

    public record PasswordChange(@NotNull @Size(max = 200) String currentPassword, @NotNull @Size(max = 200) String newPassword) {
    }

    /**
     * The caller: name, roles, team (the map page uses it to pick the view) and whether the password must be changed
     * before anything else answers.
     */
    @GET
    @Path("/me")
    @PermitAll
    @jakarta.transaction.Transactional
    public Map<String, Object> me() {
        AppUser u = current.user();
        if (u == null) {
            throw new io.quarkus.security.UnauthorizedException();
        }
        Map<String, Object> me = new LinkedHashMap<>();
        me.put("username", u.username);
        me.put("roles", u.roleSet().stream().sorted().toList());
        me.put("teamId", u.teamId);
        me.put("displayName", u.displayName == null ? u.username : u.displayName);
        me.put("mustChangePassword", u.mustChangePassword);
        return me;
    }

    /**
     * Changes the caller's own password ({@code currentPassword} proves it is the user). Every session of the user ends;
     * a browser that asked with its session cookie gets a fresh session in the answer.
     */
    @POST
    @Path("/me/password")
    @RolesAllowed({Roles.PLANNER, Roles.TEAM_LEADER, Roles.MANAGER, Roles.ADMIN})
    public Response changePassword(@Valid @NotNull PasswordChange in, @Context HttpServerRequest request) {
        AppUser u = users.changeOwnPassword(current.name(), in.currentPassword(), in.newPassword());
        Response.ResponseBuilder b = Response.noContent();
        if (request.getCookie(SessionCookie.NAME) != null) {
            b.header("Set-Cookie", SessionCookie.issue(sessions.create(u.id), sessions.lifetime(), LoginResource.secure(request)));
        }
        return b.build();
    }

    @GET
    @Path("/users")
    @RolesAllowed(Roles.ADMIN)
    @jakarta.transaction.Transactional
    public List<UserView> list() {
        return users.list().stream().map(UserView::of).toList();
    }

    /** A new user; the password the administrator sets must be changed by the user at the first login. */
    @POST
    @Path("/users")
    @RolesAllowed(Roles.ADMIN)
    public Response create(@Valid @NotNull UserInput in) {
        return Response.status(201).entity(UserView.of(users.create(current.name(), in.data()))).build();
    }

    @PUT
    @Path("/users/{id}")
    @RolesAllowed(Roles.ADMIN)
    public UserView update(@PathParam("id") long id, @Valid @NotNull UserInput in) {
        return UserView.of(users.update(current.name(), id, in.data()));
    }

    @DELETE
    @Path("/users/{id}")
    @RolesAllowed(Roles.ADMIN)
    public Response delete(@PathParam("id") long id) {
        users.delete(current.name(), id);
        return Response.noContent().build();
    }

    /** Logs everyone out: every browser session of every user ends (HTTP Basic clients are not affected). */
    @DELETE
    @Path("/sessions")
    @RolesAllowed(Roles.ADMIN)
    public Map<String, Object> logoutAll() {
        current.requireSystemAdmin();
        return Map.of("sessionsEnded", users.logoutAll(current.name()));
    }
}
