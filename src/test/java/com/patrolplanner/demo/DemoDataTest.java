package com.patrolplanner.demo;

import static com.patrolplanner.TestSupport.as;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The committed demo files, loaded through POST /api/imports as a planner would, land where they should: every venue in
 * 奎文区, campuses of realistic size, the teams with their officers, and a second load changes nothing.
 */
@QuarkusTest
class DemoDataTest {
    static final Path DEMO = Path.of("data-import/demo");
    /** The demo's venues, told apart from other tests' rows by the note every generated row carries. */
    static final String DEMO_VENUE = "v.synthetic AND v.notes = '" + DemoGenerator.NOTE + "'";

    @Inject
    DataSource db;
    @Inject
    DemoLoader loader;

    private JsonPath upload(DemoLoader.DemoFile f) throws Exception {
        var req = as("planner").multiPart("file", f.file(), Files.readAllBytes(DEMO.resolve(f.file())))
                .multiPart("kind", f.kind()).multiPart("datum", f.datum().name());
        if (f.kind().equals("districts")) {
            req = req.multiPart(new MultiPartSpecBuilder(DemoLoader.ATTRIBUTION).controlName("attribution")
                    .mimeType("text/plain").charset(StandardCharsets.UTF_8).build());
        }
        return req.post("/api/imports").then().log().ifValidationFails().statusCode(200).extract().jsonPath();
    }

    private List<Object[]> query(String sql) throws Exception {
        try (Connection c = db.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            List<Object[]> out = new ArrayList<>();
            while (rs.next()) {
                Object[] row = new Object[rs.getMetaData().getColumnCount()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = rs.getObject(i + 1);
                }
                out.add(row);
            }
            return out;
        }
    }

    private long count(String sql) throws Exception {
        return ((Number) query(sql).get(0)[0]).longValue();
    }

