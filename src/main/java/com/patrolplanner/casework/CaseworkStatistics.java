package com.patrolplanner.casework;

import com.patrolplanner.sql.Conn;
import com.patrolplanner.sql.Cursor;
import com.patrolplanner.sql.Db;
import com.patrolplanner.sql.Stmt;
import com.patrolplanner.i18n.Messages;
import com.patrolplanner.compliance.RuleService;
import com.patrolplanner.compliance.SchoolPerimeter;
import com.patrolplanner.inspection.SeizedKind;
import com.patrolplanner.inspection.ViolationItem;
import com.patrolplanner.registry.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The enforcement figures of a period and a scope of units, as the half-year summaries count them: complaints
 * (received, handled, on time), cases (filed, decided, closed, overdue), penalties by kind and fines in yuan, goods by
 * act and kind in the kind's measure (扣押 never counted as 收缴: {@link GoodsAct#DETENTION_IS_NOT_COLLECTION}),
 * rectification documents, 查处 by violation type, venues checked around schools, the work log, and 出动人次 counted
 * per outing (a team's officers once per day, as bureaus count) beside the per-visit sum.
 */
@ApplicationScoped
public class CaseworkStatistics {
    @Inject
    Db db;
    @Inject
    RuleService rules;

    public record Count(String code, String name, long count, String measure) {
    }

    public record Goods(String act, String actName, String kind, String kindName, String measure, long quantity) {
    }

    public record Complaints(long received, long handled, long handledOnTime) {
    }

    public record Figures(Complaints complaints, long casesFiled, long casesDecided, long casesClosed, long casesOverdue,
            List<Count> penalties, BigDecimal finesYuan, List<Goods> goods, List<Count> documents, long documentsReinspected,
            long documentsRectified, List<Count> violationsByType, long venuesCheckedNearSchools, Double schoolDistanceM,
            List<Count> workLog, long trainingPersons, List<String> jointPartners, long officerOutings,
            long officerVisits) {
    }

    public Figures figures(LocalDate from, LocalDate to, Scope scope) {
        return figures(from, to, scope, null);
    }

    /**
     * {@code districtCode} (an adcode, or null) narrows the figures read from inspections (goods counted on the spot,
     * 查处 by type, near schools, 出动人次) as the inspection figures are narrowed; cases, documents, goods acts and the
     * work log follow the unit scope only.
     */
    public Figures figures(LocalDate from, LocalDate to, Scope scope, String districtCode) {
        if (districtCode != null && !districtCode.matches("[0-9]{2,12}")) {
            throw new IllegalArgumentException(Messages.of("casework.districtCode", districtCode));
        }
        OffsetDateTime f = from.atStartOfDay(com.patrolplanner.time.BureauClock.ZONE).toOffsetDateTime();
        OffsetDateTime t = to.plusDays(1).atStartOfDay(com.patrolplanner.time.BureauClock.ZONE).toOffsetDateTime();
        String unit = scope.sql("c.unit_id");
        String venueScope = "EXISTS (SELECT 1 FROM venue v WHERE v.id = i.venue_id AND " + scope.sql("v.unit_id") + ")"
                + (districtCode == null ? "" : " AND i.district_code = '" + districtCode + "'");
        try (Conn c = db.open()) {
            long[] cases = longs(c, "SELECT count(*) FILTER (WHERE c.filed_at >= ?1 AND c.filed_at < ?2), "
                    + "count(*) FILTER (WHERE c.decided_at >= ?1 AND c.decided_at < ?2), "
                    + "count(*) FILTER (WHERE c.closed_at >= ?1 AND c.closed_at < ?2), "
                    + "count(*) FILTER (WHERE c.filed_at < ?2 AND " + CaseQueries.OVERDUE.replace("now()", "least(now(), ?2)") + ") "
                    + "FROM case_file c WHERE " + unit, f, t);
            List<Count> penalties = new ArrayList<>();
            Map<String, Long> byKind = map(c, "SELECT p.kind, count(*) FROM case_penalty p JOIN case_file c ON c.id = p.case_id "
                    + "WHERE c.decided_at >= ?1 AND c.decided_at < ?2 AND " + unit + " GROUP BY 1", f, t);
            for (PenaltyKind k : PenaltyKind.values()) {
                penalties.add(new Count(k.code, k.zh, byKind.getOrDefault(k.code, 0L), "起"));
            }
            BigDecimal fines = decimal(c, "SELECT coalesce(sum(p.amount_yuan), 0) FROM case_penalty p JOIN case_file c ON c.id = p.case_id "
                    + "WHERE p.kind = 'fine' AND c.decided_at >= ?1 AND c.decided_at < ?2 AND " + unit, f, t);

            // goods: the acts recorded as such, and the on-the-spot counts of inspections (DETENTION_IS_NOT_COLLECTION)
            Map<String, Long> goods = new LinkedHashMap<>();
            for (Map.Entry<String, Long> e : map(c, "SELECT c.act || '|' || c.kind, sum(c.quantity) FROM goods_act c "
                    + "WHERE c.acted_at >= ?1 AND c.acted_at < ?2 AND " + unit + " GROUP BY 1", f, t).entrySet()) {
                goods.merge(e.getKey(), e.getValue(), Long::sum);
            }
            for (Map.Entry<String, Long> e : map(c, "SELECT e.key, sum(e.value::bigint) FROM inspection i, jsonb_each_text(i.seized) e "
                    + "WHERE i.inspected_at >= ?1 AND i.inspected_at < ?2 AND " + venueScope + " GROUP BY 1", f, t).entrySet()) {
                SeizedKind k = kind(e.getKey());
                goods.merge(GoodsAct.ofInspectionRecord(k).code + "|" + k.code, e.getValue(), Long::sum);
            }
            List<Goods> goodsList = new ArrayList<>();
            for (GoodsAct a : GoodsAct.values()) {
                for (SeizedKind k : SeizedKind.values()) {
                    Long q = goods.get(a.code + "|" + k.code);
                    if (q != null && q > 0) {
                        goodsList.add(new Goods(a.code, a.zh, k.code, k.zh, k.unit, q));
                    }
                }
            }

            Map<String, Long> docs = map(c, "SELECT c.kind, count(*) FROM issued_document c WHERE c.issued_at >= ?1 AND c.issued_at < ?2 AND "
                    + unit + " GROUP BY 1", f, t);
            List<Count> documents = new ArrayList<>();
            for (String k : List.of("rectification_notice", "rectification_advice")) {
                documents.add(new Count(k, DocumentService.KINDS.get(k)[0], docs.getOrDefault(k, 0L), "份"));
            }
            long[] re = longs(c, "SELECT count(*) FILTER (WHERE c.reinspected_at >= ?1 AND c.reinspected_at < ?2), "
                    + "count(*) FILTER (WHERE c.reinspected_at >= ?1 AND c.reinspected_at < ?2 AND c.rectified) "
                    + "FROM issued_document c WHERE " + unit, f, t);

            // 查处 by violation type: distinct venues found with the item in the period
            List<Count> byType = new ArrayList<>();
            for (Map.Entry<String, Long> e : map(c, "SELECT x.item, count(DISTINCT i.venue_id) FROM inspection i, unnest(i.violations) AS x(item) "
                    + "WHERE i.inspected_at >= ?1 AND i.inspected_at < ?2 AND i.outcome = 'violation' AND " + venueScope
                    + " GROUP BY 1 ORDER BY 2 DESC, 1", f, t).entrySet()) {
                String name;
                try {
                    name = ViolationItem.parse(e.getKey()).zh;
                } catch (IllegalArgumentException ex) {
                    name = e.getKey();
                }
                byType.add(new Count(e.getKey(), name, e.getValue(), "家"));
            }

            Double distance = null;
            long nearSchools = 0;
            try {
                SchoolPerimeter p = rules.schoolPerimeter(to);
                distance = p.distanceM();
                String levels = Rows.textArray(p.schoolLevels());
                try (Stmt ps = c.prepare("SELECT count(DISTINCT i.venue_id) FROM inspection i "
                        + "WHERE i.inspected_at >= ? AND i.inspected_at < ? AND i.outcome <> 'not_found' AND i.geom IS NOT NULL AND "
                        + venueScope + " AND EXISTS (SELECT 1 FROM school s WHERE s.level = ANY(CAST(? AS text[])) AND "
                        + "ST_DWithin(coalesce(s.campus::geography, s.geom::geography), i.geom::geography, ?))")) {
                    ps.setInstant(1, f.toInstant());
                    ps.setInstant(2, t.toInstant());
                    ps.setString(3, levels);
                    ps.setDouble(4, p.distanceM());
                    try (Cursor rs = ps.executeQuery()) {
                        rs.next();
                        nearSchools = rs.getLong(1);
                    }
                }
            } catch (com.patrolplanner.web.ApiException noRule) {
                // the perimeter rule is not in force on that date: "near a school" is undefined, the figure is left out
            }

            String wl = scope.sql("c.unit_id");
            Map<String, Long> work = map(c, "SELECT c.kind, sum(c.quantity) FROM work_log c WHERE c.log_date >= CAST(?1 AS date) "
                    + "AND c.log_date < CAST(?2 AS date) AND " + wl + " GROUP BY 1", from, to.plusDays(1));
            List<Count> workLog = new ArrayList<>();
            for (Map.Entry<String, String[]> e : WorkLogService.KINDS.entrySet()) {
                workLog.add(new Count(e.getKey(), e.getValue()[0], work.getOrDefault(e.getKey(), 0L), e.getValue()[1]));
            }
            long trainingPersons = longs(c, "SELECT coalesce(sum(c.persons), 0) FROM work_log c WHERE c.kind = 'training' AND "
                    + "c.log_date >= CAST(?1 AS date) AND c.log_date < CAST(?2 AS date) AND " + wl, from, to.plusDays(1))[0];
            List<String> partners = new ArrayList<>(map(c, "SELECT p, count(*) FROM work_log c, unnest(c.partners) AS x(p) "
                    + "WHERE c.kind = 'joint_operation' AND c.log_date >= CAST(?1 AS date) AND c.log_date < CAST(?2 AS date) AND " + wl
                    + " GROUP BY 1 ORDER BY 2 DESC, 1", from, to.plusDays(1)).keySet());

            // 出动人次: per outing (a team's officers once per bureau day: the largest crew it sent that day; an
            // inspection without a team is an outing of its own) and per venue visit (officers summed over inspections)
            long[] outings = longs(c, "SELECT coalesce(sum(crew), 0), (SELECT coalesce(sum(i.officer_count), 0) FROM inspection i "
                    + "WHERE i.inspected_at >= ?1 AND i.inspected_at < ?2 AND " + venueScope + ") FROM (SELECT max(i.officer_count) AS crew "
                    + "FROM inspection i WHERE i.inspected_at >= ?1 AND i.inspected_at < ?2 AND " + venueScope + " GROUP BY "
                    + "coalesce(i.team_id, -i.id), (i.inspected_at AT TIME ZONE 'Asia/Shanghai')::date) o", f, t);

            return new Figures(complaints(f, t, scope), cases[0], cases[1], cases[2], cases[3], penalties, fines, goodsList,
                    documents, re[0], re[1], byType, nearSchools, distance, workLog, trainingPersons, partners, outings[0],
                    outings[1]);
        }
    }

    /**
     * Complaints of the period (issue 16, point 1), read from the complaint capability's published view
     * {@code complaint_figure}: received = received in the period; handled = closed in the period; on time = of those,
     * closed within the named reply deadline ({@code COMPLAINT_REPLY_DEADLINE}, set by the complaint capability).
     */
    Complaints complaints(OffsetDateTime f, OffsetDateTime t, Scope scope) {
        try (Conn c = db.open()) {
            long[] x = longs(c, "SELECT count(*) FILTER (WHERE k.received_at >= ?1 AND k.received_at < ?2), "
                    + "count(*) FILTER (WHERE k.closed_at >= ?1 AND k.closed_at < ?2), "
                    + "count(*) FILTER (WHERE k.closed_at >= ?1 AND k.closed_at < ?2 AND k.closed_on_time) "
                    + "FROM complaint_figure k WHERE " + scope.sql("k.unit_id"), f, t);
            return new Complaints(x[0], x[1], x[2]);
        }
    }

    private static SeizedKind kind(String code) {
        try {
            return SeizedKind.parse(code);
        } catch (IllegalArgumentException e) {
            return SeizedKind.OTHER;
        }
    }

    /** Runs {@code sql} with {@code ?1}/{@code ?2} bound to a and b (each as often as they occur). */
    private static Stmt prepare(Conn c, String sql, Object a, Object b) {
        List<Object> binds = new ArrayList<>();
        StringBuilder out = new StringBuilder();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\?([12])").matcher(sql);
        while (m.find()) {
            binds.add("1".equals(m.group(1)) ? a : b);
            m.appendReplacement(out, "?");
        }
        m.appendTail(out);
        Stmt ps = c.prepare(out.toString());
        for (int k = 0; k < binds.size(); k++) {
            Object v = binds.get(k);
            if (v instanceof OffsetDateTime o) {
                ps.setInstant(k + 1, o.toInstant());
            } else {
                ps.setString(k + 1, v.toString());
            }
        }
        return ps;
    }

    private static long[] longs(Conn c, String sql, Object a, Object b) {
        try (Stmt ps = prepare(c, sql, a, b); Cursor rs = ps.executeQuery()) {
            rs.next();
            long[] out = new long[rs.columnCount()];
            for (int k = 0; k < out.length; k++) {
                out[k] = rs.getLong(k + 1);
            }
            return out;
        }
    }

    private static BigDecimal decimal(Conn c, String sql, Object a, Object b) {
        try (Stmt ps = prepare(c, sql, a, b); Cursor rs = ps.executeQuery()) {
            rs.next();
            return rs.getBigDecimal(1);
        }
    }

    private static Map<String, Long> map(Conn c, String sql, Object a, Object b) {
        Map<String, Long> out = new LinkedHashMap<>();
        try (Stmt ps = prepare(c, sql, a, b); Cursor rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        }
        return out;
    }
}
