package com.patrolplanner.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/** Who is calling: the name for history and audit records, the unit it works for and the team a team leader is scoped to. */
@RequestScoped
public class CurrentUser {
    @Inject
    SecurityIdentity identity;

    private AppUser user;
    private boolean loaded;

    public String name() {
        return identity == null || identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    public boolean has(String role) {
        return identity != null && identity.hasRole(role);
    }

    /** The team of a team leader, else null. */
    public Long teamId() {
        AppUser u = user();
        return u == null ? null : u.teamId;
    }

    /** The caller's unit (执法机构), or null for the system administrator (and anonymous callers). */
    public Long unitId() {
        AppUser u = user();
        return u == null ? null : u.unitId;
    }

    /**
     * True for the system administrator: an administrator without a unit. An administrator of a unit (单位管理员)
     * administers its unit's subtree only, and none of what is the whole system's (rules, the calendar, sessions).
     */
    public boolean systemAdmin() {
        return has(Roles.ADMIN) && user() != null && user().unitId == null;
    }

    /** 403 unless the caller is the system administrator ({@link #systemAdmin()}). */
    public void requireSystemAdmin() {
        if (!systemAdmin()) {
            throw new com.patrolplanner.web.ApiException(403, "Forbidden", com.patrolplanner.i18n.Messages.of(
                    "units.systemAdminOnly"), null);
        }
    }

    /** True when the caller sees only its own team's plans, stops and inspections. */
    public boolean scopedToTeam() {
        return has(Roles.TEAM_LEADER) && !has(Roles.PLANNER) && !has(Roles.ADMIN) && !has(Roles.MANAGER);
    }

    public AppUser user() {
        if (!loaded) {
            loaded = true;
            user = identity == null || identity.isAnonymous() ? null : AppUser.findByUsername(name());
        }
        return user;
    }
}
