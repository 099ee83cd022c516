package com.patrolplanner.compliance;

import java.util.Set;

/**
 * The SQL face of this capability (schema {@code pp}): {@link #OWNED} lists every relation (table or view) it creates and
 * alone may name in SQL; {@link #PUBLISHED} the subset other capabilities may join against. Everything else it stores
 * is private: other capabilities reach it through this capability's service. {@code open_violation}: the verdicts in force today (effective dates and province overrides applied), one row per (venue, school, rule).
 * Kept true by {@code SqlOwnershipTest}.
 */
public final class ComplianceRelations {
    public static final Set<String> OWNED = Set.of("compliance_rule", "venue_verdict", "open_violation");
    public static final Set<String> PUBLISHED = Set.of("open_violation");

    private ComplianceRelations() {
    }
}
