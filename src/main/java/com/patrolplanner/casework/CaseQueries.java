package com.patrolplanner.casework;

import com.patrolplanner.i18n.Messages;
import com.patrolplanner.registry.ChangeHistory;
import com.patrolplanner.registry.Jurisdiction;
import com.patrolplanner.registry.RegistryService;
import com.patrolplanner.web.ApiException;
import com.patrolplanner.web.Problem.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import com.patrolplanner.time.BureauClock;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading cases: one case with its acts, penalties and evidence, its history, and the scoped list. */
@ApplicationScoped
public class CaseQueries {
    @Inject
    EntityManager em;
    @Inject
    RegistryService registry;
    @Inject
    Jurisdiction jurisdiction;

    /** How many synthetic (demo) cases there are, so that the demo writes its casework once. */
    @Transactional
    public long syntheticCases() {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM case_file WHERE synthetic").getSingleResult()).longValue();
    }

    @Transactional
    public CaseView get(long id, Actor actor) {
        CaseView c = ListQuery.one(views("c.id = " + id, actor, 1, 0, "c.id"), Messages.of("noun.case", id));
        return c.withDetails(acts(id), penalties(id), evidence(id));
    }

    @Transactional
    public List<ChangeHistory> history(long id, Actor actor) {
        get(id, actor);
        return registry.historyOf(CaseService.HISTORY_TYPE, id);
    }

    /** Sortable fields of the case list ({@code sort}); newest filed first unless asked otherwise. */
    public static final java.util.Map<String, String> SORT = ListQuery.sortFields("id", "c.id", "caseNo", "c.case_no",
            "filedAt", "c.filed_at", "decisionDue", "c.decision_due", "state", "c.state", "venueName", "v.name",
            "closedAt", "c.closed_at");
    public static final String DEFAULT_SORT = "-filedAt";

    /** Cases of the caller's units (a team leader: the own team's), newest filing first unless {@code sort} says otherwise. */
    @Transactional
    public Page<CaseView> list(String state, Boolean overdue, Long venueId, Long unitId, LocalDate from, LocalDate to, int limit,
            int offset, String sort, Actor actor) {
        ListQuery.checkPage(limit, offset);
        StringBuilder where = new StringBuilder("TRUE");
        if (state != null) {
            try {
                where.append(" AND c.state = '").append(CaseState.valueOf(state.trim().toUpperCase(java.util.Locale.ROOT)).code).append("'");
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("state", Messages.of("casework.stateOneOf"));
            }
        }
        if (Boolean.TRUE.equals(overdue)) {
            where.append(" AND ").append(OVERDUE);
        }
        if (venueId != null) {
            where.append(" AND c.venue_id = ").append(venueId.longValue());
        }
        if (unitId != null) {
            // the unit and the units below it (a city planner narrowing to one district), within the caller's scope below
            List<Long> below = jurisdiction.below(unitId);
            where.append(" AND c.unit_id IN (").append(below.isEmpty() ? "NULL" : below.stream().map(String::valueOf)
                    .collect(java.util.stream.Collectors.joining(","))).append(")");
        }
        where.append(ListQuery.period("c.filed_at", from, to));
        Number n = (Number) em.createNativeQuery("SELECT count(*) FROM case_file c WHERE " + where + " AND " + scope(actor))
                .getSingleResult();
        List<CaseView> items = views(where.toString(), actor, limit, offset,
                com.patrolplanner.web.Paging.orderBy(sort, DEFAULT_SORT, SORT, "c.id DESC"));
        return new Page<>(n.longValue(), items.size(), offset, items);
    }

    /** Overdue in SQL: undecided past the due date (in the bureau's calendar), or decided after it. */
    static final String OVERDUE = "(CASE WHEN c.decided_at IS NULL THEN (now() AT TIME ZONE 'Asia/Shanghai')::date > c.decision_due "
            + "ELSE (c.decided_at AT TIME ZONE 'Asia/Shanghai')::date > c.decision_due END)";

    private String scope(Actor actor) {
        return ListQuery.scope(jurisdiction.scope(), "c", actor);
    }

