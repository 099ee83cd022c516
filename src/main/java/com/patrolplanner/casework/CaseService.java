package com.patrolplanner.casework;

import com.patrolplanner.i18n.Messages;
import com.patrolplanner.registry.ChangeHistory;
import com.patrolplanner.registry.Jurisdiction;
import com.patrolplanner.registry.RegistryService;
import com.patrolplanner.registry.Scope;
import com.patrolplanner.registry.Unit;
import com.patrolplanner.registry.Venue;
import com.patrolplanner.time.BureauClock;
import com.patrolplanner.web.ApiException;
import com.patrolplanner.web.Problem.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Penalty cases (行政处罚案件) from filing to closing. A case opens from an inspection that found violations (立案),
 * numbered per unit and year ({@code patrol.casework.case-number}, default {@code 〔{year}〕{seq}号}); then evidence
 * (调查取证), the notice of rights (告知, hearing requested or waived), the decision (处罚决定: penalties each with
 * its legal article), execution (paid, appealed, enforced) and closing (结案). Every act names at least two certified
 * officers ({@link Officers}), keeps who and when in {@code case_act}, the change history and the audit trail, and
 * needs the version the client read (stale → 409). The decision deadline is {@link DecisionDeadlineRule}. A case
 * belongs to its venue's unit; another unit's case, or for a team leader another team's, is a 404.
 */
@ApplicationScoped
public class CaseService {
    public static final String HISTORY_TYPE = "case";

    @Inject
    EntityManager em;
    @Inject
    RegistryService registry;
    @Inject
    Jurisdiction jurisdiction;
    @Inject
    Officers officers;
    @ConfigProperty(name = "patrol.casework.case-number", defaultValue = "〔{year}〕{seq}号")
    String numberPattern;

    public record PenaltyInput(String kind, BigDecimal amountYuan, String legalArticle) {
    }

    /** Opening a case: the inspection, the cause (案由), the officers, when (default now). */
    public record CaseInput(Long inspectionId, String cause, List<Long> officers, OffsetDateTime filedAt, String note) {
    }

    /**
     * One act on a case. Every act: {@code officers}, {@code version}, {@code at} (default now), {@code note}. Evidence:
     * {@code description}. Extension: {@code days}, {@code approvedBy}, {@code note} (the reason). Notice:
     * {@code hearing} (requested | waived). Decision: {@code penalties}. Execution: {@code result} (paid | appealed |
     * enforced).
     */
    public record ActInput(List<Long> officers, Integer version, OffsetDateTime at, String note, String description,
            Integer days, String approvedBy, String hearing, List<PenaltyInput> penalties, String result) {
    }

    // ---------------------------------------------------------------- filing

