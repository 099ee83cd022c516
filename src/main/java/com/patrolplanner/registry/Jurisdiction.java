package com.patrolplanner.registry;

import com.patrolplanner.i18n.Messages;
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
public class Jurisdiction implements com.patrolplanner.security.UnitVisibility {
    @Inject
    CurrentUser user;
    @Inject
    EntityManager em;
    @Inject
    ScopeHolder holder;
    @Inject
    com.patrolplanner.web.DataVersion versions;

    /** How long a user's scope is kept at most (as long as {@code PasswordIdentityProvider} keeps a checked password). */
    static final long SCOPE_MILLIS = 60_000;

    private record Kept(Scope scope, String token, long until) {
    }

    /**
     * Each user's scope, kept between requests while {@link com.patrolplanner.web.DataVersion#authToken()} is unchanged
     * (any process's change to a user or a unit changes it, at commit) and at most {@link #SCOPE_MILLIS}; a user or unit
     * write of this process empties it at once ({@link #forget()}). Saves the user row and the unit-tree walk (two
     * database round trips) on every request, which dominated small answers such as vector tiles.
     */
    private final java.util.concurrent.ConcurrentHashMap<String, Kept> kept = new java.util.concurrent.ConcurrentHashMap<>();

    /** The current caller's scope. */
    public Scope scope() {
        if (!Arc.container().requestContext().isActive()) {
            return Scope.ALL;
        }
        Scope s = holder.get();
        if (s == null) {
            String name = user.name();
            String token = versions.authToken();
            long now = System.currentTimeMillis();
            Kept k = token == null || "anonymous".equals(name) ? null : kept.get(name);
            if (k != null && k.token().equals(token) && now < k.until()) {
                s = k.scope();
            } else {
                Long unit = user.unitId();
                s = unit == null ? Scope.ALL : new Scope(unit, below(unit));
                if (token != null && !"anonymous".equals(name) && user.user() != null) {
                    if (kept.size() > 10_000) {
                        kept.clear();
                    }
                    kept.put(name, new Kept(s, token, now + SCOPE_MILLIS));
                }
            }
            holder.set(s);
        }
        return s;
    }

    /** Forgets every kept scope of this process (a user's unit or the unit tree changed here). */
    public void forget() {
        versions.invalidateAuth();
        kept.clear();
    }

    @Inject
    jakarta.transaction.TransactionSynchronizationRegistry transactions;

    /** Forgets the kept scopes now and again when the current transaction ends (the unit tree is being written). */
    public void forgetAtCommit() {
        forget();
        transactions.registerInterposedSynchronization(new jakarta.transaction.Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                forget();
            }
        });
    }

    void userChanged(@jakarta.enterprise.event.Observes com.patrolplanner.security.UserAdminEvent e) {
        forget();
    }

    @Override
    public boolean sees(Long unitId) {
        return scope().sees(unitId);
    }

    @Override
    public boolean seesAll() {
        return scope().all();
    }

    @Override
    public String sql(String column) {
        return scope().sql(column);
    }

    @Override
    public boolean exists(long unitId) {
        return Unit.findById(unitId) != null;
    }

    @Override
    public Long ownUnit() {
        return scope().unitId();
    }

    @Override
    public boolean seesTeam(long teamId) {
        Team t = Team.findById(teamId);
        return t != null && scope().sees(t.unitId);
    }

    /**
     * The unit a new record of the caller goes to: {@code requested} when given and inside the caller's scope (a city
     * planner placing a campaign, zone set or team in a district), else the caller's own unit. A requested unit outside
     * the scope is a 422 on {@code field} naming it (or 'no unit' when it does not exist).
     */
    public Long placeIn(Long requested, String field) {
        Scope s = scope();
        if (requested == null) {
            return s.unitId();
        }
        if (!s.sees(requested)) {
            Unit u = Unit.findById(requested);
            throw com.patrolplanner.web.ApiException.invalid(field, u == null ? Messages.of("common.noUnitWord",
                    requested) : Messages.of("registry.unitOutside", u.name, unitName(s.unitId())));
        }
        return requested;
    }

    /** The name of a unit (for messages), or "no unit" when null. */
    @Override
    public String unitName(Long unitId) {
        if (unitId == null) {
            return "no unit";
        }
        Unit u = Unit.findById(unitId);
        return u == null ? "unit " + unitId : u.name;
    }

    /**
     * Runs {@code work} as a caller of scope {@code s} (benchmarks and tools measuring the scoped paths outside a
     * request): activates a request context when none is active, holds the scope in it, and ends it afterwards.
     */
    public <T> T within(Scope s, java.util.concurrent.Callable<T> work) throws Exception {
        var ctx = Arc.container().requestContext();
        boolean activated = !ctx.isActive();
        if (activated) {
            ctx.activate();
        }
        try {
            holder.set(s);
            return work.call();
        } finally {
            holder.set(null);
            if (activated) {
                ctx.terminate();
            }
        }
    }

    /** Forgets this request's scope: a unit was just added below the caller's, and the caller sees it. */
    void forgetThisRequest() {
        if (Arc.container().requestContext().isActive()) {
            holder.set(null);
        }
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
