package com.patrolplanner.report;

import com.patrolplanner.casework.CaseworkStatistics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * The summary as the Word file bureaus send upward (Apache POI XWPF): the title centred, each section a bold heading
 * ("一、日常检查") and its paragraph indented two characters, the figures table (指标 / 数值 / 单位) and the date
 * line at the right. Fonts are those of government documents where installed (方正小标宋简体 title, 仿宋_GB2312 body;
 * Word and LibreOffice fall back to a CJK font otherwise).
 */
final class SummaryDocument {
    private SummaryDocument() {
    }

    /** The figures table's rows: name, value, measure (also the XLSX summary sheet). */
    static List<Object[]> figures(PeriodReportService.PeriodReport r) {
        CaseworkStatistics.Figures e = r.enforcement();
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {"出动执法人员（按出动计）", r.officerOutings(), "人次"});
        rows.add(new Object[] {"出动执法人员（按检查家次累计）", r.officerVisits(), "人次"});
        rows.add(new Object[] {"检查各类场所", r.venuesChecked(), "家次"});
        rows.add(new Object[] {"检查场所（去重）", r.distinctVenuesChecked(), "家"});
        rows.add(new Object[] {"检查中小学校周边经营门店", e.venuesCheckedNearSchools(), "家"});
        rows.add(new Object[] {"开展专项行动", r.campaigns(), "次"});
        rows.add(new Object[] {"查处违规经营场所", r.violationsHandled(), "家"});
        for (CaseworkStatistics.Count c : e.violationsByType()) {
            rows.add(new Object[] {"其中：" + c.name(), c.count(), "家"});
        }
        rows.add(new Object[] {"取缔非法经营场所(摊点)", r.closed(), "个"});
        rows.add(new Object[] {"现场警告", r.warnings(), "家次"});
        rows.add(new Object[] {"现场责令整改", r.rectificationOrders(), "家次"});
        for (CaseworkStatistics.Count c : e.documents()) {
            rows.add(new Object[] {"下发" + c.name(), c.count(), "份"});
        }
        rows.add(new Object[] {"整改复查", e.documentsReinspected(), "家"});
        rows.add(new Object[] {"整改到位", e.documentsRectified(), "家"});
        rows.add(new Object[] {"立案", e.casesFiled(), "起"});
        rows.add(new Object[] {"作出行政处罚决定", e.casesDecided(), "起"});
        for (CaseworkStatistics.Count c : e.penalties()) {
            rows.add(new Object[] {"其中：" + c.name(), c.count(), "起"});
        }
        rows.add(new Object[] {"罚款金额", e.finesYuan(), "元"});
        rows.add(new Object[] {"结案", e.casesClosed(), "起"});
        rows.add(new Object[] {"超过办案期限未决定", e.casesOverdue(), "起"});
        for (CaseworkStatistics.Goods g : e.goods()) {
            rows.add(new Object[] {g.actName() + g.kindName(), g.quantity(), g.measure()});
        }
        if (e.complaints() != null) {
            rows.add(new Object[] {"受理举报投诉", e.complaints().received(), "件"});
            rows.add(new Object[] {"办结举报投诉", e.complaints().handled(), "件"});
            rows.add(new Object[] {"按期办结举报投诉", e.complaints().handledOnTime(), "件"});
        }
        for (CaseworkStatistics.Count c : e.workLog()) {
            rows.add(new Object[] {c.name(), c.count(), c.measure()});
        }
        rows.add(new Object[] {"培训经营从业人员", e.trainingPersons(), "人次"});
        rows.add(new Object[] {"在册场所", r.venues(), "家"});
        rows.add(new Object[] {"已检查在册场所", r.venuesInspected(), "家"});
        return rows;
    }

    static byte[] docx(PeriodReportService.PeriodReport r) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFParagraph t = doc.createParagraph();
            t.setAlignment(ParagraphAlignment.CENTER);
            t.setSpacingAfter(300);
            run(t, r.title(), true, 22, "方正小标宋简体");
            for (PeriodReportService.Section s : r.sections()) {
                XWPFParagraph h = doc.createParagraph();
                h.setIndentationFirstLine(640);
                run(h, s.heading(), true, 16, "黑体");
                XWPFParagraph p = doc.createParagraph();
                p.setIndentationFirstLine(640);
                p.setSpacingBetween(1.5);
                run(p, s.text(), false, 16, "仿宋_GB2312");
            }
            XWPFParagraph caption = doc.createParagraph();
            caption.setAlignment(ParagraphAlignment.CENTER);
            caption.setSpacingBefore(300);
            run(caption, "主要数据统计表", true, 14, "黑体");
            List<Object[]> rows = figures(r);
            XWPFTable table = doc.createTable(rows.size() + 1, 3);
            table.setWidth("100%");
            cell(table.getRow(0), 0, "指标", true);
            cell(table.getRow(0), 1, "数值", true);
            cell(table.getRow(0), 2, "单位", true);
            for (int k = 0; k < rows.size(); k++) {
                Object[] row = rows.get(k);
                Object v = row[1];
                String value = v == null ? "" : v instanceof java.math.BigDecimal b ? b.stripTrailingZeros().toPlainString() : v.toString();
                cell(table.getRow(k + 1), 0, (String) row[0], false);
                cell(table.getRow(k + 1), 1, value, false);
                cell(table.getRow(k + 1), 2, (String) row[2], false);
            }
            XWPFParagraph d = doc.createParagraph();
            d.setAlignment(ParagraphAlignment.RIGHT);
            d.setSpacingBefore(300);
            run(d, r.dateLine(), false, 16, "仿宋_GB2312");
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void cell(XWPFTableRow row, int col, String text, boolean bold) {
        XWPFParagraph p = row.getCell(col).getParagraphs().get(0);
        run(p, text, bold, 12, "仿宋_GB2312");
    }

    private static void run(XWPFParagraph p, String text, boolean bold, int size, String font) {
        XWPFRun r = p.createRun();
        r.setText(text);
        r.setBold(bold);
        r.setFontSize(size);
        r.setFontFamily(font);
        r.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
    }
}