    @Transactional
    public CaseView open(CaseInput in, Actor actor) {
        List<FieldError> errors = new ArrayList<>();
        if (in.inspectionId() == null) {
            throw ApiException.invalid("inspectionId", "required");
        }
        Object[] insp = inspection(in.inspectionId(), actor);
        long venueId = ((Number) insp[0]).longValue();
        Long teamId = insp[1] == null ? null : ((Number) insp[1]).longValue();
        OffsetDateTime inspectedAt = odt(insp[3]);
        String[] violations = (String[]) insp[4];
        Venue venue = registry.venue(venueId);
        if (!"violation".equals(insp[2]) || violations.length == 0) {
            errors.add(FieldError.of("inspectionId", "the inspection found no violation: nothing to file (立案)"));
        }
        String cause = in.cause() == null ? "" : in.cause().trim();
        if (cause.isEmpty()) {
            errors.add(FieldError.of("cause", "required (案由)"));
        } else if (cause.length() > 500) {
            errors.add(FieldError.of("cause", "at most 500 characters"));
        }
        OffsetDateTime at = when(in.filedAt(), inspectedAt, "filedAt", errors);
        List<Officers.Officer> os = officers.check(in.officers(), actor, errors);
        failOn(errors, "case");
        Number open = (Number) em.createNativeQuery("SELECT count(*) FROM case_file WHERE inspection_id = ?1")
                .setParameter(1, in.inspectionId()).getSingleResult();
        if (open.longValue() > 0) {
            throw new ApiException(409, "Conflict", "inspection " + in.inspectionId() + " already has a case",
                    List.of(FieldError.of("inspectionId", "already filed")));
        }
        LocalDate filed = at.atZoneSameInstant(BureauClock.ZONE).toLocalDate();
        int year = filed.getYear();
        int seq = ((Number) em.createNativeQuery("""
                INSERT INTO case_counter (unit_id, year, last_no) VALUES (?1, ?2, 1)
                ON CONFLICT (unit_id, year) DO UPDATE SET last_no = case_counter.last_no + 1 RETURNING last_no""")
                .setParameter(1, venue.unitId == null ? 0L : venue.unitId).setParameter(2, year).getSingleResult()).intValue();
        Unit unit = venue.unitId == null ? null : Unit.findById(venue.unitId);
        String no = number(numberPattern, unit == null ? "" : unit.name, year, seq);
        long id = ((Number) em.createNativeQuery("""
                INSERT INTO case_file (unit_id, team_id, inspection_id, venue_id, case_year, case_seq, case_no, cause,
                    violations, state, filed_at, decision_due, synthetic, created_by)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, CAST(?9 AS text[]), 'filed', ?10, ?11, ?12, ?13) RETURNING id""")
                .setParameter(1, venue.unitId).setParameter(2, teamId).setParameter(3, in.inspectionId())
                .setParameter(4, venueId).setParameter(5, year).setParameter(6, seq).setParameter(7, no)
                .setParameter(8, cause).setParameter(9, textArray(Arrays.asList(violations))).setParameter(10, at)
                .setParameter(11, DecisionDeadlineRule.due(filed, 0)).setParameter(12, actor.name().startsWith("demo"))
                .setParameter(13, actor.name()).getSingleResult()).longValue();
        act(id, "file", at, os, actor, in.note());
        Map<String, Object> after = snapshot(id);
        registry.history(HISTORY_TYPE, id, "file", actor.name(), in.note(), ChangeHistory.diff(Map.of(), after));
        return get(id, actor);
    }

    /** {@code {unit}}, {@code {year}} and {@code {seq}} of the pattern filled in: 奎文区文化市场综合执法局〔2026〕12号. */
    static String number(String pattern, String unit, int year, int seq) {
        return pattern.replace("{unit}", unit).replace("{year}", String.valueOf(year)).replace("{seq}", String.valueOf(seq));
    }

    // ---------------------------------------------------------------- acts

    @Transactional
    public CaseView evidence(long id, ActInput in, Actor actor) {
        return step(id, in, actor, "evidence", (c, errors) -> {
            requireState(c, List.of(CaseState.FILED, CaseState.INVESTIGATING, CaseState.NOTIFIED));
            String d = in.description() == null ? "" : in.description().trim();
            if (d.isEmpty()) {
                errors.add(FieldError.of("description", "required: what the evidence is"));
            } else if (d.length() > 2000) {
                errors.add(FieldError.of("description", "at most 2000 characters"));
            }
            return (actId) -> {
                em.createNativeQuery("INSERT INTO case_evidence (case_id, act_id, description) VALUES (?1, ?2, ?3)")
                        .setParameter(1, id).setParameter(2, actId).setParameter(3, d).executeUpdate();
                if (c.state == CaseState.FILED) {
                    update(id, "state = 'investigating'");
                }
            };
        });
    }

    @Transactional
    public CaseView extend(long id, ActInput in, Actor actor) {
        return step(id, in, actor, "extend", (c, errors) -> {
            requireState(c, List.of(CaseState.FILED, CaseState.INVESTIGATING, CaseState.NOTIFIED));
            if (in.days() == null || in.days() < 1 || in.days() > DecisionDeadlineRule.MAX_EXTENSION_DAYS) {
                errors.add(FieldError.of("days", "1.." + DecisionDeadlineRule.MAX_EXTENSION_DAYS));
            }
            if (in.approvedBy() == null || in.approvedBy().isBlank()) {
                errors.add(FieldError.of("approvedBy", "required: who approved the extension (负责人批准)"));
            }
            if (in.note() == null || in.note().isBlank()) {
                errors.add(FieldError.of("note", "required: the reason for the extension"));
            }
            return (actId) -> {
                int total = c.extensionDays + in.days();
                em.createNativeQuery("UPDATE case_file SET extension_days = ?2, extension_by = ?3, extension_reason = ?4, "
                        + "decision_due = ?5 WHERE id = ?1").setParameter(1, id).setParameter(2, total)
                        .setParameter(3, in.approvedBy().trim()).setParameter(4, in.note().trim())
                        .setParameter(5, DecisionDeadlineRule.due(c.filedDate(), total)).executeUpdate();
            };
        });
    }

