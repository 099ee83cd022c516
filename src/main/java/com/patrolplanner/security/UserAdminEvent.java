package com.patrolplanner.security;

import java.util.Map;

/**
 * Fired (synchronously, inside the writing transaction) for every change to users, roles, passwords and sessions, so
 * that the audit trail records it exactly when it commits. {@code details} never holds a password or a hash.
 *
 * @param action {@code create}, {@code update}, {@code delete}, {@code password_change} (by the user) or
 *               {@code logout_all}
 * @param userId the user concerned, null for {@code logout_all}
 * @param unitId the unit of the user concerned (its unit administrators read the record), null: the system's
 */
public record UserAdminEvent(String actor, String action, Long userId, String username, Map<String, Object> details,
        Long unitId) {
    public UserAdminEvent(String actor, String action, Long userId, String username, Map<String, Object> details) {
        this(actor, action, userId, username, details, null);
    }
}
