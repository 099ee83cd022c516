package com.patrolplanner.demo;

import com.patrolplanner.casework.Actor;
import com.patrolplanner.casework.CaseService;
import com.patrolplanner.casework.DocumentService;
import com.patrolplanner.casework.GoodsService;
import com.patrolplanner.casework.WorkLogService;
import com.patrolplanner.registry.Unit;
import com.patrolplanner.time.BureauClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Synthetic casework for the demo half-year, drawn from the demo inspections (fixed seed): a case for each inspection
 * whose officers filed one (立案), taken further the older it is — older than 100 days closed, except one left
 * undecided past the 90-day limit; 30 to 100 days decided or executed; younger ones in investigation — with 扣押 of
 * computers at cafés (returned or confiscated), rectification documents for the inspections that ordered rectification
 * (re-inspected where the venue was visited again), a central destruction of the discs collected, and a monthly work log
 * (publicity, training, letters, signs, joint operations). Written through the casework services as user {@code demo}.
 */
@ApplicationScoped
public class DemoCasework {
    static final Actor DEMO = Actor.system("demo");

    @Inject
    EntityManager em;
    @Inject
    CaseService cases;
    @Inject
    com.patrolplanner.casework.CaseQueries caseQueries;
    @Inject
    GoodsService goods;
    @Inject
    DocumentService documents;
    @Inject
    WorkLogService worklog;

    public record Result(int cases, int goods, int documents, int workLog, String note) {
    }

