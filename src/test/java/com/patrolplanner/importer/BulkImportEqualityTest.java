package com.patrolplanner.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.patrolplanner.audit.AuditService;
import com.patrolplanner.geo.Datum;
import com.patrolplanner.registry.RegistryService;
import com.patrolplanner.registry.SchoolInput;
import com.patrolplanner.registry.VenueInput;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The set-based venue import ({@code registry.VenueBulk}, what a file upload takes) against the row-by-row semantics
 * ({@code RegistryService.upsertVenue}, what the import did before): the same rows, once through each, under two name
 * prefixes (甲: the file, 乙: row by row), must leave equal registers, equal field-level history, equal audit records
 * and equal verdicts, all read back by SQL; the café next to the school must have its verdict (and lose it when moved),
 * positions are converted from GCJ-02 as {@link Datum} converts them, and the same file again writes nothing.
 */
@QuarkusTest
class BulkImportEqualityTest {
    @Inject
    ImportService imports;
    @Inject
    RegistryService registry;
    @Inject
    AuditService audit;
    @Inject
    DataSource db;

    /** One register row: key i, licensed or not, category, address, GCJ-02 position (or none), hours, capacity, notes, synthetic. */
    record Spec(int i, boolean licensed, String category, String address, Double lon, Double lat, String hours,
            Integer capacity, String notes, boolean synthetic) {
    }

    private static final String FILE = "equality.csv";
    private static final String REASON = "import " + FILE;

    @Test
    void bulkImportEqualsRowByRowUpsertInRegisterHistoryAuditAndVerdicts() throws Exception {
        String n = Long.toString(System.nanoTime() % 100_000_000L, 36);
        // a primary school of our own, and positions around it (GCJ-02 in the file: the school's WGS-84 point shifted back)
        double sx = 119.1405;
        double sy = 36.7052;
        long school = QuarkusTransaction.requiringNew().call(() -> registry.createSchool(new SchoolInput("批量比对小学-" + n,
                "primary", "批量比对路1号-" + n, sx, sy, null, "WGS84", null), "planner").id);
        double[] near = Datum.GCJ02.fromWgs84(sx + 0.0008, sy); // about 70 m east
        double[] far = Datum.GCJ02.fromWgs84(sx + 0.03, sy + 0.02);
        double[] near2 = Datum.GCJ02.fromWgs84(sx, sy + 0.0009); // about 100 m north
        List<Spec> first = List.of(
                new Spec(1, true, "网吧", "批量路1号", near[0], near[1], "09:00-23:00", 100, null, false),
                new Spec(2, true, "歌舞娱乐", "批量路2号", far[0], far[1], null, 12, "二楼", false),
                new Spec(3, true, "网吧", "批量路3号", null, null, null, null, null, false),
                new Spec(4, true, "online", null, null, null, null, null, null, false),
                new Spec(5, false, "出版物", "批量路5号", far[0] + 0.001, far[1], null, 3, null, false),
                new Spec(6, false, "other", null, null, null, null, null, null, false),
                new Spec(7, true, "网吧", "批量路7号", far[0], far[1] + 0.001, null, null, null, true));
        List<Spec> second = List.of(
                new Spec(1, true, "网吧", "批量路1号", far[0] + 0.002, far[1], "10:00-22:00", 100, null, false), // moved away
                new Spec(2, true, "歌舞娱乐", "批量路2号", far[0], far[1], null, 12, "二楼", false), // unchanged
                new Spec(3, true, "网吧", "批量路3号", near2[0], near2[1], null, null, null, false), // placed by the school
                new Spec(4, true, "online", null, null, null, null, null, null, false), // unchanged
                new Spec(5, false, "出版物", "批量路5号", far[0] + 0.001, far[1], null, 4, null, false), // capacity
                new Spec(6, false, "other", null, null, null, null, null, "补充备注", false), // notes
                new Spec(7, true, "网吧", "批量路7号", null, null, null, null, null, false), // keeps its pin; no longer synthetic
                new Spec(8, true, "宾馆酒店", "批量路8号", far[0], far[1] - 0.001, null, 40, null, false)); // new

        Map<String, Object> s1 = bulk(n, first);
        rowByRow(n, first);
        assertEquals(List.of(7L, 0L, 0L), counts(s1));
        assertEqualSides(n);
        // ground truth: the café 70 m from the school has its verdict, the others none; positions converted from GCJ-02
        assertEquals(List.of("1"), keysWithVerdictFor(n, "甲", school));
        double[] w = Datum.GCJ02.toWgs84(near[0], near[1]);
        String[] stored = rows("SELECT ST_X(geom) || ' ' || ST_Y(geom) FROM venue WHERE name = ?", "甲-" + n + "-1").get(0).split(" ");
        assertEquals(w[0], Double.parseDouble(stored[0]), 2e-7);
        assertEquals(w[1], Double.parseDouble(stored[1]), 2e-7);

        Map<String, Object> s2 = bulk(n, second);
        rowByRow(n, second);
        assertEquals(List.of(1L, 5L, 2L), counts(s2));
        assertEqualSides(n);
        assertEquals(List.of("3"), keysWithVerdictFor(n, "甲", school));
        // one write per changed venue: its version went up once (row by row, Hibernate's auto-flush before the district
        // look-up of a moved venue writes it twice, so versions are not compared between the two sides)
        assertEquals(List.of("1 | 1", "2 | 0", "3 | 1", "4 | 0", "5 | 1", "6 | 1", "7 | 1", "8 | 0"),
                rows("SELECT split_part(name, '-', 3), version FROM venue WHERE name LIKE ? ORDER BY 1", "甲-" + n + "-%"));
        assertEquals(position(n, "乙", 7), position(n, "甲", 7), "a row without a position keeps the pin");
        assertFalse(position(n, "甲", 7).isEmpty());

        long history = count("SELECT count(*) FROM change_history h JOIN venue v ON h.entity_type = 'venue' "
                + "AND h.entity_id = v.id WHERE v.name LIKE ?", "甲-" + n + "-%");
        long audits = count("SELECT count(*) FROM audit_log a JOIN venue v ON a.entity_type = 'venue' "
                + "AND a.entity_id = v.id::text WHERE v.name LIKE ?", "甲-" + n + "-%");
        assertEquals(7 + 6, history, "one history row per created or changed venue");
        assertEquals(history, audits, "one audit record per history row");
        Map<String, Object> s3 = bulk(n, second);
        assertEquals(List.of(0L, 0L, 8L), counts(s3), "the same file again changes nothing");
        assertEquals(history, count("SELECT count(*) FROM change_history h JOIN venue v ON h.entity_type = 'venue' "
                + "AND h.entity_id = v.id WHERE v.name LIKE ?", "甲-" + n + "-%"), "and writes no history");
        AuditService.Verification v = audit.verify();
        assertTrue(v.intact(), "audit chain: " + v.reason() + " at " + v.firstBroken());
    }

