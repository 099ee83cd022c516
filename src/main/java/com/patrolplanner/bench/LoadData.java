package com.patrolplanner.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.patrolplanner.geo.Datum;
import com.patrolplanner.geo.DatumTransform;
import com.patrolplanner.geo.GeoJson;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.File;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.locationtech.jts.geom.Geometry;

/**
 * The load benchmark's data: 奎文区 (370705) with the demo registers scaled ×100 — 22,500 venues, 8,000 schools and a
 * half year (2026-01-01 … 2026-06-30) of inspections at each category's usual rhythm. Written once into the bench
 * database by plain SQL (a registry write per row would take an hour), every row {@code synthetic = true} and named
 * {@code LOAD-…}; pseudo-random values come from md5 of the row number, so every run builds the same data.
 */
@ApplicationScoped
public class LoadData {
    static final String DISTRICT = "370705";
    static final int VENUES = 22_500;
    static final int SCHOOLS = 8_000;
    static final String BOUNDARIES = "/work/shared/data/boundaries/370700_full.json";
    static final String FROM = "2026-01-01";
    static final String TO = "2026-06-30";

    @Inject
    AgroalDataSource ds;

    /** Deterministic pseudo-random in [0, 1) from a text key (SQL expression). */
    private static String rnd(String key) {
        return "(('x' || substr(md5(" + key + "), 1, 8))::bit(32)::bigint::float8 / 4294967296.0)";
    }

