package com.patrolplanner.casework;

import com.patrolplanner.security.CurrentUser;

/** Who records an act: the name kept in history and audit, and the team a team leader is held to. */
public record Actor(String name, Long teamId, boolean teamScoped) {
    public static Actor of(CurrentUser u) {
        return new Actor(u.name(), u.teamId(), u.scopedToTeam());
    }

    /** The service acting on its own behalf (the demo data). */
    public static Actor system(String name) {
        return new Actor(name, null, false);
    }
}
