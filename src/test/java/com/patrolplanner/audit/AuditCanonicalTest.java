package com.patrolplanner.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The canonical text an audit hash is taken over: written directly for plain maps (the bulk import's 200,000 records)
 * it must be the text the round trip through a tree gives (how every record before was hashed, and how the chain is
 * verified for other values), computed here with a mapper of the test's own.
 */
class AuditCanonicalTest {
    private static final ObjectMapper SORTED = JsonMapper.builder()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true).build();

    private static String roundTrip(Map<String, ?> details) throws Exception {
        JsonNode tree = SORTED.valueToTree(details);
        return SORTED.writeValueAsString(SORTED.treeToValue(tree, LinkedHashMap.class));
    }

    @Test
    void plainDetailsGiveTheRoundTripsText() throws Exception {
        Map<String, Object> lon = new LinkedHashMap<>();
        lon.put("old", null);
        lon.put("new", 119.1405123);
        Map<String, Object> name = new LinkedHashMap<>();
        name.put("old", "旧名\t\"引号\"\\");
        name.put("new", "新名 / é \u0001");
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("name", name);
        changes.put("lon", lon);
        changes.put("capacity", Map.of("old", 12, "new", 3_000_000_000L));
        changes.put("synthetic", Map.of("old", true, "new", false));
        changes.put("lat", Map.of("new", 36.7, "old", 1.0E-7));
        changes.put("openingHours", Map.of("new", Map.of("mon", "09:00-23:00", "sun", "closed")));
        changes.put("tags", Arrays.asList("b", null, 2.5, List.of(1, 2)));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reason", "import 场所.csv");
        details.put("changes", changes);
        assertEquals(roundTrip(details), AuditService.canonical(details));
        // and values that are not plain (a record, a float) still take the round trip
        Map<String, Object> other = new LinkedHashMap<>();
        other.put("z", 1.5f);
        other.put("a", new ArrayList<>(List.of(new Point(1, 2))));
        assertEquals(roundTrip(other), AuditService.canonical(other));
    }

    /**
     * A batch reuses one digest and one formatted time for all its records: each hash must equal the one-off hash of
     * the same record (and the digest must start afresh after each), computed here with a digest of the test's own.
     */
    @Test
    void aReusedDigestGivesEachRecordsOwnHash() throws Exception {
        java.time.OffsetDateTime at = java.time.OffsetDateTime.parse("2026-12-02T07:01:02.345678+08:00");
        java.security.MessageDigest md = AuditService.sha256();
        String prev = AuditService.GENESIS;
        for (int seq = 1; seq <= 3; seq++) {
            String json = "{\"changes\":{\"name\":{\"new\":\"第" + seq + "家\",\"old\":null}}}";
            String text = prev + "|" + seq + "|2026-12-01T23:01:02.345678Z|bench|import|venue|" + (40 + seq) + "|" + json
                    + (seq == 2 ? "" : "|unit=7");
            String expected = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            Long unit = seq == 2 ? null : 7L;
            assertEquals(expected, AuditService.hash(prev, seq, at, "bench", "import", "venue", Integer.toString(40 + seq),
                    json, unit));
            assertEquals(expected, AuditService.hash(md, prev, seq, AuditService.stamp(at), "bench", "import", "venue",
                    Integer.toString(40 + seq), json, unit));
            prev = expected;
        }
    }

    record Point(int x, int y) {
    }
}