    /** Ensures the data; returns the district's bounding box {minLon, minLat, maxLon, maxLat}. */
    public double[] ensure(PrintStream out) throws Exception {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(true);
            if (count(c, "SELECT count(*) FROM district WHERE adcode = '" + DISTRICT + "'") == 0) {
                loadDistrict(c, out);
            }
            if (count(c, "SELECT count(*) FROM venue WHERE synthetic AND licence_no LIKE 'LOAD-%'") < VENUES) {
                long t = System.nanoTime();
                exec(c, "DELETE FROM inspection WHERE created_by = 'bench-load'");
                exec(c, "DELETE FROM venue WHERE synthetic AND licence_no LIKE 'LOAD-%'");
                exec(c, """
                        INSERT INTO venue (licence_no, name, category, address, geom, source_datum, capacity, status,
                            complaint_count, district_code, synthetic, notes)
                        SELECT 'LOAD-' || lpad(n::text, 6, '0'), '负载测试场所' || n,
                            CASE WHEN r < 0.15 THEN 'internet_cafe' WHEN r < 0.25 THEN 'song_dance'
                                 WHEN r < 0.30 THEN 'game_arcade' WHEN r < 0.60 THEN 'publication'
                                 WHEN r < 0.85 THEN 'hotel' WHEN r < 0.88 THEN 'satellite_equipment'
                                 WHEN r < 0.95 THEN 'printing' WHEN r < 0.97 THEN 'performance' ELSE 'other' END,
                            '潍坊市奎文区负载路' || n || '号', geom, 'WGS84', 20 + (r * 200)::int, 'open',
                            CASE WHEN r2 < 0.1 THEN 1 + (r2 * 30)::int ELSE 0 END, '%s', true, 'synthetic: bench load'
                        FROM (SELECT n, geom, %s AS r, %s AS r2
                              FROM (SELECT row_number() OVER () AS n, d.geom
                                    FROM district, LATERAL ST_Dump(ST_GeneratePoints(district.geom, %d, 42)) d
                                    WHERE adcode = '%s') p) q
                        """.formatted(DISTRICT, rnd("'v' || n"), rnd("'c' || n"), VENUES, DISTRICT));
                out.printf("generated %d venues (%.1f s)%n", VENUES, (System.nanoTime() - t) / 1e9);
            }
            if (count(c, "SELECT count(*) FROM school WHERE synthetic AND name LIKE 'LOAD-%'") < SCHOOLS) {
                exec(c, "DELETE FROM school WHERE synthetic AND name LIKE 'LOAD-%'");
                // a third with a campus polygon (≈ 80 m around the point), the rest points only
                exec(c, """
                        INSERT INTO school (name, level, address, geom, campus, source_datum, district_code, synthetic)
                        SELECT 'LOAD-学校' || n, (ARRAY['kindergarten','primary','junior','senior','nine_year'])[1 + (r * 5)::int %% 5],
                            '潍坊市奎文区负载街' || n || '号', geom,
                            CASE WHEN n %% 3 = 0 THEN ST_Multi(ST_Buffer(geom::geography, 80, 8)::geometry) END,
                            'WGS84', '%s', true
                        FROM (SELECT n, geom, %s AS r
                              FROM (SELECT row_number() OVER () AS n, d.geom
                                    FROM district, LATERAL ST_Dump(ST_GeneratePoints(district.geom, %d, 43)) d
                                    WHERE adcode = '%s') p) q
                        """.formatted(DISTRICT, rnd("'s' || n"), SCHOOLS, DISTRICT));
                out.printf("generated %d schools%n", SCHOOLS);
            }
            if (count(c, "SELECT count(*) FROM inspection WHERE created_by = 'bench-load'") == 0) {
                long t = System.nanoTime();
                // visits per half year as DemoInspections: cafés ≈ 8, KTV 6, publication 6, hotels 3, others 2
                exec(c, """
                        INSERT INTO inspection (venue_id, inspected_at, outcome, violations, violation_count, officer_count,
                            geom, category, district_code, synthetic, created_by, created_at, updated_at)
                        SELECT id, at, CASE WHEN r < 0.08 THEN 'violation' ELSE 'compliant' END,
                            CASE WHEN r < 0.08 THEN ARRAY['other'] ELSE '{}'::text[] END, CASE WHEN r < 0.08 THEN 1 ELSE 0 END,
                            2, geom, category, district_code, true, 'bench-load', at, at
                        FROM (SELECT v.id, v.geom, v.category, v.district_code,
                                  timestamptz '%s 00:00+08' + %s * interval '181 days' AS at, %s AS r
                              FROM venue v
                              CROSS JOIN LATERAL generate_series(1, CASE v.category WHEN 'internet_cafe' THEN 8
                                  WHEN 'song_dance' THEN 6 WHEN 'publication' THEN 6 WHEN 'game_arcade' THEN 5
                                  WHEN 'hotel' THEN 3 ELSE 2 END) k
                              WHERE v.synthetic AND v.licence_no LIKE 'LOAD-%%') q
                        """.formatted(FROM, rnd("v.licence_no || '@' || k"), rnd("v.licence_no || '#' || k")));
                out.printf("generated %d inspections (%.1f s)%n",
                        count(c, "SELECT count(*) FROM inspection WHERE created_by = 'bench-load'"), (System.nanoTime() - t) / 1e9);
                exec(c, "ANALYZE venue; ANALYZE school; ANALYZE inspection");
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT ST_XMin(geom), ST_YMin(geom), ST_XMax(geom), ST_YMax(geom) FROM district WHERE adcode = '"
                            + DISTRICT + "'")) {
                rs.next();
                return new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)};
            }
        }
    }

    /** Counts of what the benchmark reads, for the report. */
    public String summary() throws Exception {
        try (Connection c = ds.getConnection()) {
            return String.format("%d venues, %d schools, %d inspections in the bench database (%d / %d / %d synthetic LOAD rows)",
                    count(c, "SELECT count(*) FROM venue"), count(c, "SELECT count(*) FROM school"),
                    count(c, "SELECT count(*) FROM inspection"),
                    count(c, "SELECT count(*) FROM venue WHERE licence_no LIKE 'LOAD-%'"),
                    count(c, "SELECT count(*) FROM school WHERE name LIKE 'LOAD-%'"),
                    count(c, "SELECT count(*) FROM inspection WHERE created_by = 'bench-load'"));
        }
    }

    /** The real outline, published in GCJ-02 (Amap's district service), converted to WGS-84 on the way in. */
    private void loadDistrict(Connection c, PrintStream out) throws Exception {
        JsonNode doc = new ObjectMapper().readTree(new File(BOUNDARIES));
        for (JsonNode f : doc.get("features")) {
            if (!DISTRICT.equals(f.get("properties").get("adcode").asText())) {
                continue;
            }
            Geometry g = DatumTransform.toWgs84(GeoJson.parse(f.get("geometry"), "geometry"), Datum.GCJ02);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO district (adcode, name, level, parent_code, geom, "
                    + "source_datum, attribution) VALUES (?, ?, 'district', '370700', "
                    + "ST_SetSRID(ST_Multi(ST_GeomFromGeoJSON(?)), 4326), 'GCJ02', ?)")) {
                ps.setString(1, DISTRICT);
                ps.setString(2, f.get("properties").get("name").asText());
                ps.setString(3, GeoJson.write(g));
                ps.setString(4, "boundary: " + BOUNDARIES + " (GCJ-02, converted to WGS-84)");
                ps.executeUpdate();
            }
            out.println("loaded district " + DISTRICT + " " + f.get("properties").get("name").asText());
            return;
        }
        throw new IllegalStateException("no feature " + DISTRICT + " in " + BOUNDARIES);
    }

    private static long count(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void exec(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /**
     * CPU time (ns) the PostgreSQL backends serving this database have used so far, read from {@code /proc} (the bench
     * and the database share the machine: loopback only); -1 when it cannot be read. Connections that close between two
     * readings take their time with them, so it is a lower bound (the pool keeps its connections during a run).
     */
    public long backendCpuNanos() {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT pid FROM pg_stat_activity WHERE datname = current_database()")) {
            long ticks = 0;
            while (rs.next()) {
                java.nio.file.Path stat = java.nio.file.Path.of("/proc", Integer.toString(rs.getInt(1)), "stat");
                if (!java.nio.file.Files.isReadable(stat)) {
                    continue;
                }
                String line = java.nio.file.Files.readString(stat);
                String[] f = line.substring(line.lastIndexOf(')') + 2).split(" ");
                ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14 and 15)
            }
            return ticks * 10_000_000L; // USER_HZ = 100 on Linux
        } catch (Exception e) {
            return -1;
        }
    }
}
