package com.patrolplanner.coverage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A table (header + rows) as CSV or XLSX. CSV is UTF-8 with a byte-order mark, because Excel on Chinese Windows reads
 * a CSV without one as GBK and garbles every name; text cells that a spreadsheet would run as a formula are
 * neutralised ({@link com.patrolplanner.web.CsvCells}). Numbers stay numbers in XLSX.
 */
public final class TableExport {
    public static final String CSV = "text/csv; charset=UTF-8";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private TableExport() {
    }

    public static byte[] csv(List<String> header, List<List<Object>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStreamWriter w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get())) {
            w.write('\uFEFF');
            p.printRecord(com.patrolplanner.web.CsvCells.row(header));
            for (List<Object> r : rows) {
                p.printRecord(com.patrolplanner.web.CsvCells.row(r));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** One sheet per call; {@code sheets} pairs a sheet name with its header and rows. */
    public record SheetData(String name, List<String> header, List<List<Object>> rows) {
    }

    public static byte[] xlsx(List<SheetData> sheets) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (SheetData sd : sheets) {
                Sheet sh = wb.createSheet(sd.name());
                Row h = sh.createRow(0);
                for (int i = 0; i < sd.header().size(); i++) {
                    h.createCell(i).setCellValue(sd.header().get(i));
                }
                int r = 1;
                for (List<Object> row : sd.rows()) {
                    Row x = sh.createRow(r++);
                    for (int i = 0; i < row.size(); i++) {
                        Object v = row.get(i);
                        Cell c = x.createCell(i);
                        if (v instanceof Number n) {
                            c.setCellValue(n.doubleValue());
                        } else if (v != null) {
                            c.setCellValue(v.toString());
                        }
                    }
                }
                sh.createFreezePane(0, 1);
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
