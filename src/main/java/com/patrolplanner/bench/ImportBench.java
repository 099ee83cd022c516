package com.patrolplanner.bench;

import com.patrolplanner.cli.CliCommand;
import com.patrolplanner.geo.Datum;
import com.patrolplanner.importer.ImportHandler;
import com.patrolplanner.importer.ImportService;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.postgresql.PGConnection;

/**
 * {@code ./planner bench import [--rows N] [--format csv|xlsx] [--skip-service]}: a GBK CSV (or an XLSX workbook, with
 * a shared-strings table as Excel writes it) venue register of N rows (default 5,000;
 * synthetic, seeded, licence numbers {@code BIMP-…}, positions in 奎文区), imported (1) through the service
 * ({@link ImportService#run}: validation, upsert, field-level history, audit chain, verdicts — the path users take),
 * then (2) the same file again (every row unchanged: the idempotent upsert), (2b) a second file of as many other new
 * venues (the same work in a JVM that has compiled the import's code, as a running service has), and (3) as the floor: the same rows,
 * decoded from GBK, {@code COPY}ed into a staging table and upserted with one {@code INSERT … ON CONFLICT} into a
 * scratch table shaped like the register (same columns and indexes), in the same run. Prints rows/s, the ratio of (1)
 * to (3) (target ≤ 3×, and ≥ 2,000 rows/s) and the process's peak RSS. Writes only BIMP- venues and temp tables.
 */
@ApplicationScoped
public class ImportBench implements CliCommand {
    static final Charset GBK = Charset.forName("GBK");
    static final String[] CATEGORIES = {"网吧", "歌舞娱乐", "游艺娱乐", "出版物", "宾馆酒店", "other"};

    @Inject
    ImportService imports;
    @Inject
    AgroalDataSource ds;

    @Override
    public String name() {
        return "bench:import";
    }

    @Override
    public String summary() {
        return "venue register import of a GBK CSV (--rows N, default 5000): service vs plain COPY + INSERT … ON CONFLICT";
    }

