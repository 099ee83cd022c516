package com.patrolplanner.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.patrolplanner.audit.AuditService;
import com.patrolplanner.geo.Datum;
import com.patrolplanner.geo.GeoJson;
import com.patrolplanner.registry.PeopleService;
import com.patrolplanner.registry.RegistryService;
import com.patrolplanner.registry.SchoolInput;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.io.WKTReader;

/**
 * The set-based school and inspector imports ({@code registry.SchoolBulk}, {@code registry.InspectorBulk}: what a file
 * upload takes) against the row-by-row path ({@code RegistryService.upsertSchool}, {@code PeopleService.upsertTeam} and
 * {@code upsertInspector}: what the import did before, history and audit deferred as it was): the same rows, once through
 * each, under two name prefixes (甲: the file, 乙: row by row), must leave equal registers, equal field-level history,
 * equal audit records and, for schools, equal verdicts, all read back by SQL; the verdicts of the imported schools equal a
 * from-scratch SQL computation; the same file again writes nothing; the audit chain verifies.
 */
@QuarkusTest
class RegisterBulkEqualityTest {
    @Inject
    ImportService imports;
    @Inject
    RegistryService registry;
    @Inject
    PeopleService people;
    @Inject
    AuditService audit;
    @Inject
    DataSource db;

    /** One school row: key i, level, address, GCJ-02 point (or none), campus WKT in GCJ-02 (or none), synthetic. */
    record SchoolSpec(int i, String level, String address, Double lon, Double lat, String campus, boolean synthetic) {
    }

    /** One officer row: key i, certified or not, unit text, team key (or none), active. */
    record OfficerSpec(int i, boolean certified, String unit, String team, boolean active) {
    }

    private static final double X = 119.2105;
    private static final double Y = 36.6452;

    private static String box(double x, double y, double d) {
        return "POLYGON((" + x + " " + y + ", " + (x + d) + " " + y + ", " + (x + d) + " " + (y + d) + ", " + x + " " + (y + d)
                + ", " + x + " " + y + "))";
    }

    @Test
    void schoolImportEqualsRowByRowInRegisterHistoryAuditAndVerdicts() throws Exception {
        String n = Long.toString(System.nanoTime() % 100_000_000L, 36);
        // venues of our own around the schools' place (WGS-84), so that the verdicts have something to find
        Path v = Files.createTempFile("bulk-school-venues", ".csv");
        try {
            StringBuilder csv = new StringBuilder("许可证号,场所名称,类别,地址,经度,纬度\n");
            for (int k = 0; k < 8; k++) {
                csv.append("RBE-").append(n).append('-').append(k).append(",比对网吧-").append(n).append('-').append(k)
                        .append(",网吧,比对路").append(k).append("号,").append(X + 0.0006 * k).append(',').append(Y + 0.0004 * k)
                        .append('\n');
            }
            Files.writeString(v, csv);
            imports.run(new ImportHandler.Request("venues", v, "rbe.csv", Datum.WGS84, Map.of(), "planner"));
        } finally {
            Files.deleteIfExists(v);
        }
        double[] p1 = Datum.GCJ02.fromWgs84(X + 0.0005, Y + 0.0003);
        double[] p2 = Datum.GCJ02.fromWgs84(X + 0.03, Y + 0.02);
        double[] c = Datum.GCJ02.fromWgs84(X + 0.0025, Y + 0.0015);
        List<SchoolSpec> first = List.of(
                new SchoolSpec(1, "小学", "比对学校路1号", p1[0], p1[1], null, false),
                new SchoolSpec(2, "初中", "比对学校路2号", p2[0], p2[1], null, false),
                new SchoolSpec(3, "幼儿园", "比对学校路3号", null, null, box(c[0], c[1], 0.001), false), // campus only
                new SchoolSpec(4, "高中", null, null, null, null, true), // no position at all
                new SchoolSpec(5, "小学", "比对学校路5号", p2[0] + 0.001, p2[1], null, false));
        List<SchoolSpec> second = List.of(
                new SchoolSpec(1, "小学", "比对学校路1号", p2[0] + 0.002, p2[1], null, false), // moved away
                new SchoolSpec(2, "初中", "比对学校路2号", p2[0], p2[1], null, false), // unchanged
                new SchoolSpec(3, "幼儿园", "比对学校路3号", null, null, box(c[0], c[1], 0.0015), false), // campus grows
                new SchoolSpec(4, "高中", null, p1[0], p1[1], null, false), // placed near the venues; not synthetic
                new SchoolSpec(5, "初中", "比对学校路5号", null, null, null, false), // no position: keeps its pin; level
                new SchoolSpec(6, "小学", "比对学校路6号", p1[0] + 0.0004, p1[1], null, false)); // new

        Map<String, Object> s1 = schoolFile(n, first);
        schoolsRowByRow(n, first);
        assertEquals(List.of(5L, 0L, 0L), counts(s1));
        assertEqualSchools(n);
        Map<String, Object> s2 = schoolFile(n, second);
        schoolsRowByRow(n, second);
        assertEquals(List.of(1L, 4L, 1L), counts(s2));
        assertEqualSchools(n);
        assertFalse(rows("SELECT 1 FROM venue_verdict vv JOIN school s ON s.id = vv.school_id WHERE s.name LIKE ?",
                "甲-" + n + "-%").isEmpty(), "the file's schools decide verdicts");
        String history = "SELECT count(*) FROM change_history h JOIN school s ON h.entity_type = 'school' AND h.entity_id = s.id "
                + "WHERE s.name LIKE ?";
        long before = Long.parseLong(rows(history, "甲-" + n + "-%").get(0));
        assertEquals(5 + 1 + 4, before, "one history row per created or changed school");
        assertEquals(List.of(0L, 0L, 6L), counts(schoolFile(n, second)), "the same file again changes nothing");
        assertEquals(before, Long.parseLong(rows(history, "甲-" + n + "-%").get(0)), "and writes no history");
        AuditService.Verification check = audit.verify();
        assertTrue(check.intact(), "audit chain: " + check.reason() + " at " + check.firstBroken());
    }

