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
