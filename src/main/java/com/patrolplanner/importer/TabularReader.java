package com.patrolplanner.importer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.patrolplanner.i18n.Messages;
import com.patrolplanner.web.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Reads an uploaded table (CSV, XLSX or GeoJSON) into a header and rows of strings, whatever the format, so that each
 * import kind only maps columns to fields.
 *
 * <ul>
 *   <li>The format is decided by content: a ZIP signature is XLSX, a first non-blank character {@code &#123;} is GeoJSON,
 *   anything else is delimited text. The file name's extension only breaks ties (a {@code .xlsx} that is not a ZIP is
 *   reported as a damaged workbook, not read as text).</li>
 *   <li>CSV: UTF-8 with or without BOM; without a BOM, bytes that are not strict UTF-8 are read as GB18030 (a superset of
 *   GBK and GB2312, what Excel on a Chinese Windows writes). The delimiter (comma, tab or semicolon) is taken from the
 *   header line.</li>
 *   <li>XLSX: the first sheet, streamed (a 20 MB workbook does not become a DOM). Numbers come back in full precision,
 *   not as Excel would display them, so coordinates keep their decimals.</li>
 *   <li>GeoJSON: a FeatureCollection (or one Feature); each feature's properties are the columns (nested values as JSON
 *   text), its geometry is kept on the row, and a Point also fills columns {@code lon} and {@code lat}.</li>
 * </ul>
 *
 * <p>Row numbers are 1-based data rows (the header is not counted), the numbering import errors use. Blank rows are
 * skipped but keep their number. Unreadable content is a 422 problem naming {@code file}; an empty file a 400.
 */
public final class TabularReader {
    public enum Format { CSV, XLSX, GEOJSON }

    /**
     * The highest sheet row (1-based, as Excel numbers them) an XLSX import may use. A workbook states its row numbers
     * itself; a single cell claiming row 1,000,000 must not make the reader pad a million empty rows.
     */
    public static final int MAX_XLSX_ROW = 500_000;
    /** The highest column (1-based: 256 is IV) an XLSX import may use; every row is padded to its last cell. */
    public static final int MAX_XLSX_COLUMN = 256;

    /** One data row: its 1-based number, its cells (aligned with the header, "" when missing), a GeoJSON geometry. */
    public record Row(int number, List<String> cells, JsonNode geometry) {
        public String cell(int index) {
            return index < 0 || index >= cells.size() ? "" : cells.get(index);
        }
    }

    /** A whole table; {@code encoding} is the charset CSV text was read with (null for other formats). */
    public record Table(Format format, String encoding, List<String> header, List<Row> rows) {
        public Columns columns(Map<String, List<String>> aliases, Map<String, String> mapping) {
            return new Columns(header, aliases, mapping);
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Charset GB18030 = Charset.forName("GB18030");

    private TabularReader() {
    }

    /** Receives a table as it is read: the header once, then each data row (blank rows skipped, their numbers kept). */
    public interface Sink {
        void header(List<String> header);

        void row(Row row);
    }

    /** The whole table in memory (small files, GeoJSON); large registers use {@link #stream}. */
    public static Table read(Path file, String filename) {
        List<Row> rows = new ArrayList<>();
        Table t = stream(file, filename, new Sink() {
            @Override
            public void header(List<String> header) {
            }

            @Override
            public void row(Row row) {
                rows.add(row);
            }
        });
        return new Table(t.format(), t.encoding(), t.header(), rows);
    }

    /**
     * Reads the table row by row into {@code sink}, never holding the file: CSV through a decoding reader (the encoding
     * found by a first pass over the bytes), XLSX through POI's SAX event reader (only the shared-strings table, the
     * workbook's distinct texts, stays in memory). GeoJSON is read whole (its rows are not independent text lines).
     * Returns the format, the encoding and the header, with no rows.
     */
    public static Table stream(Path file, String filename, Sink sink) {
        byte[] head = head(file, 4096);
        if (head.length == 0) {
            throw ApiException.badRequest("file", Messages.of("import.fileEmpty"));
        }
        String ext = extension(filename);
        if (isZip(head)) {
            return readXlsx(file, sink);
        }
        if (ext.equals("xlsx") || ext.equals("xlsm") || ext.equals("xls") || isOle2(head)) {
            throw unreadable(Messages.of(ext.equals("xls") || isOle2(head) ? "import.legacyXls" : "import.xlsxDamaged"));
        }
        Charset charset = charsetOf(file, head);
        if (charset != null) {
            return streamCsv(file, head, charset, ext, sink);
        }
        // NUL bytes (binary, or UTF-16 without a BOM): decided on the whole text as before
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw unreadable(Messages.of("import.uploadUnreadable", e.getMessage()));
        }
        Decoded text = decode(bytes);
        String trimmed = text.text.stripLeading();
        if (trimmed.isEmpty()) {
            throw ApiException.badRequest("file", Messages.of("import.fileEmpty"));
        }
        if (trimmed.charAt(0) == '{' || ext.equals("geojson")) {
            Table t = readGeoJson(trimmed);
            sink.header(t.header());
            t.rows().forEach(sink::row);
            return new Table(t.format(), t.encoding(), t.header(), List.of());
        }
        if (text.text.indexOf('\0') >= 0) {
            throw unreadable(Messages.of("import.binary"));
        }
        return readCsv(new StringReader(text.text), text.charset, sink);
    }