    /**
     * A school import records its history and audit in one statement each and recomputes verdicts once for the file:
     * the café 60 m from the imported school has its verdict (ground truth: the distance by SQL), each school one
     * history row and one audit record, and the same file again writes nothing.
     */
    @Test
    void schoolImportRecordsHistoryAuditAndVerdictsForTheWholeFile() throws Exception {
        String n = Long.toString(System.nanoTime() % 100_000_000L, 36);
        double x = 119.1702;
        double y = 36.6903;
        String cafe = "BQC-" + n;
        Path v = Files.createTempFile("bulk-school-venue", ".csv");
        Path f = Files.createTempFile("bulk-school", ".csv");
        try {
            Files.writeString(v, "许可证号,场所名称,类别,地址,经度,纬度\n" + cafe + ",批量学校旁网吧-" + n + ",网吧,旁路1号,"
                    + (x + 0.0007) + "," + y + "\n");
            imports.run(new ImportHandler.Request("venues", v, "cafe.csv", Datum.WGS84, Map.of(), "planner"));
            String csv = "名称,学段,地址,经度,纬度\n批量学校甲-" + n + ",小学,批量学校路1号," + x + "," + y + "\n"
                    + "批量学校乙-" + n + ",初中,批量学校路2号," + (x + 0.05) + "," + (y + 0.05) + "\n";
            Files.writeString(f, csv);
            Map<String, Object> s = imports.run(new ImportHandler.Request("schools", f, "schools.csv", Datum.WGS84, Map.of(),
                    "planner")).asMap();
            assertEquals(List.of(2L, 0L, 0L), counts(s));
            String near = rows("SELECT s.id FROM school s WHERE s.name = ?", "批量学校甲-" + n).get(0);
            // ground truth: the café lies within 200 m of the first school
            assertTrue(Double.parseDouble(rows("SELECT ST_Distance(v.geom::geography, s.geom::geography) FROM venue v, school s "
                    + "WHERE v.licence_no = ? AND s.id = " + near, cafe).get(0)) < 200);
            assertEquals(List.of(near), rows("SELECT DISTINCT vv.school_id FROM venue_verdict vv JOIN venue v ON v.id = vv.venue_id "
                    + "WHERE v.licence_no = ? AND vv.school_id IN (SELECT id FROM school WHERE name LIKE '批量学校%-" + n + "')", cafe));
            String perSchool = "SELECT s.name || ' ' || (SELECT count(*) FROM change_history h WHERE h.entity_type = 'school' "
                    + "AND h.entity_id = s.id) || ' ' || (SELECT count(*) FROM audit_log a WHERE a.entity_type = 'school' "
                    + "AND a.entity_id = s.id::text AND a.action = 'import') FROM school s WHERE s.name LIKE ? ORDER BY s.name";
            List<String> once = List.of("批量学校乙-" + n + " 1 1", "批量学校甲-" + n + " 1 1");
            assertEquals(once.stream().sorted().toList(), rows(perSchool, "批量学校%-" + n).stream().sorted().toList());
            assertEquals(List.of(0L, 0L, 2L), counts(imports.run(new ImportHandler.Request("schools", f, "schools.csv",
                    Datum.WGS84, Map.of(), "planner")).asMap()));
            assertEquals(once.stream().sorted().toList(), rows(perSchool, "批量学校%-" + n).stream().sorted().toList(),
                    "the same file again writes nothing");
            assertTrue(audit.verify().intact());
        } finally {
            Files.deleteIfExists(v);
            Files.deleteIfExists(f);
        }
    }

