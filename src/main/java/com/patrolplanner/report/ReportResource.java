package com.patrolplanner.report;

import com.patrolplanner.coverage.TableExport;
import com.patrolplanner.security.Roles;
import com.patrolplanner.time.BureauClock;
import com.patrolplanner.web.ApiException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** GET /api/reports/period: the half-year summary figures of a unit as JSON, a spreadsheet, or the paragraph; GET /api/reports/daily: the day's roll-up per unit. */
@Path("/api/reports")
@RolesAllowed({Roles.MANAGER, Roles.PLANNER, Roles.ADMIN})
public class ReportResource {
    @Inject
    PeriodReportService reports;

    /** {@code from}/{@code to}: dates, both included; without them the current half year so far. */
    @GET
    @Path("/period")
    @Produces({MediaType.APPLICATION_JSON, TableExport.XLSX, MediaType.TEXT_PLAIN})
    public Response period(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("district") String district, @QueryParam("unit") String unit, @QueryParam("format") String format) {
        LocalDate today = BureauClock.today();
        LocalDate t = date("to", to, today);
        LocalDate f = date("from", from, LocalDate.of(t.getYear(), t.getMonthValue() <= 6 ? 1 : 7, 1));
        PeriodReportService.PeriodReport r = reports.report(f, t, district == null || district.isBlank() ? null : district.trim(),
                unit == null || unit.isBlank() ? null : unit.trim());
        String fmt = format == null || format.isBlank() ? "json" : format.trim().toLowerCase(java.util.Locale.ROOT);
        return switch (fmt) {
            case "json" -> Response.ok(r, MediaType.APPLICATION_JSON).build();
            case "text" -> Response.ok(r.text(), MediaType.TEXT_PLAIN + "; charset=UTF-8").build();
            case "xlsx" -> Response.ok(xlsx(r), TableExport.XLSX)
                    .header("Content-Disposition", "attachment; filename=\"period-report-" + f + "-" + t + ".xlsx\"").build();
            default -> throw ApiException.badRequest("format", "json, xlsx or text");
        };
    }

    /** The day's roll-up per unit (default today); {@code unit}: a unit the caller sees (default its own). */
    @GET
    @Path("/daily")
    @Produces({MediaType.APPLICATION_JSON, TableExport.XLSX})
    public Response daily(@QueryParam("date") String date, @QueryParam("unit") String unit,
            @QueryParam("format") String format) {
        LocalDate d = date("date", date, BureauClock.today());
        PeriodReportService.DailyReport r = reports.daily(d, unit == null || unit.isBlank() ? null : unit.trim());
        String fmt = format == null || format.isBlank() ? "json" : format.trim().toLowerCase(java.util.Locale.ROOT);
        return switch (fmt) {
            case "json" -> Response.ok(r, MediaType.APPLICATION_JSON).build();
            case "xlsx" -> Response.ok(dailyXlsx(r), TableExport.XLSX)
                    .header("Content-Disposition", "attachment; filename=\"daily-report-" + d + ".xlsx\"").build();
            default -> throw ApiException.badRequest("format", "json or xlsx");
        };
    }

    static final List<String> UNIT_COLUMNS = List.of("单位 unit", "出动人次 officer-visits", "检查家次 venues checked",
            "查处 violations handled", "立案 cases filed", "责令整改 rectification orders", "收缴 items seized",
            "在册场所 venues", "已检查场所 venues inspected", "覆盖率 coverage");

    static List<Object> unitRow(PeriodReportService.UnitFigures u) {
        List<Object> row = new ArrayList<>(List.of(u.unitName(), u.officerVisits(), u.venuesChecked(), u.violationsHandled(),
                u.casesFiled(), u.rectificationOrders(), u.seizedItems(), u.venues(), u.venuesInspected()));
        row.add(u.coverage());
        return row;
    }

    static byte[] dailyXlsx(PeriodReportService.DailyReport r) {
        List<List<Object>> rows = new ArrayList<>();
        for (PeriodReportService.UnitFigures u : r.units()) {
            rows.add(unitRow(u));
        }
        rows.add(unitRow(r.total()));
        List<List<Object>> campaigns = new ArrayList<>();
        for (String c : r.campaigns()) {
            campaigns.add(List.of(c));
        }
        return TableExport.xlsx(List.of(
                new TableExport.SheetData("日报 " + r.date(), UNIT_COLUMNS, rows),
                new TableExport.SheetData("专项行动 campaigns", List.of("名称 name"), campaigns)));
    }

    static byte[] xlsx(PeriodReportService.PeriodReport r) {
        List<List<Object>> summary = new ArrayList<>();
        summary.add(List.of("统计期间 period", r.from() + " — " + r.to(), ""));
        summary.add(List.of("单位 unit", r.unitName() == null ? "全部 all" : r.unitName(), ""));
        summary.add(List.of("区划 district", r.districtName() == null ? "全部 all" : r.districtName(), ""));
        summary.add(List.of("出动执法人员 officer-visits", r.officerVisits(), "人次"));
        summary.add(List.of("检查场所 venues checked", r.venuesChecked(), "家次"));
        summary.add(List.of("检查场所（去重） distinct venues checked", r.distinctVenuesChecked(), "家"));
        summary.add(List.of("查处违规经营场所 violations handled", r.violationsHandled(), "家"));
        summary.add(List.of("警告 warnings", r.warnings(), "家次"));
        summary.add(List.of("责令整改 rectification orders", r.rectificationOrders(), "家次"));
        summary.add(List.of("立案 cases filed", r.casesFiled(), "起"));
        summary.add(List.of("取缔 closed", r.closed(), "个"));
        summary.add(List.of("专项行动 campaigns", r.campaigns(), "次"));
        summary.add(List.of("在册场所 venues", r.venues(), "家"));
        summary.add(List.of("已检查场所 venues inspected", r.venuesInspected(), "家"));
        List<Object> cov = new ArrayList<>();
        cov.add("检查覆盖率 coverage");
        cov.add(r.coverage());
        cov.add("");
        summary.add(cov);
        summary.add(List.of("文字 text", r.text(), ""));
        List<List<Object>> cats = new ArrayList<>();
        for (PeriodReportService.CategoryCount c : r.venuesCheckedByCategory()) {
            cats.add(List.of(c.category(), c.name(), c.venueVisits()));
        }
        List<List<Object>> seized = new ArrayList<>();
        for (PeriodReportService.SeizedCount s : r.seized()) {
            seized.add(List.of(s.kind(), s.name(), s.count(), s.unit()));
        }
        List<List<Object>> perUnit = new ArrayList<>();
        for (PeriodReportService.UnitFigures u : r.units()) {
            perUnit.add(unitRow(u));
        }
        return TableExport.xlsx(List.of(
                new TableExport.SheetData("汇总 summary", List.of("指标 figure", "数值 value", "单位 unit"), summary),
                new TableExport.SheetData("分单位 by unit", UNIT_COLUMNS, perUnit),
                new TableExport.SheetData("分类检查 by category", List.of("类别 category", "名称 name", "家次 visits"), cats),
                new TableExport.SheetData("收缴 seized", List.of("种类 kind", "名称 name", "数量 count", "单位 unit"), seized)));
    }

    private static LocalDate date(String field, String s, LocalDate dflt) {
        if (s == null || s.isBlank()) {
            return dflt;
        }
        try {
            return LocalDate.parse(s.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(field, "a date (2025-06-30)");
        }
    }
}