    /**
     * The charset to stream a text file with, or null when it must be decided on the whole text (a NUL byte, i.e.
     * binary content or UTF-16 without a BOM). A BOM decides; else the file is UTF-8 if every byte sequence is strict
     * UTF-8 (one pass, nothing kept), and GB18030 otherwise (what Excel on a Chinese Windows writes: GBK and GB2312 are
     * in it).
     */
    static Charset charsetOf(Path file, byte[] head) {
        if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        java.nio.charset.CharsetDecoder d = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        boolean utf8 = true;
        try (java.nio.channels.ReadableByteChannel ch = Files.newByteChannel(file)) {
            ByteBuffer in = ByteBuffer.allocate(1 << 16);
            java.nio.CharBuffer out = java.nio.CharBuffer.allocate(1 << 16);
            boolean eof = false;
            while (!eof) {
                int n = ch.read(in);
                eof = n < 0;
                for (int i = in.position() - Math.max(n, 0); i < in.position(); i++) {
                    if (in.get(i) == 0) {
                        return null;
                    }
                }
                in.flip();
                while (utf8) {
                    java.nio.charset.CoderResult r = d.decode(in, out, eof);
                    out.clear();
                    if (r.isError()) {
                        utf8 = false;
                    } else if (r.isUnderflow()) {
                        break;
                    }
                }
                if (utf8) {
                    in.compact();
                } else {
                    in.clear(); // decided: only the NUL check reads on
                }
            }
        } catch (IOException e) {
            throw unreadable(Messages.of("import.uploadUnreadable", e.getMessage()));
        }
        return utf8 ? StandardCharsets.UTF_8 : GB18030;
    }

    /** A text file through a decoding reader: GeoJSON (read whole) or CSV (streamed). */
    private static Table streamCsv(Path file, byte[] head, Charset charset, String ext, Sink sink) {
        int bom = charset == StandardCharsets.UTF_8 && head.length >= 3 && (head[0] & 0xFF) == 0xEF
                && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF ? 3
                : charset == StandardCharsets.UTF_16LE || charset == StandardCharsets.UTF_16BE ? 2 : 0;
        String name = charset == GB18030 ? "GB18030" : charset.name();
        try (InputStream raw = Files.newInputStream(file)) {
            raw.skipNBytes(bom);
            java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(raw, charset), 1 << 16);
            in.mark(1 << 16);
            int ch;
            do {
                ch = in.read();
            } while (ch >= 0 && Character.isWhitespace(ch));
            if (ch < 0) {
                throw ApiException.badRequest("file", Messages.of("import.fileEmpty"));
            }
            if (ch == '{' || ext.equals("geojson")) {
                in.reset();
                StringBuilder all = new StringBuilder();
                char[] buf = new char[1 << 16];
                for (int n; (n = in.read(buf)) > 0;) {
                    all.append(buf, 0, n);
                }
                Table t = readGeoJson(all.toString().stripLeading());
                sink.header(t.header());
                t.rows().forEach(sink::row);
                return new Table(t.format(), t.encoding(), t.header(), List.of());
            }
            in.reset();
            return readCsv(in, name, sink);
        } catch (IOException e) {
            throw unreadable(Messages.of("import.uploadUnreadable", e.getMessage()));
        }
    }

