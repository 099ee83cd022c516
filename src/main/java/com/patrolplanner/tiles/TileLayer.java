package com.patrolplanner.tiles;

import com.patrolplanner.registry.Scope;
import com.patrolplanner.security.Roles;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A vector-tile layer: one SQL statement over published relations that renders a Web-Mercator (EPSG:3857) tile from
 * the WGS-84 data with {@code ST_TileEnvelope} / {@code ST_AsMVTGeom} / {@code ST_AsMVT} (extent 4096, buffer 64).
 * Parameters, in order: z, x, y (the tile), then the venue ids that have an open violation ({@code bigint[]}).
 * Venues are points from zoom {@value #VENUE_DETAIL_ZOOM}; below it a tile holds clusters (one point per 1/64 of the
 * tile with {@code count} and {@code violations}), so that a z10 tile over a city stays small.
 */
public enum TileLayer {
    VENUES("venues", "Venues: id, name, category, status, violation (an open violation near a school). Below zoom "
            + TileLayer.VENUE_DETAIL_ZOOM + ": clusters with count and violations."),
    SCHOOLS("schools", "Schools: layer 'campuses' (campus polygons) and layer 'schools' (points): id, name, level."),
    ZONES("zones", "Patrol zones of the active zone sets: id, name, district, teamId, team.");

    public static final int VENUE_DETAIL_ZOOM = 14;
    public static final int MAX_ZOOM = 22;
    /** Clusters per tile side below {@link #VENUE_DETAIL_ZOOM}. */
    public static final int CLUSTER_GRID = 64;
    public static final Set<String> READERS = Set.of(Roles.PLANNER, Roles.TEAM_LEADER, Roles.MANAGER, Roles.ADMIN);

    public final String id;
    public final String description;

    TileLayer(String id, String description) {
        this.id = id;
        this.description = description;
    }

    public static TileLayer of(String id) {
        for (TileLayer l : values()) {
            if (l.id.equals(id)) {
                return l;
            }
        }
        return null;
    }

    /** The WGS-84 search box of tile (?, ?, ?) with the 64/4096 buffer, for the GiST indexes on {@code geom}. */
    static final String BOX = "ST_Transform(ST_TileEnvelope(?, ?, ?, margin => 0.015625), 4326)";
    static final String VIOLATING = "IN (SELECT unnest(CAST(? AS bigint[])))";
    /**
     * A venue's Web-Mercator x and y (metres) from its WGS-84 position by the spherical formulas EPSG:3857 is defined by
     * (x = R·λ, y = R·ln tan(π/4 + φ/2), R = 6,378,137 m): what {@code ST_Transform(geom, 3857)} computes, to within
     * 1e-8 m, without a PROJ call per venue, which took most of a low-zoom tile's time (a z10 tile over the city reads
     * about 65,000 venues). The tile's search box keeps φ within ±85.06°.
     */
    static final String MERC_X = "(ST_X(v.geom) * 111319.49079327357)";
    static final String MERC_Y = "(ln(tan(radians(90 + ST_Y(v.geom)) / 2)) * 6378137)";
    /**
     * Sent with every tile statement, in the same round trip: PostgreSQL's JIT compiler off for this statement only
     * ({@code set_config(…, true)} lasts until the implicit transaction ends at the round trip's Sync). A low-zoom tile's
     * cost estimate (tens of thousands of venues) is far above {@code jit_above_cost}, and compiling its expressions
     * took longer than running them whenever PostgreSQL planned the statement afresh (each pooled connection's first
     * executions of each scope's statement).
     */
    public static final String SETTINGS = "SELECT set_config('jit', 'off', true);\n";

    /**
     * What the service sends for a tile of zoom {@code z} and {@code scope}, in one round trip: {@link #SETTINGS}, then
     * {@link #sql(int, Scope)} (its result is the statement's second one). The bench's raw baseline sends the same.
     */
    public String statement(int z, Scope scope) {
        return SETTINGS + sql(z, scope);
    }

    /** The tile statement for zoom {@code z} over every unit; see {@link #sql(int, Scope)}. */
    public String sql(int z) {
        return sql(z, Scope.ALL);
    }

