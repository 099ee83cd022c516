package com.patrolplanner.importer;

import static com.patrolplanner.TestSupport.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.patrolplanner.registry.HistorySql;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Imports write the district, team and inspector registers with the same field-level history and audit as the API. */
@QuarkusTest
class RegisterImportHistoryTest {
    @Inject
    DataSource db;

    private static void upload(String kind, String filename, String content, String field, Object value) {
        as("planner").multiPart("file", filename, content.getBytes(StandardCharsets.UTF_8), "application/octet-stream")
                .multiPart("kind", kind).post("/api/imports").then().log().ifValidationFails().statusCode(200)
                .body(field, equalTo(value));
    }

    @Test
    void inspectorImportRecordsTeamsAndInspectors() throws Exception {
        long n = System.nanoTime();
        String team = "导入历史组-" + n;
        String header = "姓名,执法证号,单位,小组,驻地经度,驻地纬度,驻地地址\n";
        String a = "导入甲,IMP-A-" + n + ",奎文区大队," + team + ",119.13,36.71,胜利东街100号\n";
        String b = "导入乙,IMP-B-" + n + ",奎文区大队," + team + ",119.13,36.71,胜利东街100号\n";
        upload("inspectors", "people.csv", header + a + b, "imported", 2);
        long t = HistorySql.id(db, "SELECT id FROM team WHERE name = ?", team);
        long ia = HistorySql.id(db, "SELECT id FROM inspector WHERE certificate_no = ?", "IMP-A-" + n);
        long ib = HistorySql.id(db, "SELECT id FROM inspector WHERE certificate_no = ?", "IMP-B-" + n);
        assertEquals(List.of("import:baseAddress,baseLat,baseLon,name"), HistorySql.history(db, "team", t));
        assertEquals("119.13", HistorySql.lastValue(db, "team", t, "baseLon", "new"));
        assertEquals(List.of("import by planner"), HistorySql.audit(db, "team", t));
        assertEquals(List.of("import:active,certificateNo,name,synthetic,teamId,unit"), HistorySql.history(db, "inspector", ia));
        assertEquals(Long.toString(t), HistorySql.lastValue(db, "inspector", ia, "teamId", "new"));
        assertEquals(List.of("import by planner"), HistorySql.audit(db, "inspector", ia));

        // again with one officer's unit and the team's base address changed: exactly those fields are recorded
        upload("inspectors", "people.csv", header + a.replace("奎文区大队", "潍坊市支队").replace("胜利东街100号", "胜利东街200号")
                + b.replace("胜利东街100号", "胜利东街200号"), "updated", 1);
        assertEquals(List.of("import:baseAddress,baseLat,baseLon,name", "import:baseAddress"), HistorySql.history(db, "team", t));
        assertEquals("胜利东街200号", HistorySql.lastValue(db, "team", t, "baseAddress", "new"));
        assertEquals(List.of("import:active,certificateNo,name,synthetic,teamId,unit", "import:unit"),
                HistorySql.history(db, "inspector", ia));
        assertEquals("奎文区大队", HistorySql.lastValue(db, "inspector", ia, "unit", "old"));
        assertEquals(1, HistorySql.history(db, "inspector", ib).size(), "an unchanged officer is not touched");
        assertEquals(List.of("import by planner", "import by planner"), HistorySql.audit(db, "inspector", ia));
    }

    @Test
    void districtImportRecordsOutlinesByFingerprint() throws Exception {
        String adcode = "3799" + String.format("%05d", System.nanoTime() % 100_000);
        String feature = """
                {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"adcode":"%s","name":"%s",
                 "level":"street","parent":"379900"},"geometry":{"type":"Polygon","coordinates":[[[119.0,36.0],[119.01,36.0],
                 [119.01,36.01],[119.0,36.01],[119.0,36.0]]]}}]}""";
        upload("districts", "d.json", feature.formatted(adcode, "历史街道"), "imported", 1);
        long d = HistorySql.id(db, "SELECT id FROM district WHERE adcode = ?", adcode);
        assertEquals(List.of("import:adcode,geom,level,name,parentCode,sourceDatum"), HistorySql.history(db, "district", d));
        // the outline is kept as its vertex count and a hash, not as the polygon
        assertEquals(true, HistorySql.lastValue(db, "district", d, "geom", "new").startsWith("MULTIPOLYGON 5 vertices sha256:"));
        assertEquals(List.of("import by planner"), HistorySql.audit(db, "district", d));

        upload("districts", "d.json", feature.formatted(adcode, "历史街道"), "unchanged", 1);
        upload("districts", "d.json", feature.formatted(adcode, "历史新街道"), "updated", 1);
        assertEquals(List.of("import:adcode,geom,level,name,parentCode,sourceDatum", "import:name"),
                HistorySql.history(db, "district", d));
        assertEquals("历史街道", HistorySql.lastValue(db, "district", d, "name", "old"));
        assertEquals(List.of("import by planner", "import by planner"), HistorySql.audit(db, "district", d));
    }
}