    @Transactional
    @io.quarkus.narayana.jta.runtime.TransactionConfiguration(timeout = 1800) // like DemoInspections: a half year of two districts
    public Result generate(long seed, LocalDate from, LocalDate to) {
        if (caseQueries.syntheticCases() > 0) {
            return new Result(0, 0, 0, 0, "synthetic casework already present: nothing written");
        }
        OffsetDateTime f = from.atStartOfDay(BureauClock.ZONE).toOffsetDateTime();
        OffsetDateTime t = to.plusDays(1).atStartOfDay(BureauClock.ZONE).toOffsetDateTime();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT i.id, i.venue_id, i.team_id, i.inspected_at, i.category, i.actions, i.violations, i.seized
                FROM inspection i WHERE i.synthetic AND i.inspected_at >= ?1 AND i.inspected_at < ?2 AND i.team_id IS NOT NULL
                  AND i.outcome = 'violation' ORDER BY i.inspected_at, i.id""").setParameter(1, f).setParameter(2, t).getResultList();
        Random rnd = new Random(seed ^ 0x16L);
        // the case ages are counted to the end of the period (today for the demo's half-year to date)
        OffsetDateTime now = t.isBefore(OffsetDateTime.now()) ? t.toInstant().atOffset(ZoneOffset.UTC) : OffsetDateTime.now(ZoneOffset.UTC);
        int nCases = 0;
        int nGoods = 0;
        int nDocs = 0;
        boolean overdueLeft = false;
        long discs = 0;
        for (Object[] r : rows) {
            long inspection = ((Number) r[0]).longValue();
            long venue = ((Number) r[1]).longValue();
            long team = ((Number) r[2]).longValue();
            OffsetDateTime at = odt(r[3]);
            String category = (String) r[4];
            List<String> actions = List.of((String[]) r[5]);
            @SuppressWarnings("unchecked")
            Map<String, Object> seized = r[7] == null ? Map.of() : parse((String) r[7].toString());
            discs += seized.containsKey("discs") ? Long.parseLong(String.valueOf(seized.get("discs"))) : 0;
            List<Long> crew = crew(team);
            if (crew.size() < 2) {
                continue;
            }
            List<Long> two = crew.subList(0, 2);
            if (actions.contains("rectification_order")) {
                String kind = rnd.nextDouble() < 0.6 ? "rectification_notice" : "rectification_advice";
                OffsetDateTime issued = at.plusMinutes(20);
                LocalDate deadline = issued.atZoneSameInstant(BureauClock.ZONE).toLocalDate().plusDays(15);
                DocumentService.DocumentView d = documents.issue(new DocumentService.DocumentInput(kind, null, venue, inspection, issued,
                        deadline, "限期整改：" + String.join("、", List.of((String[]) r[6])), two), DEMO);
                nDocs++;
                Object later = first(em.createNativeQuery("SELECT id FROM inspection WHERE venue_id = ?1 AND inspected_at > ?2 "
                        + "ORDER BY inspected_at LIMIT 1").setParameter(1, venue).setParameter(2, issued).getResultList());
                if (later != null) {
                    documents.reinspect(d.id(), new DocumentService.ReinspectionInput(d.version(), ((Number) later).longValue(),
                            rnd.nextDouble() < 0.85, null), DEMO);
                }
            }
            if (!actions.contains("case_filed")) {
                continue;
            }
            OffsetDateTime filed = at.plusDays(1).withHour(1);
            if (filed.isAfter(now)) {
                continue;
            }
            long age = ChronoUnit.DAYS.between(filed, now);
            CaseService.CaseInput in = new CaseService.CaseInput(inspection, cause(category), two, filed, null);
            long id = cases.open(in, DEMO).id();
            nCases++;
            int v = 0;
            // 扣押 of computers at a café, 3 to 12 台, the day of the inspection
            Long detained = null;
            if ("internet_cafe".equals(category) && rnd.nextDouble() < 0.5) {
                detained = goods.record(new GoodsService.GoodsInput("detained", "computers", 3 + rnd.nextInt(10), null, inspection, null,
                        at.plusMinutes(30), null, List.of(), two, "扣押违法经营电脑主机", null), DEMO).id();
                nGoods++;
            }
            boolean overdue = !overdueLeft && age > 95 && age < 140;
            int stage = overdue ? 3 : age > 100 ? 6 : age > 60 ? 5 : age > 30 ? 4 : age > 10 ? 2 : 1;
            // each step a share of the case's age, so that none lies in the future; the decision within 80 days
            double ageH = age * 24.0;
            OffsetDateTime evidenceAt = filed.plusHours((long) Math.max(24, ageH * 0.08));
            OffsetDateTime noticeAt = filed.plusHours((long) Math.max(48, ageH * 0.2));
            OffsetDateTime decideAt = filed.plusHours((long) Math.min(80 * 24, ageH * 0.45));
            OffsetDateTime executeAt = decideAt.plusHours((long) Math.min(20 * 24, ageH * 0.15));
            OffsetDateTime closeAt = executeAt.plusDays(2);
            if (stage >= 2) {
                cases.evidence(id, act(two, v++, evidenceAt, null, "现场检查笔录、照片及相关书证"), DEMO);
            }
            if (stage >= 3) {
                cases.notice(id, new CaseService.ActInput(two, v++, noticeAt, null, null, null, null,
                        rnd.nextDouble() < 0.2 ? "requested" : "waived", null, null), DEMO);
            }
            if (overdue) {
                overdueLeft = true; // left undecided: past the 90-day limit (行政处罚法第六十条)
                continue;
            }
            if (stage >= 4) {
                List<CaseService.PenaltyInput> ps = new ArrayList<>();
                ps.add(new CaseService.PenaltyInput("warning", null, article(category)));
                ps.add(new CaseService.PenaltyInput("fine", BigDecimal.valueOf(500L * (1 + rnd.nextInt(10))), article(category)));
                if (detained != null || "publication".equals(category)) {
                    ps.add(new CaseService.PenaltyInput("confiscate_property", null, article(category)));
                }
                if ("internet_cafe".equals(category) && rnd.nextDouble() < 0.15) {
                    ps.add(new CaseService.PenaltyInput("suspend", null, article(category)));
                }
                cases.decide(id, new CaseService.ActInput(two, v++, decideAt, null, null, null, null, null, ps, null), DEMO);
                if (detained != null) {
                    int q = goods.get(detained, DEMO).quantity();
                    goods.record(new GoodsService.GoodsInput("confiscated", "computers", q, null, null, id, decideAt.plusHours(1), null,
                            List.of(), two, "依处罚决定没收", null), DEMO);
                    nGoods++;
                }
            } else if (detained != null && stage >= 2) {
                GoodsService.GoodsView g = goods.get(detained, DEMO);
                goods.giveBack(detained, new GoodsService.ReturnInput(g.version(), evidenceAt.plusHours(2), null, two, "调查完毕，解除扣押"), DEMO);
            }
            if (stage >= 5) {
                cases.execute(id, new CaseService.ActInput(two, v++, executeAt, null, null, null, null, null, null,
                        rnd.nextDouble() < 0.9 ? "paid" : "enforced"), DEMO);
            }
            if (stage >= 6) {
                cases.close(id, act(two, v, closeAt, "执行完毕，结案", null), DEMO);
            }
        }
        Unit kw = Unit.byAdcode(DemoUnits.KUIWEN);
        Long unit = kw == null ? null : kw.id;
        List<Long> anyTwo = crew(null);
        // a central destruction of the discs collected (销毁), two months before the end of the period
        LocalDate destroyDay = to.minusMonths(2);
        if (discs > 0 && anyTwo.size() >= 2) {
            goods.record(new GoodsService.GoodsInput("destroyed", "discs", (int) discs, null, null, null,
                    destroyDay.atTime(10, 0).atZone(BureauClock.ZONE).toOffsetDateTime(), "影剧院广场", List.of("区公证处 公证员", "区扫黄打非办 工作人员"),
                    anyTwo.subList(0, 2), "集中销毁侵权盗版出版物", unit), DEMO);
            nGoods++;
        }
        int nLog = workLog(rnd, from, to, unit);
        return new Result(nCases, nGoods, nDocs, nLog, null);
    }

    private int workLog(Random rnd, LocalDate from, LocalDate to, Long unit) {
        LocalDate today = BureauClock.today().isBefore(to) ? BureauClock.today() : to;
        int n = 0;
        Long campaign = (Long) first(em.createNativeQuery("SELECT id FROM campaign WHERE status <> 'cancelled' ORDER BY start_date LIMIT 1")
                .getResultList().stream().map(o -> ((Number) o).longValue()).toList());
        for (LocalDate m = from.withDayOfMonth(1); !m.isAfter(to); m = m.plusMonths(1)) {
            LocalDate d = m.plusDays(5 + rnd.nextInt(15));
            if (d.isBefore(from) || d.isAfter(to) || d.isAfter(today)) {
                continue;
            }
            n += log(d, "article", 1 + rnd.nextInt(3), null, List.of(), null, "执法动态宣传稿件", unit);
            n += log(d, "info_item", 12 + rnd.nextInt(8), null, List.of(), null, "省文化执法网登载信息", unit);
            n += log(d, "briefing", 4, null, List.of(), null, "《文化市场综合执法信息简报》", unit);
            n += log(d, "training", 1, 150 + rnd.nextInt(100), List.of(), null, "经营业户法律法规培训", unit);
            n += log(d.plusDays(1), "joint_operation", 1, null, rnd.nextBoolean() ? List.of("公安") : List.of("公安", "教育"), campaign,
                    "联合执法检查", unit);
        }
        LocalDate first = from.plusDays(20).isAfter(today) ? today : from.plusDays(20);
        n += log(first, "responsibility_letter", 42, null, List.of(), null, "与网吧业户签订《安全生产责任书》《依法经营责任书》", unit);
        n += log(first, "warning_signs", 127, null, List.of(), null, "发放“未成年人禁入”警示标识牌", unit);
        n += log(first, "letter", 300, null, List.of(), null, "《致全区文化经营业主的一封信》", unit);
        n += log(first.plusDays(3), "joint_operation", 1, null, List.of("网信", "市场监管"), campaign, "网络文化市场联合检查", unit);
        return n;
    }

    private int log(LocalDate d, String kind, int q, Integer persons, List<String> partners, Long campaign, String title, Long unit) {
        worklog.create(new WorkLogService.EntryInput(d, kind, q, persons, partners, campaign, title, unit, null), DEMO);
        return 1;
    }

    private static CaseService.ActInput act(List<Long> two, int version, OffsetDateTime at, String note, String description) {
        return new CaseService.ActInput(two, version, at, note, description, null, null, null, null, null);
    }

    /** Certified, active officers of the team (all teams for null), in id order. */
    private List<Long> crew(Long team) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("SELECT id FROM inspector WHERE active AND certificate_no IS NOT NULL AND certificate_no <> '' "
                + "AND team_id " + (team == null ? "IS NOT NULL" : "= " + team.longValue()) + " ORDER BY id LIMIT 4").getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    static String cause(String category) {
        return switch (category) {
            case "internet_cafe" -> "涉嫌违反《互联网上网服务营业场所管理条例》经营规定";
            case "song_dance", "game_arcade" -> "涉嫌违反《娱乐场所管理条例》经营规定";
            case "publication" -> "涉嫌经营非法出版物";
            case "hotel", "satellite_equipment" -> "涉嫌擅自安装、使用卫星地面接收设施";
            default -> "涉嫌违规经营";
        };
    }

    static String article(String category) {
        return switch (category) {
            case "internet_cafe" -> "《互联网上网服务营业场所管理条例》第三十一条、第三十二条";
            case "song_dance", "game_arcade" -> "《娱乐场所管理条例》第四十八条";
            case "publication" -> "《出版管理条例》第六十一条（条款待法制科室确认）";
            case "hotel", "satellite_equipment" -> "《卫星电视广播地面接收设施管理规定》第十条（条款待法制科室确认）";
            default -> "见处罚决定书";
        };
    }

    private static Object first(List<?> l) {
        return l.isEmpty() ? null : l.get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readValue(json, Map.class);
        } catch (Exception e) {
            return Map.of();
        }
    }

    private static OffsetDateTime odt(Object o) {
        if (o instanceof OffsetDateTime x) {
            return x;
        }
        if (o instanceof java.time.Instant x) {
            return x.atOffset(ZoneOffset.UTC);
        }
        return com.patrolplanner.sql.Rows.utc(o);
    }
}