    @Test
    void inspectorImportEqualsRowByRowInRegisterHistoryAndAudit() throws Exception {
        String n = Long.toString(System.nanoTime() % 100_000_000L, 36);
        List<OfficerSpec> first = List.of(
                new OfficerSpec(1, true, "奎文区大队", "A", true),
                new OfficerSpec(2, true, "奎文区大队", "A", true),
                new OfficerSpec(3, false, "潍城区大队", "B", true),
                new OfficerSpec(4, false, null, null, true),
                new OfficerSpec(5, true, null, null, false));
        List<OfficerSpec> second = List.of(
                new OfficerSpec(1, true, "潍坊市支队", "A", true), // unit
                new OfficerSpec(2, true, "奎文区大队", "A", true), // unchanged
                new OfficerSpec(3, false, "潍城区大队", "A", false), // team and active
                new OfficerSpec(4, false, null, null, true), // unchanged
                new OfficerSpec(5, true, null, "B", true), // joins a team, active again
                new OfficerSpec(6, true, "奎文区大队", "B", true)); // new
        Map<String, Object> s1 = officerFile(n, first);
        officersRowByRow(n, first);
        assertEquals(List.of(5L, 0L, 0L), counts(s1));
        assertEqualOfficers(n);
        Map<String, Object> s2 = officerFile(n, second);
        officersRowByRow(n, second);
        assertEquals(List.of(1L, 3L, 2L), counts(s2));
        assertEqualOfficers(n);
        // ground truth by hand: officer 3 now in team A, inactive; officer 5 in team B
        assertEquals(List.of("1 | 甲组-" + n + "-A | t", "2 | 甲组-" + n + "-A | t", "3 | 甲组-" + n + "-A | f",
                "4 | null | t", "5 | 甲组-" + n + "-B | t", "6 | 甲组-" + n + "-B | t"),
                rows("SELECT split_part(i.name, '-', 3), t.name, i.active FROM inspector i LEFT JOIN team t ON t.id = i.team_id "
                        + "WHERE i.name LIKE ? ORDER BY 1", "甲-" + n + "-%"));
        String history = "SELECT count(*) FROM change_history h JOIN inspector i ON h.entity_type = 'inspector' "
                + "AND h.entity_id = i.id WHERE i.name LIKE ?";
        assertEquals("9", rows(history, "甲-" + n + "-%").get(0), "one history row per created or changed officer");
        assertEquals(List.of(0L, 0L, 6L), counts(officerFile(n, second)), "the same file again changes nothing");
        assertEquals("9", rows(history, "甲-" + n + "-%").get(0), "and writes no history");
        AuditService.Verification check = audit.verify();
        assertTrue(check.intact(), "audit chain: " + check.reason() + " at " + check.firstBroken());
    }

    // ---------------------------------------------------------------- schools

