package com.patrolplanner.inspection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * Writes generated inspection records ({@code synthetic = true}) for demo and load data: the record as generated, without
 * the form's checks (a generator picks lawful officers and checklist items itself). The one door to the inspection
 * tables for the tools around the service.
 */
@ApplicationScoped
public class SyntheticInspections {
    @Inject
    EntityManager em;

    /** An officer of a generated visit. */
    public record Officer(long inspectorId, String certificateNo) {
    }

    /** One generated visit: codes of {@link Outcome}, {@link ViolationItem}, {@link EnforcementAction}, {@link SeizedKind}. */
    public record Visit(long venueId, Long teamId, OffsetDateTime inspectedAt, Outcome outcome, List<String> violations,
            List<String> actions, Map<String, Integer> seized, List<Officer> officers, String notes, double lon,
            double lat, String category, String districtCode, String author) {
    }

    /** Synthetic inspections in [from, to). */
    @Transactional(Transactional.TxType.MANDATORY)
    public long count(OffsetDateTime from, OffsetDateTime to) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM inspection WHERE synthetic AND inspected_at >= ?1 "
                + "AND inspected_at < ?2").setParameter(1, from).setParameter(2, to).getSingleResult()).longValue();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public long write(Visit v) {
        Number id = (Number) em.createNativeQuery("""
                INSERT INTO inspection (venue_id, team_id, inspected_at, outcome, violations, violation_count, actions, seized,
                    officer_count, notes, geom, category, district_code, synthetic, created_by, created_at, updated_at)
                VALUES (?1, ?2, ?3, ?4, CAST(?5 AS text[]), ?6, CAST(?7 AS text[]), CAST(?8 AS jsonb), ?9, ?10,
                    ST_SetSRID(ST_MakePoint(?11, ?12), 4326), ?13, ?14, true, ?15, ?3, ?3)
                RETURNING id""")
                .setParameter(1, v.venueId()).setParameter(2, v.teamId()).setParameter(3, v.inspectedAt())
                .setParameter(4, v.outcome().code)
                .setParameter(5, "{" + String.join(",", v.violations()) + "}").setParameter(6, v.violations().size())
                .setParameter(7, "{" + String.join(",", v.actions()) + "}").setParameter(8, json(v.seized()))
                .setParameter(9, v.officers().size()).setParameter(10, v.notes()).setParameter(11, v.lon())
                .setParameter(12, v.lat()).setParameter(13, v.category()).setParameter(14, v.districtCode())
                .setParameter(15, v.author()).getSingleResult();
        for (Officer o : v.officers()) {
            em.createNativeQuery("INSERT INTO inspection_officer (inspection_id, inspector_id, certificate_no) VALUES (?1, ?2, ?3)")
                    .setParameter(1, id.longValue()).setParameter(2, o.inspectorId()).setParameter(3, o.certificateNo())
                    .executeUpdate();
        }
        return id.longValue();
    }

    private static String json(Map<String, Integer> m) {
        StringBuilder b = new StringBuilder("{");
        m.forEach((k, val) -> b.append(b.length() > 1 ? "," : "").append('"').append(k).append("\":").append(val));
        return b.append('}').toString();
    }
}
