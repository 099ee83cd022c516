package com.patrolplanner.ogc;

import java.util.Map;
import java.util.Set;

/**
 * One feature collection as SQL over published relations: {@code from} (relations and aliases), the feature id
 * ({@code id}, also the page order), the WGS-84 geometry, the properties as a {@code json_build_object}, the instant that
 * {@code datetime} filters on (null: not temporal), the property filters, the roles that read and write it, and the
 * column that scopes a team leader to the own team (null: not scoped). {@code source} VIOLATIONS collections are computed
 * by compliance's service instead (no SQL here).
 */
record CollectionSpec(String id, String title, String description, Source source, String from, String idExpr,
        boolean numericId, String geom, String properties, String version, String temporal,
        Map<String, PropertyFilter> filters, Set<String> readers, boolean writable, String teamColumn) {

    enum Source { SQL, VIOLATIONS }

    /** A property filter: {@code sql} with one {@code ?}, the value parsed (and checked) by {@code parse}. */
    record PropertyFilter(String sql, java.util.function.Function<String, Object> parse) {
    }
}