    private Map<String, Object> schoolFile(String n, List<SchoolSpec> rows) throws Exception {
        StringBuilder csv = new StringBuilder("名称,学段,地址,经度,纬度,校园范围,合成数据\n");
        for (SchoolSpec s : rows) {
            csv.append("甲-").append(n).append('-').append(s.i).append(',').append(s.level).append(',')
                    .append(s.address == null ? "" : s.address).append(',').append(s.lon == null ? "" : Double.toString(s.lon))
                    .append(',').append(s.lat == null ? "" : Double.toString(s.lat)).append(',')
                    .append(s.campus == null ? "" : "\"" + s.campus + "\"").append(',').append(s.synthetic ? "是" : "否")
                    .append('\n');
        }
        Path f = Files.createTempFile("bulk-schools", ".csv");
        try {
            Files.writeString(f, csv, Charset.forName("GBK"));
            return imports.run(new ImportHandler.Request("schools", f, "schools.csv", Datum.GCJ02, Map.of(), "planner"))
                    .asMap();
        } finally {
            Files.deleteIfExists(f);
        }
    }

    /** The import's row-by-row path as it was: upsertSchool per row, history, audit and verdicts deferred. */
    private void schoolsRowByRow(String n, List<SchoolSpec> rows) {
        QuarkusTransaction.requiringNew().run(() -> {
            try (RegistryService.Deferred d = registry.defer()) {
                for (SchoolSpec s : rows) {
                    org.locationtech.jts.geom.Geometry campus = null;
                    if (s.campus != null) {
                        try {
                            // as a client's GeoJSON (7 decimals) gives it, and as the file's campus column is read
                            campus = GeoJson.rounded(GeoJson.toMultiPolygon(new WKTReader(GeoJson.FACTORY).read(s.campus),
                                    "campus"), "campus");
                        } catch (org.locationtech.jts.io.ParseException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                    registry.upsertSchool(new SchoolInput("乙-" + n + "-" + s.i, s.level, s.address, s.lon, s.lat, campus,
                            "GCJ02", null), s.synthetic, "planner", "import schools.csv");
                }
                d.flush();
            }
        });
    }

    private void assertEqualSchools(String n) throws Exception {
        String key = "split_part(s.name, '-', 3)";
        String register = "SELECT " + key + ", s.level, s.address, ST_AsText(s.geom), ST_AsText(s.campus), s.source_datum, "
                + "s.geocode_status, s.geocode_confidence, s.district_code, s.unit_id, s.synthetic FROM school s "
                + "WHERE s.name LIKE ? ORDER BY 1";
        String history = "SELECT " + key + ", h.action, h.changed_by, h.reason, (h.changes - 'name')::text, "
                + "(h.changes -> 'name') IS NOT NULL FROM change_history h JOIN school s ON h.entity_type = 'school' "
                + "AND h.entity_id = s.id WHERE s.name LIKE ? ORDER BY 1, h.id";
        String audits = "SELECT " + key + ", a.action, a.actor, a.unit_id, (a.details #- '{changes,name}')::text "
                + "FROM audit_log a JOIN school s ON a.entity_type = 'school' AND a.entity_id = s.id::text "
                + "WHERE s.name LIKE ? ORDER BY 1, a.seq";
        String verdicts = "SELECT " + key + ", v.name, vv.rule_id, round(vv.distance_m::numeric, 2), vv.approximate "
                + "FROM venue_verdict vv JOIN school s ON s.id = vv.school_id JOIN venue v ON v.id = vv.venue_id "
                + "WHERE s.name LIKE ? ORDER BY 1, 2, 3";
        for (String sql : List.of(register, history, audits, verdicts)) {
            List<String> bulk = rows(sql, "甲-" + n + "-%");
            List<String> single = rows(sql, "乙-" + n + "-%");
            assertFalse(single.isEmpty(), sql);
            assertEquals(single, bulk, sql);
        }
        // verdicts as a from-scratch computation gives them (written here, not ComplianceSql's): every (venue, rule) with
        // the venue within the rule's distance of the school's campus, or of its point when it has none
        String scratch = "SELECT " + key + ", v.name, r.id, round(ST_Distance(v.geom::geography, "
                + "coalesce(s.campus, s.geom)::geography)::numeric, 2), s.campus IS NULL FROM school s JOIN compliance_rule r "
                + "ON s.level = ANY (r.school_levels) AND r.distance_m IS NOT NULL JOIN venue v ON v.geom IS NOT NULL "
                + "AND r.venue_category = v.category AND starts_with(coalesce(v.district_code, ''), r.jurisdiction_prefix) "
                + "AND ST_Distance(v.geom::geography, coalesce(s.campus, s.geom)::geography) <= r.distance_m "
                + "WHERE coalesce(s.campus, s.geom) IS NOT NULL AND s.name LIKE ? ORDER BY 1, 2, 3";
        assertEquals(rows(scratch, "甲-" + n + "-%"), rows(verdicts, "甲-" + n + "-%"), "verdicts of the file's schools");
    }

    // ---------------------------------------------------------------- inspectors

    private static String cert(String side, String n, OfficerSpec o) {
        return o.certified ? side + "C-" + n + "-" + o.i : null;
    }

    private Map<String, Object> officerFile(String n, List<OfficerSpec> rows) throws Exception {
        StringBuilder csv = new StringBuilder("姓名,执法证号,单位,小组,在岗\n");
        for (OfficerSpec o : rows) {
            String c = cert("甲", n, o);
            csv.append("甲-").append(n).append('-').append(o.i).append(',').append(c == null ? "" : c).append(',')
                    .append(o.unit == null ? "" : o.unit).append(',').append(o.team == null ? "" : "甲组-" + n + "-" + o.team)
                    .append(',').append(o.active ? "是" : "否").append('\n');
        }
        Path f = Files.createTempFile("bulk-officers", ".csv");
        try {
            Files.writeString(f, csv, Charset.forName("GBK"));
            return imports.run(new ImportHandler.Request("inspectors", f, "people.csv", Datum.WGS84, Map.of(), "planner"))
                    .asMap();
        } finally {
            Files.deleteIfExists(f);
        }
    }

    /** The import's row-by-row path as it was: teams, then upsertInspector per row, history and audit deferred. */
    private void officersRowByRow(String n, List<OfficerSpec> rows) {
        QuarkusTransaction.requiringNew().run(() -> {
            try (RegistryService.Deferred d = registry.defer()) {
                Map<String, Long> teams = new HashMap<>();
                for (OfficerSpec o : rows) {
                    if (o.team != null && !teams.containsKey(o.team)) {
                        teams.put(o.team, people.upsertTeam("乙组-" + n + "-" + o.team, null, null, "planner",
                                "import people.csv").entity().id);
                    }
                }
                for (OfficerSpec o : rows) {
                    people.upsertInspector(new PeopleService.InspectorRow("乙-" + n + "-" + o.i, cert("乙", n, o), o.unit,
                            o.team == null ? null : teams.get(o.team), o.active, false), "planner", "import people.csv");
                }
                d.flush();
            }
        });
    }

    private void assertEqualOfficers(String n) throws Exception {
        String key = "split_part(i.name, '-', 3)";
        String register = "SELECT " + key + ", i.certificate_no IS NULL, i.unit, split_part(t.name, '-', 3), i.active, "
                + "i.synthetic, i.unit_id, i.version FROM inspector i LEFT JOIN team t ON t.id = i.team_id WHERE i.name LIKE ? "
                + "ORDER BY 1";
        String history = "SELECT " + key + ", h.action, h.changed_by, h.reason, (h.changes - 'name' - 'certificateNo' "
                + "- 'teamId')::text, (h.changes -> 'name') IS NOT NULL, (h.changes -> 'certificateNo') IS NOT NULL, "
                + "(h.changes -> 'teamId') IS NOT NULL FROM change_history h JOIN inspector i ON h.entity_type = 'inspector' "
                + "AND h.entity_id = i.id WHERE i.name LIKE ? ORDER BY 1, h.id";
        String audits = "SELECT " + key + ", a.action, a.actor, a.unit_id, (a.details #- '{changes,name}' "
                + "#- '{changes,certificateNo}' #- '{changes,teamId}')::text FROM audit_log a JOIN inspector i "
                + "ON a.entity_type = 'inspector' AND a.entity_id = i.id::text WHERE i.name LIKE ? ORDER BY 1, a.seq";
        String teams = "SELECT split_part(t.name, '-', 3), (SELECT count(*) FROM change_history h WHERE h.entity_type = 'team' "
                + "AND h.entity_id = t.id), (SELECT count(*) FROM audit_log a WHERE a.entity_type = 'team' "
                + "AND a.entity_id = t.id::text) FROM team t WHERE t.name LIKE ? ORDER BY 1";
        for (String sql : List.of(register, history, audits)) {
            List<String> bulk = rows(sql, "甲-" + n + "-%");
            List<String> single = rows(sql, "乙-" + n + "-%");
            assertFalse(single.isEmpty(), sql);
            assertEquals(single, bulk, sql);
        }
        assertEquals(rows(teams, "乙组-" + n + "-%"), rows(teams, "甲组-" + n + "-%"), teams);
    }

    // ---------------------------------------------------------------- helpers

    private static List<Long> counts(Map<String, Object> summary) {
        return List.of(((Number) summary.get("imported")).longValue(), ((Number) summary.get("updated")).longValue(),
                ((Number) summary.get("unchanged")).longValue());
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
