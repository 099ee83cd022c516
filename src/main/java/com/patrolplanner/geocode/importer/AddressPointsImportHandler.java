package com.patrolplanner.geocode.importer;

import com.patrolplanner.i18n.Messages;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.patrolplanner.geocode.GazetteerStore;
import com.patrolplanner.geocode.GazetteerStore.AddressRow;
import com.patrolplanner.geocode.parse.ChineseText;
import com.patrolplanner.geocode.parse.StreetKeys;
import com.patrolplanner.importer.ImportHandler;
import com.patrolplanner.jobs.JobService;
import com.patrolplanner.web.ApiException;
import com.patrolplanner.web.Problem.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Kind {@code address-points}: OpenAddresses CSV ({@code LON,LAT,NUMBER,STREET,UNIT,CITY,DISTRICT,REGION,POSTCODE,ID};
 * only LON, LAT, NUMBER and STREET are required), any CSV or XLSX (first sheet) through a column mapping (our field →
 * the file's header; Chinese headers 经度/纬度/门牌号/路名 are recognised), or a GeoJSON FeatureCollection of points
 * with those property names. UTF-8 or GBK. Coordinates are converted from the request's datum to WGS-84.
 *
 * <p>Rows without a street or a number (OpenAddresses carries parcels like {@code 0,,}) are skipped and counted, not
 * refused; a bad coordinate or number refuses the whole file (422 naming every bad row).
 */
@ApplicationScoped
public class AddressPointsImportHandler implements ImportHandler {
    public static final String KIND = "address-points";
    private static final int MAX_ERRORS = 200;
    /** Our field → accepted headers (case-insensitive) when the request has no mapping for it. */
    private static final Map<String, List<String>> ALIASES = Map.of(
            "lon", List.of("lon", "lng", "longitude", "x", "经度"),
            "lat", List.of("lat", "latitude", "y", "纬度"),
            "number", List.of("number", "housenumber", "house_number", "门牌号", "门牌"),
            "street", List.of("street", "road", "街道", "路名", "道路"),
            "unit", List.of("unit", "单元"),
            "city", List.of("city", "城市", "市"),
            "district", List.of("district", "区县", "区"),
            "region", List.of("region", "province", "省"),
            "postcode", List.of("postcode", "zip", "邮编"),
            "id", List.of("id", "hash"));

    @Inject
    GazetteerStore store;
    @Inject
    ObjectMapper mapper;

    @Override
    public Set<String> kinds() {
        return Set.of(KIND);
    }

    @Override
    public Summary importFile(Request request, JobService.Progress progress) throws Exception {
        String source = KIND + ":" + (request.filename() == null ? request.file().getFileName() : request.filename());
        byte[] bytes = Files.readAllBytes(request.file());
        boolean xlsx = bytes.length > 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
        String text = xlsx ? null : decode(bytes);
        boolean json = !xlsx && text.stripLeading().startsWith("{");
        List<Map<String, String>> records = xlsx ? xlsxRecords(request.file(), request.mapping())
                : json ? geoJsonRecords(text) : csvRecords(text, request.mapping());
        progress.total(records.size());
        List<FieldError> errors = new ArrayList<>();
        List<AddressRow> rows = new ArrayList<>(records.size());
        long skipped = 0;
        for (int i = 0; i < records.size(); i++) {
            Map<String, String> r = records.get(i);
            int rowNo = i + (json ? 1 : 2); // CSV: row 1 is the header
            String street = trim(r.get("street"));
            String number = trim(r.get("number"));
            if (street == null || number == null || number.equals("0")) {
                skipped++;
                continue;
            }
            Double lon = number(r.get("lon"), rowNo, "lon", errors);
            Double lat = number(r.get("lat"), rowNo, "lat", errors);
            if (lon != null && lat != null) {
                if (lon < -180 || lon > 180) {
                    errors.add(new FieldError(rowNo, "lon", Messages.of(Math.abs(lat) <= 180 && Math.abs(lon) <= 90
                            ? "geocode.rowLonOutside" : "geo.longitudeOutside", lon)));
                } else if (lat < -90 || lat > 90) {
                    errors.add(new FieldError(rowNo, "lat", Messages.of("geo.latitudeOutside", lat)));
                }
            }
            String num = ChineseText.numeralsToDigits(ChineseText.normalise(number) + "号").replaceFirst("号$", "")
                    .toUpperCase(Locale.ROOT).replaceAll("\\s+", "");
            Integer numberInt = num.matches("^\\d+.*") ? Integer.valueOf(num.replaceAll("^(\\d{1,9}).*", "$1")) : null;
            if (errors.size() >= MAX_ERRORS) {
                break;
            }
            if (lon == null || lat == null) {
                continue;
            }
            double[] w = request.datum().toWgs84(lon, lat);
            rows.add(new AddressRow(num, numberInt, street, StreetKeys.streetKey(street), trim(r.get("unit")), null,
                    trim(r.get("city")), trim(r.get("district")), trim(r.get("region")), trim(r.get("postcode")),
                    trim(r.get("id")), w[0], w[1]));
        }
        if (!errors.isEmpty()) {
            throw ApiException.unprocessable(Messages.of("geocode.badRows",
                    errors.size() + (errors.size() >= MAX_ERRORS ? "+" : ""), source), errors);
        }
        final int[] done = {0};
        GazetteerStore.Counts c = store.upsertAddresses(source, request.datum().name(), rows, () -> {
            int step = Math.min(5000, rows.size() - done[0]);
            done[0] += step;
            progress.advance(step);
        });
        store.finishSource(source, request.datum().name());
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("skipped", skipped);
        extra.put("source", source);
        extra.put("duplicates", rows.size() - c.inserted() - c.updated() - c.unchanged());
        return new Summary(c.inserted(), c.updated(), c.unchanged(), extra);
    }

    private List<Map<String, String>> csvRecords(String text, Map<String, String> mapping) throws IOException {
        List<Map<String, String>> out = new ArrayList<>();
        try (Reader in = new StringReader(text);
                CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                        .setIgnoreEmptyLines(true).get().parse(in)) {
            Map<String, String> headerOf = resolveHeaders(p.getHeaderNames(), mapping);
            for (String req : List.of("lon", "lat", "number", "street")) {
                if (!headerOf.containsKey(req)) {
                    throw ApiException.unprocessable(Messages.of("geocode.noColumn", req, String.join(",",
                            p.getHeaderNames())), List.of(new FieldError(1, req,
                                    Messages.of("geocode.missingColumn"))));
                }
            }
            for (CSVRecord rec : p) {
                Map<String, String> m = new HashMap<>();
                headerOf.forEach((field, header) -> m.put(field, rec.isSet(header) ? rec.get(header) : null));
                out.add(m);
            }
        }
        return out;
    }

    /** The first sheet of a workbook, its first row the header (cells read as shown, numbers without grouping). */
    private List<Map<String, String>> xlsxRecords(Path file, Map<String, String> mapping) throws IOException {
        List<Map<String, String>> out = new ArrayList<>();
        try (var wb = org.apache.poi.ss.usermodel.WorkbookFactory.create(file.toFile(), null, true)) {
            var sheet = wb.getSheetAt(0);
            var fmt = new org.apache.poi.ss.usermodel.DataFormatter(java.util.Locale.ROOT);
            List<String> headers = new ArrayList<>();
            var first = sheet.getRow(sheet.getFirstRowNum());
            if (first == null) {
                return out;
            }
            for (int c = 0; c < first.getLastCellNum(); c++) {
                headers.add(first.getCell(c) == null ? "" : fmt.formatCellValue(first.getCell(c)).trim());
            }
            Map<String, String> headerOf = resolveHeaders(headers, mapping);
            for (String req : List.of("lon", "lat", "number", "street")) {
                if (!headerOf.containsKey(req)) {
                    throw ApiException.unprocessable(Messages.of("geocode.noColumn", req, String.join(",", headers)),
                            List.of(new FieldError(1, req, Messages.of("geocode.missingColumn"))));
                }
            }
            for (int r = sheet.getFirstRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                var row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                Map<String, String> m = new HashMap<>();
                headerOf.forEach((field, header) -> {
                    var cell = row.getCell(headers.indexOf(header));
                    String v = cell == null ? null : fmt.formatCellValue(cell);
                    if (cell != null && cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                            && (field.equals("lon") || field.equals("lat"))) {
                        v = Double.toString(cell.getNumericCellValue()); // full precision, not the displayed format
                    }
                    m.put(field, v);
                });
                out.add(m);
            }
        }
        return out;
    }

    private static Map<String, String> resolveHeaders(List<String> headers, Map<String, String> mapping) {
        Map<String, String> out = new HashMap<>();
        Map<String, String> lower = new HashMap<>();
        for (String h : headers) {
            lower.put(h.trim().toLowerCase(Locale.ROOT).replace("\uFEFF", ""), h);
        }
        for (var e : ALIASES.entrySet()) {
            String mapped = mapping == null ? null : mapping.get(e.getKey());
            if (mapped != null && headers.contains(mapped)) {
                out.put(e.getKey(), mapped);
                continue;
            }
            for (String alias : e.getValue()) {
                if (lower.containsKey(alias)) {
                    out.put(e.getKey(), lower.get(alias));
                    break;
                }
            }
        }
        return out;
    }

    private List<Map<String, String>> geoJsonRecords(String text) throws IOException {
        JsonNode root = mapper.readTree(text);
        List<Map<String, String>> out = new ArrayList<>();
        for (JsonNode f : root.path("features")) {
            Map<String, String> m = new HashMap<>();
            JsonNode props = f.path("properties");
            for (var e : ALIASES.entrySet()) {
                for (String alias : e.getValue()) {
                    var it = props.fieldNames();
                    while (it.hasNext()) {
                        String k = it.next();
                        if (k.equalsIgnoreCase(alias) && !props.get(k).isNull()) {
                            m.putIfAbsent(e.getKey(), props.get(k).asText());
                        }
                    }
                }
            }
            JsonNode c = f.path("geometry").path("coordinates");
            if (c.isArray() && c.size() >= 2) {
                m.put("lon", c.get(0).asText());
                m.put("lat", c.get(1).asText());
            }
            out.add(m);
        }
        return out;
    }

    static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString().replace("\uFEFF", "");
        } catch (CharacterCodingException e) {
            return new String(bytes, Charset.forName("GBK"));
        }
    }

    private static Double number(String s, int row, String field, List<FieldError> errors) {
        if (s == null || s.isBlank()) {
            errors.add(new FieldError(row, field, Messages.of("common.required")));
            return null;
        }
        try {
            double d = Double.parseDouble(s.trim());
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            errors.add(new FieldError(row, field, Messages.of("import.notNumber", s)));
            return null;
        }
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
