package com.patrolplanner.security;

import com.patrolplanner.web.ApiException;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Users and the caller's own identity. Only admins manage users. */
@Path("/api")
public class UserResource {
    @Inject
    CurrentUser current;
    @Inject
    PasswordIdentityProvider passwords;

    public record UserView(Long id, String username, List<String> roles, Long teamId, String displayName, boolean active) {
        static UserView of(AppUser u) {
            return new UserView(u.id, u.username, u.roleSet().stream().sorted().toList(), u.teamId, u.displayName, u.active);
        }
    }

    public record UserInput(
            @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_.-]+", message = "letters, digits, _ . - only") String username,
            @Size(min = 6, max = 72) String password,
            @NotEmpty Set<String> roles,
            Long teamId,
            @Size(max = 100) String displayName,
            Boolean active) {
    }

    /** The caller: name, roles and team (the map page uses it to pick the view). */
    @GET
    @Path("/me")
    @PermitAll
    @Transactional
    public Map<String, Object> me() {
        AppUser u = current.user();
        if (u == null) {
            throw new io.quarkus.security.UnauthorizedException();
        }
        Map<String, Object> me = new java.util.LinkedHashMap<>();
        me.put("username", u.username);
        me.put("roles", u.roleSet().stream().sorted().toList());
        me.put("teamId", u.teamId);
        me.put("displayName", u.displayName == null ? u.username : u.displayName);
        return me;
    }

    @GET
    @Path("/users")
    @RolesAllowed(Roles.ADMIN)
    public List<UserView> list() {
        return AppUser.<AppUser>listAll().stream().map(UserView::of).toList();
    }

    @POST
    @Path("/users")
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    public Response create(@Valid UserInput in) {
        if (in.password() == null) {
            throw ApiException.invalid("password", "required, 6 to 72 characters");
        }
        checkRoles(in.roles());
        if (AppUser.findByUsername(in.username()) != null) {
            throw ApiException.conflict("user '" + in.username() + "' exists");
        }
        AppUser u = new AppUser();
        u.username = in.username();
        u.password = AppUser.hash(in.password());
        u.roles = String.join(",", in.roles());
        u.teamId = in.teamId();
        u.displayName = in.displayName();
        u.active = in.active() == null || in.active();
        u.persist();
        return Response.status(201).entity(UserView.of(u)).build();
    }

    @PUT
    @Path("/users/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    public UserView update(@PathParam("id") long id, @Valid UserInput in) {
        AppUser u = AppUser.findById(id);
        if (u == null) {
            throw ApiException.notFound("user " + id);
        }
        checkRoles(in.roles());
        u.username = in.username();
        if (in.password() != null) {
            u.password = AppUser.hash(in.password());
        }
        u.roles = String.join(",", in.roles());
        u.teamId = in.teamId();
        u.displayName = in.displayName();
        if (in.active() != null) {
            u.active = in.active();
        }
        passwords.forget();
        return UserView.of(u);
    }

    @DELETE
    @Path("/users/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    public Response delete(@PathParam("id") long id) {
        if (!AppUser.deleteById(id)) {
            throw ApiException.notFound("user " + id);
        }
        passwords.forget();
        return Response.noContent().build();
    }

    private static void checkRoles(Set<String> roles) {
        for (String r : roles) {
            if (!Roles.ALL.contains(r)) {
                throw ApiException.invalid("roles", "unknown role '" + r + "' (planner, team_leader, manager, admin)");
            }
        }
    }
}
