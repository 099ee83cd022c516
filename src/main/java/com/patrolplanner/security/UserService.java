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
 * ends the sessions it must: a new password, other roles, another name, another unit or deactivation log the user out
 * everywhere. A password an administrator sets must be replaced by the user at the next login.
 *
 * <p>Unit administrators (an {@code admin} with a unit, 单位管理员) administer the users of their unit and the units
 * below it only: another unit's user is a 404, placing a user (or a user's team) outside the subtree is a 422 naming the
 * unit, and an administrator without a unit (the system administrator) is made by the system administrator only.
 */
@ApplicationScoped
public class UserService {
    @Inject
    SessionStore sessions;
    @Inject
    PasswordIdentityProvider passwords;
    @Inject
    Event<UserAdminEvent> events;
    @Inject
    UnitVisibility units;
    @Inject
    jakarta.persistence.EntityManager em;

    /**
     * What an administrator sends for a user; {@code password} null on update keeps the current one; {@code unitId} null
     * on create is the administrator's own unit, on update keeps the user's.
     */
    public record UserData(String username, String password, Set<String> roles, Long teamId, String displayName,
            Boolean active, Long unitId) {
        public UserData(String username, String password, Set<String> roles, Long teamId, String displayName,
                Boolean active) {
            this(username, password, roles, teamId, displayName, active, null);
        }
    }

    /** The users the caller administers (its units' users; every user for the system administrator), by id. */
    @SuppressWarnings("unchecked")
    public List<AppUser> list() {
        return em.createNativeQuery("SELECT * FROM app_user WHERE " + units.sql("unit_id") + " ORDER BY id", AppUser.class)
                .getResultList();
    }

    /** A user the caller administers; another unit's user (and, for a unit administrator, the system's) is a 404. */
    AppUser administered(long id) {
        AppUser u = AppUser.findById(id);
        if (u == null || !units.sees(u.unitId)) {
            throw ApiException.notFound(com.patrolplanner.i18n.Messages.of("noun.user", id));
        }
        return u;
    }

    /**
     * Where a user goes: {@code unit} must exist and lie in the caller's units (a 422 on {@code unitId} naming it); no
     * unit is the system's, which only the system administrator hands out; the team must be in the caller's units.
     */
    private void checkPlacement(Long unit, Long teamId) {
        if (unit == null) {
            if (!units.seesAll()) {
                throw ApiException.invalid("unitId", com.patrolplanner.i18n.Messages.of("units.systemAdminCreate"));
            }
        } else if (!units.exists(unit)) {
            throw ApiException.invalid("unitId", com.patrolplanner.i18n.Messages.of("units.noUnit", unit));
        } else if (!units.sees(unit)) {
            throw ApiException.invalid("unitId", com.patrolplanner.i18n.Messages.of("units.unitOutside", units.unitName(unit),
                    units.unitName(units.ownUnit())));
        }
        if (teamId != null && !units.seesTeam(teamId)) {
            throw ApiException.invalid("teamId", com.patrolplanner.i18n.Messages.of("units.teamOutside", teamId,
                    units.unitName(units.ownUnit())));
        }
    }

    @Transactional
    public AppUser create(String actor, UserData in) {
        checkRoles(in.roles());
        Long unit = in.unitId() != null ? in.unitId() : units.ownUnit();
        checkPlacement(unit, in.teamId());
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
        u.unitId = unit;
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
        d.put("unitId", u.unitId);
        d.put("active", u.active);
        d.put("password", "set by an administrator (must be changed at first login)");
        events.fire(new UserAdminEvent(actor, "create", u.id, u.username, d, u.unitId));
        return u;
    }

    @Transactional
    public AppUser update(String actor, long id, UserData in) {
        AppUser u = administered(id);
        checkRoles(in.roles());
        Long unit = in.unitId() != null ? in.unitId() : u.unitId;
        if (!Objects.equals(unit, u.unitId) || (in.teamId() != null && !Objects.equals(in.teamId(), u.teamId))) {
            checkPlacement(unit, Objects.equals(in.teamId(), u.teamId) ? null : in.teamId());
        }
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
        if (!Objects.equals(u.unitId, unit)) {
            // another unit is another jurisdiction: the sessions opened under the old one end
            changes.put("unitId", fromTo(u.unitId, unit));
            u.unitId = unit;
            endSessions = true;
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
            events.fire(new UserAdminEvent(actor, "update", u.id, u.username, changes, u.unitId));
        }
        return u;
    }

    @Transactional
    public void delete(String actor, long id) {
        AppUser u = administered(id);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("roles", sortedRoles(u));
        d.put("sessionsEnded", sessions.deleteForUser(u.id));
        events.fire(new UserAdminEvent(actor, "delete", u.id, u.username, d, u.unitId));
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
        events.fire(new UserAdminEvent(username, "password_change", u.id, u.username, d, u.unitId));
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