    @Override
    public int run(String[] args, PrintStream out) throws Exception {
        int rows = 5000;
        boolean service = true;
        boolean xlsx = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rows" -> rows = Integer.parseInt(args[++i]);
                case "--skip-service" -> service = false;
                case "--format" -> xlsx = switch (args[++i]) {
                    case "xlsx" -> true;
                    case "csv" -> false;
                    default -> throw new IllegalArgumentException("--format csv or xlsx");
                };
                default -> {
                    out.println("usage: bench import [--rows N] [--format csv|xlsx] [--skip-service]");
                    return 2;
                }
            }
        }
        String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        Path file = Files.createTempFile("bench-import", ".csv");
        Path book = xlsx ? Files.createTempFile("bench-import", ".xlsx") : null;
        try {
            write(file, rows, run);
            if (xlsx) {
                writeXlsx(file, book);
            }
            Path upload = xlsx ? book : file;
            String name = xlsx ? "bench-import.xlsx" : "bench-import.csv";
            out.printf("file: %d rows, %s, %.1f MB (licences BIMP-%s-…); heap limit %d MiB%n", rows,
                    xlsx ? "XLSX (shared strings)" : "GBK CSV", Files.size(upload) / 1e6, run,
                    Runtime.getRuntime().maxMemory() >> 20);
            if (service) {
                long t = System.nanoTime();
                Map<String, Object> s = imports.run(new ImportHandler.Request("venues", upload, name, Datum.WGS84,
                        Map.of(), "bench")).asMap();
                double first = (System.nanoTime() - t) / 1e9;
                out.printf(Locale.ROOT, "service, new rows: %.1f s, %.0f rows/s %s%n", first, rows / first, s);
                t = System.nanoTime();
                s = imports.run(new ImportHandler.Request("venues", upload, name, Datum.WGS84, Map.of(), "bench")).asMap();
                double again = (System.nanoTime() - t) / 1e9;
                out.printf(Locale.ROOT, "service, same file again (unchanged): %.1f s, %.0f rows/s %s%n", again, rows / again, s);
                // a second file of as many other new venues (other licences, the same area), now that the JVM has
                // compiled the import's code: the throughput of a running service, printed beside the cold first run
                // (large files warm the JVM within the first run: only files up to 20,000 rows get the second import)
                double warm = rows <= 20_000 ? warm(rows, run, xlsx, name, out) : Double.NaN;
                double plain = plain(file, true);
                out.printf(Locale.ROOT, "plain COPY + INSERT … ON CONFLICT into pp.venue (its indexes, FK and triggers; "
                        + "rolled back): %.2f s, %.0f rows/s%n", plain, rows / plain);
                double scratch = plain(file, false);
                out.printf(Locale.ROOT, "  for reference, into a temporary copy of pp.venue (same indexes; no triggers, FK "
                        + "or WAL; the session-5 baseline): %.2f s%n", scratch);
                out.printf(Locale.ROOT, "ratio service / plain: %.1f× (target ≤ 3×); service %.0f rows/s (target ≥ 2,000) → %s%n",
                        first / plain, rows / first, first / plain <= 3 && rows / first >= 2000 ? "met" : "NOT met");
                if (!Double.isNaN(warm)) {
                    out.printf(Locale.ROOT, "  warm JVM: ratio %.1f×, %.0f rows/s → %s%n", warm / plain, rows / warm,
                            warm / plain <= 3 && rows / warm >= 2000 ? "met" : "NOT met");
                }
            } else {
                double plain = plain(file, true);
                out.printf(Locale.ROOT, "plain COPY + INSERT … ON CONFLICT: %.2f s, %.0f rows/s%n", plain, rows / plain);
            }
            out.println(MemoryReport.line());
        } finally {
            Files.deleteIfExists(file);
            if (book != null) {
                Files.deleteIfExists(book);
            }
        }
        return 0;
    }

    /** Seconds to import a second file of {@code rows} other new venues (other licences, same positions). */
    private double warm(int rows, String run, boolean xlsx, String name, PrintStream out) throws Exception {
        Path csv = Files.createTempFile("bench-import-warm", ".csv");
        Path book = xlsx ? Files.createTempFile("bench-import-warm", ".xlsx") : null;
        try {
            write(csv, rows, run + "w");
            if (xlsx) {
                writeXlsx(csv, book);
            }
            long t = System.nanoTime();
            Map<String, Object> s = imports.run(new ImportHandler.Request("venues", xlsx ? book : csv, name, Datum.WGS84,
                    Map.of(), "bench")).asMap();
            double warm = (System.nanoTime() - t) / 1e9;
            out.printf(Locale.ROOT, "service, new rows again, warm JVM (a second file, other licences): %.1f s, %.0f rows/s %s%n",
                    warm, rows / warm, s);
            return warm;
        } finally {
            Files.deleteIfExists(csv);
            if (book != null) {
                Files.deleteIfExists(book);
            }
        }
    }

    /** The same rows as an XLSX workbook, written by POI's streaming writer (SXSSF) with a shared-strings table. */
    static void writeXlsx(Path csv, Path xlsx) throws Exception {
        org.apache.poi.xssf.streaming.SXSSFWorkbook wb = new org.apache.poi.xssf.streaming.SXSSFWorkbook(null, 200, true, true);
        try (BufferedReader in = Files.newBufferedReader(csv, GBK)) {
            org.apache.poi.ss.usermodel.Sheet sheet = wb.createSheet("场所");
            int r = 0;
            for (String line; (line = in.readLine()) != null;) {
                org.apache.poi.ss.usermodel.Row row = sheet.createRow(r++);
                String[] cells = line.split(",", -1);
                for (int c = 0; c < cells.length; c++) {
                    if (r > 1 && (c == 4 || c == 5 || c == 7 || c == 9) && !cells[c].isEmpty()) {
                        row.createCell(c).setCellValue(Double.parseDouble(cells[c]));
                    } else {
                        row.createCell(c).setCellValue(cells[c]);
                    }
                }
            }
            try (java.io.OutputStream out = Files.newOutputStream(xlsx)) {
                wb.write(out);
            }
        } finally {
            wb.dispose();
            wb.close();
        }
    }

    /** The register's columns as a bureau's export names them, in GBK. */
    static void write(Path file, int rows, String run) throws Exception {
        Random r = new Random(18);
        try (Writer w = Files.newBufferedWriter(file, GBK)) {
            w.write("许可证号,场所名称,类别,地址,经度,纬度,营业时间,规模,状态,投诉次数,备注\n");
            for (int i = 0; i < rows; i++) {
                double lon = 119.10 + r.nextDouble() * 0.10;
                double lat = 36.68 + r.nextDouble() * 0.07;
                w.write(String.format(Locale.ROOT, "BIMP-%s-%07d,基准导入场所%d,%s,潍坊市奎文区基准路%d号,%.6f,%.6f,%s,%d,%s,%d,%s%n",
                        run, i, i, CATEGORIES[r.nextInt(CATEGORIES.length)], i, lon, lat,
                        r.nextBoolean() ? "09:00-23:00" : "", r.nextInt(200), "open", r.nextInt(3), "合成数据"));
            }
        }
    }

    /**
     * Seconds to decode the file, COPY it into a staging table and upsert it with one {@code INSERT … ON CONFLICT}:
     * with {@code register}, into {@code pp.venue} itself (the service's table: its indexes, its foreign key to
     * {@code unit}, its unit trigger and data-version trigger; licence numbers of its own, {@code BPLN-…}, so every row
     * is new as in the service's first import; timed to the end of the INSERT, then rolled back); else into a
     * temporary table {@code LIKE pp.venue INCLUDING ALL} (the same indexes, but no trigger, foreign key or WAL).
     */
    double plain(Path file, boolean register) throws Exception {
        String target = register ? "pp.venue" : "bench_plain_register";
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            long t = System.nanoTime();
            try (Statement st = c.createStatement()) {
                if (!register) {
                    st.execute("CREATE TEMP TABLE bench_plain_register (LIKE pp.venue INCLUDING ALL) ON COMMIT DROP");
                }
                st.execute("""
                        CREATE TEMP TABLE bench_plain_stage (licence_no text, name text, category text, address text,
                            lon float8, lat float8, hours text, capacity int, status text, complaints int, notes text)
                            ON COMMIT DROP""");
                // decoded and streamed line by line (a 200,000-row file is not held in memory)
                try (BufferedReader in = Files.newBufferedReader(file, GBK)) {
                    in.readLine();
                    org.postgresql.copy.CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn(
                            "COPY bench_plain_stage FROM STDIN (FORMAT text, NULL '')");
                    try {
                        StringBuilder chunk = new StringBuilder(1 << 16);
                        for (String line; (line = in.readLine()) != null;) {
                            chunk.append(line.startsWith("BIMP-") ? "BPLN-" + line.substring(5).replace(',', '\t')
                                    : line.replace(',', '\t')).append('\n');
                            if (chunk.length() > 60_000) {
                                byte[] b = chunk.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                                copy.writeToCopy(b, 0, b.length);
                                chunk.setLength(0);
                            }
                        }
                        byte[] b = chunk.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                        copy.writeToCopy(b, 0, b.length);
                        copy.endCopy();
                    } finally {
                        if (copy.isActive()) {
                            copy.cancelCopy();
                        }
                    }
                }
                st.execute("""
                        INSERT INTO %s (licence_no, name, category, address, geom, source_datum,
                            geocode_status, capacity, status, complaint_count, notes, synthetic, created_at, updated_at)
                        SELECT licence_no, name, CASE category WHEN '网吧' THEN 'internet_cafe' WHEN '歌舞娱乐' THEN 'song_dance'
                                   WHEN '游艺娱乐' THEN 'game_arcade' WHEN '出版物' THEN 'publication' WHEN '宾馆酒店' THEN 'hotel'
                                   ELSE 'other' END, address, ST_SetSRID(ST_MakePoint(lon, lat), 4326), 'WGS84',
                               'source', capacity, status, 0, notes, true, now(), now()
                        FROM bench_plain_stage
                        ON CONFLICT (licence_no) DO UPDATE SET name = excluded.name, category = excluded.category,
                            address = excluded.address, geom = excluded.geom, capacity = excluded.capacity,
                            status = excluded.status, notes = excluded.notes, updated_at = now()""".formatted(target));
            }
            double seconds = (System.nanoTime() - t) / 1e9;
            c.rollback();
            return seconds;
        }
    }
}
