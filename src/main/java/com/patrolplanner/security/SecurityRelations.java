package com.patrolplanner.security;

import java.util.Set;

/**
 * The SQL face of this capability (schema {@code pp}): {@link #OWNED} lists every relation (table or view) it creates and
 * alone may name in SQL; {@link #PUBLISHED} the subset other capabilities may join against. Everything else it stores
 * is private: other capabilities reach it through this capability's service. 
 * Kept true by {@code SqlOwnershipTest}.
 */
public final class SecurityRelations {
    public static final Set<String> OWNED = Set.of("app_user", "app_session", "idempotent_write");
    public static final Set<String> PUBLISHED = Set.of();

    private SecurityRelations() {
    }
}
