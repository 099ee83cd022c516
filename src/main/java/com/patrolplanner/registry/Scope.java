package com.patrolplanner.registry;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The units a caller may see: its own and every unit below it ({@code units}), or everything ({@code units == null}:
 * the system administrator, and work the service does on its own behalf). A value, so a background job keeps the scope
 * of the request that started it. {@link #sql(String)} is the one SQL predicate every capability scopes with.
 */
public record Scope(Long unitId, List<Long> units) {
    public static final Scope ALL = new Scope(null, null);
    /** The option name under which a background job carries the scope of the request that started it. */
    public static final String OPTION = "scope";

    public boolean all() {
        return units == null;
    }

    /** True when a record of unit {@code unitId} (null: in no unit) is visible. */
    public boolean sees(Long unitId) {
        return units == null || (unitId != null && units.contains(unitId));
    }

    /**
     * {@code column = ANY('{…}'::bigint[])}, or {@code TRUE} for the whole city. The ids are database longs, written as
     * a literal so the predicate fits any statement (named or positional parameters) unchanged.
     */
    public String sql(String column) {
        return units == null ? "TRUE" : column + " = ANY('" + array() + "'::bigint[])";
    }

    /** The units as a PostgreSQL array literal ({@code {3,4,7}}), or null for all. */
    public String array() {
        return units == null ? null : units.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
    }

    /** Parses {@link #encode()}; null or blank → {@link #ALL}. */
    public static Scope decode(String s) {
        if (s == null || s.isBlank()) {
            return ALL;
        }
        String[] p = s.split(":", 2);
        List<Long> ids = p[1].isEmpty() ? List.of() : Arrays.stream(p[1].split(",")).map(Long::valueOf).toList();
        return new Scope(Long.valueOf(p[0]), ids);
    }

    /** {@code unit:id,id,…} (empty for {@link #ALL}), to carry a scope through a job's options. */
    public String encode() {
        return units == null ? "" : unitId + ":" + units.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
