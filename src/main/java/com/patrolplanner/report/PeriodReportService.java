package com.patrolplanner.report;

import com.patrolplanner.sql.Conn;
import com.patrolplanner.sql.Cursor;
import com.patrolplanner.sql.Stmt;
import com.patrolplanner.i18n.Messages;
import com.patrolplanner.casework.CaseworkStatistics;
import com.patrolplanner.coverage.CoverageQuery;
import com.patrolplanner.coverage.CoverageService;
import com.patrolplanner.inspection.InspectionStatistics;
import com.patrolplanner.inspection.SeizedKind;
import com.patrolplanner.registry.Jurisdiction;
import com.patrolplanner.registry.Scope;
import com.patrolplanner.registry.Unit;
import com.patrolplanner.registry.UnitService;
import com.patrolplanner.registry.VenueCategory;
import com.patrolplanner.time.BureauClock;
import com.patrolplanner.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The figures of a half-year summary for a period, a unit (执法机构, with a line per unit below it) and optionally one
 * district, and the paragraph that reports them
 * ("1-6月份，共出动执法人员120余人次，检查各类场所40多家次，…"). Campaigns run are those of the period (date ranges
 * overlapping it, not cancelled); campaigns carry no district, so the count is bureau-wide. Reads only published
 * relations: registry's {@code district} and campaign's {@code campaign}; the rest through the services.
 */
@ApplicationScoped
public class PeriodReportService {
    @Inject
    InspectionStatistics statistics;
    @Inject
    CoverageService coverage;
    /** Lag-tolerant reads: the replica when one is configured (README, Cluster), else the primary. */
    @Inject
    com.patrolplanner.sql.Db db;
    @Inject
    Jurisdiction jurisdiction;
    @Inject
    UnitService units;
    @Inject
    CaseworkStatistics casework;

    public record CategoryCount(String category, String name, long venueVisits) {
    }

    public record SeizedCount(String kind, String name, String unit, long count) {
    }

    public record PeriodReport(LocalDate from, LocalDate to, String district, String districtName, long officerVisits,
            long distinctOfficers, long inspections, long venuesChecked, long distinctVenuesChecked,
            List<CategoryCount> venuesCheckedByCategory, long violationsHandled, long violationInspections,
            long violationItems, long warnings, long rectificationOrders, long casesFiled, long closed,
            List<SeizedCount> seized, long campaigns, long venues, long venuesInspected,
            Double coverage, String text, Long unitId, String unitName, List<UnitFigures> units, long officerOutings,
            String officerCounting, String title, String dateLine, List<Section> sections, List<String> campaignNames,
            CaseworkStatistics.Figures enforcement) {
    }

    /** One section of the summary: "一、日常检查" and its paragraph. */
    public record Section(String heading, String text) {
    }

    /** What the two 出动人次 figures count (the JSON says which is which). */
    public static final String OFFICER_COUNTING = "officerOutings: 出动人次按每次出动计（每组每日出动的执法人员各计一次，如各局半年总结所计）；"
            + "officerVisits: 按检查家次累计（每检查一家次计入在场执法人员数）";

    /** One unit's line in a unit's report and in the daily roll-up (its own figures and those of the units below it). */
    public record UnitFigures(Long unitId, String unitName, long officerVisits, long venuesChecked, long violationsHandled,
            long casesFiled, long rectificationOrders, long seizedItems, long venues, long venuesInspected,
            Double coverage) {
    }

    /** How a summary names the venues of a category. */
    static String phrase(String category) {
        return switch (category) {
            case "internet_cafe" -> "网吧";
            case "song_dance" -> "歌舞娱乐场所";
            case "game_arcade" -> "游艺娱乐场所";
            case "publication" -> "出版物经营单位";
            case "hotel" -> "宾馆酒店";
            case "satellite_equipment" -> "卫星设施经营户";
            case "printing" -> "印刷企业";
            case "performance" -> "演出场所";
            default -> "其他场所";
        };
    }

    public PeriodReport report(LocalDate from, LocalDate to, String district) {
        return report(from, to, district, null);
    }