    private List<CaseView> views(String where, Actor actor, int limit, int offset, String order) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT c.id, c.case_no, c.unit_id, c.team_id, c.inspection_id, c.venue_id, v.name, c.cause, c.violations,
                       c.state, c.filed_at, c.decision_due, c.extension_days, c.extension_by, c.extension_reason, c.noticed_at,
                       c.hearing, c.decided_at, c.fine_yuan, c.execution, c.executed_at, c.closed_at, c.closing_note,
                       c.created_by, c.version, """ + OVERDUE + """
                 FROM case_file c JOIN venue v ON v.id = c.venue_id
                WHERE """ + " " + where + " AND " + scope(actor) + " ORDER BY " + order + " LIMIT " + limit
                + " OFFSET " + offset).getResultList();
        LocalDate today = BureauClock.today();
        List<CaseView> out = new ArrayList<>();
        for (Object[] r : rows) {
            CaseState st = CaseState.of((String) r[9]);
            LocalDate due = com.patrolplanner.sql.Rows.localDate(r[11]);
            OffsetDateTime decided = Rows.odt(r[17]);
            Long daysLeft = decided == null ? java.time.temporal.ChronoUnit.DAYS.between(today, due) : null;
            out.add(new CaseView(((Number) r[0]).longValue(), (String) r[1], Rows.num(r[2]), Rows.num(r[3]), Rows.num(r[4]), Rows.num(r[5]),
                    (String) r[6], (String) r[7], List.of((String[]) r[8]), st.code, st.zh, Rows.odt(r[10]), due, daysLeft,
                    Boolean.TRUE.equals(r[25]), ((Number) r[12]).intValue(), (String) r[13], (String) r[14], Rows.odt(r[15]),
                    (String) r[16], decided, (BigDecimal) r[18], (String) r[19], Rows.odt(r[20]), Rows.odt(r[21]), (String) r[22],
                    (String) r[23], ((Number) r[24]).intValue(), new CaseView.Rule(DecisionDeadlineRule.CODE,
                            DecisionDeadlineRule.DAYS, DecisionDeadlineRule.LEGAL_BASIS), null, null, null));
        }
        return out;
    }

    private List<CaseView.Act> acts(long id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT a.id, a.act, a.acted_at, a.recorded_by, a.note,
                       (SELECT string_agg(i.id || '|' || i.name || '|' || x.cert, E'\\n' ORDER BY x.n)
                          FROM unnest(a.officer_ids, a.certificates) WITH ORDINALITY AS x(oid, cert, n)
                          JOIN inspector i ON i.id = x.oid)
                FROM case_act a WHERE a.case_id = ?1 ORDER BY a.acted_at, a.id""").setParameter(1, id).getResultList();
        List<CaseView.Act> out = new ArrayList<>();
        for (Object[] r : rows) {
            List<Officers.Officer> os = new ArrayList<>();
            if (r[5] != null) {
                for (String line : ((String) r[5]).split("\n")) {
                    String[] p = line.split("\\|", 3);
                    os.add(new Officers.Officer(Long.parseLong(p[0]), p[1], p[2]));
                }
            }
            out.add(new CaseView.Act(((Number) r[0]).longValue(), (String) r[1], Rows.odt(r[2]), (String) r[3], (String) r[4], os));
        }
        return out;
    }

    private List<CaseView.Penalty> penalties(long id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT kind, amount_yuan, legal_article FROM case_penalty WHERE case_id = ?1")
                .setParameter(1, id).getResultList();
        List<CaseView.Penalty> out = new ArrayList<>();
        for (Object[] r : rows) {
            PenaltyKind k = PenaltyKind.parse((String) r[0]);
            out.add(new CaseView.Penalty(k.code, k.zh, (BigDecimal) r[1], (String) r[2]));
        }
        out.sort(java.util.Comparator.comparing(p -> PenaltyKind.parse(p.kind()).ordinal()));
        return out;
    }

    private List<CaseView.Evidence> evidence(long id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT e.id, e.description, f.id, f.file_name, f.content_type, f.size_bytes, f.sha256
                FROM case_evidence e LEFT JOIN evidence_file f ON f.evidence_id = e.id
                WHERE e.case_id = ?1 ORDER BY e.id, f.id""").setParameter(1, id).getResultList();
        Map<Long, CaseView.Evidence> out = new LinkedHashMap<>();
        for (Object[] r : rows) {
            long eid = ((Number) r[0]).longValue();
            CaseView.Evidence e = out.computeIfAbsent(eid, k -> new CaseView.Evidence(k, (String) r[1], new ArrayList<>()));
            if (r[2] != null) {
                e.files().add(new EvidenceFiles.FileView(((Number) r[2]).longValue(), (String) r[3], (String) r[4],
                        ((Number) r[5]).longValue(), (String) r[6]));
            }
        }
        return new ArrayList<>(out.values());
    }

    /** The case (unit, team) of an evidence item, for uploads; 404 when the actor may not see it. */
    @Transactional
    public long[] evidenceOwner(long caseId, long evidenceId, Actor actor) {
        CaseView c = get(caseId, actor);
        Number n = (Number) em.createNativeQuery("SELECT count(*) FROM case_evidence WHERE id = ?1 AND case_id = ?2")
                .setParameter(1, evidenceId).setParameter(2, caseId).getSingleResult();
        if (n.longValue() == 0) {
            throw ApiException.notFound(Messages.of("noun.evidence", evidenceId, caseId));
        }
        if (CaseState.of(c.state()) == CaseState.CLOSED) {
            throw new ApiException(409, "Conflict", Messages.of("casework.wrongState", caseId, CaseState.CLOSED.zh,
                    Messages.of("casework.closedNoFiles")), List.of(FieldError.of("state",
                            Messages.of("casework.closedWord"))));
        }
        return new long[] {c.unitId() == null ? -1 : c.unitId(), c.teamId() == null ? -1 : c.teamId()};
    }
}