    @Transactional
    public CaseView notice(long id, ActInput in, Actor actor) {
        return step(id, in, actor, "notice", (c, errors) -> {
            requireState(c, List.of(CaseState.INVESTIGATING));
            if (!"requested".equals(in.hearing()) && !"waived".equals(in.hearing())) {
                errors.add(FieldError.of("hearing", "requested or waived (听证：申请 / 放弃)"));
            }
            return (actId) -> em.createNativeQuery("UPDATE case_file SET state = 'notified', noticed_at = ?2, hearing = ?3 "
                    + "WHERE id = ?1").setParameter(1, id).setParameter(2, c.actAt).setParameter(3, in.hearing())
                    .executeUpdate();
        });
    }

    @Transactional
    public CaseView decide(long id, ActInput in, Actor actor) {
        return step(id, in, actor, "decide", (c, errors) -> {
            requireState(c, List.of(CaseState.NOTIFIED));
            List<PenaltyInput> ps = in.penalties() == null ? List.of() : in.penalties();
            if (ps.isEmpty()) {
                errors.add(FieldError.of("penalties", "at least one penalty (警告, 罚款, 没收违法所得, 没收非法财物, 责令停业整顿, 吊销许可证)"));
            }
            Map<PenaltyKind, PenaltyInput> kinds = new LinkedHashMap<>();
            for (int k = 0; k < ps.size(); k++) {
                PenaltyInput p = ps.get(k);
                PenaltyKind kind;
                try {
                    kind = PenaltyKind.parse(p == null ? null : p.kind());
                } catch (IllegalArgumentException e) {
                    errors.add(FieldError.of("penalties[" + k + "].kind", e.getMessage()));
                    continue;
                }
                if (kinds.put(kind, p) != null) {
                    errors.add(FieldError.of("penalties[" + k + "].kind", kind.code + " given twice"));
                }
                if (p.legalArticle() == null || p.legalArticle().isBlank()) {
                    errors.add(FieldError.of("penalties[" + k + "].legalArticle", "required: the article applied"));
                } else if (p.legalArticle().length() > 500) {
                    errors.add(FieldError.of("penalties[" + k + "].legalArticle", "at most 500 characters"));
                }
                boolean money = kind == PenaltyKind.FINE || kind == PenaltyKind.CONFISCATE_INCOME;
                if (kind == PenaltyKind.FINE && (p.amountYuan() == null || p.amountYuan().signum() <= 0)) {
                    errors.add(FieldError.of("penalties[" + k + "].amountYuan", "a fine needs an amount in yuan > 0"));
                } else if (p.amountYuan() != null && (!money || p.amountYuan().signum() < 0
                        || p.amountYuan().compareTo(new BigDecimal("1000000000")) > 0 || p.amountYuan().scale() > 2)) {
                    errors.add(FieldError.of("penalties[" + k + "].amountYuan", money ? "0..1000000000 yuan, at most 2 decimals"
                            : "only a fine or confiscated income has an amount"));
                }
            }
            return (actId) -> {
                BigDecimal fine = BigDecimal.ZERO;
                for (Map.Entry<PenaltyKind, PenaltyInput> e : kinds.entrySet()) {
                    em.createNativeQuery("INSERT INTO case_penalty (case_id, kind, amount_yuan, legal_article) VALUES (?1, ?2, ?3, ?4)")
                            .setParameter(1, id).setParameter(2, e.getKey().code).setParameter(3, e.getValue().amountYuan())
                            .setParameter(4, e.getValue().legalArticle().trim()).executeUpdate();
                    if (e.getKey() == PenaltyKind.FINE) {
                        fine = e.getValue().amountYuan();
                    }
                }
                em.createNativeQuery("UPDATE case_file SET state = 'decided', decided_at = ?2, fine_yuan = ?3 WHERE id = ?1")
                        .setParameter(1, id).setParameter(2, c.actAt).setParameter(3, fine).executeUpdate();
            };
        });
    }