    /**
     * The report of {@code unit} (id, adcode or name; by default the caller's own unit, the whole city for the system
     * administrator), aggregating the units below it, with a line per unit directly below it. Another unit's report, or
     * a district of another unit, is a 404.
     */
    public PeriodReport report(LocalDate from, LocalDate to, String district, String unit) {
        if (from.isAfter(to)) {
            throw ApiException.badRequest("from", Messages.of("common.fromAfterTo"));
        }
        Unit target = unit == null ? mine() : units.resolve(unit);
        District d = district == null ? null : resolveDistrict(district);
        String adcode = d == null ? null : d.adcode();
        Scope scope = units.scopeOf(target == null ? null : target.id);
        OffsetDateTime f = from.atStartOfDay(BureauClock.ZONE).toOffsetDateTime();
        OffsetDateTime t = to.plusDays(1).atStartOfDay(BureauClock.ZONE).toOffsetDateTime();
        CoverageQuery q = new CoverageQuery(f, t, null);
        InspectionStatistics.Figures x = statistics.figures(f, t, adcode, scope.sql("v.unit_id"));
        List<CoverageService.AreaStats> perUnit = coverage.units(q, scope);
        CoverageService.Stats cov = adcode != null ? coverage.total(q, adcode) : sum(perUnit, null);
        List<UnitFigures> lines = new ArrayList<>();
        for (Unit c : units.children(target == null ? null : target.id)) {
            lines.add(figures(c, f, t, perUnit));
        }

        List<CategoryCount> cats = new ArrayList<>();
        for (Map.Entry<String, Long> e : x.checkedByCategory().entrySet()) {
            String zh;
            try {
                zh = VenueCategory.parse(e.getKey()).zh;
            } catch (IllegalArgumentException ex) {
                zh = e.getKey();
            }
            cats.add(new CategoryCount(e.getKey(), zh, e.getValue()));
        }
        List<SeizedCount> seized = new ArrayList<>();
        for (Map.Entry<String, Long> e : x.seized().entrySet()) {
            SeizedKind k;
            try {
                k = SeizedKind.parse(e.getKey());
            } catch (IllegalArgumentException ex) {
                k = SeizedKind.OTHER;
            }
            seized.add(new SeizedCount(e.getKey(), k.zh, k.unit, e.getValue()));
        }
        List<String> run = campaignsRun(from, to, scope);
        long campaigns = run.size();
        // each name once (a campaign repeated under one name is named once), at most 50
        List<String> campaignNames = run.stream().distinct().limit(50).toList();
        Double ratio = cov.coverage();
        CaseworkStatistics.Figures e = casework.figures(from, to, scope, adcode);
        String unitName = target == null ? "" : target.name;
        List<Section> sections = SummaryText.sections(from, to, x, cats, campaignNames, campaigns, cov, e, lines);
        String title = SummaryText.title(unitName + (d == null ? "" : d.name()), from, to);
        String dateLine = ChineseNumbers.date(to.isBefore(BureauClock.today()) ? to.plusDays(1) : BureauClock.today());
        String text = SummaryText.plain(title, dateLine, sections);
        return new PeriodReport(from, to, adcode, d == null ? null : d.name(), x.officerVisits(), x.distinctOfficers(),
                x.inspections(), x.venuesChecked(), x.distinctVenuesChecked(), cats, x.violatingVenues(),
                x.violationInspections(), x.violationItems(), x.warnings(), x.rectificationOrders(), x.casesFiled(),
                x.closed(), seized, campaigns, cov.venues(), cov.venuesInspected(), round4(ratio), text,
                target == null ? null : target.id, target == null ? null : target.name, lines, e.officerOutings(),
                OFFICER_COUNTING, title, dateLine, sections, campaignNames, e);
    }

    /** The day's roll-up (建立台帐记录，市局每天汇总一次): a line per unit below the caller's (a district user: its own line), and the total. */
    public record DailyReport(LocalDate date, Long unitId, String unitName, List<UnitFigures> units, UnitFigures total,
            List<String> campaigns) {
    }

    public DailyReport daily(LocalDate date, String unit) {
        Unit target = unit == null ? mine() : units.resolve(unit);
        OffsetDateTime f = date.atStartOfDay(BureauClock.ZONE).toOffsetDateTime();
        OffsetDateTime t = date.plusDays(1).atStartOfDay(BureauClock.ZONE).toOffsetDateTime();
        Scope scope = units.scopeOf(target == null ? null : target.id);
        List<CoverageService.AreaStats> perUnit = coverage.units(new CoverageQuery(f, t, null), scope);
        // the city: a line per unit below it; a district (with any zones below it): its own line
        List<Unit> rows = target != null && !Unit.CITY.equals(target.kind) ? List.of(target)
                : units.children(target == null ? null : target.id);
        List<UnitFigures> lines = new ArrayList<>();
        for (Unit c : rows) {
            lines.add(figures(c, f, t, perUnit));
        }
        InspectionStatistics.Figures x = statistics.figures(f, t, null, scope.sql("v.unit_id"));
        CoverageService.Stats cov = sum(perUnit, null);
        UnitFigures total = new UnitFigures(target == null ? null : target.id, "合计", x.officerVisits(), x.venuesChecked(),
                x.violatingVenues(), x.casesFiled(), x.rectificationOrders(), seizedItems(x), cov.venues(),
                cov.venuesInspected(), round4(cov.coverage()));
        return new DailyReport(date, target == null ? null : target.id, target == null ? null : target.name, lines, total,
                campaignsRun(date, date, scope));
    }

