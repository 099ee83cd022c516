package com.patrolplanner.casework;

import com.patrolplanner.i18n.Messages;
import com.patrolplanner.registry.ChangeHistory;
import com.patrolplanner.registry.Jurisdiction;
import com.patrolplanner.registry.RegistryService;
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
    CaseQueries queries;
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
            throw ApiException.invalid("inspectionId", Messages.of("common.required"));
        }
        Object[] insp = inspection(in.inspectionId(), actor);
        long venueId = ((Number) insp[0]).longValue();
        Long teamId = insp[1] == null ? null : ((Number) insp[1]).longValue();
        OffsetDateTime inspectedAt = Rows.odt(insp[3]);
        String[] violations = (String[]) insp[4];
        Venue venue = registry.venue(venueId);
        if (!"violation".equals(insp[2]) || violations.length == 0) {
            errors.add(FieldError.of("inspectionId", Messages.of("casework.noViolation")));
        }
        String cause = in.cause() == null ? "" : in.cause().trim();
        if (cause.isEmpty()) {
            errors.add(FieldError.of("cause", Messages.of("casework.causeRequired")));
        } else if (cause.length() > 500) {
            errors.add(FieldError.of("cause", Messages.of("common.maxChars", 500)));
        }
        OffsetDateTime at = when(in.filedAt(), inspectedAt, "filedAt", errors);
        List<Officers.Officer> os = officers.check(in.officers(), actor, errors);
        failOn(errors, Messages.of("what.case"));
        Number open = (Number) em.createNativeQuery("SELECT count(*) FROM case_file WHERE inspection_id = ?1")
                .setParameter(1, in.inspectionId()).getSingleResult();
        if (open.longValue() > 0) {
            throw new ApiException(409, "Conflict", Messages.of("casework.alreadyCase", in.inspectionId()),
                    List.of(FieldError.of("inspectionId", Messages.of("casework.alreadyFiled"))));
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
                .setParameter(8, cause).setParameter(9, Rows.textArray(Arrays.asList(violations))).setParameter(10, at)
                .setParameter(11, DecisionDeadlineRule.due(filed, 0)).setParameter(12, actor.name().startsWith("demo"))
                .setParameter(13, actor.name()).getSingleResult()).longValue();
        act(id, "file", at, os, actor, in.note());
        Map<String, Object> after = snapshot(id);
        registry.history(HISTORY_TYPE, id, "file", actor.name(), in.note(), ChangeHistory.diff(Map.of(), after));
        return queries.get(id, actor);
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
                errors.add(FieldError.of("description", Messages.of("casework.evidenceWhat")));
            } else if (d.length() > 2000) {
                errors.add(FieldError.of("description", Messages.of("common.maxChars", 2000)));
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
                errors.add(FieldError.of("days", Messages.of("common.mustRange", 1, DecisionDeadlineRule.MAX_EXTENSION_DAYS)));
            }
            if (in.approvedBy() == null || in.approvedBy().isBlank()) {
                errors.add(FieldError.of("approvedBy", Messages.of("casework.extensionApprover")));
            }
            if (in.note() == null || in.note().isBlank()) {
                errors.add(FieldError.of("note", Messages.of("casework.extensionReason")));
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
                errors.add(FieldError.of("hearing", Messages.of("casework.hearing")));
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
                errors.add(FieldError.of("penalties", Messages.of("casework.onePenalty")));
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
                    errors.add(FieldError.of("penalties[" + k + "].kind", Messages.of("casework.penaltyTwice",
                            kind.code)));
                }
                if (p.legalArticle() == null || p.legalArticle().isBlank()) {
                    errors.add(FieldError.of("penalties[" + k + "].legalArticle",
                            Messages.of("casework.articleRequired")));
                } else if (p.legalArticle().length() > 500) {
                    errors.add(FieldError.of("penalties[" + k + "].legalArticle", Messages.of("common.maxChars", 500)));
                }
                boolean money = kind == PenaltyKind.FINE || kind == PenaltyKind.CONFISCATE_INCOME;
                if (kind == PenaltyKind.FINE && (p.amountYuan() == null || p.amountYuan().signum() <= 0)) {
                    errors.add(FieldError.of("penalties[" + k + "].amountYuan", Messages.of("casework.fineAmount")));
                } else if (p.amountYuan() != null && (!money || p.amountYuan().signum() < 0
                        || p.amountYuan().compareTo(new BigDecimal("1000000000")) > 0 || p.amountYuan().scale() > 2)) {
                    errors.add(FieldError.of("penalties[" + k + "].amountYuan",
                            money ? Messages.of("casework.amountRange") : Messages.of("casework.amountOnly")));
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
                errors.add(FieldError.of("result", Messages.of("casework.execResult")));
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
            throw ApiException.invalid("body", Messages.of("common.required"));
        }
        if (in.version() == null) {
            throw ApiException.invalid("version", Messages.of("common.versionRequired"));
        }
        if (in.version() != c.version) {
            throw ApiException.staleVersion("case " + id, in.version(), c.version);
        }
        List<FieldError> errors = new ArrayList<>();
        c.actAt = when(in.at(), c.lastAct, "at", errors);
        Writer w = checks.check(c, errors);
        List<Officers.Officer> os = officers.check(in.officers(), actor, errors);
        if (in.note() != null && in.note().length() > 4000) {
            errors.add(FieldError.of("note", Messages.of("common.maxChars", 4000)));
        }
        failOn(errors, Messages.of("what.act"));
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
        return queries.get(id, actor);
    }

    private Current current(long id, Actor actor) {
        // the row is locked: two acts on one case are serialised, the second sees the first's version
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT c.state, c.filed_at, c.extension_days, c.version, c.unit_id, c.team_id, "
                + "(SELECT max(a.acted_at) FROM case_act a WHERE a.case_id = c.id) FROM case_file c WHERE c.id = ?1 FOR UPDATE")
                .setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            throw ApiException.notFound(Messages.of("noun.case", id));
        }
        Object[] r = rows.get(0);
        visible(id, r[4] == null ? null : ((Number) r[4]).longValue(), r[5] == null ? null : ((Number) r[5]).longValue(), actor);
        Current c = new Current();
        c.id = id;
        c.state = CaseState.of((String) r[0]);
        c.filedAt = Rows.odt(r[1]);
        c.extensionDays = ((Number) r[2]).intValue();
        c.version = ((Number) r[3]).intValue();
        c.lastAct = Rows.odt(r[6]);
        return c;
    }

    private void visible(long id, Long unitId, Long teamId, Actor actor) {
        if (!jurisdiction.scope().sees(unitId) || (actor.teamScoped() && !Objects.equals(teamId, actor.teamId()))) {
            throw ApiException.notFound(Messages.of("noun.case", id));
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
            errors.add(FieldError.of(field, Messages.of("common.inFuture")));
        } else if (notBefore != null && at.isBefore(notBefore)) {
            errors.add(FieldError.of(field, Messages.of("casework.beforePrevious",
                    notBefore.atZoneSameInstant(BureauClock.ZONE).toLocalDateTime())));
        } else if (at.getYear() < 2000) {
            errors.add(FieldError.of(field, Messages.of("casework.before2000")));
        }
        return at;
    }

    static void failOn(List<FieldError> errors, String what) {
        if (!errors.isEmpty()) {
            throw ApiException.unprocessable(errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).reason() : Messages.of("common.problemsIn", errors.size(), what), errors);
        }
    }

    /** venue_id, team_id, outcome, inspected_at, violations of an inspection the actor may see (404 otherwise). */
    Object[] inspection(long inspectionId, Actor actor) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT venue_id, team_id, outcome, inspected_at, violations FROM inspection "
                + "WHERE id = ?1").setParameter(1, inspectionId).getResultList();
        if (rows.isEmpty()) {
            throw ApiException.notFound(Messages.of("noun.inspection", inspectionId));
        }
        Object[] r = rows.get(0);
        Long team = r[1] == null ? null : ((Number) r[1]).longValue();
        if (actor.teamScoped() && !Objects.equals(team, actor.teamId())) {
            throw ApiException.notFound(Messages.of("noun.inspection", inspectionId));
        }
        Venue v = Venue.findById(((Number) r[0]).longValue());
        if (v == null || !jurisdiction.scope().sees(v.unitId)) {
            throw ApiException.notFound(Messages.of("noun.inspection", inspectionId));
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

}