    @Transactional
    public CaseView execute(long id, ActInput in, Actor actor) {
        return step(id, in, actor, "execute", (c, errors) -> {
            requireState(c, List.of(CaseState.DECIDED));
            if (!List.of("paid", "appealed", "enforced").contains(in.result())) {
                errors.add(FieldError.of("result", "paid, appealed or enforced (已缴纳 / 复议诉讼 / 强制执行)"));
            }
            return (actId) -> em.createNativeQuery("UPDATE case_file SET state = 'executed', execution = ?2, executed_at = ?3 "
                    + "WHERE id = ?1").setParameter(1, id).setParameter(2, in.result()).setParameter(3, c.actAt).executeUpdate();
        });
    }

    @Transactional
    public CaseView close(long id, ActInput in, Actor actor) {
        return step(id, in, actor, "close", (c, errors) -> {
            boolean nothingToExecute = c.state == CaseState.DECIDED && penaltyKinds(id).stream().noneMatch(PenaltyKind::needsExecution);
            if (c.state != CaseState.EXECUTED && !nothingToExecute) {
                throw wrongState(c, c.state == CaseState.DECIDED ? "the decision is not executed yet" : "decide and execute first");
            }
            return (actId) -> em.createNativeQuery("UPDATE case_file SET state = 'closed', closed_at = ?2, closing_note = ?3 "
                    + "WHERE id = ?1").setParameter(1, id).setParameter(2, c.actAt)
                    .setParameter(3, in.note() == null ? null : in.note().trim()).executeUpdate();
        });
    }

    // ---------------------------------------------------------------- the common frame of an act

    /** The current row as the checks of an act need it. */
    static final class Current {
        long id;
        CaseState state;
        OffsetDateTime filedAt;
        OffsetDateTime lastAct;
        int extensionDays;
        int version;
        OffsetDateTime actAt;

        LocalDate filedDate() {
            return filedAt.atZoneSameInstant(BureauClock.ZONE).toLocalDate();
        }
    }

    interface Checks {
        Writer check(Current c, List<FieldError> errors);
    }

    interface Writer {
        void write(long actId);
    }

    private CaseView step(long id, ActInput in, Actor actor, String act, Checks checks) {
        Current c = current(id, actor);
        if (in == null) {
            throw ApiException.invalid("body", "required");
        }
        if (in.version() == null) {
            throw ApiException.invalid("version", "required: send the version you read");
        }
        if (in.version() != c.version) {
            throw ApiException.staleVersion("case " + id, in.version(), c.version);
        }
        List<FieldError> errors = new ArrayList<>();
        c.actAt = when(in.at(), c.lastAct, "at", errors);
        Writer w = checks.check(c, errors);
        List<Officers.Officer> os = officers.check(in.officers(), actor, errors);
        if (in.note() != null && in.note().length() > 4000) {
            errors.add(FieldError.of("note", "at most 4000 characters"));
        }
        failOn(errors, "act");
        Map<String, Object> before = snapshot(id);
        long actId = act(id, act, c.actAt, os, actor, in.note());
        w.write(actId);
        int changed = em.createNativeQuery("UPDATE case_file SET version = version + 1, updated_at = now() WHERE id = ?1 AND version = ?2")
                .setParameter(1, id).setParameter(2, c.version).executeUpdate();
        if (changed != 1) {
            throw ApiException.staleVersion("case " + id, in.version(), c.version + 1);
        }
        Map<String, Object> after = snapshot(id);
        after.put("officers", os.stream().map(Officers.Officer::certificateNo).toList());
        registry.history(HISTORY_TYPE, id, act, actor.name(), in.note(), ChangeHistory.diff(before, after));
        return get(id, actor);
    }

