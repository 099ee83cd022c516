package com.patrolplanner.complaint;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;

/**
 * Writes generated complaints ({@code synthetic = true}) for the demo: the record as generated (state, dates, links),
 * without the intake's checks; the due date and rule are set here from the deadline rules, as the service sets them.
 * The one door to the complaint table for the tools around the service.
 */
@ApplicationScoped
public class SyntheticComplaints {
    @Inject
    EntityManager em;
    @Inject
    ComplaintCounts counts;
    @Inject
    WorkCalendar calendar;

    /** One generated complaint; {@code state} a {@link ComplaintState} code; null times for steps not reached. */
    public record Generated(Long unitId, String source, String referredBy, OffsetDateTime receivedAt, Long venueId,
            String address, double lon, double lat, String category, String content, String reporterName,
            String reporterContact, String state, String declineReason, Long teamId, Long inspectionId, String result,
            String reply, OffsetDateTime acceptedAt, OffsetDateTime dispatchedAt, OffsetDateTime verifiedAt,
            OffsetDateTime closedAt, String author) {
    }

    /** Synthetic complaints received in [from, to). */
    @Transactional(Transactional.TxType.MANDATORY)
    public long countIn(OffsetDateTime from, OffsetDateTime to) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM complaint WHERE synthetic AND received_at >= ?1 "
                + "AND received_at < ?2").setParameter(1, from).setParameter(2, to).getSingleResult()).longValue();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public long write(Generated g) {
        ComplaintState st = ComplaintState.parse(g.state());
        DeadlineRule rule = switch (st) {
            case RECEIVED -> DeadlineRule.ofStage("accept");
            case ACCEPTED, DISPATCHED -> DeadlineRule.ofStage("verify");
            case VERIFIED -> DeadlineRule.ofStage("reply");
            default -> null;
        };
        OffsetDateTime due = rule == null ? null : rule.dueFrom(g.receivedAt(), calendar);
        Boolean onTime = g.closedAt() == null ? null : !g.closedAt().isAfter(DeadlineRule.ofStage("reply").dueFrom(g.receivedAt(), calendar));
        Number id = (Number) em.createNativeQuery("""
                INSERT INTO complaint (unit_id, source, referred_by, received_at, venue_id, address, geom, geocode_level,
                    category, content, reporter_name, reporter_contact, state, decline_reason, team_id, due_at, due_rule,
                    inspection_id, result, reply, accepted_at, dispatched_at, verified_at, closed_at, closed_on_time,
                    synthetic, created_by, created_at, updated_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ST_SetSRID(ST_MakePoint(?7, ?8), 4326), ?9, ?10, ?11, ?12, ?13, ?14, ?15,
                    ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, true, ?27, ?4, ?28)
                RETURNING id""")
                .setParameter(1, g.unitId()).setParameter(2, g.source()).setParameter(3, g.referredBy())
                .setParameter(4, g.receivedAt()).setParameter(5, g.venueId()).setParameter(6, g.address())
                .setParameter(7, g.lon()).setParameter(8, g.lat()).setParameter(9, g.venueId() == null ? "given" : null)
                .setParameter(10, g.category()).setParameter(11, g.content()).setParameter(12, g.reporterName())
                .setParameter(13, g.reporterContact()).setParameter(14, st.code()).setParameter(15, g.declineReason())
                .setParameter(16, g.teamId()).setParameter(17, due).setParameter(18, rule == null ? null : rule.code)
                .setParameter(19, g.inspectionId()).setParameter(20, g.result()).setParameter(21, g.reply())
                .setParameter(22, g.acceptedAt()).setParameter(23, g.dispatchedAt()).setParameter(24, g.verifiedAt())
                .setParameter(25, g.closedAt()).setParameter(26, onTime).setParameter(27, g.author())
                .setParameter(28, last(g)).getSingleResult();
        return id.longValue();
    }

    private static OffsetDateTime last(Generated g) {
        for (OffsetDateTime t : new OffsetDateTime[] {g.closedAt(), g.verifiedAt(), g.dispatchedAt(), g.acceptedAt()}) {
            if (t != null) {
                return t;
            }
        }
        return g.receivedAt();
    }

    /** After writing: every venue's complaint count from the records. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int syncCounts() {
        return counts.syncAllCounts();
    }
}
