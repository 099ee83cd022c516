package com.patrolplanner.compliance;

import com.patrolplanner.i18n.Messages;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes violations one at a time to a stream, so that a national scan never holds its rows in memory: GeoJSON through
 * Jackson's streaming generator, CSV (UTF-8 with BOM, so that Excel reads the Chinese right), XLSX through POI's SXSSF
 * (100 rows in memory, the rest flushed to a temporary file until the workbook is written).
 */
abstract class ViolationWriter implements AutoCloseable {
    enum Format {
        GEOJSON("application/geo+json", "geojson"), CSV("text/csv; charset=UTF-8", "csv"),
        XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

        final String mediaType;
        final String extension;

        Format(String mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }

        static Format parse(String s) {
            if (s == null || s.isBlank()) {
                return GEOJSON;
            }
            for (Format f : values()) {
                if (f.extension.equalsIgnoreCase(s.trim()) || f.name().equalsIgnoreCase(s.trim())) {
                    return f;
                }
            }
            throw new IllegalArgumentException(Messages.of("compliance.format", s));
        }
    }

    private static final JsonFactory JSON = new JsonFactory();

    static ViolationWriter open(Format f, OutputStream out) throws IOException {
        return switch (f) {
            case GEOJSON -> new GeoJsonWriter(out);
            case CSV -> new CsvWriter(out);
            case XLSX -> new XlsxWriter(out);
        };
    }

    abstract void write(Violation v) throws IOException;

    /** Finishes the document. */
    @Override
    public abstract void close() throws IOException;

    static final class GeoJsonWriter extends ViolationWriter {
        private final JsonGenerator g;

        GeoJsonWriter(OutputStream out) throws IOException {
            g = JSON.createGenerator(out, JsonEncoding.UTF8);
            g.writeStartObject();
            g.writeStringField("type", "FeatureCollection");
            g.writeArrayFieldStart("features");
        }

        @Override
        void write(Violation v) throws IOException {
            g.writeStartObject();
            g.writeStringField("type", "Feature");
            g.writeObjectFieldStart("geometry");
            g.writeStringField("type", "Point");
            g.writeArrayFieldStart("coordinates");
            g.writeNumber(round7(v.lon()));
            g.writeNumber(round7(v.lat()));
            g.writeEndArray();
            g.writeEndObject();
            g.writeObjectFieldStart("properties");
            g.writeNumberField("venueId", v.venueId());
            g.writeStringField("venueName", v.venueName());
            g.writeStringField("licenceNo", v.licenceNo());
            g.writeStringField("category", v.category());
            g.writeStringField("venueStatus", v.venueStatus());
            g.writeStringField("address", v.address());
            g.writeStringField("district", v.districtCode());
            g.writeNumberField("schoolId", v.schoolId());
            g.writeStringField("schoolName", v.schoolName());
            g.writeStringField("schoolLevel", v.schoolLevel());
            g.writeNumberField("distance_m", v.distanceM());
            g.writeBooleanField("approximate", v.approximate());
            g.writeStringField("rule", v.ruleCode());
            g.writeNumberField("ruleDistanceM", v.ruleDistanceM());
            g.writeStringField("jurisdiction", v.jurisdiction());
            g.writeStringField("legalBasis", v.legalBasis());
            g.writeEndObject();
            g.writeEndObject();
        }

        @Override
        public void close() throws IOException {
            g.writeEndArray();
            g.writeEndObject();
            g.close();
        }

        private static double round7(double d) {
            return Math.round(d * 1e7) / 1e7;
        }
    }

    static final class CsvWriter extends ViolationWriter {
        private final CSVPrinter csv;

        CsvWriter(OutputStream out) throws IOException {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write('\uFEFF');
            csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(Violation.COLUMNS).get());
        }

        @Override
        void write(Violation v) throws IOException {
            csv.printRecord(com.patrolplanner.web.CsvCells.row(v.values()));
        }

        @Override
        public void close() throws IOException {
            csv.close(true);
        }
    }

    static final class XlsxWriter extends ViolationWriter {
        private final OutputStream out;
        private final SXSSFWorkbook wb = new SXSSFWorkbook(100);
        private final SXSSFSheet sheet;
        private int rowNo;

        XlsxWriter(OutputStream out) {
            this.out = out;
            sheet = wb.createSheet("违规场所 violations");
            Row header = sheet.createRow(rowNo++);
            for (int i = 0; i < Violation.COLUMNS.length; i++) {
                header.createCell(i).setCellValue(Violation.COLUMNS[i]);
            }
        }

        @Override
        void write(Violation v) {
            Row row = sheet.createRow(rowNo++);
            Object[] vals = v.values();
            for (int i = 0; i < vals.length; i++) {
                Cell c = row.createCell(i);
                Object o = vals[i];
                if (o instanceof Number n) {
                    c.setCellValue(n.doubleValue());
                } else if (o instanceof Boolean b) {
                    c.setCellValue(b);
                } else if (o != null) {
                    c.setCellValue(o.toString());
                }
            }
        }

        @Override
        public void close() throws IOException {
            try {
                wb.write(out);
                out.flush();
            } finally {
                wb.dispose(); // the temporary sheet files
                wb.close();
            }
        }
    }
}
