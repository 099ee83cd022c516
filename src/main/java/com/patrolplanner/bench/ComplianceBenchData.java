package com.patrolplanner.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Random;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * A reproducible national-scale synthetic register for the compliance benchmark: venues and schools over a coarse
 * outline of mainland China, clustered in cities (Zipf-sized, most of them east of the Hu line 胡焕庸线, as the
 * population is), loaded with COPY. Rows are tagged ({@code BC-} licence numbers, {@code BC-S-} school names) so that a
 * regeneration removes only them. Venues inside a box around Shandong get district code 370100, so the province rules
 * are exercised; the rest have none (national rules only).
 */
final class ComplianceBenchData {
    static final String VENUE_TAG = "BC-";
    static final String SCHOOL_TAG = "BC-S-";

    /** Mainland China, coarse (about 60 vertices, lon lat): land area for sampling, not a boundary of record. */
    private static final double[] OUTLINE = {
        73.6, 39.4, 74.9, 40.5, 76.8, 41.0, 80.2, 42.1, 80.8, 43.2, 82.6, 45.2, 85.5, 47.0, 87.3, 49.1, 90.0, 47.9,
        90.9, 46.0, 93.5, 44.9, 95.3, 44.3, 96.4, 42.8, 100.8, 42.6, 105.0, 41.6, 107.0, 42.4, 110.4, 42.7, 111.9, 43.7,
        114.5, 44.9, 116.7, 46.4, 119.9, 46.7, 117.8, 47.6, 117.4, 49.5, 119.5, 50.3, 120.8, 53.3, 123.6, 53.5, 126.0, 52.8,
        127.5, 49.8, 130.6, 48.9, 134.7, 48.3, 133.1, 45.1, 131.0, 42.9, 128.0, 41.9, 124.4, 40.0, 121.8, 39.0, 121.6, 40.8,
        119.4, 39.6, 118.0, 39.0, 118.9, 37.7, 120.7, 37.8, 122.5, 37.4, 120.3, 36.0, 119.2, 34.8, 120.9, 32.6, 121.9, 31.0,
        121.9, 29.9, 120.6, 27.9, 119.5, 25.5, 117.0, 23.5, 114.2, 22.3, 110.5, 21.2, 108.0, 21.6, 106.7, 22.8, 105.5, 23.2,
        103.9, 22.5, 101.8, 21.2, 99.3, 22.1, 97.5, 24.0, 98.7, 27.5, 97.3, 28.2, 92.0, 27.8, 88.8, 27.3, 86.0, 27.9,
        82.0, 30.1, 79.0, 31.0, 78.9, 33.5, 78.0, 35.3, 75.5, 36.6, 74.6, 37.3, 73.6, 39.4};

    private static final String[] CATEGORIES = {"internet_cafe", "song_dance", "game_arcade", "publication", "hotel",
        "printing", "performance", "satellite_equipment", "other"};
    private static final double[] CATEGORY_SHARE = {0.20, 0.12, 0.06, 0.25, 0.25, 0.05, 0.02, 0.02, 0.03};
    private static final String[] STATUSES = {"open", "suspended", "unlicensed", "closed", "revoked"};
    private static final double[] STATUS_SHARE = {0.90, 0.04, 0.03, 0.02, 0.01};
    private static final String[] LEVELS = {"primary", "junior", "senior", "nine_year", "twelve_year", "kindergarten",
        "vocational"};
    private static final double[] LEVEL_SHARE = {0.55, 0.20, 0.07, 0.08, 0.02, 0.05, 0.03};
    private static final double M_PER_DEG = 111_320;

    private final Random rnd;
    private final PreparedGeometry land;
    private final double[][] cities; // lon, lat, sigma metres
    private final double[] cumulative;

    ComplianceBenchData(long seed, int cityCount) {
        rnd = new Random(seed);
        GeometryFactory gf = new GeometryFactory();
        Coordinate[] cs = new Coordinate[OUTLINE.length / 2];
        for (int i = 0; i < cs.length; i++) {
            cs[i] = new Coordinate(OUTLINE[2 * i], OUTLINE[2 * i + 1]);
        }
        Polygon p = gf.createPolygon(cs);
        land = PreparedGeometryFactory.prepare(p);
        cities = new double[cityCount][];
        cumulative = new double[cityCount];
        double total = 0;
        double wMax = 1;
        for (int i = 0; i < cityCount; i++) {
            double[] at;
            do {
                at = uniformLand();
            } while (!eastOfHuLine(at[0], at[1]) && rnd.nextDouble() > 0.12);
            double w = Math.pow(i + 1, -0.6); // Zipf-like city sizes: the largest holds about 2 % of everything
            cities[i] = new double[] {at[0], at[1], 3000 + 12000 * Math.sqrt(w / wMax)};
            total += w;
            cumulative[i] = total;
        }
        for (int i = 0; i < cityCount; i++) {
            cumulative[i] /= total;
        }
    }

    /** The Hu line from Heihe (127.5 E, 50.2 N) to Tengchong (98.5 E, 25.0 N): 94 % of the people live east of it. */
    private static boolean eastOfHuLine(double lon, double lat) {
        return (127.5 - 98.5) * (lat - 25.0) - (50.2 - 25.0) * (lon - 98.5) < 0;
    }

