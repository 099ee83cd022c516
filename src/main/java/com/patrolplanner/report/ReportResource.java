package com.patrolplanner.report;

import com.patrolplanner.i18n.Messages;
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
    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    @Inject
    PeriodReportService reports;

    /** {@code from}/{@code to}: dates, both included; without them the current half year so far. */
    @GET
    @Path("/period")
    @Produces({MediaType.APPLICATION_JSON, TableExport.XLSX, MediaType.TEXT_PLAIN, DOCX})
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
            case "docx" -> Response.ok(SummaryDocument.docx(r), DOCX)
                    .header("Content-Disposition", "attachment; filename=\"period-report-" + f + "-" + t + ".docx\"").build();
            default -> throw ApiException.badRequest("format", Messages.of("common.formatOneOf",
                    "json, xlsx, docx, text"));
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
            default -> throw ApiException.badRequest("format", Messages.of("common.formatOneOf", "json, xlsx"));
        };
    }

    static final List<String> UNIT_COLUMNS = List.of("单位", "出动人次（按检查家次累计）", "检查家次", "查处家数", "立案起数",
            "现场责令整改家次", "收缴物品数量", "在册场所", "已检查场所", "检查覆盖率");

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
                new TableExport.SheetData("日报" + r.date(), UNIT_COLUMNS, rows),
                new TableExport.SheetData("专项行动", List.of("名称"), campaigns)));
    }

    /** The period report as a workbook with Chinese headers only: the figures, the text, per unit, category, goods, penalties. */
    static byte[] xlsx(PeriodReportService.PeriodReport r) {
        List<List<Object>> summary = new ArrayList<>();
        summary.add(List.of("统计期间", ChineseNumbers.date(r.from()) + "至" + ChineseNumbers.date(r.to()), ""));
        summary.add(List.of("单位", r.unitName() == null ? "全部" : r.unitName(), ""));
        summary.add(List.of("区划", r.districtName() == null ? "全部" : r.districtName(), ""));
        for (Object[] f : SummaryDocument.figures(r)) {
            Object v = f[1] instanceof java.math.BigDecimal b ? b.doubleValue() : f[1];
            summary.add(java.util.Arrays.asList(f[0], v, f[2]));
        }
        List<Object> cov = new ArrayList<>();
        cov.add("检查覆盖率");
        cov.add(r.coverage());
        cov.add("");
        summary.add(cov);
        List<List<Object>> text = new ArrayList<>();
        text.add(List.of(r.title()));
        for (PeriodReportService.Section s : r.sections()) {
            text.add(List.of(s.heading()));
            text.add(List.of(s.text()));
        }
        text.add(List.of(r.dateLine()));
        List<List<Object>> cats = new ArrayList<>();
        for (PeriodReportService.CategoryCount c : r.venuesCheckedByCategory()) {
            cats.add(List.of(c.name(), c.venueVisits()));
        }
        List<List<Object>> goods = new ArrayList<>();
        for (com.patrolplanner.casework.CaseworkStatistics.Goods g : r.enforcement().goods()) {
            goods.add(List.of(g.actName(), g.kindName(), g.quantity(), g.measure()));
        }
        List<List<Object>> perUnit = new ArrayList<>();
        for (PeriodReportService.UnitFigures u : r.units()) {
            perUnit.add(unitRow(u));
        }
        return TableExport.xlsx(List.of(
                new TableExport.SheetData("汇总", List.of("指标", "数值", "单位"), summary),
                new TableExport.SheetData("文字", List.of("内容"), text),
                new TableExport.SheetData("分单位", UNIT_COLUMNS, perUnit),
                new TableExport.SheetData("分类检查", List.of("类别", "家次"), cats),
                new TableExport.SheetData("查扣物品", List.of("行为", "物品", "数量", "计量单位"), goods)));
    }

    private static LocalDate date(String field, String s, LocalDate dflt) {
        if (s == null || s.isBlank()) {
            return dflt;
        }
        try {
            return LocalDate.parse(s.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(field, Messages.of("common.dateExample", "2025-06-30"));
        }
    }
}
