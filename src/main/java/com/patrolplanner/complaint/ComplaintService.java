package com.patrolplanner.complaint;

import com.patrolplanner.casework.Actor;
import com.patrolplanner.casework.FieldService;
import com.patrolplanner.casework.StallMerged;
import com.patrolplanner.i18n.Messages;
import com.patrolplanner.campaign.CampaignService;
import com.patrolplanner.campaign.PlanService;
import com.patrolplanner.geo.Datum;
import com.patrolplanner.geo.GeoJson;
import com.patrolplanner.geocode.Candidate;
import com.patrolplanner.geocode.GeocodeEngine;
import com.patrolplanner.inspection.InspectionService;
import com.patrolplanner.inspection.InspectionView;
import com.patrolplanner.registry.ChangeHistory;
import com.patrolplanner.registry.Jurisdiction;
import com.patrolplanner.registry.RegistryService;
import com.patrolplanner.registry.Scope;
import com.patrolplanner.registry.Team;
import com.patrolplanner.registry.UnitService;
import com.patrolplanner.registry.Venue;
import com.patrolplanner.registry.VenueCategory;
import com.patrolplanner.security.CurrentUser;
import com.patrolplanner.security.Roles;
import com.patrolplanner.time.BureauClock;
import com.patrolplanner.web.ApiException;
import com.patrolplanner.web.Problem.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Takes in complaints and moves them through their states ({@link ComplaintState}), each step a checked action with the
 * version read (stale → 409), a change-history row and an audit record. Deadlines come from the named rules
 * ({@link DeadlineRule}); {@code due_at} holds the current stage's. Scoping (属地管理): a complaint belongs to the unit its
 * subject lies in (the venue's unit, or the unit whose area covers the point), else to the unit of the user who took
 * it in; other units' complaints are 404 and absent from lists; a team leader sees only complaints dispatched to the
 * own team. The reporter's name and contact are masked for every role but planners and administrators, and never
 * exported. The venue's complaint count is counted from these records (view {@code venue_complaint_count}) and copied
 * to {@code venue.complaint_count} for the capabilities below (campaign priority, zoning workload).
 */
@ApplicationScoped
public class ComplaintService {
    public static final String HISTORY_TYPE = "complaint";
    public static final int MAX_LIST = 1000;
    public static final int MAX_EXPORT = 10_000;
    public static final int MAX_TEXT = 4000;
    /** A deadline set at dispatch lies at most this far ahead. */
    public static final int MAX_DEADLINE_DAYS = 90;

    @Inject
    EntityManager em;
    @Inject
    RegistryService registry;
    @Inject
    UnitService units;
    @Inject
    Jurisdiction jurisdiction;
    @Inject
    GeocodeEngine geocoder;
    @Inject
    InspectionService inspections;
    @Inject
    CampaignService campaigns;
    @Inject
    PlanService plans;
    @Inject
    ComplaintCounts counts;
    @Inject
    WorkCalendar calendar;
    @Inject
    FieldService stalls;

    /** The name of a provisional venue created for a complaint known only by its address (then the address). */
    static final String COMPLAINT_VENUE_NAME = "举报地点：";

    // ---------------------------------------------------------------- intake

    @Transactional
    public ComplaintView create(ComplaintInput in, CurrentUser user) {
        if (in == null) {
            throw ApiException.invalid("body", Messages.of("complaint.required"));
        }
        List<FieldError> errors = new ArrayList<>();
        Complaint c = new Complaint();
        try {
            c.source = ComplaintSource.parse(in.source()).code();
        } catch (IllegalArgumentException e) {
            errors.add(FieldError.of("source", in.source() == null ? Messages.of("complaint.requiredOneOf",
                    e.getMessage()) : e.getMessage()));
        }
        c.referredBy = text(in.referredBy(), "referredBy", 200, errors);
        if (c.source != null && c.source.startsWith("referral") && c.referredBy == null) {
            errors.add(FieldError.of("referredBy", Messages.of("complaint.referredBy")));
        }
        OffsetDateTime now = OffsetDateTime.now();
        c.receivedAt = in.receivedAt() == null || in.receivedAt().isBlank() ? now : instant("receivedAt", in.receivedAt(), errors);
        if (c.receivedAt != null && c.receivedAt.isAfter(now.plusMinutes(5))) {
            errors.add(FieldError.of("receivedAt", Messages.of("common.inFuture")));
        } else if (c.receivedAt != null && c.receivedAt.isBefore(now.minusYears(5))) {
            errors.add(FieldError.of("receivedAt", Messages.of("complaint.tooOld")));
        }
        c.content = text(in.content(), "content", MAX_TEXT, errors);
        if (c.content == null) {
            errors.add(FieldError.of("content", Messages.of("complaint.content")));
        }
        c.reporterName = text(in.reporterName(), "reporterName", 100, errors);
        c.reporterContact = text(in.reporterContact(), "reporterContact", 200, errors);
        Scope scope = jurisdiction.scope();
        subject(c, in, scope, errors);
        if (!errors.isEmpty()) {
            throw invalid(Messages.of("what.complaint"), errors);
        }
        if (c.unitId == null) {
            c.unitId = user.unitId();
        }
        if (!scope.sees(c.unitId) && !scope.all()) {
            throw registry.outside(scope, c.unitId, c.venueId != null ? "venueId" : in.lon() != null ? "lon" : "address");
        }
        c.createdBy = user.name();
        c.createdAt = now;
        c.updatedAt = now;
        c.state = ComplaintState.RECEIVED.code();
        setDue(c, DeadlineRule.ofStage("accept"));
        c.persist();
        em.flush();
        registry.history(HISTORY_TYPE, c.id, "create", user.name(), null, ChangeHistory.diff(Map.of(), snapshot(c)));
        counts.syncCount(c.venueId);
        return view(c, user);
    }

    /** Fills the subject: a venue (its position, unit, category), else an address (geocoded) or a point. */
    private void subject(Complaint c, ComplaintInput in, Scope scope, List<FieldError> errors) {
        String category = in.category() == null || in.category().isBlank() ? null : in.category();
        if (category != null) {
            try {
                c.category = VenueCategory.parse(category).code;
            } catch (IllegalArgumentException e) {
                errors.add(FieldError.of("category", e.getMessage()));
            }
        }
        c.address = text(in.address(), "address", 500, errors);
        if (in.venueId() != null) {
            Venue v = Venue.findById(in.venueId());
            if (v == null || !scope.sees(v.unitId)) {
                errors.add(FieldError.of("venueId", Messages.of("common.noVenueWord", in.venueId())));
                return;
            }
            c.venueId = v.id;
            c.unitId = v.unitId;
            c.geom = v.geom == null ? null : GeoJson.point(v.geom.getX(), v.geom.getY());
            if (c.address == null) {
                c.address = v.address;
            }
            if (category == null) {
                c.category = v.category;
            }
            return;
        }
        if (category == null) {
            errors.add(FieldError.of("category", Messages.of("complaint.category")));
        }
        if ((in.lon() == null) != (in.lat() == null)) {
            errors.add(FieldError.of(in.lon() == null ? "lon" : "lat", Messages.of("complaint.lonLat")));
            return;
        }
        if (in.lon() != null) {
            Datum datum;
            try {
                datum = in.datum() == null || in.datum().isBlank() ? Datum.WGS84 : Datum.parse(in.datum());
            } catch (IllegalArgumentException e) {
                errors.add(FieldError.of("datum", e.getMessage()));
                return;
            }
            try {
                GeoJson.checkLonLat(in.lon(), in.lat(), "lon/lat");
            } catch (IllegalArgumentException e) {
                errors.add(FieldError.of(e.getMessage().contains("latitude") ? "lat" : "lon", e.getMessage()));
                return;
            }
            double[] w = datum.toWgs84(in.lon(), in.lat());
            c.geom = GeoJson.point(w[0], w[1]);
            c.geocodeLevel = "given";
        } else if (c.address != null) {
            List<Candidate> found = geocoder.geocode(c.address, blank(in.district()), 1);
            Candidate best = found.isEmpty() ? null : found.get(0);
            if (best == null || best.level() == Candidate.Level.district || best.level() == Candidate.Level.city) {
                errors.add(FieldError.of("address",
                        best == null ? Messages.of("complaint.notLocated") : Messages.of("complaint.locatedOnly",
                                best.level(), best.matched())));
                return;
            }
            c.geom = GeoJson.point(best.lon(), best.lat());
            c.geocodeLevel = best.level().name();
        } else {
            errors.add(FieldError.of("venueId", Messages.of("complaint.subject")));
            return;
        }
        c.unitId = units.unitAt(c.geom.getX(), c.geom.getY(), blank(in.district()));
    }

    // ---------------------------------------------------------------- actions

    /** One handling step; see {@link ComplaintAction}. */
    @Transactional
    public ComplaintView act(long id, ComplaintAction a, CurrentUser user) {
        // the record first: another unit's complaint is a 404 whatever the body says (nothing about it leaks)
        Complaint c = visible(id, user);
        if (a == null) {
            throw ApiException.invalid("action", Messages.of("complaint.action"));
        }
        ComplaintState to;
        try {
            to = ComplaintState.ofAction(a.action());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("action", e.getMessage());
        }
        boolean planner = user.has(Roles.PLANNER) || user.has(Roles.ADMIN);
        if (!planner && !(to == ComplaintState.VERIFIED && user.has(Roles.TEAM_LEADER))) {
            throw new ApiException(403, "Forbidden",
                    Messages.of(to == ComplaintState.VERIFIED ? "complaint.onlyPlannersLeader" : "complaint.onlyPlanners",
                            to.action), null);
        }
        if (a.version() == null) {
            throw ApiException.invalid("version", Messages.of("common.versionRequired"));
        }
        if (a.version() != c.version) {
            throw ApiException.staleVersion("complaint " + id, a.version(), c.version);
        }
        ComplaintState from = c.stateEnum();
        if (!to.from().contains(from)) {
            throw ApiException.conflict(Messages.of("complaint.wrongState", id, from.code(), from.zh, to.action,
                    to.from().stream().map(ComplaintState::code).sorted().toList()));
        }
        Map<String, Object> before = snapshot(c);
        OffsetDateTime now = OffsetDateTime.now();
        List<FieldError> errors = new ArrayList<>();
        String reason = null;
        switch (to) {
            case ACCEPTED -> {
                c.acceptedAt = now;
                setDue(c, DeadlineRule.ofStage("verify"));
            }
            case DECLINED -> {
                c.declineReason = text(a.reason(), "reason", MAX_TEXT, errors);
                if (c.declineReason == null) {
                    errors.add(FieldError.of("reason", Messages.of("complaint.declineReason")));
                }
                reason = c.declineReason;
                c.dueAt = null;
                c.dueRule = null;
            }
            case DISPATCHED -> dispatch(c, a, user, now, errors);
            case VERIFIED -> verify(c, a, user, errors);
            case CLOSED -> {
                c.result = text(a.result(), "result", MAX_TEXT, errors);
                if (c.result == null) {
                    errors.add(FieldError.of("result", Messages.of("complaint.result")));
                }
                c.reply = text(a.reply(), "reply", MAX_TEXT, errors);
                if (c.reply == null && c.reporterContact != null) {
                    errors.add(FieldError.of("reply", Messages.of("complaint.reply")));
                }
                c.closedAt = now;
                // on time against the reply deadline set when the stage began (a rule edited since does not move it)
                OffsetDateTime replyDue = DeadlineRule.REPLY.equals(c.dueRule) && c.dueAt != null ? c.dueAt
                        : DeadlineRule.ofStage("reply").dueFrom(c.receivedAt, calendar);
                c.closedOnTime = !now.isAfter(replyDue);
                c.dueAt = null;
                c.dueRule = null;
            }
            default -> throw new IllegalStateException(to.name());
        }
        if (!errors.isEmpty()) {
            throw invalid(Messages.of("complaint.actionWhat", to.action), errors);
        }
        c.state = to.code();
        c.updatedAt = now;
        em.flush();
        registry.history(HISTORY_TYPE, c.id, to.action, user.name(), reason, ChangeHistory.diff(before, snapshot(c)));
        counts.syncCount(c.venueId);
        return view(c, user);
    }

    private void dispatch(Complaint c, ComplaintAction a, CurrentUser user, OffsetDateTime now, List<FieldError> errors) {
        boolean intoPlan = Boolean.TRUE.equals(a.intoPlan());
        Team team = null;
        if (a.teamId() == null) {
            if (a.campaignId() == null || intoPlan) {
                errors.add(FieldError.of("teamId", Messages.of("complaint.team")));
            }
        } else {
            team = Team.findById(a.teamId());
            if (team == null || (team.unitId != null && !jurisdiction.scope().sees(team.unitId))) {
                errors.add(FieldError.of("teamId", Messages.of("common.noTeam", a.teamId())));
                team = null;
            }
        }
        DeadlineRule verify = DeadlineRule.ofStage("verify");
        OffsetDateTime deadline = null;
        if (a.deadline() != null && !a.deadline().isBlank()) {
            deadline = instantEnd("deadline", a.deadline(), errors);
            if (deadline != null && !deadline.isAfter(now)) {
                errors.add(FieldError.of("deadline", Messages.of("common.inPast")));
            } else if (deadline != null && deadline.isAfter(now.plusDays(MAX_DEADLINE_DAYS))) {
                errors.add(FieldError.of("deadline", Messages.of("complaint.deadlineAhead", MAX_DEADLINE_DAYS)));
            }
        }
        LocalDate date = BureauClock.today();
        if (a.date() != null && !a.date().isBlank()) {
            try {
                date = LocalDate.parse(a.date().trim());
            } catch (DateTimeParseException e) {
                errors.add(FieldError.of("date", Messages.of("common.dateSuchAs", "2026-12-01")));
            }
        }
        // a complaint known only by its address or point goes into a plan or campaign as a provisional venue at its
        // geocoded point, which the planners review like a stall met in the field (confirm, merge, reject)
        boolean provisional = (intoPlan || a.campaignId() != null) && c.venueId == null;
        if (provisional && (c.geom == null || c.category == null)) {
            errors.add(FieldError.of(intoPlan ? "intoPlan" : "campaignId", c.geom == null
                    ? Messages.of("complaint.noPoint") : Messages.of("complaint.provisionalCategory")));
        }
        if (!errors.isEmpty()) {
            return; // nothing written: the caller throws
        }
        if (provisional) {
            String where = c.address == null ? String.format(java.util.Locale.ROOT, "%.6f, %.6f", c.geom.getX(), c.geom.getY()) : c.address;
            FieldService.StallView v = stalls.provisional(new FieldService.StallInput(
                    (COMPLAINT_VENUE_NAME + where).length() > 300 ? (COMPLAINT_VENUE_NAME + where).substring(0, 300) : COMPLAINT_VENUE_NAME + where,
                    c.category, c.address, c.geom.getX(), c.geom.getY(), "举报 " + c.id + " 的被举报地点"), Actor.of(user));
            c.venueId = v.id();
        }
        c.teamId = team == null ? null : team.id;
        c.deadline = deadline;
        c.dispatchedAt = now;
        if (deadline != null) {
            c.dueAt = deadline;
            c.dueRule = DeadlineRule.DISPATCH;
        } else {
            setDue(c, verify);
        }
        if (intoPlan) {
            PlanService.ExtraStop s = plans.addExtraStop(team.id, date, c.venueId, a.campaignId());
            c.campaignId = s.campaignId();
            c.planStopId = s.stopId();
        } else if (a.campaignId() != null) {
            campaigns.addPriorityTarget(a.campaignId(), c.venueId, "complaint:" + c.id, user.name());
            c.campaignId = a.campaignId();
        }
    }

    /**
     * A provisional stall merged into the registered venue it was (casework's review): the complaints naming the stall
     * name that venue now, each with a history entry and an audit record; both venues' counts follow the records.
     */
    void onStallMerged(@jakarta.enterprise.event.Observes StallMerged e) {
        @SuppressWarnings("unchecked")
        List<Complaint> moved = Complaint.list("venueId", e.stallId());
        for (Complaint c : moved) {
            Map<String, Object> before = snapshot(c);
            c.venueId = e.venueId();
            c.updatedAt = OffsetDateTime.now();
            registry.history(HISTORY_TYPE, c.id, "move", e.user(), e.reason(), ChangeHistory.diff(before, snapshot(c)));
        }
        em.flush();
        counts.syncCount(e.stallId());
        counts.syncCount(e.venueId());
    }

    private void verify(Complaint c, ComplaintAction a, CurrentUser user, List<FieldError> errors) {
        if (a.inspectionId() == null) {
            errors.add(FieldError.of("inspectionId", Messages.of("complaint.inspection")));
            return;
        }
        InspectionView i;
        try {
            i = inspections.get(a.inspectionId(), user);
        } catch (ApiException e) {
            errors.add(FieldError.of("inspectionId", Messages.of("common.noInspection", a.inspectionId())));
            return;
        }
        if (c.venueId != null && !Objects.equals(c.venueId, i.venueId())) {
            errors.add(FieldError.of("inspectionId", Messages.of("complaint.otherVenue", i.id(), i.venueId(),
                    c.venueId)));
            return;
        }
        if (i.inspectedAt() != null && i.inspectedAt().isBefore(c.receivedAt.minusDays(1))) {
            errors.add(FieldError.of("inspectionId", Messages.of("complaint.inspectionBefore", i.id())));
            return;
        }
        c.inspectionId = i.id();
        if (c.venueId == null) {
            c.venueId = i.venueId(); // the address turned out to be this venue
        }
        c.verifiedAt = OffsetDateTime.now();
        setDue(c, DeadlineRule.ofStage("reply"));
    }

    private void setDue(Complaint c, DeadlineRule r) {
        c.dueAt = r.dueFrom(c.receivedAt, calendar);
        c.dueRule = r.code;
    }

    // ---------------------------------------------------------------- reading

    @Transactional
    public ComplaintView get(long id, CurrentUser user) {
        return view(visible(id, user), user);
    }

    @Transactional
    public List<ChangeHistory> history(long id, CurrentUser user) {
        visible(id, user);
        List<ChangeHistory> h = registry.historyOf(HISTORY_TYPE, id);
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

    /** Filters of the list and the exports. */
    public record Filter(List<String> states, Boolean overdue, Long venueId, Long teamId, OffsetDateTime from,
            OffsetDateTime to) {
    }

    public record Page(List<ComplaintView> items, long numberMatched, int numberReturned, int limit, int offset) {
    }

    /** Sortable fields of the complaint list ({@code sort}); the latest received first unless asked otherwise. */
    public static final Map<String, String> SORT = sortFields("id", "c.id", "receivedAt", "c.received_at",
            "dueAt", "c.due_at", "state", "c.state", "deadline", "c.deadline", "closedAt", "c.closed_at");
    public static final String DEFAULT_SORT = "-receivedAt";

    private static Map<String, String> sortFields(String... pairs) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    @Transactional
    public Page list(Filter f, Integer limit, Integer offset, CurrentUser user) {
        return list(f, limit, offset, null, user);
    }

    /** A page of complaints in {@code sort} order (newest received first by default). */
    @Transactional
    public Page list(Filter f, Integer limit, Integer offset, String sort, CurrentUser user) {
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
        return new Page(items, matched, items.size(), n, o);
    }

    /** The rows of an export (no reporter data), at most {@link #MAX_EXPORT}. */
    @Transactional
    public List<ComplaintView> exportRows(Filter f, CurrentUser user) {
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

    private String where(Filter f, CurrentUser user, Map<String, Object> p) {
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

    /** Planners and administrators read the reporter's name and contact; everyone else sees them masked. */
    public static boolean mayReadContact(CurrentUser user) {
        return user.has(Roles.PLANNER) || user.has(Roles.ADMIN);
    }

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

    private static Map<String, Object> snapshot(Complaint c) {
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

    // ---------------------------------------------------------------- helpers

    static ApiException invalid(String what, List<FieldError> errors) {
        return ApiException.unprocessable(errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).reason() : Messages.of("common.problemsIn", errors.size(), what), errors);
    }

    static String text(String s, String field, int max, List<FieldError> errors) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.trim();
        if (t.length() > max) {
            errors.add(FieldError.of(field, Messages.of("common.maxChars", max)));
            return null;
        }
        return t;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** A date (the day's start in Asia/Shanghai) or an ISO timestamp with offset. */
    static OffsetDateTime instant(String field, String s, List<FieldError> errors) {
        try {
            String t = s.trim();
            return t.length() <= 10 ? LocalDate.parse(t).atStartOfDay(BureauClock.ZONE).toOffsetDateTime() : OffsetDateTime.parse(t);
        } catch (DateTimeParseException e) {
            errors.add(FieldError.of(field, Messages.of("common.dateOrTimestampEx", "2026-12-01",
                    "2026-12-01T09:30:00+08:00")));
            return null;
        }
    }

    /** As {@link #instant}, a plain date meaning the end of that day. */
    static OffsetDateTime instantEnd(String field, String s, List<FieldError> errors) {
        String t = s.trim();
        if (t.length() <= 10) {
            try {
                return LocalDate.parse(t).plusDays(1).atStartOfDay(BureauClock.ZONE).toOffsetDateTime().minusSeconds(1);
            } catch (DateTimeParseException e) {
                errors.add(FieldError.of(field, Messages.of("common.dateOrTimestamp", "2026-12-01")));
                return null;
            }
        }
        return instant(field, t, errors);
    }
}