    private double[] uniformLand() {
        while (true) {
            double lon = 73.5 + rnd.nextDouble() * (135.0 - 73.5);
            double lat = 18.0 + rnd.nextDouble() * (53.6 - 18.0);
            if (land.contains(new GeometryFactory().createPoint(new Coordinate(lon, lat)))) {
                return new double[] {lon, lat};
            }
        }
    }

    private double[] place(double urbanShare) {
        if (rnd.nextDouble() >= urbanShare) {
            return uniformLand();
        }
        double u = rnd.nextDouble();
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] < u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        double[] c = cities[lo];
        double dy = rnd.nextGaussian() * c[2];
        double dx = rnd.nextGaussian() * c[2];
        double lat = c[1] + dy / M_PER_DEG;
        return new double[] {c[0] + dx / (M_PER_DEG * Math.cos(Math.toRadians(lat))), lat};
    }

    private String pick(String[] values, double[] shares) {
        double u = rnd.nextDouble();
        for (int i = 0; i < values.length; i++) {
            u -= shares[i];
            if (u < 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }

    private static String district(double lon, double lat) {
        return lon >= 114.8 && lon <= 122.7 && lat >= 34.4 && lat <= 38.4 ? "370100" : "\\N";
    }

    long copyVenues(Connection c, int n) throws SQLException, IOException {
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        StringBuilder b = new StringBuilder(1 << 20);
        long rows = 0;
        for (int i = 0; i < n; i++) {
            double[] p = place(0.92);
            b.append(VENUE_TAG).append(i).append('\t').append("场所").append(i).append('\t')
                    .append(pick(CATEGORIES, CATEGORY_SHARE)).append('\t').append("bench").append('\t')
                    .append(String.format(Locale.ROOT, "SRID=4326;POINT(%.7f %.7f)", p[0], p[1])).append('\t')
                    .append(pick(STATUSES, STATUS_SHARE)).append('\t').append(district(p[0], p[1])).append("\tt\n");
            if (b.length() > (1 << 20) || i == n - 1) {
                rows += copy.copyIn("COPY venue (licence_no, name, category, address, geom, status, district_code, synthetic) "
                        + "FROM STDIN", reader(b));
                b.setLength(0);
            }
        }
        return rows;
    }

    long copySchools(Connection c, int n) throws SQLException, IOException {
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        StringBuilder b = new StringBuilder(1 << 20);
        long rows = 0;
        for (int i = 0; i < n; i++) {
            double[] p = place(0.75);
            String level = pick(LEVELS, LEVEL_SHARE);
            double u = rnd.nextDouble();
            String campus;
            if (u < 0.05) {
                campus = "\\N"; // no boundary known: approximate verdicts
            } else {
                StringBuilder m = new StringBuilder("SRID=4326;MULTIPOLYGON(");
                rect(m, p[0], p[1]);
                if (u > 0.97) { // a second site (sports ground, branch campus) a few hundred metres away
                    double a = rnd.nextDouble() * 2 * Math.PI;
                    double d = 250 + rnd.nextDouble() * 150;
                    double lat2 = p[1] + d * Math.cos(a) / M_PER_DEG;
                    double lon2 = p[0] + d * Math.sin(a) / (M_PER_DEG * Math.cos(Math.toRadians(p[1])));
                    m.append(',');
                    rect(m, lon2, lat2);
                }
                campus = m.append(')').toString();
            }
            b.append(SCHOOL_TAG).append(i).append('\t').append(level).append('\t').append("bench").append('\t')
                    .append(String.format(Locale.ROOT, "SRID=4326;POINT(%.7f %.7f)", p[0], p[1])).append('\t')
                    .append(campus).append('\t').append(district(p[0], p[1])).append("\tt\n");
            if (b.length() > (1 << 20) || i == n - 1) {
                rows += copy.copyIn("COPY school (name, level, address, geom, campus, district_code, synthetic) FROM STDIN",
                        reader(b));
                b.setLength(0);
            }
        }
        return rows;
    }

    /** A rotated rectangle of 100–400 m sides centred on lon/lat, as one polygon of a MULTIPOLYGON text. */
    private void rect(StringBuilder m, double lon, double lat) {
        double w = 50 + rnd.nextDouble() * 150;
        double h = 50 + rnd.nextDouble() * 150;
        double t = rnd.nextDouble() * Math.PI;
        double[][] corners = {{-w, -h}, {w, -h}, {w, h}, {-w, h}, {-w, -h}};
        double k = M_PER_DEG * Math.cos(Math.toRadians(lat));
        m.append("((");
        for (int i = 0; i < corners.length; i++) {
            double x = corners[i][0] * Math.cos(t) - corners[i][1] * Math.sin(t);
            double y = corners[i][0] * Math.sin(t) + corners[i][1] * Math.cos(t);
            if (i > 0) {
                m.append(',');
            }
            m.append(String.format(Locale.ROOT, "%.7f %.7f", lon + x / k, lat + y / M_PER_DEG));
        }
        m.append("))");
    }

    private static Reader reader(StringBuilder b) {
        return new StringReader(b.toString());
    }
}
