package com.patrolplanner.security;

import com.patrolplanner.i18n.Messages;
import com.patrolplanner.web.ApiException;
import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Users and their passwords and sessions. Every change fires a {@link UserAdminEvent} (the audit trail records it) and
 * ends the sessions it must: a new password, other roles, another name or deactivation log the user out everywhere.
 * A password an administrator sets must be replaced by the user at the next login.
 */
@ApplicationScoped
public class UserService {
    @Inject
    SessionStore sessions;
    @Inject
    PasswordIdentityProvider passwords;
    @Inject
    Event<UserAdminEvent> events;

    /** What an administrator sends for a user; {@code password} null on update keeps the current one. */
    public record UserData(String username, String password, Set<String> roles, Long teamId, String displayName,
            Boolean active) {
    }

    @Transactional
    public AppUser create(String actor, UserData in) {
        checkRoles(in.roles());
        if (in.password() == null) {
            throw ApiException.invalid("password", Messages.of("security.passwordLength", PasswordPolicy.MIN_LENGTH));
        }
        if (AppUser.findByUsername(in.username()) != null) {
            throw ApiException.conflict(Messages.of("security.userExists", in.username()));
        }
        AppUser u = new AppUser();
        u.username = in.username();
        u.password = AppUser.hash(in.password());
        u.roles = String.join(",", new TreeSet<>(in.roles()));
        u.teamId = in.teamId();
        u.displayName = in.displayName();
        u.active = in.active() == null || in.active();
        u.mustChangePassword = true;
        u.persist();
        // the team reference is checked by the database: a bad one is the team's error, reported before the password's
        AppUser.flush();
        PasswordPolicy.require("password", in.username(), in.password());
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("roles", sortedRoles(u));
        d.put("teamId", u.teamId);
        d.put("active", u.active);
        d.put("password", "set by an administrator (must be changed at first login)");
        events.fire(new UserAdminEvent(actor, "create", u.id, u.username, d));
        return u;
    }

    @Transactional
    public AppUser update(String actor, long id, UserData in) {
        AppUser u = AppUser.findById(id);
        if (u == null) {
            throw ApiException.notFound(Messages.of("noun.user", id));
        }
        checkRoles(in.roles());
        if (in.password() != null) {
            PasswordPolicy.require("password", in.username(), in.password());
        }
        Map<String, Object> changes = new LinkedHashMap<>();
        String roles = String.join(",", new TreeSet<>(in.roles()));
        boolean endSessions = false;
        if (!u.username.equals(in.username())) {
            changes.put("username", fromTo(u.username, in.username()));
            u.username = in.username();
            endSessions = true;
        }
        if (!new TreeSet<>(u.roleSet()).equals(new TreeSet<>(in.roles()))) {
            changes.put("roles", fromTo(sortedRoles(u), List.copyOf(new TreeSet<>(in.roles()))));
            endSessions = true;
        }
        u.roles = roles;
        if (!Objects.equals(u.teamId, in.teamId())) {
            changes.put("teamId", fromTo(u.teamId, in.teamId()));
            u.teamId = in.teamId();
        }
        if (!Objects.equals(u.displayName, in.displayName())) {
            changes.put("displayName", fromTo(u.displayName, in.displayName()));
            u.displayName = in.displayName();
        }
        if (in.active() != null && in.active() != u.active) {
            changes.put("active", fromTo(u.active, in.active()));
            u.active = in.active();
            endSessions |= !u.active;
        }
        if (in.password() != null) {
            u.password = AppUser.hash(in.password());
            u.mustChangePassword = true;
            changes.put("password", "reset by an administrator (must be changed at next login)");
            endSessions = true;
        }
        if (endSessions) {
            changes.put("sessionsEnded", sessions.deleteForUser(u.id));
        }
        passwords.forget();
        if (!changes.isEmpty()) {
            events.fire(new UserAdminEvent(actor, "update", u.id, u.username, changes));
        }
        return u;
    }

    @Transactional
    public void delete(String actor, long id) {
        AppUser u = AppUser.findById(id);
        if (u == null) {
            throw ApiException.notFound(Messages.of("noun.user", id));
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("roles", sortedRoles(u));
        d.put("sessionsEnded", sessions.deleteForUser(u.id));
        events.fire(new UserAdminEvent(actor, "delete", u.id, u.username, d));
        u.delete();
        passwords.forget();
    }

    /**
     * The user replaces the own password, proving the current one. Ends every session of the user; returns the user (the
     * caller opens a fresh session for the browser that asked).
     */
    @Transactional
    public AppUser changeOwnPassword(String username, String current, String next) {
        AppUser u = AppUser.findByUsername(username);
        if (u == null || !u.active) {
            throw new io.quarkus.security.UnauthorizedException();
        }
        if (current == null || !BcryptUtil.matches(current, u.password)) {
            throw ApiException.invalid("currentPassword", Messages.of("security.currentPassword"));
        }
        PasswordPolicy.require("newPassword", u.username, next);
        if (BcryptUtil.matches(next, u.password)) {
            throw ApiException.invalid("newPassword", Messages.of("security.samePassword"));
        }
        u.password = AppUser.hash(next);
        boolean wasForced = u.mustChangePassword;
        u.mustChangePassword = false;
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("forced", wasForced);
        d.put("sessionsEnded", sessions.deleteForUser(u.id));
        passwords.forget();
        events.fire(new UserAdminEvent(username, "password_change", u.id, u.username, d));
        return u;
    }

    /** Creates an administrator with a password the person chose (no forced change): the first login of a new install. */
    @Transactional
    public AppUser createAdmin(String actor, String username, String password) {
        if (username == null || !username.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw ApiException.invalid("username", Messages.of("security.username"));
        }
        PasswordPolicy.require("password", username, password);
        if (AppUser.findByUsername(username) != null) {
            throw ApiException.conflict(Messages.of("security.userExists", username));
        }
        AppUser u = new AppUser();
        u.username = username;
        u.password = AppUser.hash(password);
        u.roles = Roles.ADMIN;
        u.displayName = username;
        u.persist();
        AppUser.flush();
        events.fire(new UserAdminEvent(actor, "create", u.id, u.username,
                Map.of("roles", List.of(Roles.ADMIN), "active", true, "password", "chosen by the administrator (command line)")));
        return u;
    }

    /** Logs everyone out (every session of every user); returns how many sessions ended. */
    @Transactional
    public int logoutAll(String actor) {
        int n = sessions.deleteAll();
        events.fire(new UserAdminEvent(actor, "logout_all", null, null, Map.of("sessionsEnded", n)));
        return n;
    }

    private static List<String> sortedRoles(AppUser u) {
        return List.copyOf(new TreeSet<>(u.roleSet()));
    }

    private static Map<String, Object> fromTo(Object from, Object to) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", from);
        m.put("to", to);
        return m;
    }

    static void checkRoles(Set<String> roles) {
        if (roles == null || roles.isEmpty()) {
            throw ApiException.invalid("roles", Messages.of("security.oneRole"));
        }
        for (String r : roles) {
            if (!Roles.ALL.contains(r)) {
                throw ApiException.invalid("roles", Messages.of("security.unknownRole", r));
            }
        }
    }
}
