package com.patrolplanner.casework;

import com.patrolplanner.i18n.Messages;
import com.patrolplanner.registry.ChangeHistory;
import com.patrolplanner.registry.Jurisdiction;
import com.patrolplanner.registry.RegistryService;
import com.patrolplanner.time.BureauClock;
import com.patrolplanner.web.ApiException;
import com.patrolplanner.web.Problem.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The unit's work log (工作台账): what half-year summaries count besides inspections and cases — articles published
 * (刊登稿件, 件), information items (登载信息, 条), briefing issues (简报, 期), training of operators (培训, 场次 and
 * 人次), responsibility letters signed (责任书, 份), warning signs handed out (警示标识牌, 套), joint operations with
 * other departments (联合执法, 次, with 公安 / 教育 / 网信 / 市场监管 …, optionally on a campaign) and letters to
 * operators (致经营业户的一封信, 封). One row per unit, date and kind of work.
 */
@ApplicationScoped
public class WorkLogService {
    public static final String HISTORY_TYPE = "work_log";
    /** kind → {Chinese name, measure}. */
    public static final Map<String, String[]> KINDS = new LinkedHashMap<>();
    public static final List<String> PARTNERS = List.of("公安", "教育", "网信", "市场监管", "广电", "消防", "街道", "其他");

    static {
        KINDS.put("article", new String[] {"刊登稿件", "件"});
        KINDS.put("info_item", new String[] {"登载信息", "条"});
        KINDS.put("briefing", new String[] {"编发简报", "期"});
        KINDS.put("training", new String[] {"培训经营从业人员", "场"});
        KINDS.put("responsibility_letter", new String[] {"签订责任书", "份"});
        KINDS.put("warning_signs", new String[] {"发放警示标识牌", "套"});
        KINDS.put("joint_operation", new String[] {"联合执法行动", "次"});
        KINDS.put("letter", new String[] {"发放致经营业户的一封信", "封"});
    }

    @Inject
    EntityManager em;
    @Inject
    RegistryService registry;
    @Inject
    Jurisdiction jurisdiction;

    public record EntryInput(LocalDate date, String kind, Integer quantity, Integer persons, List<String> partners,
            Long campaignId, String title, Long unitId, Integer version) {
    }

    public record EntryView(long id, Long unitId, LocalDate date, String kind, String kindName, int quantity, String measure,
            Integer persons, List<String> partners, Long campaignId, String title, String createdBy, int version) {
    }

    @Transactional
    public EntryView create(EntryInput in, Actor actor) {
        Checked c = check(in);
        long id = ((Number) em.createNativeQuery("""
                INSERT INTO work_log (unit_id, log_date, kind, quantity, persons, partners, campaign_id, title, synthetic, created_by)
                VALUES (?1, ?2, ?3, ?4, ?5, CAST(?6 AS text[]), ?7, ?8, ?9, ?10) RETURNING id""")
                .setParameter(1, c.unitId).setParameter(2, in.date()).setParameter(3, c.kind).setParameter(4, in.quantity())
                .setParameter(5, in.persons()).setParameter(6, Rows.textArray(c.partners)).setParameter(7, in.campaignId())
                .setParameter(8, c.title).setParameter(9, actor.name().startsWith("demo")).setParameter(10, actor.name())
                .getSingleResult()).longValue();
        EntryView v = get(id);
        registry.history(HISTORY_TYPE, id, "create", actor.name(), null, ChangeHistory.diff(Map.of(), snapshot(v)));
        return v;
    }

    @Transactional
    public EntryView update(long id, EntryInput in, Actor actor) {
        em.createNativeQuery("SELECT id FROM work_log WHERE id = ?1 FOR UPDATE").setParameter(1, id).getResultList();
        EntryView before = get(id);
        if (in.version() == null) {
            throw ApiException.invalid("version", Messages.of("common.versionRequired"));
        }
        if (in.version() != before.version()) {
            throw ApiException.staleVersion("work log entry " + id, in.version(), before.version());
        }
        Checked c = check(in);
        em.createNativeQuery("""
                UPDATE work_log SET unit_id = ?2, log_date = ?3, kind = ?4, quantity = ?5, persons = ?6,
                    partners = CAST(?7 AS text[]), campaign_id = ?8, title = ?9, version = version + 1 WHERE id = ?1""")
                .setParameter(1, id).setParameter(2, c.unitId).setParameter(3, in.date()).setParameter(4, c.kind)
                .setParameter(5, in.quantity()).setParameter(6, in.persons()).setParameter(7, Rows.textArray(c.partners))
                .setParameter(8, in.campaignId()).setParameter(9, c.title).executeUpdate();
        EntryView after = get(id);
        registry.history(HISTORY_TYPE, id, "update", actor.name(), null, ChangeHistory.diff(snapshot(before), snapshot(after)));
        return after;
    }

    private record Checked(Long unitId, String kind, List<String> partners, String title) {
    }

