package com.patrolplanner.importer;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/**
 * What an import did: the body of {@code POST /api/imports} and an import job's result. The three counts every kind
 * gives, then the kind's own members ({@link ImportHandler.Summary#extra()}: rows without coordinates, format and
 * encoding, warnings, the time per step, …; for a GIS file its format and source CRS) written after them as members of
 * the same object, in the order the kind put them: {@code {"imported":…,"updated":…,"unchanged":…,"rows":…,…}}, the
 * JSON the service has always answered.
 */
@JsonPropertyOrder({"imported", "updated", "unchanged"})
public record ImportResult(long imported, long updated, long unchanged, @JsonIgnore Map<String, Object> kindMembers) {
    /** The kind's members, written after the counts (never the counts again). */
    @JsonAnyGetter
    public Map<String, Object> members() {
        return kindMembers;
    }

    /** The same members as one map, in the JSON's order (for logs, benches and the demo loader's summary). */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("imported", imported);
        m.put("updated", updated);
        m.put("unchanged", unchanged);
        m.putAll(kindMembers);
        return m;
    }
}
