package com.patrolplanner.registry;

import jakarta.enterprise.context.RequestScoped;

/** Holds the scope {@link Jurisdiction} computed for this request, so the unit tree is walked once per request. */
@RequestScoped
class ScopeHolder {
    Scope scope;
}
