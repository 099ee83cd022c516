package com.patrolplanner.registry;

import com.patrolplanner.security.CurrentUser;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * The caller's jurisdiction (属地管理): the {@link Scope} of the current request, read once per request from the user's
 * unit and the unit tree (a recursive walk down from it). Outside a request (start-up, background jobs that did not
 * carry a scope) the service acts for the whole city.
 */
@ApplicationScoped
public class Jurisdiction {
    @Inject
    CurrentUser user;
    @Inject
    EntityManager em;
    @Inject
    ScopeHolder holder;

    /** The current caller's scope. */
    public Scope scope() {
        if (!Arc.container().requestContext().isActive()) {
            return Scope.ALL;
        }
        Scope s = holder.get();
        if (s == null) {
            Long unit = user.unitId();
            s = unit == null ? Scope.ALL : new Scope(unit, below(unit));
            holder.set(s);
        }
        return s;
    }

    /** A unit and every unit below it. */
    public List<Long> below(long unitId) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("""
                WITH RECURSIVE down(id) AS (SELECT id FROM unit WHERE id = ?1
                  UNION SELECT u.id FROM unit u JOIN down d ON u.parent_id = d.id)
                SELECT id FROM down ORDER BY id""").setParameter(1, unitId).getResultList();
        return ids.stream().map(Number::longValue).toList();
    }
}
