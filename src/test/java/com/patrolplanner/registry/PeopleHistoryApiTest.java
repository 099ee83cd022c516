package com.patrolplanner.registry;

import static com.patrolplanner.TestSupport.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Every write of the team and inspector registers through the API leaves a field-level history row and an audit record. */
@QuarkusTest
class PeopleHistoryApiTest {
    @Inject
    DataSource db;

    @Test
    void teamAndInspectorWritesLeaveHistoryAndAudit() throws Exception {
        String team = "历史测试组-" + System.nanoTime();
        long t = ((Number) as("planner").contentType(ContentType.JSON).body(Map.of("name", team)).post("/api/teams")
                .then().statusCode(201).extract().path("id")).longValue();
        // a new base: only baseLon and baseLat change
        as("planner").contentType(ContentType.JSON)
                .body(Map.of("name", team, "baseLon", 119.15, "baseLat", 36.72, "version", 0)).put("/api/teams/" + t)
                .then().statusCode(200);
        assertEquals(List.of("create:name", "update:baseLat,baseLon"), HistorySql.history(db, "team", t));
        assertEquals("119.15", HistorySql.lastValue(db, "team", t, "baseLon", "new"));

        String cert = "HIST-" + System.nanoTime();
        Map<String, Object> in = new HashMap<>(Map.of("name", "历史测试甲", "certificateNo", cert, "teamId", t));
        long i = ((Number) as("planner").contentType(ContentType.JSON).body(in).post("/api/inspectors")
                .then().statusCode(201).extract().path("id")).longValue();
        in.put("unit", "奎文区文化市场综合执法大队");
        in.put("version", 0);
        as("planner").contentType(ContentType.JSON).body(in).put("/api/inspectors/" + i).then().statusCode(200);
        // the same again changes nothing and records nothing
        in.put("version", 1);
        as("planner").contentType(ContentType.JSON).body(in).put("/api/inspectors/" + i).then().statusCode(200);
        assertEquals(List.of("create:active,certificateNo,name,synthetic,teamId", "update:unit"),
                HistorySql.history(db, "inspector", i));
        assertEquals(List.of(cert), HistorySql.strings(db, "SELECT changes->'certificateNo'->>'new' FROM change_history "
                + "WHERE entity_type = 'inspector' AND entity_id = ? AND action = 'create'", i));

        // deleting the team takes its member out of it (recorded on the inspector), then the team itself
        as("admin").delete("/api/teams/" + t).then().statusCode(204);
        assertEquals(List.of("create:active,certificateNo,name,synthetic,teamId", "update:unit", "update:teamId"),
                HistorySql.history(db, "inspector", i));
        assertEquals(Long.toString(t), HistorySql.lastValue(db, "inspector", i, "teamId", "old"));
        assertEquals(List.of("create:name", "update:baseLat,baseLon", "delete:baseLat,baseLon,name"),
                HistorySql.history(db, "team", t));
        as("planner").delete("/api/inspectors/" + i).then().statusCode(204);
        assertEquals("delete:active,certificateNo,name,synthetic,unit",
                HistorySql.history(db, "inspector", i).get(3));

        assertEquals(List.of("create by planner", "update by planner", "delete by admin"), HistorySql.audit(db, "team", t));
        assertEquals(List.of("create by planner", "update by planner", "update by admin", "delete by planner"),
                HistorySql.audit(db, "inspector", i));
    }
}
