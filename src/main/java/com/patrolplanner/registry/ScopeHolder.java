package com.patrolplanner.registry;

import jakarta.enterprise.context.RequestScoped;

/**
 * Holds the scope {@link Jurisdiction} computed for this request, so the unit tree is walked once per request. Reached
 * through methods only: a field read on the CDI client proxy would see the proxy's field, shared by every request.
 */
@RequestScoped
class ScopeHolder {
    private Scope scope;

    Scope get() {
        return scope;
    }

    void set(Scope s) {
        scope = s;
    }
}