    private Unit mine() {
        Long id = jurisdiction.scope().unitId();
        return id == null ? null : Unit.findById(id);
    }

    private UnitFigures figures(Unit u, OffsetDateTime f, OffsetDateTime t, List<CoverageService.AreaStats> perUnit) {
        Scope s = units.scopeOf(u.id);
        InspectionStatistics.Figures x = statistics.figures(f, t, null, s.sql("v.unit_id"));
        CoverageService.Stats cov = sum(perUnit, s);
        return new UnitFigures(u.id, u.name, x.officerVisits(), x.venuesChecked(), x.violatingVenues(), x.casesFiled(),
                x.rectificationOrders(), seizedItems(x), cov.venues(), cov.venuesInspected(), round4(cov.coverage()));
    }

    /** Items collected (收缴) on the spot; computers detained (扣押) are not 收缴 ({@code GoodsAct.DETENTION_IS_NOT_COLLECTION}). */
    private static long seizedItems(InspectionStatistics.Figures x) {
        long n = 0;
        for (Map.Entry<String, Long> e : x.seized().entrySet()) {
            SeizedKind k;
            try {
                k = SeizedKind.parse(e.getKey());
            } catch (IllegalArgumentException ex) {
                k = SeizedKind.OTHER;
            }
            if (com.patrolplanner.casework.GoodsAct.ofInspectionRecord(k) == com.patrolplanner.casework.GoodsAct.COLLECTED) {
                n += e.getValue();
            }
        }
        return n;
    }

    /** The per-unit coverage lines of the units in {@code only} (all for null) summed. */
    private static CoverageService.Stats sum(List<CoverageService.AreaStats> perUnit, Scope only) {
        long[] t = new long[5];
        for (CoverageService.AreaStats a : perUnit) {
            if (only != null && (a.id().isEmpty() || !only.sees(Long.valueOf(a.id())))) {
                continue;
            }
            CoverageService.Stats s = a.stats();
            t[0] += s.venues();
            t[1] += s.venuesInspected();
            t[2] += s.inspections();
            t[3] += s.violations();
            t[4] += s.officerVisits();
        }
        return new CoverageService.Stats(t[0], t[1], t[2], t[3], t[4]);
    }

    private static Double round4(Double r) {
        return r == null ? null : Math.round(r * 10000) / 10000.0;
    }

    /** "其中，奎文区出动执法人员…人次、检查场所…家次；潍城区…。" (empty without lines). */
    static String unitsSentence(List<UnitFigures> lines) {
        List<String> parts = new ArrayList<>();
        for (UnitFigures u : lines) {
            parts.add(u.unitName() + "出动执法人员" + ChineseNumbers.approx(u.officerVisits()) + "人次、检查场所"
                    + ChineseNumbers.approx(u.venuesChecked()) + "家次");
        }
        return parts.isEmpty() ? "" : "其中，" + String.join("；", parts) + "。";
    }

    /**
     * The campaigns the report's units ran in [from, to] (not cancelled, dates overlapping it; a joint campaign counts for
     * the unit that ran it, the city): one name per campaign, in order of start. One statement serves the count, the
     * period's names and the day's.
     */
    private List<String> campaignsRun(LocalDate from, LocalDate to, Scope scope) {
        List<String> out = new ArrayList<>();
        try (Conn c = db.openLagTolerant();
                Stmt ps = c.prepare("SELECT name FROM campaign WHERE status <> 'cancelled' "
                        + "AND start_date <= ? AND end_date >= ? AND " + scope.sql("unit_id") + " ORDER BY start_date, name, id")) {
            ps.setObject(1, to);
            ps.setObject(2, from);
            try (Cursor rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private record District(String adcode, String name) {
    }

    /** The district given by adcode or name; 400 when unknown. */
    private District resolveDistrict(String district) {
        try (Conn c = db.openLagTolerant();
                Stmt ps = c.prepare("SELECT adcode, name FROM district WHERE adcode = ? OR name = ? "
                        + "ORDER BY (adcode = ?) DESC LIMIT 1")) {
            ps.setString(1, district);
            ps.setString(2, district);
            ps.setString(3, district);
            try (Cursor rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw ApiException.badRequest("district", Messages.of("report.noDistrict", district));
                }
                District d = new District(rs.getString(1), rs.getString(2));
                Unit u = Unit.byAdcode(d.adcode());
                Scope mine = jurisdiction.scope();
                if (!mine.all() && (u == null || !mine.sees(u.id))) {
                    throw ApiException.notFound(Messages.of("noun.districtWord", district));
                }
                return d;
            }
        }
    }
}