    private Current current(long id, Actor actor) {
        // the row is locked: two acts on one case are serialised, the second sees the first's version
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT c.state, c.filed_at, c.extension_days, c.version, c.unit_id, c.team_id, "
                + "(SELECT max(a.acted_at) FROM case_act a WHERE a.case_id = c.id) FROM case_file c WHERE c.id = ?1 FOR UPDATE")
                .setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            throw ApiException.notFound("case " + id);
        }
        Object[] r = rows.get(0);
        visible(id, r[4] == null ? null : ((Number) r[4]).longValue(), r[5] == null ? null : ((Number) r[5]).longValue(), actor);
        Current c = new Current();
        c.id = id;
        c.state = CaseState.of((String) r[0]);
        c.filedAt = odt(r[1]);
        c.extensionDays = ((Number) r[2]).intValue();
        c.version = ((Number) r[3]).intValue();
        c.lastAct = odt(r[6]);
        return c;
    }

    private void visible(long id, Long unitId, Long teamId, Actor actor) {
        if (!jurisdiction.scope().sees(unitId) || (actor.teamScoped() && !Objects.equals(teamId, actor.teamId()))) {
            throw ApiException.notFound("case " + id);
        }
    }

    private static void requireState(Current c, List<CaseState> allowed) {
        if (!allowed.contains(c.state)) {
            throw wrongState(c, "allowed in " + allowed.stream().map(s -> s.code).toList());
        }
    }

    private static ApiException wrongState(Current c, String why) {
        return new ApiException(409, "Conflict", Messages.of("casework.wrongState", c.id, c.state.zh, why),
                List.of(FieldError.of("state", c.state.code + ": " + why)));
    }

    private long act(long caseId, String act, OffsetDateTime at, List<Officers.Officer> os, Actor actor, String note) {
        return ((Number) em.createNativeQuery("""
                INSERT INTO case_act (case_id, act, acted_at, officer_ids, certificates, recorded_by, note)
                VALUES (?1, ?2, ?3, CAST(?4 AS bigint[]), CAST(?5 AS text[]), ?6, ?7) RETURNING id""")
                .setParameter(1, caseId).setParameter(2, act).setParameter(3, at).setParameter(4, Officers.idArray(os))
                .setParameter(5, Officers.certArray(os)).setParameter(6, actor.name())
                .setParameter(7, note == null || note.isBlank() ? null : note.trim()).getSingleResult()).longValue();
    }

    private void update(long id, String set) {
        em.createNativeQuery("UPDATE case_file SET " + set + " WHERE id = ?1").setParameter(1, id).executeUpdate();
    }

    /** The act's time: given or now; not before {@code notBefore}, not in the future (an hour of clock skew allowed). */
    static OffsetDateTime when(OffsetDateTime given, OffsetDateTime notBefore, String field, List<FieldError> errors) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        OffsetDateTime at = given == null ? now : given;
        if (at.isAfter(now.plusHours(1))) {
            errors.add(FieldError.of(field, "lies in the future"));
        } else if (notBefore != null && at.isBefore(notBefore)) {
            errors.add(FieldError.of(field, "before the previous step (" + notBefore.atZoneSameInstant(BureauClock.ZONE)
                    .toLocalDateTime() + ")"));
        } else if (at.getYear() < 2000) {
            errors.add(FieldError.of(field, "before 2000"));
        }
        return at;
    }

    static void failOn(List<FieldError> errors, String what) {
        if (!errors.isEmpty()) {
            throw ApiException.unprocessable(errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).reason()
                    : errors.size() + " problems in the " + what, errors);
        }
    }

    /** venue_id, team_id, outcome, inspected_at, violations of an inspection the actor may see (404 otherwise). */
    Object[] inspection(long inspectionId, Actor actor) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT venue_id, team_id, outcome, inspected_at, violations FROM inspection "
                + "WHERE id = ?1").setParameter(1, inspectionId).getResultList();
        if (rows.isEmpty()) {
            throw ApiException.notFound("inspection " + inspectionId);
        }
        Object[] r = rows.get(0);
        Long team = r[1] == null ? null : ((Number) r[1]).longValue();
        if (actor.teamScoped() && !Objects.equals(team, actor.teamId())) {
            throw ApiException.notFound("inspection " + inspectionId);
        }
        Venue v = Venue.findById(((Number) r[0]).longValue());
        if (v == null || !jurisdiction.scope().sees(v.unitId)) {
            throw ApiException.notFound("inspection " + inspectionId);
        }
        return r;
    }

    private List<PenaltyKind> penaltyKinds(long id) {
        @SuppressWarnings("unchecked")
        List<String> ks = em.createNativeQuery("SELECT kind FROM case_penalty WHERE case_id = ?1").setParameter(1, id).getResultList();
        return ks.stream().map(PenaltyKind::parse).toList();
    }

    private Map<String, Object> snapshot(long id) {
        Object[] r = (Object[]) em.createNativeQuery("""
                SELECT case_no, state, cause, filed_at, decision_due, extension_days, extension_by, noticed_at, hearing,
                       decided_at, fine_yuan, execution, executed_at, closed_at, closing_note,
                       (SELECT string_agg(kind || coalesce(':' || amount_yuan, '') || ' ' || legal_article, '; ' ORDER BY kind)
                          FROM case_penalty p WHERE p.case_id = c.id),
                       (SELECT count(*) FROM case_evidence e WHERE e.case_id = c.id)
                FROM case_file c WHERE id = ?1""").setParameter(1, id).getSingleResult();
        String[] names = {"caseNo", "state", "cause", "filedAt", "decisionDue", "extensionDays", "extensionBy", "noticedAt",
                "hearing", "decidedAt", "fineYuan", "execution", "executedAt", "closedAt", "closingNote", "penalties", "evidence"};
        Map<String, Object> m = new LinkedHashMap<>();
        for (int k = 0; k < names.length; k++) {
            Object v = r[k];
            if (v instanceof java.time.temporal.TemporalAccessor || v instanceof java.util.Date) {
                v = v.toString();
            } else if (v instanceof BigDecimal b) {
                v = b.toPlainString();
            } else if (v instanceof Number n) {
                v = n.longValue();
            }
            m.put(names[k], v);
        }
        return m;
    }

    // ---------------------------------------------------------------- reading

    /** How many synthetic (demo) cases there are, so that the demo writes its casework once. */
    @Transactional
    public long syntheticCases() {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM case_file WHERE synthetic").getSingleResult()).longValue();
    }

    @Transactional
    public CaseView get(long id, Actor actor) {
        List<CaseView> v = views("c.id = " + id, actor, 1, 0);
        if (v.isEmpty()) {
            throw ApiException.notFound("case " + id);
        }
        CaseView c = v.get(0);
        return c.withDetails(acts(id), penalties(id), evidence(id));
    }

    @Transactional
    public List<ChangeHistory> history(long id, Actor actor) {
        get(id, actor);
        return registry.historyOf(HISTORY_TYPE, id);
    }

    /** Cases of the caller's units (a team leader: the own team's), newest filing first. */
    @Transactional
    public Page<CaseView> list(String state, Boolean overdue, Long venueId, LocalDate from, LocalDate to, int limit, int offset,
            Actor actor) {
        if (limit < 1 || limit > Page.MAX_LIMIT) {
            throw ApiException.badRequest("limit", "1.." + Page.MAX_LIMIT);
        }
        if (offset < 0) {
            throw ApiException.badRequest("offset", "≥ 0");
        }
        StringBuilder where = new StringBuilder("TRUE");
        if (state != null) {
            try {
                where.append(" AND c.state = '").append(CaseState.valueOf(state.trim().toUpperCase(java.util.Locale.ROOT)).code).append("'");
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("state", "filed, investigating, notified, decided, executed or closed");
            }
        }
        if (Boolean.TRUE.equals(overdue)) {
            where.append(" AND ").append(OVERDUE);
        }
        if (venueId != null) {
            where.append(" AND c.venue_id = ").append(venueId.longValue());
        }
        if (from != null) {
            where.append(" AND c.filed_at >= '").append(from.atStartOfDay(BureauClock.ZONE).toOffsetDateTime()).append("'");
        }
        if (to != null) {
            where.append(" AND c.filed_at < '").append(to.plusDays(1).atStartOfDay(BureauClock.ZONE).toOffsetDateTime()).append("'");
        }
        Number n = (Number) em.createNativeQuery("SELECT count(*) FROM case_file c WHERE " + where + " AND " + scope(actor))
                .getSingleResult();
        List<CaseView> items = views(where.toString(), actor, limit, offset);
        return new Page<>(n.longValue(), items.size(), offset, items);
    }

    /** Overdue in SQL: undecided past the due date (in the bureau's calendar), or decided after it. */
    static final String OVERDUE = "(CASE WHEN c.decided_at IS NULL THEN (now() AT TIME ZONE 'Asia/Shanghai')::date > c.decision_due "
            + "ELSE (c.decided_at AT TIME ZONE 'Asia/Shanghai')::date > c.decision_due END)";

    private String scope(Actor actor) {
        Scope s = jurisdiction.scope();
        String team = actor.teamScoped() ? " AND c.team_id " + (actor.teamId() == null ? "IS NULL AND FALSE" : "= " + actor.teamId()) : "";
        return s.sql("c.unit_id") + team;
    }

    private List<CaseView> views(String where, Actor actor, int limit, int offset) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT c.id, c.case_no, c.unit_id, c.team_id, c.inspection_id, c.venue_id, v.name, c.cause, c.violations,
                       c.state, c.filed_at, c.decision_due, c.extension_days, c.extension_by, c.extension_reason, c.noticed_at,
                       c.hearing, c.decided_at, c.fine_yuan, c.execution, c.executed_at, c.closed_at, c.closing_note,
                       c.created_by, c.version, """ + OVERDUE + """
                 FROM case_file c JOIN venue v ON v.id = c.venue_id
                WHERE """ + " " + where + " AND " + scope(actor) + " ORDER BY c.filed_at DESC, c.id DESC LIMIT " + limit
                + " OFFSET " + offset).getResultList();
        LocalDate today = BureauClock.today();
        List<CaseView> out = new ArrayList<>();
        for (Object[] r : rows) {
            CaseState st = CaseState.of((String) r[9]);
            LocalDate due = r[11] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) r[11];
            OffsetDateTime decided = odt(r[17]);
            Long daysLeft = decided == null ? java.time.temporal.ChronoUnit.DAYS.between(today, due) : null;
            out.add(new CaseView(((Number) r[0]).longValue(), (String) r[1], num(r[2]), num(r[3]), num(r[4]), num(r[5]),
                    (String) r[6], (String) r[7], List.of((String[]) r[8]), st.code, st.zh, odt(r[10]), due, daysLeft,
                    Boolean.TRUE.equals(r[25]), ((Number) r[12]).intValue(), (String) r[13], (String) r[14], odt(r[15]),
                    (String) r[16], decided, (BigDecimal) r[18], (String) r[19], odt(r[20]), odt(r[21]), (String) r[22],
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
            out.add(new CaseView.Act(((Number) r[0]).longValue(), (String) r[1], odt(r[2]), (String) r[3], (String) r[4], os));
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
            throw ApiException.notFound("evidence " + evidenceId + " of case " + caseId);
        }
        if (CaseState.of(c.state()) == CaseState.CLOSED) {
            throw new ApiException(409, "Conflict", Messages.of("casework.wrongState", caseId, CaseState.CLOSED.zh,
                    "a closed case takes no new files"), List.of(FieldError.of("state", "closed")));
        }
        return new long[] {c.unitId() == null ? -1 : c.unitId(), c.teamId() == null ? -1 : c.teamId()};
    }

    static Long num(Object o) {
        return o == null ? null : ((Number) o).longValue();
    }

    static OffsetDateTime odt(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof OffsetDateTime t) {
            return t;
        }
        if (o instanceof java.time.Instant t) {
            return t.atOffset(ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) o).toInstant().atOffset(ZoneOffset.UTC);
    }

    static String textArray(List<String> xs) {
        StringBuilder b = new StringBuilder("{");
        for (int k = 0; k < xs.size(); k++) {
            b.append(k == 0 ? "" : ",").append('"').append(xs.get(k).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return b.append('}').toString();
    }

    static Map<String, Object> params(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int k = 0; k < kv.length; k += 2) {
            m.put((String) kv[k], kv[k + 1]);
        }
        return m;
    }
}
