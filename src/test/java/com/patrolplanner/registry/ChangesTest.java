package com.patrolplanner.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The typed change-history diff: what each field's values are, in which order, and the text they are stored as. */
class ChangesTest {
    private static Map<String, Object> snapshot(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void eachChangedFieldInSnapshotOrderWithTypedValues() throws Exception {
        Map<String, Object> before = snapshot("name", "甲", "capacity", 120, "lon", 119.161, "synthetic", false,
                "violations", List.of("V1"), "seized", new TreeMap<>(Map.of("disc", 3)), "notes", null, "teamId", 7L);
        Map<String, Object> after = snapshot("name", "甲", "capacity", 150, "lon", 119.161, "synthetic", true,
                "violations", List.of("V1", "V2"), "seized", new TreeMap<>(Map.of("book", 1, "disc", 3)), "notes", "夜",
                "teamId", null);
        Changes c = ChangeHistory.diff(before, after);
        assertEquals(List.of("capacity", "synthetic", "violations", "seized", "notes", "teamId"),
                c.fields().stream().map(Changes.FieldChange::field).toList());
        assertEquals(new Changes.FieldChange("capacity", new Changes.Num(120), new Changes.Num(150)), c.of("capacity").get());
        assertEquals(new Changes.Flag(true), c.of("synthetic").get().after());
        assertEquals(new Changes.Items(List.of(new Changes.Text("V1"), new Changes.Text("V2"))), c.of("violations").get().after());
        assertEquals(new Changes.Entries(Map.of("book", new Changes.Num(1), "disc", new Changes.Num(3))), c.of("seized").get().after());
        assertEquals(null, c.of("notes").get().before());
        assertEquals(new Changes.Num(7L), c.of("teamId").get().before());
        assertTrue(c.of("lon").isEmpty());

        // the stored text: field order kept, each {"old","new"}, numbers as their Java type writes them
        assertEquals("{\"capacity\":{\"old\":120,\"new\":150},\"synthetic\":{\"old\":false,\"new\":true},"
                + "\"violations\":{\"old\":[\"V1\"],\"new\":[\"V1\",\"V2\"]},"
                + "\"seized\":{\"old\":{\"disc\":3},\"new\":{\"book\":1,\"disc\":3}},\"notes\":{\"old\":null,\"new\":\"夜\"},"
                + "\"teamId\":{\"old\":7,\"new\":null}}", new ObjectMapper().writeValueAsString(c.toJson()));
    }

    @Test
    void creationDeletionAndNothingChanged() {
        assertEquals(List.of("a", "b"), ChangeHistory.diff(Map.of(), snapshot("a", 1.5, "b", "x", "c", null)).fields().stream()
                .map(Changes.FieldChange::field).toList());
        assertEquals(new Changes.Num(1.5), ChangeHistory.diff(snapshot("a", 1.5), Map.of()).of("a").get().before());
        assertTrue(ChangeHistory.diff(snapshot("a", 1, "b", null), snapshot("a", 1)).isEmpty());
        assertEquals(Changes.NONE, ChangeHistory.diff(Map.of(), Map.of()));
    }

    @Test
    void aValueAHistoryCannotShowIsRefused() {
        assertThrows(IllegalStateException.class, () -> ChangeHistory.diff(Map.of(), Map.of("when", java.time.LocalDate.EPOCH)));
    }
}
