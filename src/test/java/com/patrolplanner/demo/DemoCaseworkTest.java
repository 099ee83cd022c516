package com.patrolplanner.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.patrolplanner.inspection.InspectionApiTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The demo's casework (issue 16, point 9) on a half-year of demo inspections (2022 H1, a period no other test uses):
 * cases at every stage with exactly one left undecided past the 90-day limit, goods, documents and the work log, all
 * synthetic, every act by two officers, and nothing written twice.
 */
@QuarkusTest
class DemoCaseworkTest {
    static final LocalDate FROM = LocalDate.of(2022, 1, 1);
    static final LocalDate TO = LocalDate.of(2022, 6, 30);

    @Inject
    DemoInspections inspections;
    @Inject
    DemoCasework casework;
    @Inject
    EntityManager em;

    long sql(String q) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(q).getSingleResult()).longValue());
    }

    @Test
    void aHalfYearOfCaseworkFromTheDemoInspections() {
        int team = InspectionApiTest.teamOf("leader1");
        for (int i = 0; i < 8; i++) {
            InspectionApiTest.venue(i % 2 == 0 ? "internet_cafe" : "publication", 119.30 + i * 0.004, 36.90 + i * 0.003);
        }
        InspectionApiTest.officer(team, true);
        InspectionApiTest.officer(team, true);
        inspections.generate(11, FROM, TO);
        long filedByInspections = sql("SELECT count(*) FROM inspection WHERE synthetic AND 'case_filed' = ANY(actions) AND outcome = 'violation' "
                + "AND team_id IS NOT NULL AND inspected_at >= '2022-01-01T00:00+08' AND inspected_at < '2022-06-29T00:00+08'");
        DemoCasework.Result r = casework.generate(11, FROM, TO);
        assertTrue(r.cases() > 0 && filedByInspections > 0, r + " / " + filedByInspections);
        String period = " AND filed_at >= '2022-01-01T00:00+08' AND filed_at < '2022-07-01T00:00+08'";
        assertEquals(r.cases(), sql("SELECT count(*) FROM case_file WHERE synthetic" + period));
        assertTrue(sql("SELECT count(*) FROM case_file WHERE synthetic AND state = 'closed'" + period) > 0, "some closed");
        assertTrue(sql("SELECT count(*) FROM case_file WHERE synthetic AND state <> 'closed'" + period) > 0, "some open");
        assertEquals(1, sql("SELECT count(*) FROM case_file WHERE synthetic AND decided_at IS NULL AND decision_due < DATE '2022-06-30'" + period),
                "exactly one undecided past the 90-day limit");
        assertEquals(0, sql("SELECT count(*) FROM case_act a JOIN case_file c ON c.id = a.case_id WHERE c.synthetic AND cardinality(a.officer_ids) < 2"));
        assertTrue(sql("SELECT count(*) FROM goods_act WHERE synthetic AND act = 'destroyed'") >= 1);
        assertTrue(r.documents() > 0 && r.workLog() > 0, r.toString());
        assertEquals(0, casework.generate(11, FROM, TO).cases(), "idempotent");
    }
}
