package com.patrolplanner.campaign.draw;

import com.patrolplanner.i18n.Messages;
import com.patrolplanner.registry.Inspector;
import com.patrolplanner.registry.Venue;
import com.patrolplanner.web.ApiException;
import com.patrolplanner.web.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;

/** The recusal list (回避名单): inspector ↔ venue pairs a draw must not put together. */
@ApplicationScoped
public class RecusalService {
    @Inject
    EntityManager em;
    @Inject
    com.patrolplanner.audit.AuditService audit;
    @jakarta.inject.Inject
    com.patrolplanner.registry.Jurisdiction jurisdiction;

    /** The one unit predicate of recusals: the inspector is of the caller's units (its venue may lie in a joint area). */
    private String scoped() {
        return jurisdiction.scope().sql("i.unit_id");
    }

    public record RecusalInput(Long inspectorId, Long venueId, String reason) {
    }

    public record RecusalView(long id, long inspectorId, String inspectorName, long venueId, String venueName,
            String reason, String createdBy) {
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public List<RecusalView> list() {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT r.id, r.inspector_id, i.name, r.venue_id, v.name, r.reason, r.created_by
                FROM recusal r JOIN inspector i ON i.id = r.inspector_id JOIN venue v ON v.id = r.venue_id
                WHERE\s""" + scoped() + " ORDER BY r.id")
                .getResultList();
        List<RecusalView> out = new ArrayList<>();
        for (Object[] r : rows) {
            out.add(new RecusalView(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (String) r[2],
                    ((Number) r[3]).longValue(), (String) r[4], (String) r[5], (String) r[6]));
        }
        return out;
    }

    /** Records a recusal: 422 naming the unknown inspector or venue, 409 when the pair is already on the list. */
    @Transactional
    public RecusalView create(RecusalInput in, String user) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (in == null || in.inspectorId() == null || Inspector.findById(in.inspectorId()) == null
                || !jurisdiction.scope().sees(((Inspector) Inspector.findById(in.inspectorId())).unitId)) {
            errors.add(Problem.FieldError.of("inspectorId", Messages.of("recusal.noInspector")));
        }
        if (in == null || in.venueId() == null || Venue.findById(in.venueId()) == null) {
            errors.add(Problem.FieldError.of("venueId", Messages.of("recusal.noVenue")));
        }
        if (!errors.isEmpty()) {
            throw ApiException.unprocessable(Messages.of("recusal.invalid"), errors);
        }
        List<?> dup = em.createNativeQuery("SELECT id FROM recusal WHERE inspector_id = ?1 AND venue_id = ?2")
                .setParameter(1, in.inspectorId()).setParameter(2, in.venueId()).getResultList();
        if (!dup.isEmpty()) {
            throw ApiException.conflict(Messages.of("recusal.already", in.inspectorId(), in.venueId()));
        }
        long id = ((Number) em.createNativeQuery("INSERT INTO recusal (inspector_id, venue_id, reason, created_by) "
                + "VALUES (?1, ?2, ?3, ?4) RETURNING id").setParameter(1, in.inspectorId()).setParameter(2, in.venueId())
                .setParameter(3, in.reason()).setParameter(4, user).getSingleResult()).longValue();
        java.util.Map<String, Object> details = new java.util.LinkedHashMap<>();
        details.put("inspectorId", in.inspectorId());
        details.put("venueId", in.venueId());
        details.put("reason", in.reason());
        audit.record(user, "create", "recusal", id, details);
        return list().stream().filter(r -> r.id() == id).findFirst().orElseThrow();
    }

    /** Removes a recusal; 404 when there is none with this id. */
    @Transactional
    public void delete(long id, String user) {
        if (em.createNativeQuery("DELETE FROM recusal r USING inspector i WHERE r.id = ?1 AND i.id = r.inspector_id AND "
                + scoped()).setParameter(1, id).executeUpdate() == 0) {
            throw ApiException.notFound(Messages.of("noun.recusal", id));
        }
        audit.record(user, "delete", "recusal", id, java.util.Map.of("id", id));
    }
}
