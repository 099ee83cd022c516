package com.patrolplanner.inspection;

import com.patrolplanner.i18n.Messages;
import com.patrolplanner.geo.GeoJson;
import com.patrolplanner.registry.Changes;
import com.patrolplanner.registry.ChangeHistory;
import com.patrolplanner.registry.Inspector;
import com.patrolplanner.registry.RegistryService;
import com.patrolplanner.registry.Team;
import com.patrolplanner.registry.TwoOfficerRule;
import com.patrolplanner.registry.Venue;
import com.patrolplanner.registry.VenueCategory;
import com.patrolplanner.security.CurrentUser;
import com.patrolplanner.security.Roles;
import com.patrolplanner.web.ApiException;
import com.patrolplanner.web.Paging;
import com.patrolplanner.web.Problem.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Writes and reads inspection records. Rules: at least two active officers holding enforcement certificates
 * ({@link TwoOfficerRule}, 《行政处罚法》第四十二条); violations only from the venue category's checklist; the author may
 * edit for {@link #AUTHOR_EDIT_WINDOW}, afterwards only a planner; every edit is kept in change_history
 * (entity_type {@value #HISTORY_TYPE}). A team leader sees only the own team's inspections: another team's record is
 * "not found" (404), so that ids of other teams' work are not disclosed.
 */
@ApplicationScoped
public class InspectionService {
    public static final Duration AUTHOR_EDIT_WINDOW = Duration.ofHours(24);
    public static final String HISTORY_TYPE = "inspection";
    public static final int MAX_LIST = 1000;

    @Inject
    EntityManager em;
    @Inject
    RegistryService registry;
    @Inject
    com.patrolplanner.registry.Jurisdiction jurisdiction;
    @Inject
    com.patrolplanner.registry.JointStops jointStops;

    /**
     * The one unit predicate of inspections (JPQL, issue 14, 属地管理): an inspection belongs to the unit of its venue,
     * so the caller sees the inspections of venues of its units; another unit's is absent from lists and a 404.
     */
    private String inScope() {
        com.patrolplanner.registry.Scope s = jurisdiction.scope();
        return s.all() ? "1=1" : s.units().isEmpty() ? "1=0"
                : "venueId in (select v.id from Venue v where v.unitId in (" + s.array().substring(1, s.array().length() - 1) + "))";
    }

    /** An inspection validated against the registers, ready to be written. */
    private record Checked(Venue venue, List<Inspector> officers, Outcome outcome, List<ViolationItem> violations,
            List<EnforcementAction> actions, Map<String, Integer> seized, Long teamId) {
    }

    @Transactional
    public InspectionView create(InspectionInput in, CurrentUser user) {
        Checked c = check(in, user, null);
        Inspection i = new Inspection();
        i.createdBy = user.name();
        i.createdAt = OffsetDateTime.now();
        apply(i, in, c);
        i.persist();
        em.flush();
        writeOfficers(i.id, c.officers());
        registry.history(HISTORY_TYPE, i.id, "create", user.name(), null, ChangeHistory.diff(Map.of(), snapshot(i, c.officers())));
        return view(i);
    }

    /**
     * Moves every inspection of venue {@code from} to venue {@code to} (a provisional stall found to be a registered
     * venue: its checks count for that venue from now on). Each moved record gets a history entry and an audit record
     * naming {@code reason}; the monthly roll-up follows by its statement trigger. Returns how many moved. The caller
     * has checked both venues are the caller's to write.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int moveVenue(long from, long to, String user, String reason) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("SELECT id FROM inspection WHERE venue_id = ?1 ORDER BY id").setParameter(1, from)
                .getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        em.flush();
        em.createNativeQuery("UPDATE inspection SET venue_id = ?2, version = version + 1, updated_at = now() WHERE venue_id = ?1")
                .setParameter(1, from).setParameter(2, to).executeUpdate();
        for (Number id : ids) {
            registry.history(HISTORY_TYPE, id.longValue(), "move", user, reason,
                    ChangeHistory.diff(Map.of("venueId", from), Map.of("venueId", to)));
        }
        return ids.size();
    }

    /**
     * The author within 24 h of writing it, or a planner at any time. A stale version is a 409; someone else's record is
     * a 403 (the caller can see it but not change it).
     */
    @Transactional
    public InspectionView update(long id, InspectionInput in, CurrentUser user) {
        Inspection i = visible(id, user);
        if (!mayEdit(i, user, OffsetDateTime.now())) {
            throw new ApiException(403, "Forbidden", Messages.of("inspection.editWindow", id, i.createdBy), null);
        }
        if (in.version() == null) {
            throw ApiException.invalid("version", Messages.of("common.versionRequired"));
        }
        if (in.version() != i.version) {
            throw ApiException.staleVersion("inspection " + id, in.version(), i.version);
        }
        Checked c = check(in, user, i);
        Map<String, Object> before = snapshot(i, officersOf(i.id));
        apply(i, in, c);
        Changes changes = ChangeHistory.diff(before, snapshot(i, c.officers()));
        if (!changes.isEmpty()) {
            i.updatedAt = OffsetDateTime.now();
            em.createNativeQuery("DELETE FROM inspection_officer WHERE inspection_id = ?1").setParameter(1, i.id).executeUpdate();
            writeOfficers(i.id, c.officers());
            em.flush();
            registry.history(HISTORY_TYPE, i.id, "update", user.name(), null, changes);
        }
        return view(i);
    }

    public static boolean mayEdit(Inspection i, CurrentUser user, OffsetDateTime now) {
        if (user.has(Roles.PLANNER)) {
            return true;
        }
        return Objects.equals(i.createdBy, user.name()) && now.isBefore(i.createdAt.plus(AUTHOR_EDIT_WINDOW));
    }

    @Transactional
    public InspectionView get(long id, CurrentUser user) {
        return view(visible(id, user));
    }

    @Transactional
    public List<ChangeHistory> history(long id, CurrentUser user) {
        visible(id, user);
        return registry.historyOf(HISTORY_TYPE, id);
    }

    /** Inspections, newest first, filtered by venue, team and period; team leaders get their own team's only. */
    @Transactional
    /** A page of inspections with the count the filters match ({@code items}, {@code numberMatched}, {@code numberReturned}). */
    public record InspectionPage(long numberMatched, int numberReturned, List<InspectionView> items) {
    }

    /** Sortable fields of the inspection list ({@code sort}); newest first unless asked otherwise. */
    public static final Map<String, String> SORT = sortFields("inspectedAt", "inspectedAt", "id", "id", "venue", "venueId",
            "team", "teamId", "outcome", "outcome", "violationCount", "violationCount", "updatedAt", "updatedAt");
    public static final String DEFAULT_SORT = "-inspectedAt";

    private static Map<String, String> sortFields(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    public InspectionPage list(Long venueId, Long teamId, OffsetDateTime from, OffsetDateTime to, Paging.Page page,
            String sort, CurrentUser user) {
        StringBuilder q = new StringBuilder(inScope());
        Map<String, Object> p = new HashMap<>();
        if (venueId != null) {
            q.append(" and venueId = :venue");
            p.put("venue", venueId);
        }
        Long team = teamId;
        if (user.scopedToTeam()) {
            team = user.teamId() == null ? Long.valueOf(-1L) : user.teamId();
        }
        if (team != null) {
            q.append(" and teamId = :team");
            p.put("team", team);
        }
        if (from != null) {
            q.append(" and inspectedAt >= :from");
            p.put("from", from);
        }
        if (to != null) {
            q.append(" and inspectedAt < :to");
            p.put("to", to);
        }
        String order = Paging.orderBy(sort, DEFAULT_SORT, SORT, "id DESC");
        long matched = Inspection.count(q.toString(), p);
        List<Inspection> rows = page.limit() == 0 ? List.of()
                : Inspection.<Inspection>find(q + " order by " + order, p)
                        .range(page.offset(), page.offset() + page.limit() - 1).list();
        return new InspectionPage(matched, rows.size(), rows.stream().map(this::view).toList());
    }

    /** The record if the caller may see it; 404 otherwise (also for another team's record). */
    /**
     * A venue's record at its door: all teams' inspections, newest first (at most {@code limit}, default 20); a team
     * leader sees officer names and notes on the own team's records only. 404 when the venue does not exist.
     */
    @Transactional
    public VenueRecord venueRecord(long venueId, Integer limit, CurrentUser user) {
        Venue venue = Venue.findById(venueId);
        if (venue == null || !(jurisdiction.scope().sees(venue.unitId) || onOwnJointStop(venue, user))) {
            throw ApiException.notFound(Messages.of("noun.venue", venueId));
        }
        int n = limit == null ? 20 : limit;
        if (n < 1 || n > MAX_LIST) {
            throw ApiException.invalid("limit", Messages.of("inspection.limit", MAX_LIST));
        }
        Object[] totals = (Object[]) em.createNativeQuery("""
                SELECT count(*), count(*) FILTER (WHERE violation_count > 0), max(inspected_at),
                       max(inspected_at) FILTER (WHERE violation_count > 0)
                FROM inspection WHERE venue_id = ?1""").setParameter(1, venueId).getSingleResult();
        List<Inspection> rows = Inspection.find("venueId = ?1 order by inspectedAt desc, id desc", venueId).page(0, n).list();
        Map<Long, String> teamNames = new HashMap<>();
        List<VenueRecord.Entry> entries = new ArrayList<>();
        for (Inspection i : rows) {
            boolean own = i.teamId != null && Objects.equals(i.teamId, user.teamId());
            boolean full = !user.scopedToTeam() || own;
            String teamName = i.teamId == null ? null : teamNames.computeIfAbsent(i.teamId, id -> {
                Team t = Team.findById(id);
                return t == null ? null : t.name;
            });
            InspectionView v = view(i);
            entries.add(new VenueRecord.Entry(i.id, i.inspectedAt, i.teamId, teamName, own, i.outcome, v.violations(),
                    v.actions(), full ? v.officers() : null, full ? i.notes : null));
        }
        return new VenueRecord(venueId, ((Number) totals[0]).intValue(), ((Number) totals[1]).intValue(),
                odt(totals[2]), odt(totals[3]), entries, VenueRecord.NO_CASE_REGISTER);
    }

    private static OffsetDateTime odt(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof OffsetDateTime t) {
            return t;
        }
        if (o instanceof java.time.Instant t) {
            return t.atOffset(java.time.ZoneOffset.UTC);
        }
        return com.patrolplanner.sql.Rows.utc(o);
    }

    /**
     * True when the caller is a team leader whose team has a stop at {@code venue} in a joint campaign (联合行动): the
     * one venue outside the leader's unit it may read at the door and record an inspection of (never edit the venue).
     */
    private boolean onOwnJointStop(Venue venue, CurrentUser user) {
        return user.scopedToTeam() && user.teamId() != null && jointStops.teamHasStop(user.teamId(), venue.id);
    }

    Inspection visible(long id, CurrentUser user) {
        Inspection i = Inspection.find("id = ?1 and " + inScope(), id).firstResult();
        if (i == null || (user.scopedToTeam() && !Objects.equals(i.teamId, user.teamId()))) {
            throw ApiException.notFound(Messages.of("noun.inspection", id));
        }
        return i;
    }

    // ---------------------------------------------------------------- validation

    private Checked check(InspectionInput in, CurrentUser user, Inspection existing) {
        List<FieldError> errors = new ArrayList<>();
        Venue venue = null;
        if (in.venueId() == null) {
            errors.add(FieldError.of("venueId", Messages.of("error.required")));
        } else {
            venue = Venue.findById(in.venueId());
            if (venue == null) {
                errors.add(FieldError.of("venueId", Messages.of("common.noVenue", in.venueId())));
            } else if (!jurisdiction.scope().sees(venue.unitId) && !onOwnJointStop(venue, user)) {
                errors.add(FieldError.of("venueId", Messages.of("unit.venueOutside", in.venueId(),
                        jurisdiction.unitName(venue.unitId), jurisdiction.unitName(jurisdiction.scope().unitId()))));
            }
        }
        if (in.inspectedAt() == null) {
            errors.add(FieldError.of("inspectedAt", Messages.of("inspection.inspectedAtRequired")));
        } else if (in.inspectedAt().isAfter(OffsetDateTime.now().plusHours(1))) {
            errors.add(FieldError.of("inspectedAt", Messages.of("inspection.future")));
        }
        List<Inspector> officers = checkOfficers(in.officers(), errors);
        checkOwnTeam(officers, user, errors);
        Outcome outcome = null;
        try {
            outcome = Outcome.parse(in.outcome());
        } catch (IllegalArgumentException e) {
            errors.add(FieldError.of("outcome", e.getMessage()));
        }
        List<ViolationItem> violations = new ArrayList<>();
        List<String> vs = in.violations() == null ? List.of() : in.violations();
        VenueCategory category = venue == null ? null : VenueCategory.parse(venue.category);
        for (int k = 0; k < vs.size(); k++) {
            try {
                ViolationItem v = ViolationItem.parse(vs.get(k));
                if (category != null && !v.appliesTo(category)) {
                    errors.add(FieldError.of("violations[" + k + "]", Messages.of("inspection.notOnChecklist", v.code(), category.code)));
                } else if (!violations.contains(v)) {
                    violations.add(v);
                }
            } catch (IllegalArgumentException e) {
                errors.add(FieldError.of("violations[" + k + "]", e.getMessage()));
            }
        }
        if (outcome == Outcome.VIOLATION && violations.isEmpty() && vs.isEmpty()) {
            errors.add(FieldError.of("violations", Messages.of("inspection.violationNeedsItem")));
        }
        if (outcome != null && outcome != Outcome.VIOLATION && !vs.isEmpty()) {
            errors.add(FieldError.of("outcome", Messages.of("inspection.itemsTicked")));
        }
        if (violations.contains(ViolationItem.OTHER) && (in.notes() == null || in.notes().isBlank())) {
            errors.add(FieldError.of("notes", Messages.of("inspection.describeOther")));
        }
        List<EnforcementAction> actions = new ArrayList<>();
        List<String> as = in.actions() == null ? List.of() : in.actions();
        for (int k = 0; k < as.size(); k++) {
            try {
                EnforcementAction a = EnforcementAction.parse(as.get(k));
                if (!actions.contains(a)) {
                    actions.add(a);
                }
            } catch (IllegalArgumentException e) {
                errors.add(FieldError.of("actions[" + k + "]", e.getMessage()));
            }
        }
        Map<String, Integer> seized = new TreeMap<>();
        if (in.seized() != null) {
            for (Map.Entry<String, Integer> e : in.seized().entrySet()) {
                try {
                    SeizedKind kind = SeizedKind.parse(e.getKey());
                    if (e.getValue() == null || e.getValue() < 0) {
                        errors.add(FieldError.of("seized." + e.getKey(), Messages.of("common.nonNegative")));
                    } else if (e.getValue() > 0) {
                        seized.merge(kind.code, e.getValue(), Integer::sum);
                    }
                } catch (IllegalArgumentException ex) {
                    errors.add(FieldError.of("seized." + e.getKey(), ex.getMessage()));
                }
            }
        }
        if (in.notes() != null && in.notes().length() > 4000) {
            errors.add(FieldError.of("notes", Messages.of("import.tooLong", 4000)));
        }
        Long teamId = checkTeam(in.teamId(), user, existing, officers, errors);
        if (!errors.isEmpty()) {
            throw ApiException.unprocessable(errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).reason()
                    : Messages.of("inspection.problems", errors.size()), errors);
        }
        return new Checked(venue, officers, outcome, violations, actions, seized, teamId);
    }

    /** 《行政处罚法》第四十二条: every listed officer active and certified, and at least two of them. */
    private static List<Inspector> checkOfficers(List<Long> ids, List<FieldError> errors) {
        List<Inspector> out = new ArrayList<>();
        List<Long> distinct = ids == null ? List.of() : new ArrayList<>(new LinkedHashSet<>(ids));
        for (int k = 0; k < distinct.size(); k++) {
            Long id = distinct.get(k);
            Inspector i = id == null ? null : Inspector.findById(id);
            if (i == null) {
                errors.add(FieldError.of("officers[" + k + "]", Messages.of("inspection.noInspector", id)));
            } else if (!i.certified()) {
                errors.add(FieldError.of("officers[" + k + "]", Messages.of(i.active ? "inspection.noCertificate" : "inspection.inactive", i.name)));
            } else {
                out.add(i);
            }
        }
        if (out.size() < TwoOfficerRule.MIN_CERTIFIED_OFFICERS) {
            errors.add(FieldError.of("officers", Messages.of("inspection.twoOfficers",
                    TwoOfficerRule.MIN_CERTIFIED_OFFICERS, out.size())));
        }
        return out;
    }

    /**
     * A team leader records what the own team did: every officer named must belong to the leader's team. (Officers
     * lent to the team for a campaign are not known to this capability yet: a planner records such inspections.)
     */
    private static void checkOwnTeam(List<Inspector> officers, CurrentUser user, List<FieldError> errors) {
        if (!user.scopedToTeam() || user.teamId() == null) {
            return;
        }
        List<String> others = officers.stream().filter(i -> !Objects.equals(i.teamId, user.teamId()))
                .map(i -> i.name + " (" + i.id + ")").toList();
        if (!others.isEmpty()) {
            errors.add(FieldError.of("officers", Messages.of("inspection.notYourTeam", user.teamId(), String.join(Messages.of("common.listSeparator"), others))));
        }
    }

    private static Long checkTeam(Long given, CurrentUser user, Inspection existing, List<Inspector> officers,
            List<FieldError> errors) {
        if (user.scopedToTeam()) {
            Long own = user.teamId();
            if (own == null) {
                errors.add(FieldError.of("teamId", Messages.of("inspection.noOwnTeam")));
                return null;
            }
            if (given != null && !given.equals(own)) {
                errors.add(FieldError.of("teamId", Messages.of("inspection.ownTeamOnly", own)));
            }
            return own;
        }
        if (given != null) {
            if (Team.findById(given) == null) {
                errors.add(FieldError.of("teamId", Messages.of("common.noTeam", given)));
            }
            return given;
        }
        if (existing != null && existing.teamId != null) {
            return existing.teamId;
        }
        return officers.isEmpty() ? null : officers.get(0).teamId;
    }

    // ---------------------------------------------------------------- writing

    private static void apply(Inspection i, InspectionInput in, Checked c) {
        Venue v = c.venue();
        i.venueId = v.id;
        i.teamId = c.teamId();
        i.inspectedAt = in.inspectedAt();
        i.outcome = c.outcome().code;
        i.violations = c.violations().stream().map(ViolationItem::code).toArray(String[]::new);
        i.violationCount = c.violations().size();
        i.actions = c.actions().stream().map(a -> a.code).toArray(String[]::new);
        i.seized = c.seized();
        i.officerCount = c.officers().size();
        i.notes = in.notes() == null || in.notes().isBlank() ? null : in.notes().trim();
        i.campaignVisitId = in.campaignVisitId();
        i.category = v.category;
        i.districtCode = v.districtCode;
        if (v.geom != null) {
            i.geom = GeoJson.point(v.geom.getX(), v.geom.getY());
        } else {
            i.geom = null;
        }
        if (i.updatedAt == null) {
            i.updatedAt = OffsetDateTime.now();
        }
    }

    private void writeOfficers(long inspectionId, List<Inspector> officers) {
        for (Inspector o : officers) {
            em.createNativeQuery("INSERT INTO inspection_officer (inspection_id, inspector_id, certificate_no) VALUES (?1, ?2, ?3)")
                    .setParameter(1, inspectionId).setParameter(2, o.id).setParameter(3, o.certificateNo).executeUpdate();
        }
    }

    private List<InspectionView.Officer> officersOf(long inspectionId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT o.inspector_id, i.name, o.certificate_no FROM inspection_officer o "
                + "JOIN inspector i ON i.id = o.inspector_id WHERE o.inspection_id = ?1 ORDER BY o.certificate_no")
                .setParameter(1, inspectionId).getResultList();
        return rows.stream().map(r -> new InspectionView.Officer(((Number) r[0]).longValue(), (String) r[1], (String) r[2])).toList();
    }

    private static Map<String, Object> snapshot(Inspection i, List<?> officers) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("venueId", i.venueId);
        m.put("teamId", i.teamId);
        m.put("inspectedAt", i.inspectedAt == null ? null : i.inspectedAt.toInstant().toString());
        m.put("outcome", i.outcome);
        m.put("violations", List.of(i.violations));
        m.put("actions", List.of(i.actions));
        m.put("seized", i.seized == null ? Map.of() : new TreeMap<>(i.seized));
        m.put("officers", officers.stream().map(o -> o instanceof Inspector in ? in.certificateNo
                : ((InspectionView.Officer) o).certificateNo()).sorted().toList());
        m.put("notes", i.notes);
        m.put("campaignVisitId", i.campaignVisitId);
        return m;
    }

    InspectionView view(Inspection i) {
        Venue v = Venue.findById(i.venueId);
        List<InspectionView.Violation> vs = Arrays.stream(i.violations).map(code -> {
            try {
                return InspectionView.Violation.of(ViolationItem.parse(code));
            } catch (IllegalArgumentException e) {
                return new InspectionView.Violation(code, code, null);
            }
        }).toList();
        return new InspectionView(i.id, i.venueId, v == null ? null : v.name, i.category, i.teamId, i.inspectedAt,
                i.outcome, vs, List.of(i.actions), i.seized == null ? Map.of() : i.seized, officersOf(i.id), i.officerCount,
                i.notes, i.campaignVisitId, i.geom == null ? null : i.geom.getX(), i.geom == null ? null : i.geom.getY(),
                i.districtCode, i.synthetic, i.createdBy, i.createdAt, i.updatedAt,
                i.createdAt == null ? null : i.createdAt.plus(AUTHOR_EDIT_WINDOW), i.version);
    }
}