    /**
     * The tile statement for zoom {@code z} holding only records of {@code scope}'s units (属地管理: another unit's venue
     * is not in the tile, nor counted in a cluster); parameters: z, x, y, z, x, y, violating venue ids. Zones are not
     * scoped by unit yet (as in the REST API).
     */
    public String sql(int z, Scope scope) {
        String venue = scope.all() ? "" : " AND " + scope.sql("v.unit_id");
        String school = scope.all() ? "" : " AND " + scope.sql("s.unit_id");
        return switch (this) {
            case VENUES -> z >= VENUE_DETAIL_ZOOM ? """
                    SELECT ST_AsMVT(t, 'venues', 4096, 'geom', 'id') FROM (
                      SELECT v.id, v.name, v.category, v.status, v.id %s AS violation,
                             ST_AsMVTGeom(ST_SetSRID(ST_MakePoint(%s, %s), 3857), ST_TileEnvelope(?, ?, ?), 4096, 64, true) AS geom
                      FROM venue v WHERE v.geom && %s%s) t""".formatted(VIOLATING, MERC_X, MERC_Y, BOX, venue) : """
                    SELECT ST_AsMVT(t, 'venues', 4096, 'geom') FROM (
                      SELECT count(*)::int AS count, count(*) FILTER (WHERE q.violation)::int AS violations,
                             ST_AsMVTGeom(ST_SetSRID(ST_MakePoint(avg(q.x), avg(q.y)), 3857), q.env, 4096, 64, true) AS geom
                      FROM (SELECT %s AS x, %s AS y, v.id %s AS violation, e.env,
                                   (ST_XMax(e.env) - ST_XMin(e.env)) / %d AS cell
                            FROM (SELECT ST_TileEnvelope(?, ?, ?) AS env) e, venue v WHERE v.geom && %s%s) q
                      GROUP BY floor(q.x / q.cell), floor(q.y / q.cell), q.env) t""".formatted(MERC_X, MERC_Y, VIOLATING,
                    CLUSTER_GRID, BOX, venue);
            case SCHOOLS -> """
                    SELECT coalesce((SELECT ST_AsMVT(c, 'campuses', 4096, 'geom', 'id') FROM (
                      SELECT s.id, s.name, s.level,
                             ST_AsMVTGeom(ST_Transform(s.campus, 3857), ST_TileEnvelope(?, ?, ?), 4096, 64, true) AS geom
                      FROM school s WHERE s.campus && %s%s) c WHERE c.geom IS NOT NULL), ''::bytea)
                    || coalesce((SELECT ST_AsMVT(p, 'schools', 4096, 'geom', 'id') FROM (
                      SELECT s.id, s.name, s.level, s.campus IS NOT NULL AS campus,
                             ST_AsMVTGeom(ST_Transform(s.geom, 3857), ST_TileEnvelope(?, ?, ?), 4096, 64, true) AS geom
                      FROM school s WHERE s.geom && %s%s) p), ''::bytea)""".formatted(BOX, school, BOX, school);
            case ZONES -> """
                    SELECT ST_AsMVT(t, 'zones', 4096, 'geom', 'id') FROM (
                      SELECT z.id, z.name, z.district_code AS district, z.team_id AS "teamId", tm.name AS team,
                             ST_AsMVTGeom(ST_Transform(z.geom, 3857), ST_TileEnvelope(?, ?, ?), 4096, 64, true) AS geom
                      FROM active_zone z LEFT JOIN team tm ON tm.id = z.team_id WHERE z.geom && %s) t
                    WHERE t.geom IS NOT NULL""".formatted(BOX);
        };
    }

    /** The parameters of {@link #sql(int)} for tile z/x/y, in statement order. */
    public List<Object> params(int z, int x, int y, Long[] violating) {
        return switch (this) {
            case VENUES -> List.of(violating, z, x, y, z, x, y);
            case SCHOOLS -> List.of(z, x, y, z, x, y, z, x, y, z, x, y);
            case ZONES -> List.of(z, x, y, z, x, y);
        };
    }

    /** The TileJSON {@code vector_layers} fields of this layer. */
    public Map<String, Map<String, String>> fields() {
        Map<String, Map<String, String>> m = new LinkedHashMap<>();
        switch (this) {
            case VENUES -> m.put("venues", Map.of("id", "Number", "name", "String", "category", "String", "status", "String",
                    "violation", "Boolean", "count", "Number (clusters below zoom " + VENUE_DETAIL_ZOOM + ")",
                    "violations", "Number (clusters)"));
            case SCHOOLS -> {
                m.put("campuses", Map.of("id", "Number", "name", "String", "level", "String"));
                m.put("schools", Map.of("id", "Number", "name", "String", "level", "String", "campus", "Boolean"));
            }
            case ZONES -> m.put("zones", Map.of("id", "Number", "name", "String", "district", "String", "teamId", "Number",
                    "team", "String"));
        }
        return m;
    }
}
