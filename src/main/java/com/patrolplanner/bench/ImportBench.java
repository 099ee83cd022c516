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
                // (large files warm the JVM within the first run: only files up to 10,000 rows get the second import)
                double warm = rows <= 10_000 ? warm(rows, run, xlsx, name, out) : Double.NaN;
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

    /**
     * The same rows as an XLSX workbook as Excel writes one: cells of text in a shared-strings table (the repeated texts
     * — category, hours, status, notes — stored once), numbers as numbers, empty cells left out. Written as a stream (the
     * sheet straight into the zip, the shared strings through a temporary file appended as the last part), so that a
     * 200,000-row workbook costs the bench no memory: POI's SXSSF writer keeps its shared-strings table as XMLBeans
     * objects on the heap, more than a 512 MiB heap holds at that size, and the bench's peak RSS is the import's.
     */
    static void writeXlsx(Path csv, Path xlsx) throws Exception {
        Path strings = Files.createTempFile("bench-import-sst", ".xml");
        try (BufferedReader in = Files.newBufferedReader(csv, GBK);
                java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(
                        new java.io.BufferedOutputStream(Files.newOutputStream(xlsx), 1 << 16));
                Writer sst = Files.newBufferedWriter(strings, java.nio.charset.StandardCharsets.UTF_8)) {
            Writer out = new java.io.OutputStreamWriter(zip, java.nio.charset.StandardCharsets.UTF_8);
            String main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
            String rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
            String type = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
            String ct = "application/vnd.openxmlformats-officedocument.spreadsheetml.";
            String[][] parts = {
                {"[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"" + ct + "sheet.main+xml\"/>"
                    + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"" + ct + "worksheet+xml\"/>"
                    + "<Override PartName=\"/xl/styles.xml\" ContentType=\"" + ct + "styles+xml\"/>"
                    + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"" + ct + "sharedStrings+xml\"/></Types>"},
                {"_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"" + type + "officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"},
                {"xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><workbook xmlns=\""
                    + main + "\" xmlns:r=\"" + rel + "\"><sheets><sheet name=\"场所\" sheetId=\"1\" r:id=\"rId1\"/></sheets>"
                    + "</workbook>"},
                {"xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"" + type + "worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                    + "<Relationship Id=\"rId2\" Type=\"" + type + "styles\" Target=\"styles.xml\"/>"
                    + "<Relationship Id=\"rId3\" Type=\"" + type + "sharedStrings\" Target=\"sharedStrings.xml\"/>"
                    + "</Relationships>"},
                {"xl/styles.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><styleSheet xmlns=\""
                    + main + "\"><fonts count=\"1\"><font/></fonts><fills count=\"1\"><fill/></fills><borders count=\"1\">"
                    + "<border/></borders><cellStyleXfs count=\"1\"><xf/></cellStyleXfs><cellXfs count=\"1\"><xf/></cellXfs>"
                    + "</styleSheet>"}};
            for (String[] part : parts) {
                zip.putNextEntry(new java.util.zip.ZipEntry(part[0]));
                out.write(part[1]);
                out.flush();
                zip.closeEntry();
            }
            zip.putNextEntry(new java.util.zip.ZipEntry("xl/worksheets/sheet1.xml"));
            out.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><worksheet xmlns=\"" + main
                    + "\"><sheetData>");
            java.util.Map<String, Integer> repeated = new java.util.HashMap<>();
            int count = 0;
            int unique = 0;
            int r = 0;
            for (String line; (line = in.readLine()) != null;) {
                r++;
                out.write("<row r=\"" + r + "\">");
                String[] cells = line.split(",", -1);
                for (int c = 0; c < cells.length; c++) {
                    String v = cells[c];
                    if (v.isEmpty()) {
                        continue;
                    }
                    String ref = (char) ('A' + c) + Integer.toString(r);
                    if (r > 1 && (c == 4 || c == 5 || c == 7 || c == 9)) {
                        double d = Double.parseDouble(v); // whole numbers as Excel writes them, without ".0"
                        out.write("<c r=\"" + ref + "\"><v>" + (d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d))
                                + "</v></c>");
                        continue;
                    }
                    Integer at = r == 1 || c == 2 || c == 6 || c == 8 || c == 10 ? repeated.get(v) : null;
                    if (at == null) {
                        at = unique++;
                        sst.write("<si><t>" + xml(v) + "</t></si>");
                        if (r == 1 || c == 2 || c == 6 || c == 8 || c == 10) {
                            repeated.put(v, at);
                        }
                    }
                    count++;
                    out.write("<c r=\"" + ref + "\" t=\"s\"><v>" + at + "</v></c>");
                }
                out.write("</row>");
            }
            out.write("</sheetData></worksheet>");
            out.flush();
            zip.closeEntry();
            sst.close();
            zip.putNextEntry(new java.util.zip.ZipEntry("xl/sharedStrings.xml"));
            out.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><sst xmlns=\"" + main
                    + "\" count=\"" + count + "\" uniqueCount=\"" + unique + "\">");
            out.flush();
            Files.copy(strings, zip);
            out.write("</sst>");
            out.flush();
            zip.closeEntry();
        } finally {
            Files.deleteIfExists(strings);
        }
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
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
