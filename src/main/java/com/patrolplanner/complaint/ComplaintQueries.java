package com.patrolplanner.complaint;

import com.patrolplanner.i18n.Messages;
import com.patrolplanner.registry.ChangeHistory;
import com.patrolplanner.registry.Jurisdiction;
import com.patrolplanner.registry.RegistryService;
import com.patrolplanner.registry.Team;
import com.patrolplanner.registry.Venue;
import com.patrolplanner.security.CurrentUser;
import com.patrolplanner.security.Roles;
import com.patrolplanner.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reading complaints: one (404 outside the caller's units, and for a team leader outside the team's dispatches), a page
 * of the list, the export rows; each shown with the reporter masked for the roles that may not read it.
 */
@ApplicationScoped
class ComplaintQueries {
    static final int MAX_LIST = 1000;
    static final int MAX_EXPORT = 10_000;

    /** Sortable fields of the complaint list ({@code sort}); the latest received first unless asked otherwise. */
    static final Map<String, String> SORT = sortFields("id", "c.id", "receivedAt", "c.received_at",
            "dueAt", "c.due_at", "state", "c.state", "deadline", "c.deadline", "closedAt", "c.closed_at");
    static final String DEFAULT_SORT = "-receivedAt";

    private static Map<String, String> sortFields(String... pairs) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }



    /** Planners and administrators read the reporter's name and contact; everyone else sees them masked. */
    static boolean mayReadContact(CurrentUser user) {
        return user.has(Roles.PLANNER) || user.has(Roles.ADMIN);
    }

    @Inject
    EntityManager em;
    @Inject
    RegistryService registry;
    @Inject
    Jurisdiction jurisdiction;

    @Transactional
    ComplaintView get(long id, CurrentUser user) {
        return view(visible(id, user), user);
    }

    @Transactional
    List<ChangeHistory> history(long id, CurrentUser user) {
        visible(id, user);
        List<ChangeHistory> h = registry.historyOf(Complaint.HISTORY_TYPE, id);
        if (!mayReadContact(user)) {
            h.forEach(x -> {
                if (x.changes != null) {
                    x.changes.remove("reporterName");
                    x.changes.remove("reporterContact");
                }
            });
        }
        return h;
    }

    /** The complaint if the caller may see it: in the caller's units, and for a team leader dispatched to the team. */
    Complaint visible(long id, CurrentUser user) {
        Complaint c = Complaint.findById(id);
        if (c == null || !jurisdiction.scope().sees(c.unitId)
                || (user.scopedToTeam() && (user.teamId() == null || !Objects.equals(c.teamId, user.teamId())))) {
            throw ApiException.notFound(Messages.of("noun.complaint", id));
        }
        return c;
    }

    @Transactional
    ComplaintPage list(ComplaintFilter f, Integer limit, Integer offset, CurrentUser user) {
        return list(f, limit, offset, null, user);
    }

    /** A page of complaints in {@code sort} order (newest received first by default). */
    @Transactional
    ComplaintPage list(ComplaintFilter f, Integer limit, Integer offset, String sort, CurrentUser user) {
        int n = limit == null ? 100 : limit;
        int o = offset == null ? 0 : offset;
        if (n < 1 || n > MAX_LIST) {
            throw ApiException.invalid("limit", Messages.of("common.between", 1, MAX_LIST));
        }
        if (o < 0) {
            throw ApiException.invalid("offset", Messages.of("common.zeroOrMore"));
        }
        String order = com.patrolplanner.web.Paging.orderBy(sort, DEFAULT_SORT, SORT, "c.id DESC");
        Map<String, Object> p = new HashMap<>();
        String where = where(f, user, p);
        Query count = em.createNativeQuery("SELECT count(*) FROM complaint c WHERE " + where);
        p.forEach(count::setParameter);
        long matched = ((Number) count.getSingleResult()).longValue();
        List<Complaint> rows = select(where, p, n, o, order);
        List<ComplaintView> items = rows.stream().map(c -> view(c, user)).toList();
        return new ComplaintPage(items, matched, items.size(), n, o);
    }

    /** The rows of an export (no reporter data), at most {@link ComplaintService#MAX_EXPORT}. */
    @Transactional
    List<ComplaintView> exportRows(ComplaintFilter f, CurrentUser user) {
        Map<String, Object> p = new HashMap<>();
        String where = where(f, user, p);
        return select(where, p, MAX_EXPORT, 0, "c.received_at DESC, c.id DESC").stream().map(c -> view(c, user)).toList();
    }

    @SuppressWarnings("unchecked")
    private List<Complaint> select(String where, Map<String, Object> p, int limit, int offset, String order) {
        Query q = em.createNativeQuery("SELECT c.* FROM complaint c WHERE " + where
                + " ORDER BY " + order + " LIMIT " + limit + " OFFSET " + offset, Complaint.class);
        p.forEach(q::setParameter);
        return q.getResultList();
    }

    private String where(ComplaintFilter f, CurrentUser user, Map<String, Object> p) {
        StringBuilder w = new StringBuilder(jurisdiction.scope().sql("c.unit_id"));
        if (user.scopedToTeam()) {
            w.append(" AND c.team_id = :ownTeam");
            p.put("ownTeam", user.teamId() == null ? -1L : user.teamId());
        }
        if (f.states() != null && !f.states().isEmpty()) {
            w.append(" AND c.state = ANY(CAST(:states AS varchar[]))");
            p.put("states", f.states().toArray(new String[0]));
        }
        if (f.overdue() != null) {
            w.append(f.overdue() ? " AND " : " AND NOT ").append("coalesce(c.due_at < now() AND c.state NOT IN ('closed','declined'), false)");
        }
        if (f.venueId() != null) {
            w.append(" AND c.venue_id = :venue");
            p.put("venue", f.venueId());
        }
        if (f.teamId() != null) {
            w.append(" AND c.team_id = :team");
            p.put("team", f.teamId());
        }
        if (f.from() != null) {
            w.append(" AND c.received_at >= :from");
            p.put("from", f.from());
        }
        if (f.to() != null) {
            w.append(" AND c.received_at < :to");
            p.put("to", f.to());
        }
        return w.toString();
    }

    /** The complaint as the API shows it to {@code user}: the reporter masked unless {@link #mayReadContact}. */
    ComplaintView view(Complaint c, CurrentUser user) {
        boolean full = mayReadContact(user);
        Venue v = c.venueId == null ? null : Venue.findById(c.venueId);
        Team t = c.teamId == null ? null : Team.findById(c.teamId);
        ComplaintSource src = ComplaintSource.parse(c.source);
        ComplaintState st = c.stateEnum();
        boolean overdue = c.dueAt != null && !st.terminal() && c.dueAt.isBefore(OffsetDateTime.now());
        return new ComplaintView(c.id, c.unitId, c.source, src.zh, c.referredBy, c.receivedAt, c.venueId,
                v == null ? null : v.name, c.address, c.geom == null ? null : c.geom.getX(),
                c.geom == null ? null : c.geom.getY(), c.geocodeLevel, c.category, c.content,
                full ? c.reporterName : Masking.name(c.reporterName), full ? c.reporterContact : Masking.contact(c.reporterContact),
                !full, c.state, st.zh, c.declineReason, c.teamId, t == null ? null : t.name, c.deadline, c.dueAt, c.dueRule,
                overdue, c.inspectionId, c.campaignId, c.planStopId, c.result, c.reply, c.acceptedAt, c.dispatchedAt,
                c.verifiedAt, c.closedAt, c.closedOnTime, c.synthetic, c.createdBy, c.createdAt, c.updatedAt, c.version);
    }

    /** The complaint as its change history records it. */
    static Map<String, Object> snapshot(Complaint c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", c.source);
        m.put("referredBy", c.referredBy);
        m.put("receivedAt", c.receivedAt == null ? null : c.receivedAt.toInstant().toString());
        m.put("venueId", c.venueId);
        m.put("address", c.address);
        m.put("lon", c.geom == null ? null : Math.round(c.geom.getX() * 1e7) / 1e7);
        m.put("lat", c.geom == null ? null : Math.round(c.geom.getY() * 1e7) / 1e7);
        m.put("category", c.category);
        m.put("content", c.content);
        // the reporter is kept in the history for planners; the audit trail gets the history's changes too, so the
        // contact is recorded there only as "given" (personal data stays in one place: the complaint row)
        m.put("reporterGiven", c.reporterContact != null || c.reporterName != null);
        m.put("state", c.state);
        m.put("declineReason", c.declineReason);
        m.put("teamId", c.teamId);
        m.put("deadline", c.deadline == null ? null : c.deadline.toInstant().toString());
        m.put("dueAt", c.dueAt == null ? null : c.dueAt.toInstant().toString());
        m.put("dueRule", c.dueRule);
        m.put("inspectionId", c.inspectionId);
        m.put("campaignId", c.campaignId);
        m.put("planStopId", c.planStopId);
        m.put("result", c.result);
        m.put("reply", c.reply);
        return m;
    }
}