    @Test
    void demoFilesImportIntoKuiwenAndReimportUnchanged() throws Exception {
        Map<String, Integer> rows = Map.of("370700_full.json", 12, "venues.csv", 195, "schools.geojson", 80,
                "inspectors.csv", 20, "venues-370702.csv", 98, "schools-370702.geojson", 40, "inspectors-370702.csv", 12);
        for (DemoLoader.DemoFile f : DemoLoader.FILES) {
            JsonPath s = upload(f);
            assertEquals(rows.get(f.file()), s.getInt("imported") + s.getInt("updated") + s.getInt("unchanged"), f.file());
        }
        // districts: converted outlines with their source kept
        Object[] kuiwen = query("SELECT name, level, parent_code, source_datum, attribution, ST_Area(geom::geography) / 1e6 "
                + "FROM district WHERE adcode = '370705'").get(0);
        assertEquals("奎文区", kuiwen[0]);
        assertEquals("370700", kuiwen[2]);
        assertEquals("GCJ02", kuiwen[3]);
        assertTrue(((String) kuiwen[4]).contains("anzhou99/GeoJsons"));
        assertTrue((Double) kuiwen[5] > 40 && (Double) kuiwen[5] < 200, "奎文区 area " + kuiwen[5] + " km²");

        // venues: all 195 synthetic (the note marks them), all inside 奎文区, with their district code
        assertEquals(195, count("SELECT count(*) FROM venue v WHERE " + DEMO_VENUE));
        assertEquals(0, count("SELECT count(*) FROM venue v, district d WHERE " + DEMO_VENUE + " AND d.adcode = '370705' "
                + "AND NOT ST_Covers(d.geom, v.geom)"));
        assertEquals(195, count("SELECT count(*) FROM venue v WHERE " + DEMO_VENUE + " AND district_code = '370705'"));
        assertEquals(40, count("SELECT count(*) FROM venue v WHERE " + DEMO_VENUE + " AND category = 'internet_cafe'"));
        assertEquals(50, count("SELECT count(*) FROM venue v WHERE " + DEMO_VENUE + " AND category = 'hotel'"));
        // the planted violations: cafés within 200 m of a campus (互联网上网服务营业场所管理条例 第九条)
        long near = count("SELECT count(DISTINCT v.id) FROM venue v JOIN school s ON s.synthetic AND "
                + "ST_DWithin(v.geom::geography, s.campus::geography, 200) WHERE " + DEMO_VENUE + " AND v.category = 'internet_cafe'");
        assertTrue(near >= 5 && near <= 10, near + " cafés near schools");

        // schools: campus areas realistic per level (m² on the spheroid)
        assertEquals(80, count("SELECT count(*) FROM school WHERE synthetic AND campus IS NOT NULL AND district_code = '370705'"));
        for (Object[] r : query("SELECT level, min(ST_Area(campus::geography)), max(ST_Area(campus::geography)) "
                + "FROM school WHERE synthetic GROUP BY level")) {
            double min = (Double) r[1] / 1e4;
            double max = (Double) r[2] / 1e4;
            switch ((String) r[0]) {
                case "kindergarten" -> assertTrue(min >= 0.29 && max <= 0.91, "kindergarten " + min + "–" + max + " ha");
                case "primary" -> assertTrue(min >= 0.99 && max <= 3.01, "primary " + min + "–" + max + " ha");
                default -> assertTrue(min >= 2.99 && max <= 8.01, r[0] + " " + min + "–" + max + " ha");
            }
        }
        assertEquals(0, count("SELECT count(*) FROM school a JOIN school b ON a.id < b.id AND a.synthetic AND b.synthetic "
                + "AND ST_Intersects(a.campus, b.campus)"), "campuses do not overlap");

        // inspectors: 20 in six teams, two without a certificate, every team with a base
        assertEquals(20, count("SELECT count(*) FROM inspector WHERE synthetic AND unit = '潍坊市奎文区文化市场综合执法大队'"));
        assertEquals(2, count("SELECT count(*) FROM inspector WHERE synthetic AND certificate_no IS NULL "
                + "AND unit = '潍坊市奎文区文化市场综合执法大队'"));
        assertEquals(6, count("SELECT count(DISTINCT t.id) FROM inspector i JOIN team t ON t.id = i.team_id "
                + "WHERE i.synthetic AND t.base IS NOT NULL AND t.name LIKE '执法%组'"));

        // 潍城区 (370702): its synthetic register lies inside its real outline, made the same way
        String wc = "v.synthetic AND v.notes = '" + DemoGenerator.WC_NOTE + "'";
        assertEquals(98, count("SELECT count(*) FROM venue v WHERE " + wc));
        assertEquals(0, count("SELECT count(*) FROM venue v, district d WHERE " + wc + " AND d.adcode = '370702' "
                + "AND NOT ST_Covers(d.geom, v.geom)"));
        assertEquals(98, count("SELECT count(*) FROM venue v WHERE " + wc + " AND district_code = '370702'"));
        assertEquals(40, count("SELECT count(*) FROM school s, district d WHERE s.synthetic AND s.campus IS NOT NULL "
                + "AND d.adcode = '370702' AND ST_Covers(d.geom, s.campus)"));
        assertEquals(12, count("SELECT count(*) FROM inspector WHERE synthetic AND unit = '潍坊市潍城区文化市场综合执法大队'"));
        assertEquals(4, count("SELECT count(DISTINCT t.id) FROM inspector i JOIN team t ON t.id = i.team_id, district d "
                + "WHERE i.synthetic AND d.adcode = '370702' AND ST_Covers(d.geom, t.base) AND t.name LIKE '潍城执法%组'"));

        // the same files again: nothing changes
        for (DemoLoader.DemoFile f : DemoLoader.FILES) {
            JsonPath s = upload(f);
            assertEquals(0, s.getInt("imported"), f.kind());
            assertEquals(0, s.getInt("updated"), f.kind());
            assertEquals(rows.get(f.file()).intValue(), s.getInt("unchanged"), f.file());
        }

        // and the start-up loader, going through ImportService, finds it all loaded and duplicates nothing
        assertTrue(loader.loaded());
        Map<String, Map<String, Object>> again = loader.load(DEMO);
        assertEquals(195L, ((Number) again.get("venues.csv").get("unchanged")).longValue());
        assertEquals(98L, ((Number) again.get("venues-370702.csv").get("unchanged")).longValue());
        assertEquals(195, count("SELECT count(*) FROM venue v WHERE " + DEMO_VENUE));
        as("manager").get("/api/districts").then().statusCode(200);
        as("planner").queryParam("district", "370705").queryParam("category", "internet_cafe").get("/api/venues")
                .then().statusCode(200).body("numberMatched", greaterThanOrEqualTo(40));
    }
}
