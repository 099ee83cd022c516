package com.patrolplanner.complaint;

import com.patrolplanner.time.BureauClock;
import com.patrolplanner.web.CsvCells;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The complaint list as CSV (UTF-8 with a byte-order mark, for Excel on Chinese Windows; cells through
 * {@link CsvCells}) or XLSX, Chinese headers. The reporter's name and contact are never among the columns.
 */
public final class ComplaintExport {
    public static final String CSV = "text/csv; charset=UTF-8";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final List<String> HEADER = List.of("编号", "来源", "转办单位", "收到时间", "场所编号", "场所", "地址", "类别", "举报内容",
            "状态", "不予受理理由", "承办组", "办理期限", "当前时限", "时限规则", "是否逾期", "核查记录编号", "处理结果", "答复情况",
            "办结时间", "是否按期办结");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private ComplaintExport() {
    }

    static List<Object> row(ComplaintView c) {
        List<Object> r = new ArrayList<>();
        r.add(c.id());
        r.add(c.sourceName());
        r.add(c.referredBy());
        r.add(time(c.receivedAt()));
        r.add(c.venueId());
        r.add(c.venueName());
        r.add(c.address());
        r.add(c.category());
        r.add(c.content());
        r.add(c.stateName());
        r.add(c.declineReason());
        r.add(c.teamName());
        r.add(time(c.deadline()));
        r.add(time(c.dueAt()));
        r.add(c.dueRule());
        r.add(c.overdue() ? "逾期" : "");
        r.add(c.inspectionId());
        r.add(c.result());
        r.add(c.reply());
        r.add(time(c.closedAt()));
        r.add(c.closedOnTime() == null ? "" : c.closedOnTime() ? "是" : "否");
        return r;
    }

    private static String time(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(BureauClock.ZONE).format(TIME);
    }

    public static byte[] csv(List<ComplaintView> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStreamWriter w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get())) {
            w.write('\uFEFF');
            p.printRecord(CsvCells.row(HEADER));
            for (ComplaintView c : rows) {
                p.printRecord(CsvCells.row(row(c)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] xlsx(List<ComplaintView> rows) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sh = wb.createSheet("举报投诉");
            Row h = sh.createRow(0);
            for (int i = 0; i < HEADER.size(); i++) {
                h.createCell(i).setCellValue(HEADER.get(i));
            }
            int k = 1;
            for (ComplaintView c : rows) {
                Row x = sh.createRow(k++);
                List<Object> r = row(c);
                for (int i = 0; i < r.size(); i++) {
                    Object v = r.get(i);
                    if (v instanceof Number n) {
                        x.createCell(i).setCellValue(n.doubleValue());
                    } else if (v != null) {
                        x.createCell(i).setCellValue(v.toString());
                    }
                }
            }
            sh.createFreezePane(0, 1);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
