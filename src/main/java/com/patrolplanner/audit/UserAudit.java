package com.patrolplanner.audit;

import com.patrolplanner.security.UserAdminEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Records the security capability's administrative acts (users created, changed, deleted; passwords changed; everyone
 * logged out) in the chain, inside the transaction that makes the change. Security publishes the event so that it need
 * not know the audit trail (the trail already knows the roles that may read it).
 */
@ApplicationScoped
public class UserAudit {
    @Inject
    AuditService audit;

    void record(@Observes UserAdminEvent e) {
        audit.record(e.actor(), e.action(), e.userId() == null ? "session" : "user", e.userId(),
                e.username() == null ? e.details() : withName(e), e.unitId());
    }

    private static java.util.Map<String, Object> withName(UserAdminEvent e) {
        java.util.Map<String, Object> d = new java.util.LinkedHashMap<>();
        d.put("username", e.username());
        if (e.details() != null) {
            d.putAll(e.details());
        }
        return d;
    }
}
