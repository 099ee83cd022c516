package com.patrolplanner.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.patrolplanner.inspection.InspectionApiTest;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DemoInspectionsTest {
    static final LocalDate FROM = LocalDate.of(2023, 1, 1);
    static final LocalDate TO = LocalDate.of(2023, 6, 30);

    @Inject
    DemoInspections demo;
    @Inject
    EntityManager em;

    @Test
    void seededHalfYearIsSyntheticLawfulAndIdempotent() {
        // venues and certified officers of its own, so the test does not depend on the order of other tests
        int team = InspectionApiTest.teamOf("leader1");
        for (int i = 0; i < 6; i++) {
            InspectionApiTest.venue(i % 2 == 0 ? "internet_cafe" : "publication", 119.20 + i * 0.004, 36.80 + i * 0.003);
        }
        InspectionApiTest.officer(team, true);
        InspectionApiTest.officer(team, true);

        DemoInspections.Result first = demo.generate(7, FROM, TO);
        assertTrue(first.created() > 0, "a half year of visits for the venues: " + first);
        DemoInspections.Result again = demo.generate(7, FROM, TO);
        assertEquals(0, again.created());
        assertEquals(first.created(), again.existing());

        List<Object[]> rows = rows();
        Object[] r = rows.get(0);
        assertEquals(first.created(), ((Number) r[0]).intValue());
        assertEquals(first.created(), ((Number) r[1]).intValue(), "every one synthetic");
        assertEquals(0, ((Number) r[2]).intValue(), "《行政处罚法》第四十二条: never fewer than two officers");
        assertEquals(0, ((Number) r[3]).intValue(), "officer rows match officer_count");
        assertEquals(0, ((Number) r[4]).intValue(), "violation outcomes carry checklist items, others none");
        assertTrue(((Number) r[5]).intValue() > 0, "some violations");
    }

    @Transactional
    @SuppressWarnings("unchecked")
    List<Object[]> rows() {
        return em.createNativeQuery("""
                SELECT count(*), count(*) FILTER (WHERE synthetic AND created_by = 'demo'),
                       count(*) FILTER (WHERE officer_count < 2),
                       count(*) FILTER (WHERE officer_count <> (SELECT count(*) FROM inspection_officer o WHERE o.inspection_id = i.id)),
                       count(*) FILTER (WHERE (outcome = 'violation') <> (violation_count > 0)),
                       count(*) FILTER (WHERE outcome = 'violation')
                FROM inspection i WHERE synthetic AND inspected_at >= '2023-01-01T00:00+08' AND inspected_at < '2023-07-01T00:00+08'""")
                .getResultList();
    }
}
