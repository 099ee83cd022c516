package com.patrolplanner.inspection;

import java.util.Set;

/**
 * The SQL face of this capability (schema {@code pp}): {@link #OWNED} lists every relation (table or view) it creates and
 * alone may name in SQL; {@link #PUBLISHED} the subset other capabilities may join against. Everything else it stores
 * is private: other capabilities reach it through this capability's service. {@code inspection}: what was checked where and when (venue, date, team, outcome), for coverage and targets; {@code inspection_month}: the per-venue monthly roll-up of the same figures coverage sums, kept by triggers in the writing transaction (V180).
 * Kept true by {@code SqlOwnershipTest}.
 */
public final class InspectionRelations {
    public static final Set<String> OWNED = Set.of("inspection", "inspection_officer", "inspection_month");
    public static final Set<String> PUBLISHED = Set.of("inspection", "inspection_month");

    private InspectionRelations() {
    }
}
