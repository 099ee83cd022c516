package com.patrolplanner.zoning;

import java.util.Set;

/**
 * The SQL face of this capability (schema {@code pp}): {@link #OWNED} lists every relation (table or view) it creates and
 * alone may name in SQL; {@link #PUBLISHED} the subset other capabilities may join against. Everything else it stores
 * is private: other capabilities reach it through this capability's service. {@code active_zone}: the zones of each district's active zone set (id, name, district_code, team_id, geom).
 * Kept true by {@code SqlOwnershipTest}.
 */
public final class ZoningRelations {
    public static final Set<String> OWNED = Set.of("zone_set", "zone", "zone_set_version", "active_zone");
    public static final Set<String> PUBLISHED = Set.of("active_zone");

    private ZoningRelations() {
    }
}
