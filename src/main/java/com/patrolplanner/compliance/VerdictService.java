package com.patrolplanner.compliance;

import com.patrolplanner.sql.Conn;
import com.patrolplanner.sql.Db;
import com.patrolplanner.sql.Stmt;
import com.patrolplanner.registry.RegistryEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Keeps {@code venue_verdict} equal to what {@link ComplianceSql#candidates} computes live, by recomputing the rows of a
 * venue, a school or a rule inside the transaction that changed it (the registry fires its events synchronously in
 * its writing transaction, so a reader never sees a moved venue with its old verdicts).
 */
@ApplicationScoped
public class VerdictService {
    @Inject
    EntityManager em;
    @Inject
    Db db;

    void onVenueChanged(@Observes RegistryEvents.VenueChanged e) {
        if (e.deleted()) {
            removeVenue(e.venueId());
        } else {
            recomputeVenue(e.venueId());
        }
    }

    /** A bulk import: the verdicts of every venue it created or changed, replaced with one delete and one insert. */
    void onVenuesChanged(@Observes RegistryEvents.VenuesChanged e) {
        recomputeVenues(e.array());
    }

    void onSchoolChanged(@Observes RegistryEvents.SchoolChanged e) {
        if (e.deleted()) {
            run(Sql.of("DELETE FROM venue_verdict WHERE school_id = ?", e.schoolId()));
        } else {
            recomputeSchool(e.schoolId());
        }
    }

    /** A school import: the verdicts of its schools, replaced with one delete and one insert. */
    void onSchoolsChanged(@Observes RegistryEvents.SchoolsChanged e) {
        run(Sql.of("DELETE FROM venue_verdict WHERE school_id IN " + IDS, e.array()));
        run(ComplianceSql.insertCandidates(ComplianceSql.candidatesOnce(
                ComplianceSql.venuesWhere(""), ComplianceSql.NONE, Sql.of(" AND s.id IN " + IDS, e.array()))));
    }

    /**
     * The ids of a set-based write, from one text parameter (a PostgreSQL array literal). As a set to join, not
     * {@code = ANY(CAST(? AS bigint[]))}: that cast is not folded at planning ({@code array_in} is only stable), so a
     * sequential scan evaluated it again for every row it filtered, parsing the whole literal each time (a 5,000-venue
     * import's verdict delete took 22 s over 47,000 verdict rows).
     */
    static final String IDS = "(SELECT unnest(CAST(? AS bigint[])))";

    /** The single-venue check: its rows replaced by a fresh computation. Returns the number of candidate rows. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int recomputeVenue(long venueId) {
        removeVenue(venueId);
        return run(ComplianceSql.insertCandidates(ComplianceSql.candidates(
                ComplianceSql.venuesWhere(" AND id = ?", venueId), ComplianceSql.NONE, ComplianceSql.NONE)));
    }

    /**
     * {@link #recomputeVenue} for many venues at once ({@code venueIds}: a PostgreSQL array literal, {@code {1,2,3}}):
     * the same rows, set-based, one geodesic distance per candidate ({@link ComplianceSql#candidatesOnce}). Returns the
     * number of candidate rows.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int recomputeVenues(String venueIds) {
        run(Sql.of("DELETE FROM venue_verdict WHERE venue_id IN " + IDS, venueIds));
        return run(ComplianceSql.insertCandidates(ComplianceSql.candidatesOnce(
                ComplianceSql.venuesWhere(" AND id IN " + IDS, venueIds), ComplianceSql.NONE, ComplianceSql.NONE)));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void removeVenue(long venueId) {
        run(Sql.of("DELETE FROM venue_verdict WHERE venue_id = ?", venueId));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public int recomputeSchool(long schoolId) {
        run(Sql.of("DELETE FROM venue_verdict WHERE school_id = ?", schoolId));
        return run(ComplianceSql.insertCandidates(ComplianceSql.candidates(
                ComplianceSql.venuesWhere(""), ComplianceSql.NONE, Sql.of(" AND s.id = ?", schoolId))));
    }

    /** After a rule is created or edited: its rows recomputed over the whole register (one ST_DWithin join). */
    @Transactional(Transactional.TxType.MANDATORY)
    public int recomputeRule(long ruleId) {
        run(Sql.of("DELETE FROM venue_verdict WHERE rule_id = ?", ruleId));
        return run(ComplianceSql.insertCandidates(ComplianceSql.candidates(
                ComplianceSql.venuesWhere(""), Sql.of(" AND r.id = ?", ruleId), ComplianceSql.NONE)));
    }

    /**
     * Recomputes everything (after a bulk load that bypassed the registry, e.g. the benchmark's COPY) and refreshes the
     * table's planner statistics.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int rebuildAll() {
        clearAll();
        int n = run(ComplianceSql.insertCandidates(ComplianceSql.candidates(
                ComplianceSql.venuesWhere(""), ComplianceSql.NONE, ComplianceSql.NONE)));
        run(Sql.of("ANALYZE venue_verdict"));
        return n;
    }

    /** Empties the verdicts (before a bulk delete of venues that bypasses the registry; {@link #rebuildAll} after). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void clearAll() {
        run(Sql.of("TRUNCATE venue_verdict"));
    }

    private int run(Sql sql) {
        em.flush();
        try (Conn c = db.open()) { // the transaction's connection, as Hibernate's
            return execute(c, sql);
        }
    }

    private static int execute(Conn c, Sql sql) {
        try (Stmt st = sql.prepare(c)) {
            return st.executeUpdate();
        }
    }
}
