package com.patrolplanner.registry;

import java.util.Set;

/**
 * The SQL face of this capability (schema {@code pp}): {@link #OWNED} lists every relation (table or view) it creates and
 * alone may name in SQL; {@link #PUBLISHED} the subset other capabilities may join against. Everything else it stores
 * is private: other capabilities reach it through this capability's service. The registers are the base of every set-based spatial join, so their tables are published (read-only: writes go through {@code RegistryService}, which keeps history and audit). {@code venue.unit_id} and {@code school.unit_id} name the unit (执法机构) each lies in, kept by the registry's triggers; {@code unit} is the unit tree.
 * Kept true by {@code SqlOwnershipTest}.
 */
public final class RegistryRelations {
    public static final Set<String> OWNED = Set.of("district", "venue", "school", "team", "inspector", "change_history", "unit");
    public static final Set<String> PUBLISHED = Set.of("district", "venue", "school", "team", "inspector", "unit");

    private RegistryRelations() {
    }
}
