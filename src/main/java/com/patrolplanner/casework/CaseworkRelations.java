package com.patrolplanner.casework;

import java.util.Set;

/**
 * The SQL face of casework (schema {@code pp}): {@link #OWNED} lists every relation it creates and alone may name in SQL;
 * it publishes none yet (the report reads its figures through {@link CaseworkStatistics}). Kept true by
 * {@code SqlOwnershipTest}.
 */
public final class CaseworkRelations {
    public static final Set<String> OWNED = Set.of("case_counter", "case_file", "case_penalty", "case_act", "case_evidence",
            "evidence_file", "goods_act", "issued_document", "work_log");
    public static final Set<String> PUBLISHED = Set.of();

    private CaseworkRelations() {
    }
}