    /**
     * A cheap count of data rows, used to decide whether an import runs as a background job before it is parsed: line
     * breaks for text, {@code <row} elements for XLSX, features for GeoJSON. May over-count (quoted line breaks);
     * 0 when the file is not tabular.
     */
    public static long estimateRows(Path file) {
        byte[] head = head(file, 4096);
        try {
            if (isZip(head)) {
                try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
                    XSSFReader r = new XSSFReader(pkg);
                    Iterator<InputStream> sheets = r.getSheetsData();
                    if (!sheets.hasNext()) {
                        return 0;
                    }
                    try (InputStream in = sheets.next()) {
                        return Math.max(0, countOccurrences(in, "<row ".getBytes(StandardCharsets.US_ASCII)) - 1);
                    }
                }
            }
            String start = new String(head, StandardCharsets.ISO_8859_1).stripLeading();
            if (start.startsWith("\u00EF\u00BB\u00BF")) {
                start = start.substring(3).stripLeading();
            }
            if (start.startsWith("{")) {
                return countFeatures(file);
            }
            try (InputStream in = Files.newInputStream(file)) {
                return Math.max(0, countOccurrences(in, new byte[] {'\n'}) - 1);
            }
        } catch (Exception e) {
            return 0;
        }
    }

    // ---------------------------------------------------------------- CSV

    private record Decoded(String text, String charset) {
    }

    static Decoded decode(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return new Decoded(new String(b, 3, b.length - 3, StandardCharsets.UTF_8), "UTF-8");
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return new Decoded(new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE), "UTF-16LE");
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return new Decoded(new String(b, 2, b.length - 2, StandardCharsets.UTF_16BE), "UTF-16BE");
        }
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
            return new Decoded(s, "UTF-8");
        } catch (CharacterCodingException e) {
            // Not UTF-8: Chinese Excel and WPS write GBK, which GB18030 contains.
            return new Decoded(new String(b, GB18030), "GB18030");
        }
    }

    /** CSV rows into the sink as they are parsed; the delimiter (comma, tab or semicolon) from the first line. */
    private static Table readCsv(java.io.Reader reader, String charset, Sink sink) {
        java.io.BufferedReader in = reader instanceof java.io.BufferedReader b ? b : new java.io.BufferedReader(reader, 1 << 16);
        String first;
        try {
            in.mark(1 << 20);
            StringBuilder line = new StringBuilder();
            for (int ch; (ch = in.read()) >= 0 && ch != '\n' && line.length() < (1 << 20) - 1;) {
                line.append((char) ch);
            }
            first = line.toString();
            in.reset();
        } catch (IOException e) {
            throw unreadable(Messages.of("import.badCsv", rootMessage(e)));
        }
        char delimiter = ',';
        long commas = first.chars().filter(c -> c == ',').count();
        long tabs = first.chars().filter(c -> c == '\t').count();
        long semis = first.chars().filter(c -> c == ';').count();
        if (tabs > commas && tabs >= semis) {
            delimiter = '\t';
        } else if (semis > commas && semis > tabs) {
            delimiter = ';';
        }
        CSVFormat fmt = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreSurroundingSpaces(true)
                .setTrim(true).setIgnoreEmptyLines(false).get();
        List<String> header = null;
        try (CSVParser p = CSVParser.parse(in, fmt)) {
            int number = 0;
            for (CSVRecord rec : p) {
                List<String> cells = new ArrayList<>(rec.size());
                rec.forEach(c -> cells.add(c == null ? "" : c.trim()));
                if (header == null) {
                    if (isBlank(cells)) {
                        continue;
                    }
                    header = cleanHeader(cells);
                    sink.header(header);
                    continue;
                }
                number++;
                if (!isBlank(cells)) {
                    sink.row(new Row(number, pad(cells, header.size()), null));
                }
            }
        } catch (ApiException e) {
            throw e;
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw unreadable(Messages.of("import.badCsv", rootMessage(e)));
        }
        if (header == null) {
            throw ApiException.badRequest("file", Messages.of("import.noHeader"));
        }
        return new Table(Format.CSV, charset, header, List.of());
    }

    // ---------------------------------------------------------------- XLSX

    private static Table readXlsx(Path file, Sink sink) {
        SheetStreamer rows = new SheetStreamer(sink);
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            StylesTable styles = reader.getStylesTable();
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw unreadable(Messages.of("import.noSheet"));
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader xml = XMLHelper.newXMLReader();
                xml.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, rows,
                        new FullPrecisionFormatter(), false));
                xml.parse(new InputSource(sheet));
            }
        } catch (ApiException e) {
            throw e;
        } catch (Exception | LinkageError e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof ApiException api) {
                    throw api; // a limit hit inside the SAX handler (or a refusal of the sink), wrapped by the parser
                }
            }
            throw unreadable(Messages.of("import.xlsxUnreadable", rootMessage(e)));
        }
        if (rows.header == null) {
            throw ApiException.badRequest("file", Messages.of("import.sheetEmpty"));
        }
        return new Table(Format.XLSX, null, rows.header, List.of());
    }

    /**
     * Hands each sheet row to the sink as the SAX parser ends it: the first non-blank row is the header, the rows after
     * it are numbered from it (so skipped, empty rows keep the numbering).
     */
    private static final class SheetStreamer implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final Sink sink;
        private List<String> current;
        private int currentRow;
        List<String> header;
        private int headerRow;

        SheetStreamer(Sink sink) {
            this.sink = sink;
        }

        @Override
        public void startRow(int rowNum) {
            if (rowNum >= MAX_XLSX_ROW) {
                throw beyond(rowNum + 1, "file", "sheet row " + (rowNum + 1) + " is beyond the limit of " + MAX_XLSX_ROW
                        + " rows: remove what lies below the table, or split the file");
            }
            current = new ArrayList<>();
            currentRow = rowNum;
        }

        @Override
        public void endRow(int rowNum) {
            if (isBlank(current)) {
                return;
            }
            if (header == null) {
                header = cleanHeader(current);
                headerRow = rowNum;
                sink.header(header);
                return;
            }
            sink.row(new Row(rowNum - headerRow, pad(current, header.size()), null));
        }

        @Override
        public void cell(String ref, String value, XSSFComment comment) {
            int col = ref == null ? current.size() : new org.apache.poi.ss.util.CellReference(ref).getCol();
            if (col >= MAX_XLSX_COLUMN) {
                throw beyond(currentRow + 1, "file", "cell " + ref + " is beyond the limit of " + MAX_XLSX_COLUMN
                        + " columns: remove what lies right of the table");
            }
            while (current.size() < col) {
                current.add("");
            }
            current.add(value == null ? "" : value.trim());
        }
    }

    /** Numbers in "General" format come back with all their digits (Excel would show 10), dates as Excel shows them. */
    private static final class FullPrecisionFormatter extends DataFormatter {
        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            if (formatIndex == 0 || "General".equalsIgnoreCase(formatString) || "@".equals(formatString)
                    || formatString == null || formatString.matches("[0#.,]+")) {
                if (value == Math.rint(value) && Math.abs(value) < 1e15) {
                    return Long.toString((long) value);
                }
                return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
            }
            return super.formatRawCellContents(value, formatIndex, formatString);
        }
    }

    // ---------------------------------------------------------------- GeoJSON

    private static Table readGeoJson(String text) {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (IOException e) {
            throw unreadable(Messages.of("import.badJson", rootMessage(e)));
        }
        List<JsonNode> features = new ArrayList<>();
        String type = root.path("type").asText("");
        if (type.equals("FeatureCollection") && root.path("features").isArray()) {
            root.path("features").forEach(features::add);
        } else if (type.equals("Feature")) {
            features.add(root);
        } else {
            throw unreadable(Messages.of("import.notCollection"));
        }
        Map<String, Integer> columns = new LinkedHashMap<>();
        boolean points = false;
        for (JsonNode f : features) {
            f.path("properties").fieldNames().forEachRemaining(k -> columns.putIfAbsent(k, columns.size()));
            points |= "Point".equals(f.path("geometry").path("type").asText());
        }
        int lonCol = -1;
        int latCol = -1;
        if (points && !hasColumn(columns, "lon", "lng", "longitude", "经度")) {
            lonCol = columns.size();
            columns.put("lon", lonCol);
            latCol = columns.size();
            columns.put("lat", latCol);
        }
        List<String> header = new ArrayList<>(columns.keySet());
        List<Row> rows = new ArrayList<>();
        int number = 0;
        for (JsonNode f : features) {
            number++;
            List<String> cells = new ArrayList<>(Collections.nCopies(header.size(), ""));
            JsonNode props = f.path("properties");
            props.fields().forEachRemaining(e -> {
                JsonNode v = e.getValue();
                cells.set(columns.get(e.getKey()), v.isNull() ? "" : v.isValueNode() ? v.asText().trim() : v.toString());
            });
            JsonNode g = f.get("geometry");
            if (g != null && g.isNull()) {
                g = null;
            }
            if (g != null && lonCol >= 0 && "Point".equals(g.path("type").asText()) && g.path("coordinates").size() >= 2) {
                cells.set(lonCol, g.path("coordinates").get(0).asText());
                cells.set(latCol, g.path("coordinates").get(1).asText());
            }
            rows.add(new Row(number, cells, g));
        }
        return new Table(Format.GEOJSON, null, header, rows);
    }

    private static boolean hasColumn(Map<String, Integer> cols, String... names) {
        for (String c : cols.keySet()) {
            for (String n : names) {
                if (Columns.normalise(c).equals(Columns.normalise(n))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static long countFeatures(Path file) throws IOException {
        try (JsonParser p = new JsonFactory().createParser(file.toFile())) {
            long n = 0;
            int depth = 0;
            boolean inFeatures = false;
            int featuresDepth = -1;
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.FIELD_NAME && depth == 1 && "features".equals(p.currentName())) {
                    inFeatures = true;
                } else if (t == JsonToken.START_ARRAY || t == JsonToken.START_OBJECT) {
                    if (inFeatures && featuresDepth < 0 && t == JsonToken.START_ARRAY) {
                        featuresDepth = depth + 1;
                    } else if (featuresDepth > 0 && depth == featuresDepth && t == JsonToken.START_OBJECT) {
                        n++;
                    }
                    depth++;
                } else if (t == JsonToken.END_ARRAY || t == JsonToken.END_OBJECT) {
                    depth--;
                    if (featuresDepth > 0 && depth < featuresDepth) {
                        return n;
                    }
                }
            }
            return n;
        }
    }

    // ---------------------------------------------------------------- helpers

    private static List<String> cleanHeader(List<String> cells) {
        List<String> h = new ArrayList<>(cells.size());
        for (String c : cells) {
            h.add(c == null ? "" : c.replace("\uFEFF", "").trim());
        }
        while (!h.isEmpty() && h.get(h.size() - 1).isEmpty()) {
            h.remove(h.size() - 1);
        }
        return h;
    }

    private static List<String> pad(List<String> cells, int size) {
        List<String> out = new ArrayList<>(cells);
        while (out.size() < size) {
            out.add("");
        }
        return out;
    }

    private static boolean isBlank(List<String> cells) {
        for (String c : cells) {
            if (c != null && !c.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static byte[] head(Path file, int n) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(n);
        } catch (IOException e) {
            throw unreadable(Messages.of("import.uploadUnreadable", e.getMessage()));
        }
    }

    private static boolean isZip(byte[] b) {
        return b.length >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4;
    }

    private static boolean isOle2(byte[] b) {
        return b.length >= 4 && (b[0] & 0xFF) == 0xD0 && (b[1] & 0xFF) == 0xCF && (b[2] & 0xFF) == 0x11 && (b[3] & 0xFF) == 0xE0;
    }

    static String extension(String filename) {
        if (filename == null) {
            return "";
        }
        int dot = filename.lastIndexOf('.');
        return dot < 0 ? "" : filename.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static long countOccurrences(InputStream in, byte[] needle) throws IOException {
        byte[] buf = new byte[1 << 16];
        long count = 0;
        int matched = 0;
        int n;
        while ((n = in.read(buf)) > 0) {
            for (int i = 0; i < n; i++) {
                if (buf[i] == needle[matched]) {
                    if (++matched == needle.length) {
                        count++;
                        matched = 0;
                    }
                } else {
                    matched = buf[i] == needle[0] ? 1 : 0;
                }
            }
        }
        return count;
    }

    /** 422 naming the sheet row (1-based, as the spreadsheet shows it) that lies beyond a limit. */
    private static ApiException beyond(int sheetRow, String field, String reason) {
        return ApiException.unprocessable(field + ": " + reason,
                List.of(new com.patrolplanner.web.Problem.FieldError(sheetRow, field, reason)));
    }

    static ApiException unreadable(String reason) {
        return ApiException.unprocessable("file: " + reason, List.of(com.patrolplanner.web.Problem.FieldError.of("file", reason)));
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.length() > 200 ? m.substring(0, 200) : m;
    }
}
