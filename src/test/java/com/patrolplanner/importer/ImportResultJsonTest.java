package com.patrolplanner.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link ImportResult} is written as the import's JSON body always was ({@code {imported, updated, unchanged,
 * …the kind's members in their order}}): pinned to hand-written strings of the old output, a venue file's and a GIS
 * file's (whose format, CRS and warnings come last, the warnings in the place the kind first put them).
 */
class ImportResultJsonTest {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theBodyKeepsItsMembersAndTheirOrder() throws Exception {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("rows", 2L);
        extra.put("withoutCoordinates", 0L);
        extra.put("format", "csv");
        extra.put("encoding", "GB18030");
        extra.put("warnings", List.of("w1"));
        extra.put("imported", 99L); // a kind repeating a count does not override it
        ImportResult r = ImportService.summary(new ImportHandler.Summary(2, 1, 0, extra));
        assertEquals("{\"imported\":2,\"updated\":1,\"unchanged\":0,\"rows\":2,\"withoutCoordinates\":0,\"format\":\"csv\","
                + "\"encoding\":\"GB18030\",\"warnings\":[\"w1\"]}", json.writeValueAsString(r));
        r.kindMembers().put("gisFormat", "ESRI Shapefile");
        r.kindMembers().put("sourceCrs", "EPSG:4490");
        r.kindMembers().put("warnings", List.of("w2"));
        assertEquals("{\"imported\":2,\"updated\":1,\"unchanged\":0,\"rows\":2,\"withoutCoordinates\":0,\"format\":\"csv\","
                + "\"encoding\":\"GB18030\",\"warnings\":[\"w2\"],\"gisFormat\":\"ESRI Shapefile\",\"sourceCrs\":\"EPSG:4490\"}",
                json.writeValueAsString(r));
        assertEquals("{\"imported\":0,\"updated\":0,\"unchanged\":3}",
                json.writeValueAsString(ImportService.summary(new ImportHandler.Summary(0, 0, 3, null))));
    }
}
