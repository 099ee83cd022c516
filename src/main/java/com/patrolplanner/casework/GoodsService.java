package com.patrolplanner.casework;

import com.patrolplanner.i18n.Messages;
import com.patrolplanner.inspection.SeizedKind;
import com.patrolplanner.registry.ChangeHistory;
import com.patrolplanner.registry.Jurisdiction;
import com.patrolplanner.registry.RegistryService;
import com.patrolplanner.registry.Venue;
import com.patrolplanner.time.BureauClock;
import com.patrolplanner.web.ApiException;
import com.patrolplanner.web.Problem.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Goods taken and disposed of, each act its own record ({@link GoodsAct}): 收缴 and 扣押 / 查封 at a venue (or from an
 * inspection), 没收 by a decided case whose penalties include 没收非法财物, 销毁 with date, place and witnesses (a
 * bureau's central destruction needs no venue). Temporary acts carry their return date ({@link SeizureTermRule}), may be
 * extended once and are closed by the return. Quantities are in the kind's measure (册, 盘, 台(套), 台, 件).
 */
@ApplicationScoped
public class GoodsService {
    public static final String HISTORY_TYPE = "goods_act";

    @Inject
    EntityManager em;
    @Inject
    CaseService cases;
    @Inject
    CaseQueries queries;
    @Inject
    RegistryService registry;
    @Inject
    Jurisdiction jurisdiction;
    @Inject
    Officers officers;

    public record GoodsInput(String act, String kind, Integer quantity, Long venueId, Long inspectionId, Long caseId,
            OffsetDateTime at, String place, List<String> witnesses, List<Long> officers, String note, Long unitId) {
    }

    public record ReturnInput(Integer version, OffsetDateTime at, String approvedBy, List<Long> officers, String note) {
    }

    public record GoodsView(long id, Long unitId, Long teamId, String act, String actName, String kind, String kindName,
            int quantity, String measure, OffsetDateTime at, Long venueId, Long inspectionId, Long caseId, String place,
            List<String> witnesses, LocalDate returnDue, boolean extended, OffsetDateTime returnedAt, boolean returnOverdue,
            List<Long> officers, String note, String createdBy, int version) {
    }

    @Transactional
    public GoodsView record(GoodsInput in, Actor actor) {
        List<FieldError> errors = new ArrayList<>();
        GoodsAct act = null;
        try {
            act = GoodsAct.parse(in.act());
        } catch (IllegalArgumentException e) {
            errors.add(FieldError.of("act", e.getMessage()));
        }
        SeizedKind kind = null;
        try {
            kind = SeizedKind.parse(in.kind());
        } catch (IllegalArgumentException e) {
            errors.add(FieldError.of("kind", e.getMessage()));
        }
        if (in.quantity() == null || in.quantity() < 1 || in.quantity() > 10_000_000) {
            errors.add(FieldError.of("quantity", Messages.of("common.mustRange", 1, 10000000)));
        }
        Long unitId = null;
        Long teamId = actor.teamScoped() ? actor.teamId() : null;
        Long venueId = in.venueId();
        if (in.caseId() != null) {
            CaseView c = queries.get(in.caseId(), actor);
            unitId = c.unitId();
            teamId = c.teamId();
            venueId = venueId == null ? c.venueId() : venueId;
            if (act == GoodsAct.CONFISCATED && (c.decidedAt() == null
                    || queries.get(in.caseId(), actor).penalties().stream().noneMatch(p -> p.kind().equals(PenaltyKind.CONFISCATE_PROPERTY.code)))) {
                errors.add(FieldError.of("caseId", Messages.of("goods.confiscateNeedsCase")));
            }
        } else if (act == GoodsAct.CONFISCATED) {
            errors.add(FieldError.of("caseId", Messages.of("goods.confiscateCaseRequired")));
        }
        OffsetDateTime notBefore = null;
        if (in.inspectionId() != null) {
            Object[] i = cases.inspection(in.inspectionId(), actor);
            long v = ((Number) i[0]).longValue();
            if (venueId != null && venueId != v) {
                errors.add(FieldError.of("venueId", Messages.of("casework.notVenueOf", in.inspectionId())));
            }
            venueId = v;
            teamId = i[1] == null ? teamId : Long.valueOf(((Number) i[1]).longValue());
            notBefore = Rows.odt(i[3]).minusHours(12);
        }
        if (venueId != null) {
            Venue v = registry.venue(venueId);
            unitId = unitId == null ? v.unitId : unitId;
        }
        if (venueId == null && in.caseId() == null) {
            if (act != GoodsAct.DESTROYED) {
                errors.add(FieldError.of("venueId", Messages.of("goods.whereTaken")));
            } else {
                // a central destruction: the unit given, else the caller's (a city-wide user may leave it open)
                unitId = in.unitId() != null ? in.unitId() : jurisdiction.scope().unitId();
                if (unitId != null && !jurisdiction.scope().sees(unitId)) {
                    errors.add(FieldError.of("unitId", Messages.of("common.notYourUnit")));
                }
            }
        }
        OffsetDateTime at = CaseService.when(in.at(), notBefore, "at", errors);
        List<String> witnesses = in.witnesses() == null ? List.of()
                : in.witnesses().stream().filter(Objects::nonNull).map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (act == GoodsAct.DESTROYED) {
            if (in.place() == null || in.place().isBlank()) {
                errors.add(FieldError.of("place", Messages.of("goods.placeRequired")));
            }
            if (witnesses.isEmpty()) {
                errors.add(FieldError.of("witnesses", Messages.of("goods.witnessesRequired")));
            }
        }
        if (in.place() != null && in.place().length() > 300) {
            errors.add(FieldError.of("place", Messages.of("common.maxChars", 300)));
        }
        if (witnesses.size() > 50 || witnesses.stream().anyMatch(w -> w.length() > 100)) {
            errors.add(FieldError.of("witnesses", Messages.of("goods.witnessesMax")));
        }
        if (in.note() != null && in.note().length() > 4000) {
            errors.add(FieldError.of("note", Messages.of("common.maxChars", 4000)));
        }
        List<Officers.Officer> os = officers.check(in.officers(), actor, errors);
        CaseService.failOn(errors, Messages.of("what.goods"));
        LocalDate day = at.atZoneSameInstant(BureauClock.ZONE).toLocalDate();
        long id = ((Number) em.createNativeQuery("""
                INSERT INTO goods_act (unit_id, team_id, act, kind, quantity, measure, acted_at, venue_id, inspection_id, case_id,
                    place, witnesses, return_due, officer_ids, certificates, note, synthetic, created_by)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, CAST(?12 AS text[]), ?13, CAST(?14 AS bigint[]),
                    CAST(?15 AS text[]), ?16, ?17, ?18) RETURNING id""")
                .setParameter(1, unitId).setParameter(2, teamId).setParameter(3, act.code).setParameter(4, kind.code)
                .setParameter(5, in.quantity()).setParameter(6, kind.unit).setParameter(7, at).setParameter(8, venueId)
                .setParameter(9, in.inspectionId()).setParameter(10, in.caseId())
                .setParameter(11, in.place() == null || in.place().isBlank() ? null : in.place().trim())
                .setParameter(12, Rows.textArray(witnesses))
                .setParameter(13, act.temporary() ? SeizureTermRule.returnDue(day, false) : null)
                .setParameter(14, Officers.idArray(os)).setParameter(15, Officers.certArray(os))
                .setParameter(16, in.note() == null || in.note().isBlank() ? null : in.note().trim())
                .setParameter(17, actor.name().startsWith("demo")).setParameter(18, actor.name()).getSingleResult()).longValue();
        GoodsView v = get(id, actor);
        registry.history(HISTORY_TYPE, id, act.code, actor.name(), null, ChangeHistory.diff(Map.of(), snapshot(v, os)));
        return v;
    }

    /** The goods of a temporary act returned (解除扣押 / 解除查封). */
    @Transactional
    public GoodsView giveBack(long id, ReturnInput in, Actor actor) {
        GoodsView g = locked(id, in, actor);
        List<FieldError> errors = new ArrayList<>();
        OffsetDateTime at = CaseService.when(in.at(), g.at(), "at", errors);
        List<Officers.Officer> os = officers.check(in.officers(), actor, errors);
        CaseService.failOn(errors, Messages.of("what.return"));
        em.createNativeQuery("UPDATE goods_act SET returned_at = ?2, version = version + 1 WHERE id = ?1")
                .setParameter(1, id).setParameter(2, at).executeUpdate();
        GoodsView after = get(id, actor);
        registry.history(HISTORY_TYPE, id, "return", actor.name(), in.note(), ChangeHistory.diff(snapshot(g, List.of()), snapshot(after, os)));
        return after;
    }

    /** The term extended once by {@link SeizureTermRule#EXTENSION_DAYS} with the head's approval. */
    @Transactional
    public GoodsView extend(long id, ReturnInput in, Actor actor) {
        GoodsView g = locked(id, in, actor);
        List<FieldError> errors = new ArrayList<>();
        if (g.extended()) {
            throw new ApiException(409, "Conflict", Messages.of("goods.extendedOnce", id, SeizureTermRule.CODE),
                    List.of(FieldError.of("extended", Messages.of("goods.onceOnly"))));
        }
        if (in.approvedBy() == null || in.approvedBy().isBlank()) {
            errors.add(FieldError.of("approvedBy", Messages.of("goods.approver")));
        }
        List<Officers.Officer> os = officers.check(in.officers(), actor, errors);
        CaseService.failOn(errors, Messages.of("what.extension"));
        LocalDate day = g.at().atZoneSameInstant(BureauClock.ZONE).toLocalDate();
        em.createNativeQuery("UPDATE goods_act SET extended = true, return_due = ?2, version = version + 1, "
                + "note = coalesce(note || E'\\n', '') || ?3 WHERE id = ?1").setParameter(1, id)
                .setParameter(2, SeizureTermRule.returnDue(day, true)).setParameter(3, "延期批准：" + in.approvedBy().trim())
                .executeUpdate();
        GoodsView after = get(id, actor);
        registry.history(HISTORY_TYPE, id, "extend", actor.name(), in.note(), ChangeHistory.diff(snapshot(g, List.of()), snapshot(after, os)));
        return after;
    }

    private GoodsView locked(long id, ReturnInput in, Actor actor) {
        em.createNativeQuery("SELECT id FROM goods_act WHERE id = ?1 FOR UPDATE").setParameter(1, id).getResultList();
        GoodsView g = get(id, actor);
        if (in == null || in.version() == null) {
            throw ApiException.invalid("version", Messages.of("common.versionRequired"));
        }
        if (in.version() != g.version()) {
            throw ApiException.staleVersion("goods record " + id, in.version(), g.version());
        }
        if (!GoodsAct.parse(g.act()).temporary()) {
            throw new ApiException(409, "Conflict", Messages.of("goods.notSeizure", id, g.actName()),
                    List.of(FieldError.of("act", g.act())));
        }
        if (g.returnedAt() != null) {
            throw new ApiException(409, "Conflict", Messages.of("goods.returned", id),
                    List.of(FieldError.of("returnedAt", String.valueOf(g.returnedAt()))));
        }
        return g;
    }

    private static Map<String, Object> snapshot(GoodsView g, List<Officers.Officer> os) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("act", g.act());
        m.put("kind", g.kind());
        m.put("quantity", g.quantity());
        m.put("measure", g.measure());
        m.put("at", g.at().toString());
        m.put("venueId", g.venueId());
        m.put("caseId", g.caseId());
        m.put("place", g.place());
        m.put("witnesses", g.witnesses());
        m.put("returnDue", g.returnDue() == null ? null : g.returnDue().toString());
        m.put("returnedAt", g.returnedAt() == null ? null : g.returnedAt().toString());
        if (!os.isEmpty()) {
            m.put("officers", os.stream().map(Officers.Officer::certificateNo).toList());
        }
        return m;
    }

    @Transactional
    public GoodsView get(long id, Actor actor) {
        return ListQuery.one(views("g.id = " + id, actor, 1, 0, "g.id"), Messages.of("noun.goods", id));
    }

    /** Sortable fields of the goods list ({@code sort}); the latest act first unless asked otherwise. */
    public static final java.util.Map<String, String> SORT = ListQuery.sortFields("id", "g.id", "at", "g.acted_at",
            "act", "g.act", "kind", "g.kind", "quantity", "g.quantity", "returnDue", "g.return_due");
    public static final String DEFAULT_SORT = "-at";

    @Transactional
    public Page<GoodsView> list(String act, String kind, LocalDate from, LocalDate to, int limit, int offset, String sort,
            Actor actor) {
        ListQuery.checkPage(limit, offset);
        StringBuilder w = new StringBuilder("TRUE");
        if (act != null) {
            try {
                w.append(" AND g.act = '").append(GoodsAct.parse(act).code).append("'");
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("act", e.getMessage());
            }
        }
        if (kind != null) {
            try {
                w.append(" AND g.kind = '").append(SeizedKind.parse(kind).code).append("'");
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("kind", e.getMessage());
            }
        }
        w.append(ListQuery.period("g.acted_at", from, to));
        Number n = (Number) em.createNativeQuery("SELECT count(*) FROM goods_act g WHERE " + w + " AND " + scope(actor))
                .getSingleResult();
        List<GoodsView> items = views(w.toString(), actor, limit, offset,
                com.patrolplanner.web.Paging.orderBy(sort, DEFAULT_SORT, SORT, "g.id DESC"));
        return new Page<>(n.longValue(), items.size(), offset, items);
    }

    private String scope(Actor actor) {
        return ListQuery.scope(jurisdiction.scope(), "g", actor);
    }

    private List<GoodsView> views(String where, Actor actor, int limit, int offset, String order) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT g.id, g.unit_id, g.team_id, g.act, g.kind, g.quantity, g.measure, "
                + "g.acted_at, g.venue_id, g.inspection_id, g.case_id, g.place, g.witnesses, g.return_due, g.extended, "
                + "g.returned_at, g.officer_ids, g.note, g.created_by, g.version FROM goods_act g WHERE " + where + " AND "
                + scope(actor) + " ORDER BY " + order + " LIMIT " + limit + " OFFSET " + offset).getResultList();
        LocalDate today = BureauClock.today();
        List<GoodsView> out = new ArrayList<>();
        for (Object[] r : rows) {
            GoodsAct a = GoodsAct.parse((String) r[3]);
            SeizedKind k;
            try {
                k = SeizedKind.parse((String) r[4]);
            } catch (IllegalArgumentException e) {
                k = SeizedKind.OTHER;
            }
            LocalDate due = r[13] == null ? null : com.patrolplanner.sql.Rows.localDate(r[13]);
            OffsetDateTime returned = Rows.odt(r[15]);
            Long[] ofs = r[16] instanceof Long[] l ? l : java.util.Arrays.stream((Object[]) r[16]).map(o -> ((Number) o).longValue())
                    .toArray(Long[]::new);
            out.add(new GoodsView(((Number) r[0]).longValue(), Rows.num(r[1]), Rows.num(r[2]), a.code, a.zh,
                    (String) r[4], k.zh, ((Number) r[5]).intValue(), (String) r[6], Rows.odt(r[7]), Rows.num(r[8]),
                    Rows.num(r[9]), Rows.num(r[10]), (String) r[11], List.of((String[]) r[12]), due,
                    Boolean.TRUE.equals(r[14]), returned, due != null && returned == null && today.isAfter(due), List.of(ofs),
                    (String) r[17], (String) r[18], ((Number) r[19]).intValue()));
        }
        return out;
    }
}
