package com.patrolplanner.coverage;

import com.patrolplanner.i18n.Messages;
import com.patrolplanner.time.BureauClock;
import com.patrolplanner.web.ApiException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** The parameters every coverage question shares: a period [from, to) and an optional view box. */
public record CoverageQuery(OffsetDateTime from, OffsetDateTime to, double[] bbox) {
    /** Without a period: the last 182 days (a half year), ending today. */
    public static final int DEFAULT_DAYS = 182;
    /** Venues the bureau is expected to visit; revoked and closed ones are no longer in the denominator. */
    public static final String ACTIVE_STATUSES = "{open,suspended,unlicensed}";

    /** What a hex or heat map shows. */
    public enum Metric {
        COVERAGE, VENUES, VENUES_INSPECTED, INSPECTIONS, VIOLATIONS, OFFICER_VISITS, GAP;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Metric parse(String s, Metric dflt) {
            if (s == null || s.isBlank()) {
                return dflt;
            }
            for (Metric m : values()) {
                if (m.code().equalsIgnoreCase(s.trim()) || m.code().replace("_", "").equalsIgnoreCase(s.trim())) {
                    return m;
                }
            }
            throw ApiException.badRequest("metric", Messages.of("coverage.metric"));
        }
    }

    public static CoverageQuery of(String from, String to, String bbox) {
        OffsetDateTime t = date("to", to, true);
        OffsetDateTime f = date("from", from, false);
        if (t == null) {
            t = BureauClock.today().plusDays(1).atStartOfDay(BureauClock.ZONE).toOffsetDateTime();
        }
        if (f == null) {
            f = t.minusDays(DEFAULT_DAYS);
        }
        if (!f.isBefore(t)) {
            throw ApiException.badRequest("from", Messages.of("common.fromBeforeTo"));
        }
        return new CoverageQuery(f, t, bbox(bbox));
    }

    /** A date (read in {@link BureauClock#ZONE}; as an end the day is included) or an ISO timestamp with offset. */
    public static OffsetDateTime date(String field, String s, boolean end) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            if (s.trim().length() <= 10) {
                LocalDate d = LocalDate.parse(s.trim());
                return (end ? d.plusDays(1) : d).atStartOfDay(BureauClock.ZONE).toOffsetDateTime();
            }
            return OffsetDateTime.parse(s.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(field, Messages.of("common.dateOrTimestamp", "2025-01-31"));
        }
    }

    /** {@code minLon,minLat,maxLon,maxLat} in WGS-84, or null for everything. */
    public static double[] bbox(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String[] parts = s.split(",");
        if (parts.length != 4) {
            throw ApiException.badRequest("bbox", Messages.of("common.bboxShape"));
        }
        double[] b = new double[4];
        try {
            for (int i = 0; i < 4; i++) {
                b[i] = Double.parseDouble(parts[i].trim());
            }
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("bbox", Messages.of("common.bboxFour"));
        }
        if (b[0] < -180 || b[2] > 180 || b[1] < -90 || b[3] > 90 || b[0] >= b[2] || b[1] >= b[3]) {
            throw ApiException.badRequest("bbox", Messages.of("coverage.bboxRange"));
        }
        return b;
    }

    /** The box as SQL bounds; the whole world when no box was given. */
    double[] bounds() {
        return bbox == null ? new double[] {-180, -90, 180, 90} : bbox;
    }
}
