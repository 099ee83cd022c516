package com.patrolplanner.report;

import com.patrolplanner.coverage.CoverageQuery;
import com.patrolplanner.coverage.CoverageService;
import com.patrolplanner.inspection.InspectionStatistics;
import com.patrolplanner.inspection.SeizedKind;
import com.patrolplanner.registry.VenueCategory;
import com.patrolplanner.time.BureauClock;
import com.patrolplanner.web.ApiException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The figures of a half-year summary for a period and optionally one district, and the paragraph that reports them
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
    @Inject
    AgroalDataSource ds;

    public record CategoryCount(String category, String name, long venueVisits) {
    }

    public record SeizedCount(String kind, String name, String unit, long count) {
    }

    public record PeriodReport(LocalDate from, LocalDate to, String district, String districtName, long officerVisits,
            long distinctOfficers, long inspections, long venuesChecked, long distinctVenuesChecked,
            List<CategoryCount> venuesCheckedByCategory, long violationsHandled, long violationInspections,
            long violationItems, long warnings, long rectificationOrders, long casesFiled, long closed,
            List<SeizedCount> seized, long campaigns, long venues, long venuesInspected,
            Double coverage, String text) {
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
        if (from.isAfter(to)) {
            throw ApiException.badRequest("from", "must not be after to");
        }
        District d = district == null ? null : resolveDistrict(district);
        String adcode = d == null ? null : d.adcode();
        OffsetDateTime f = from.atStartOfDay(BureauClock.ZONE).toOffsetDateTime();
        OffsetDateTime t = to.plusDays(1).atStartOfDay(BureauClock.ZONE).toOffsetDateTime();
        InspectionStatistics.Figures x = statistics.figures(f, t, adcode);
        CoverageService.Stats cov = coverage.total(new CoverageQuery(f, t, null), adcode);

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
        long campaigns = campaigns(from, to);
        Double ratio = cov.coverage();
        String text = text(from, to, x, cats, seized, campaigns, cov);
        return new PeriodReport(from, to, adcode, d == null ? null : d.name(), x.officerVisits(), x.distinctOfficers(),
                x.inspections(), x.venuesChecked(), x.distinctVenuesChecked(), cats, x.violatingVenues(),
                x.violationInspections(), x.violationItems(), x.warnings(), x.rectificationOrders(), x.casesFiled(),
                x.closed(), seized, campaigns, cov.venues(), cov.venuesInspected(),
                ratio == null ? null : Math.round(ratio * 10000) / 10000.0, text);
    }

    static String text(LocalDate from, LocalDate to, InspectionStatistics.Figures x, List<CategoryCount> cats,
            List<SeizedCount> seized, long campaigns, CoverageService.Stats cov) {
        StringBuilder s = new StringBuilder(ChineseNumbers.period(from, to));
        s.append("，共出动执法人员").append(ChineseNumbers.approx(x.officerVisits())).append("人次，检查各类场所")
                .append(ChineseNumbers.approx(x.venuesChecked())).append("家次");
        if (cats.size() > 1) {
            List<String> parts = new ArrayList<>();
            for (CategoryCount c : cats) {
                parts.add(phrase(c.category()) + ChineseNumbers.approx(c.venueVisits()) + "家次");
            }
            s.append("（其中").append(String.join("、", parts)).append("）");
        }
        if (x.violatingVenues() > 0) {
            s.append("，查处违规经营场所").append(x.violatingVenues()).append("家");
        }
        if (x.rectificationOrders() > 0) {
            s.append("，责令整改").append(x.rectificationOrders()).append("家次");
        }
        if (x.casesFiled() > 0) {
            s.append("，立案查处").append(x.casesFiled()).append("起");
        }
        if (x.closed() > 0) {
            s.append("，取缔非法经营场所(摊点)").append(x.closed()).append("个");
        }
        if (!seized.isEmpty()) {
            List<String> parts = new ArrayList<>();
            for (SeizedCount k : seized) {
                parts.add(k.name() + ChineseNumbers.approx(k.count()) + k.unit());
            }
            s.append("，收缴").append(String.join("、", parts));
        }
        if (campaigns > 0) {
            s.append("，开展专项行动").append(campaigns).append("次");
        }
        if (cov.coverage() != null) {
            s.append("，辖区在册场所检查覆盖率").append(Math.round(cov.coverage() * 100)).append("%（")
                    .append(cov.venuesInspected()).append("/").append(cov.venues()).append("家）");
        }
        return s.append("。").toString();
    }

    /** Campaigns run in the period: those not cancelled whose date range overlaps [from, to]. */
    private long campaigns(LocalDate from, LocalDate to) {
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM campaign WHERE status <> 'cancelled' "
                        + "AND start_date <= ? AND end_date >= ?")) {
            ps.setObject(1, to);
            ps.setObject(2, from);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("campaigns: " + e.getMessage(), e);
        }
    }

    private record District(String adcode, String name) {
    }

    /** The district given by adcode or name; 400 when unknown. */
    private District resolveDistrict(String district) {
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT adcode, name FROM district WHERE adcode = ? OR name = ? "
                        + "ORDER BY (adcode = ?) DESC LIMIT 1")) {
            ps.setString(1, district);
            ps.setString(2, district);
            ps.setString(3, district);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw ApiException.badRequest("district", "no district with adcode or name '" + district + "'");
                }
                return new District(rs.getString(1), rs.getString(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("district: " + e.getMessage(), e);
        }
    }
}