    private Map<String, Object> bulk(String n, List<Spec> rows) throws Exception {
        StringBuilder csv = new StringBuilder("许可证号,场所名称,类别,地址,经度,纬度,营业时间,规模,备注,合成数据\n");
        for (Spec s : rows) {
            csv.append(s.licensed ? "甲L-" + n + "-" + s.i : "").append(',').append("甲-" + n + "-" + s.i).append(',')
                    .append(s.category).append(',').append(s.address == null ? "" : s.address).append(',')
                    .append(s.lon == null ? "" : Double.toString(s.lon)).append(',')
                    .append(s.lat == null ? "" : Double.toString(s.lat)).append(',')
                    .append(s.hours == null ? "" : s.hours).append(',')
                    .append(s.capacity == null ? "" : s.capacity.toString()).append(',')
                    .append(s.notes == null ? "" : s.notes).append(',').append(s.synthetic ? "是" : "否").append('\n');
        }
        Path f = Files.createTempFile("bulk-equality", ".csv");
        try {
            Files.writeString(f, csv, Charset.forName("GBK"));
            return imports.run(new ImportHandler.Request("venues", f, FILE, Datum.GCJ02, Map.of(), "planner")).asMap();
        } finally {
            Files.deleteIfExists(f);
        }
    }

    private void rowByRow(String n, List<Spec> rows) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (Spec s : rows) {
                registry.upsertVenue(new VenueInput(s.licensed ? "乙L-" + n + "-" + s.i : null, "乙-" + n + "-" + s.i,
                        s.category, s.address, s.lon, s.lat, "GCJ02", com.patrolplanner.registry.OpeningHours.parse(s.hours),
                        s.capacity, null, null, s.notes, null), s.synthetic, "planner", REASON);
            }
        });
    }

    private static List<Long> counts(Map<String, Object> summary) {
        return List.of(((Number) summary.get("imported")).longValue(), ((Number) summary.get("updated")).longValue(),
                ((Number) summary.get("unchanged")).longValue());
    }

    /** Register, history, audit and verdict rows of the 甲 venues equal those of the 乙 venues (names and licences aside). */
    private void assertEqualSides(String n) throws Exception {
        String key = "split_part(v.name, '-', 3)";
        String register = "SELECT " + key + ", v.category, v.address, round(ST_X(v.geom)::numeric, 7), "
                + "round(ST_Y(v.geom)::numeric, 7), v.source_datum, v.geocode_status, v.geocode_confidence, "
                + "v.opening_hours::text, v.capacity, v.status, v.complaint_count, v.notes, v.synthetic, v.district_code, "
                + "v.unit_id, v.licence_no IS NULL FROM venue v WHERE v.name LIKE ? ORDER BY 1";
        String history = "SELECT " + key + ", h.action, h.changed_by, h.reason, (h.changes - 'licenceNo' - 'name')::text, "
                + "(h.changes -> 'name') IS NOT NULL, (h.changes -> 'licenceNo') IS NOT NULL FROM change_history h JOIN venue v ON h.entity_type = 'venue' "
                + "AND h.entity_id = v.id WHERE v.name LIKE ? ORDER BY 1, h.id";
        String audits = "SELECT " + key + ", a.action, a.actor, (a.details #- '{changes,licenceNo}' #- '{changes,name}')::text "
                + "FROM audit_log a JOIN venue v ON a.entity_type = 'venue' AND a.entity_id = v.id::text "
                + "WHERE v.name LIKE ? ORDER BY 1, a.seq";
        String verdicts = "SELECT " + key + ", vv.school_id, vv.rule_id, round(vv.distance_m::numeric, 2) FROM venue_verdict vv "
                + "JOIN venue v ON v.id = vv.venue_id WHERE v.name LIKE ? ORDER BY 1, 2, 3";
        for (String sql : List.of(register, history, audits, verdicts)) {
            List<String> bulk = rows(sql, "甲-" + n + "-%");
            List<String> single = rows(sql, "乙-" + n + "-%");
            assertFalse(single.isEmpty(), sql);
            assertEquals(single, bulk, sql);
        }
        // verdicts as a from-scratch computation gives them (written here, not ComplianceSql's): every (venue, school,
        // rule) with the venue within the rule's distance of the school's campus, or of its point when it has none
        String scratch = "SELECT " + key + ", s.id, r.id, round(ST_Distance(v.geom::geography, "
                + "coalesce(s.campus, s.geom)::geography)::numeric, 2) FROM venue v JOIN compliance_rule r "
                + "ON r.venue_category = v.category AND r.distance_m IS NOT NULL "
                + "AND starts_with(coalesce(v.district_code, ''), r.jurisdiction_prefix) "
                + "JOIN school s ON s.level = ANY (r.school_levels) AND coalesce(s.campus, s.geom) IS NOT NULL "
                + "AND ST_DWithin(v.geom::geography, coalesce(s.campus, s.geom)::geography, r.distance_m) "
                + "WHERE v.geom IS NOT NULL AND v.name LIKE ? ORDER BY 1, 2, 3";
        assertEquals(rows(scratch, "甲-" + n + "-%"), rows(verdicts, "甲-" + n + "-%"), "verdicts of the file's venues");
        // units placed set-based by the import equal the trigger's rule: the smallest unit area covering the position,
        // else the unit of the venue's district (computed here with its own SQL)
        String units = "SELECT " + key + ", v.unit_id, (SELECT u.id FROM unit u WHERE CASE WHEN v.geom IS NULL "
                + "THEN u.adcode = v.district_code ELSE ST_Covers(u.area, v.geom) END ORDER BY ST_Area(u.area), u.id LIMIT 1) "
                + "FROM venue v WHERE v.name LIKE ? ORDER BY 1";
        for (String r : rows(units, "甲-" + n + "-%")) {
            String[] c = r.split(" \\| ");
            assertEquals(c[2], c[1], "unit of venue " + c[0]);
        }
    }

    private List<String> keysWithVerdictFor(String n, String side, long school) throws Exception {
        return rows("SELECT DISTINCT split_part(v.name, '-', 3) FROM venue_verdict vv JOIN venue v ON v.id = vv.venue_id "
                + "WHERE v.name LIKE ? AND vv.school_id = " + school + " ORDER BY 1", side + "-" + n + "-%");
    }

    private String position(String n, String side, int i) throws Exception {
        List<String> r = rows("SELECT coalesce(round(ST_X(geom)::numeric, 7) || ' ' || round(ST_Y(geom)::numeric, 7), '') "
                + "FROM venue WHERE name = ?", side + "-" + n + "-" + i);
        return r.get(0);
    }

    private long count(String sql, String arg) throws Exception {
        return Long.parseLong(rows(sql, arg).get(0));
    }

    private List<String> rows(String sql, String arg) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                int cols = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    StringBuilder b = new StringBuilder();
                    for (int i = 1; i <= cols; i++) {
                        b.append(i > 1 ? " | " : "").append(rs.getString(i));
                    }
                    out.add(b.toString());
                }
            }
        }
        return out;
    }
}