    private Checked check(EntryInput in) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate today = BureauClock.today();
        if (in.date() == null) {
            errors.add(FieldError.of("date", Messages.of("common.required")));
        } else if (in.date().isAfter(today) || in.date().getYear() < 2000) {
            errors.add(FieldError.of("date", Messages.of("worklog.dateRange")));
        }
        String kind = in.kind() == null ? "" : in.kind().trim();
        for (Map.Entry<String, String[]> e : KINDS.entrySet()) {
            if (e.getValue()[0].equals(kind)) {
                kind = e.getKey();
            }
        }
        if (!KINDS.containsKey(kind)) {
            errors.add(FieldError.of("kind", Messages.of("common.oneOf", KINDS.keySet())));
        }
        if (in.quantity() == null || in.quantity() < 1 || in.quantity() > 1_000_000) {
            errors.add(FieldError.of("quantity", Messages.of("common.mustRange", 1, 1000000)));
        }
        if ("training".equals(kind) && (in.persons() == null || in.persons() < 1)) {
            errors.add(FieldError.of("persons", Messages.of("worklog.persons")));
        } else if (in.persons() != null && (in.persons() < 0 || in.persons() > 1_000_000)) {
            errors.add(FieldError.of("persons", Messages.of("common.mustRange", 0, 1000000)));
        }
        List<String> partners = in.partners() == null ? List.of() : in.partners().stream().map(p -> p == null ? "" : p.trim()).toList();
        for (int k = 0; k < partners.size(); k++) {
            if (!PARTNERS.contains(partners.get(k))) {
                errors.add(FieldError.of("partners[" + k + "]", Messages.of("common.oneOf", PARTNERS)));
            }
        }
        if ("joint_operation".equals(kind) && partners.isEmpty()) {
            errors.add(FieldError.of("partners", Messages.of("worklog.partners")));
        }
        if (in.campaignId() != null) {
            Number n = (Number) em.createNativeQuery("SELECT count(*) FROM campaign WHERE id = ?1").setParameter(1, in.campaignId())
                    .getSingleResult();
            if (n.longValue() == 0) {
                errors.add(FieldError.of("campaignId", Messages.of("common.noCampaign", in.campaignId())));
            }
        }
        String title = in.title() == null || in.title().isBlank() ? null : in.title().trim();
        if (title != null && title.length() > 500) {
            errors.add(FieldError.of("title", Messages.of("common.maxChars", 500)));
        }
        Long unit = in.unitId() != null ? in.unitId() : jurisdiction.scope().unitId();
        if (unit == null && !jurisdiction.scope().all()) {
            errors.add(FieldError.of("unitId", Messages.of("worklog.unitRequired")));
        } else if (unit != null && !jurisdiction.scope().sees(unit)) {
            errors.add(FieldError.of("unitId", Messages.of("common.notYourUnit")));
        }
        CaseService.failOn(errors, Messages.of("what.workLog"));
        return new Checked(unit, kind, partners, title);
    }

    private static Map<String, Object> snapshot(EntryView v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("unitId", v.unitId());
        m.put("date", v.date().toString());
        m.put("kind", v.kind());
        m.put("quantity", v.quantity());
        m.put("persons", v.persons());
        m.put("partners", v.partners());
        m.put("campaignId", v.campaignId());
        m.put("title", v.title());
        return m;
    }

    @Transactional
    public EntryView get(long id) {
        return ListQuery.one(views("w.id = " + id, 1, 0, "w.id"), Messages.of("noun.workLog", id));
    }

    /** Sortable fields of the work log ({@code sort}); the latest day first unless asked otherwise. */
    public static final java.util.Map<String, String> SORT = ListQuery.sortFields("id", "w.id", "date", "w.log_date",
            "kind", "w.kind", "quantity", "w.quantity", "title", "w.title");
    public static final String DEFAULT_SORT = "-date";

    @Transactional
    public Page<EntryView> list(String kind, LocalDate from, LocalDate to, int limit, int offset, String sort) {
        ListQuery.checkPage(limit, offset);
        StringBuilder w = new StringBuilder("TRUE");
        if (kind != null) {
            if (!KINDS.containsKey(kind.trim())) {
                throw ApiException.badRequest("kind", Messages.of("common.oneOf", KINDS.keySet()));
            }
            w.append(" AND w.kind = '").append(kind.trim()).append("'");
        }
        if (from != null) {
            w.append(" AND w.log_date >= '").append(from).append("'");
        }
        if (to != null) {
            w.append(" AND w.log_date <= '").append(to).append("'");
        }
        Number n = (Number) em.createNativeQuery("SELECT count(*) FROM work_log w WHERE " + w + " AND "
                + jurisdiction.scope().sql("w.unit_id")).getSingleResult();
        List<EntryView> items = views(w.toString(), limit, offset,
                com.patrolplanner.web.Paging.orderBy(sort, DEFAULT_SORT, SORT, "w.id DESC"));
        return new Page<>(n.longValue(), items.size(), offset, items);
    }

    private List<EntryView> views(String where, int limit, int offset, String order) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT w.id, w.unit_id, w.log_date, w.kind, w.quantity, w.persons, w.partners, "
                + "w.campaign_id, w.title, w.created_by, w.version FROM work_log w WHERE " + where + " AND "
                + jurisdiction.scope().sql("w.unit_id") + " ORDER BY " + order + " LIMIT " + limit + " OFFSET "
                + offset).getResultList();
        List<EntryView> out = new ArrayList<>();
        for (Object[] r : rows) {
            String[] k = KINDS.get((String) r[3]);
            LocalDate d = com.patrolplanner.sql.Rows.localDate(r[2]);
            out.add(new EntryView(((Number) r[0]).longValue(), Rows.num(r[1]), d, (String) r[3], k[0],
                    ((Number) r[4]).intValue(), k[1], r[5] == null ? null : ((Number) r[5]).intValue(), List.of((String[]) r[6]),
                    Rows.num(r[7]), (String) r[8], (String) r[9], ((Number) r[10]).intValue()));
        }
        return out;
    }
}
