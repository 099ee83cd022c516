package com.patrolplanner.complaint;

import com.patrolplanner.i18n.Messages;
import com.patrolplanner.registry.Jurisdiction;
import com.patrolplanner.registry.RegistryService;
import com.patrolplanner.registry.Venue;
import com.patrolplanner.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A venue's complaints on file, counted from the records (view {@code venue_complaint_count}) and copied to
 * {@code venue.complaint_count} for the capabilities below (campaign priority, zoning workload).
 */
@ApplicationScoped
public class ComplaintCounts {
    @Inject
    EntityManager em;
    @Inject
    RegistryService registry;
    @Inject
    Jurisdiction jurisdiction;

    /** Copies the venue's count from {@code venue_complaint_count} to the register (read by campaign and zoning). */
    void syncCount(Long venueId) {
        if (venueId == null) {
            return;
        }
        em.flush();
        @SuppressWarnings("unchecked")
        List<Number> n = em.createNativeQuery("SELECT complaints FROM venue_complaint_count WHERE venue_id = ?1")
                .setParameter(1, venueId).getResultList();
        registry.setComplaintCount(venueId, n.isEmpty() ? 0 : n.get(0).intValue());
    }

    /**
     * Every registered venue's count from the records (after a bulk load such as the demo's; venues without records get
     * 0). Returns the venues changed.
     */
    @Transactional
    public int syncAllCounts() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT venue_id, complaints FROM venue_complaint_count").getResultList();
        Map<Long, Integer> counts = new LinkedHashMap<>();
        for (Object[] r : rows) {
            counts.put(((Number) r[0]).longValue(), ((Number) r[1]).intValue());
        }
        return registry.replaceComplaintCounts(counts);
    }

    /** Per venue, the complaints on file (not declined), for the venue card. */
    /** A venue's complaints on file (not declined): all, the last 365 days, still open. */
    public record VenueComplaints(long venueId, int complaints, int complaints365d, int open) {
    }

    @Transactional
    public VenueComplaints venueCount(long venueId) {
        Venue v = Venue.findById(venueId);
        if (v == null || !jurisdiction.scope().sees(v.unitId)) {
            throw ApiException.notFound(Messages.of("noun.venue", venueId));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT complaints, complaints_365d, open_complaints, last_received_at "
                + "FROM venue_complaint_count WHERE venue_id = ?1").setParameter(1, venueId).getResultList();
        return new VenueComplaints(venueId, rows.isEmpty() ? 0 : ((Number) rows.get(0)[0]).intValue(),
                rows.isEmpty() ? 0 : ((Number) rows.get(0)[1]).intValue(),
                rows.isEmpty() ? 0 : ((Number) rows.get(0)[2]).intValue());
    }
}
