package com.patrolplanner.coverage;

import java.util.Set;

/**
 * The SQL face of this capability (schema {@code pp}): {@link #OWNED} lists every relation (table or view) it creates and
 * alone may name in SQL; {@link #PUBLISHED} the subset other capabilities may join against. Everything else it stores
 * is private: other capabilities reach it through this capability's service. {@code venue_cell} (a venue's H3 cells) is coverage's own index.
 * Kept true by {@code SqlOwnershipTest}.
 */
public final class CoverageRelations {
    public static final Set<String> OWNED = Set.of("venue_cell");
    public static final Set<String> PUBLISHED = Set.of();

    private CoverageRelations() {
    }
}
