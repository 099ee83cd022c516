package com.patrolplanner.zoning;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The zoning records write the JSON the object nodes wrote before them, key for key and in order (the UI and the REST
 * tests read it): the expected strings are written by hand from the former {@code ObjectNode} code.
 */
class ZoneViewsJsonTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static ZoneViews.Zone zone(Long team) {
        ObjectNode g = JSON.createObjectNode().put("type", "MultiPolygon");
        return new ZoneViews.Zone("Feature", 7, g, new ZoneViews.ZoneProperties(7, 3, "片区1", team, null, 2,
                "2026-12-02T01:00:00Z", "planner", 1.234, 1));
    }

    @Test
    void aChangeFlattensWhatIsUncoveredAndLeavesOutAnAbsentRepair() throws Exception {
        ZoneViews.ZoneChange c = new ZoneViews.ZoneChange(zone(null), null, new ZoneViews.Uncovered(12.5, null), 4);
        assertEquals("{\"zone\":{\"type\":\"Feature\",\"id\":7,\"geometry\":{\"type\":\"MultiPolygon\"},\"properties\":"
                + "{\"id\":7,\"zoneSetId\":3,\"name\":\"片区1\",\"teamId\":null,\"teamName\":null,\"version\":2,"
                + "\"updatedAt\":\"2026-12-02T01:00:00Z\",\"updatedBy\":\"planner\",\"areaKm2\":1.234,\"parts\":1}},"
                + "\"uncoveredM2\":12.5,\"uncovered\":null,\"zoneSetVersion\":4}", JSON.writeValueAsString(c));
        ObjectNode repair = JsonNodeFactory.instance.objectNode().put("repaired", false);
        assertEquals("{\"repaired\":false}", JSON.readTree(JSON.writeValueAsString(
                new ZoneViews.ZoneChange(zone(5L), repair, new ZoneViews.Uncovered(0, null), 4))).get("repair").toString());
    }

    @Test
    void aSetIsItsSummaryThenZonesBoundaryAndUncovered() throws Exception {
        ZoneViews.SetSummary s = new ZoneViews.SetSummary(3, "城区", "370705", true, 4, "planner", "2026-12-01T00:00:00Z",
                "2026-12-02T00:00:00Z", "planner", null, 1);
        ZoneViews.ZoneSet set = new ZoneViews.ZoneSet(s, new ZoneViews.ZoneCollection("FeatureCollection", List.of()), null,
                new ZoneViews.Uncovered(0.0, null));
        assertEquals("{\"id\":3,\"name\":\"城区\",\"district\":\"370705\",\"active\":true,\"version\":4,\"author\":\"planner\","
                + "\"createdAt\":\"2026-12-01T00:00:00Z\",\"updatedAt\":\"2026-12-02T00:00:00Z\",\"updatedBy\":\"planner\","
                + "\"params\":null,\"zoneCount\":1,\"zones\":{\"type\":\"FeatureCollection\",\"features\":[]},"
                + "\"boundary\":null,\"uncoveredM2\":0.0,\"uncovered\":null}", JSON.writeValueAsString(set));
    }
}
