package com.patrolplanner.tiles;

import com.patrolplanner.sql.Columns;
import com.patrolplanner.sql.Conn;
import com.patrolplanner.sql.Cursor;
import com.patrolplanner.sql.Db;
import com.patrolplanner.sql.Stmt;
import com.patrolplanner.i18n.Messages;
import com.patrolplanner.registry.Scope;
import com.patrolplanner.registry.RegistryEvents;
import com.patrolplanner.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Renders vector tiles and says whether a client's copy is still current. A layer's ETag is a hash of its data's change
 * stamp: a write through the registry on this node changes it at once (the {@link RegistryEvents} observed after
 * commit); writes on other nodes or by SQL change it when their commit's notification arrives (venues, schools:
 * {@code DataVersion#tablesToken}, no query per request) or, for zones and while the notification listener is down, the
 * database stamp (row count, last update, highest id), read at most once a second; the set of venues with an open violation (compliance's published view, read at once after
 * a write on this node and in the background every {@value #VIOLATIONS_TTL_MS} ms) is part of the venues stamp too. Tiles rendered under the current ETag are
 * kept in memory ({@link TileCache}, {@value #CACHE_BYTES} bytes). A tile costs one database round trip
 * (nothing for the caller's scope or the ETag: both are kept and retired by notifications) and is bounded by the request
 * connection's statement limit.
 */
@ApplicationScoped
public class TileService {
    static final int TIMEOUT_SECONDS = 10;
    static final long STAMP_TTL_MS = 1_000;
    static final long VIOLATIONS_TTL_MS = 30_000;
    /** Rendered tiles kept in memory (bytes), each under the ETag it was rendered for. */
    static final long CACHE_BYTES = 64L << 20;

    @Inject
    Db db;
    @Inject
    com.patrolplanner.coverage.CoverageService coverage;
    @Inject
    com.patrolplanner.web.DataVersion versions;

    private final AtomicLong localWrites = new AtomicLong();
    private final Set<TileLayer> refreshing = ConcurrentHashMap.newKeySet();
    private final Executor refresher = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "tile-stamp");
        t.setDaemon(true);
        return t;
    });
    private final TileCache cache = new TileCache(CACHE_BYTES);
    private final Map<TileLayer, Stamp> stamps = new EnumMap<>(TileLayer.class);
    private volatile Violating violating = new Violating(new Long[0], "", -1, 0);

    private record Stamp(String value, long readAt) {
    }

    private record Violating(Long[] ids, String hash, long localWrites, long readAt) {
    }

    void venueChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) RegistryEvents.VenueChanged e) {
        localWrites.incrementAndGet();
    }

    void venuesChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) RegistryEvents.VenuesChanged e) {
        localWrites.incrementAndGet();
    }

    void schoolsChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) RegistryEvents.SchoolsChanged e) {
        localWrites.incrementAndGet();
    }

    void schoolChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) RegistryEvents.SchoolChanged e) {
        localWrites.incrementAndGet();
    }

    /** 400 naming the coordinate unless 0 ≤ z ≤ 22 and 0 ≤ x, y < 2^z. */
    public static void checkTile(int z, int x, int y) {
        if (z < 0 || z > TileLayer.MAX_ZOOM) {
            throw ApiException.badRequest("z", Messages.of("tiles.zoom", TileLayer.MAX_ZOOM));
        }
        long n = 1L << z;
        if (x < 0 || x >= n) {
            throw ApiException.badRequest("x", Messages.of("tiles.xy", n - 1, z));
        }
        if (y < 0 || y >= n) {
            throw ApiException.badRequest("y", Messages.of("tiles.xy", n - 1, z));
        }
    }

    /** The layer's current ETag value (without quotes) over every unit. */
    public String etag(TileLayer layer) {
        return etag(layer, Scope.ALL);
    }

    /** The layer's current ETag value for a caller of {@code scope}: another unit never revalidates this copy. */
    public String etag(TileLayer layer, Scope scope) {
        String s = stamp(layer) + "|" + scope.encode();
        if (layer == TileLayer.VENUES) {
            s += "|" + violating().hash();
        }
        return sha(layer.id + "|" + s).substring(0, 20);
    }

    /**
     * The tile's Mapbox Vector Tile bytes for the layer's current {@code etag}; empty when nothing of the layer lies in
     * it. A tile rendered for the same ETag is served from memory: the ETag changes with the data, so a cached tile is
     * never stale by more than the stamp's refresh interval.
     */
    public byte[] tile(TileLayer layer, int z, int x, int y, String etag, Scope scope) {
        String key = layer.id + "/" + z + "/" + x + "/" + y + "/" + scope.encode();
        byte[] hit = cache.get(key, etag);
        if (hit != null) {
            return hit;
        }
        byte[] b = render(layer, z, x, y, scope);
        cache.put(key, etag, b);
        return b;
    }

    /** Renders a tile with the layer's statement over every unit (no cache). */
    public byte[] render(TileLayer layer, int z, int x, int y) {
        return render(layer, z, x, y, Scope.ALL);
    }

    /**
     * Renders a tile with the layer's statement for {@code scope}'s units (no cache): one round trip
     * ({@link TileLayer#statement}). Bounded by the request connection's statement limit ({@code web.StatementTimeout},
     * 15 s; a cancelled statement is a 503), not by a JDBC timer of its own per tile.
     */
    public byte[] render(TileLayer layer, int z, int x, int y, Scope scope) {
        checkTile(z, x, y);
        Long[] ids = layer == TileLayer.VENUES ? violating().ids() : new Long[0];
        List<Object> params = layer.params(z, x, y, ids);
        try (Conn c = db.open(); Stmt st = c.prepare(layer.statement(z, scope))) {
            for (int i = 0; i < params.size(); i++) {
                Object p = params.get(i);
                if (p instanceof Long[] a) {
                    st.setArray(i + 1, "bigint", a);
                } else {
                    st.setObject(i + 1, p);
                }
            }
            try (Cursor rs = st.executeLastQuery()) {
                rs.next();
                byte[] b = rs.getBytes(1);
                return b == null ? new byte[0] : b;
            }
        }
    }

    /** The WGS-84 bounds of the layer's data, or the whole world when it is empty. */
    public double[] bounds(TileLayer layer) {
        String sql = switch (layer) {
            case VENUES -> "SELECT ST_Extent(geom) FROM venue";
            case SCHOOLS -> "SELECT ST_Extent(coalesce(campus::geometry, geom)) FROM school";
            case ZONES -> "SELECT ST_Extent(geom) FROM active_zone";
        };
        try (Conn c = db.open(); Stmt st = c.prepare(
                "SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM (" + sql + ") AS x(e)")) {
            st.setQueryTimeout(TIMEOUT_SECONDS);
            try (Cursor rs = st.executeQuery()) {
                rs.next();
                if (rs.getObject(1) == null) {
                    return new double[] {-180, -85.0511, 180, 85.0511};
                }
                return new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)};
            }
        }
    }

    /**
     * The layer's database stamp and this node's write counter. A stamp older than {@link #STAMP_TTL_MS} is refreshed
     * in the background while requests keep using the previous one (the count of a million rows must not sit in a tile
     * request); the local write counter is read live, so a write on this node changes the ETag at once.
     */
    private String stamp(TileLayer layer) {
        // venues and schools: the tables' write notifications (web.DataVersion), no query at all; the database stamp
        // below only while the listener is down, and for zones (their tables notify nothing)
        String token = switch (layer) {
            case VENUES -> versions.tablesToken("venue");
            case SCHOOLS -> versions.tablesToken("school");
            case ZONES -> null;
        };
        if (token != null) {
            return "n" + token + "#" + localWrites.get();
        }
        long now = System.currentTimeMillis();
        Stamp s;
        synchronized (stamps) {
            s = stamps.get(layer);
        }
        if (s == null) {
            s = readStamp(layer);
        } else if (now - s.readAt() >= STAMP_TTL_MS && refreshing.add(layer)) {
            refresher.execute(() -> {
                try {
                    readStamp(layer);
                } catch (RuntimeException e) {
                    // the next request retries; the previous stamp stays in use meanwhile
                } finally {
                    refreshing.remove(layer);
                }
            });
        }
        return s.value() + "#" + localWrites.get();
    }

    private Stamp readStamp(TileLayer layer) {
        String sql = switch (layer) {
            case VENUES -> "SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') || ':' || coalesce(max(id), 0) FROM venue";
            case SCHOOLS -> "SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') || ':' || coalesce(max(id), 0) FROM school";
            // zones carry no change time: a digest of what the tiles show (a few hundred rows)
            case ZONES -> "SELECT count(*) || ':' || md5(coalesce(string_agg(z.id || ':' || coalesce(z.team_id, 0) || ':' "
                    + "|| z.name || ':' || md5(ST_AsEWKB(z.geom)::text), ',' ORDER BY z.id), '')) FROM active_zone z";
        };
        long at = System.currentTimeMillis();
        try (Conn c = db.open(); Stmt st = c.prepare(sql)) {
            st.setQueryTimeout(TIMEOUT_SECONDS);
            try (Cursor rs = st.executeQuery()) {
                rs.next();
                Stamp s = new Stamp(rs.getString(1), at);
                synchronized (stamps) {
                    stamps.put(layer, s);
                }
                return s;
            }
        }
    }

    /** The venue ids the tile statements flag as having an open violation (what the service binds). */
    public Long[] violatingVenueIds() {
        return violating().ids();
    }

    /** Venues with an open violation today (compliance's rule, as GET /api/compliance/violations counts them). */
    private Violating violating() {
        long now = System.currentTimeMillis();
        long writes = localWrites.get();
        Violating v = violating;
        if (v.localWrites() == writes) {
            // only time has passed: refreshed in the background (one refresh at a time) while requests keep this set; a
            // write on this node (above) is read at once
            if (now - v.readAt() >= VIOLATIONS_TTL_MS && refreshingViolations.compareAndSet(false, true)) {
                refresher.execute(() -> {
                    try {
                        readViolating(writes);
                    } catch (RuntimeException e) {
                        // the next request retries; the previous set stays in use meanwhile
                    } finally {
                        refreshingViolations.set(false);
                    }
                });
            }
            return v;
        }
        return readViolating(writes);
    }

    private final java.util.concurrent.atomic.AtomicBoolean refreshingViolations = new java.util.concurrent.atomic.AtomicBoolean();

    private Violating readViolating(long writes) {
        long now = System.currentTimeMillis();
        Violating v;
        // compliance's published view: the verdicts in force today, overrides applied (the same rows as
        // GET /api/compliance/violations, see OpenViolationViewTest), read whole because the tile cache is shared
        TreeSet<Long> ids = new TreeSet<>();
        try (Conn c = db.open();
                Stmt ps = c.prepare("SELECT DISTINCT venue_id FROM open_violation");
                Cursor rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        Long[] a = ids.toArray(Long[]::new);
        v = new Violating(a, sha(ids.toString()), writes, now);
        violating = v;
        return v;
    }

    static String sha(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- coverage cells

    /** H3 resolution of the coverage tiles: 8 (edge ≈ 530 m) below this zoom, 9 (≈ 200 m) from it. */
    public static final int COVERAGE_FINE_ZOOM = 13;
    /** Cells whose venues lie this far (degrees) outside a tile may still reach into it (a res-8 cell is ≈ 0.012° wide). */
    static final double COVERAGE_MARGIN = 0.015;

    static final String COVERAGE_SQL = """
            SELECT ST_AsMVT(t, 'coverage', 4096, 'geom') FROM (
              SELECT c.cell, %d AS res, c.venues, c.inspected AS "venuesInspected", c.coverage, c.inspections,
                     c.violations, c.visits AS "officerVisits",
                     ST_AsMVTGeom(ST_Transform(ST_GeomFromText(c.wkt, 4326), 3857), ST_TileEnvelope(?, ?, ?), 4096, 64, true) AS geom
              FROM unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS bigint[]), CAST(? AS bigint[]), CAST(? AS float8[]),
                          CAST(? AS bigint[]), CAST(? AS bigint[]), CAST(? AS bigint[]))
                   AS c(cell, wkt, venues, inspected, coverage, inspections, violations, visits)) t
            WHERE t.geom IS NOT NULL""";

    /** The H3 resolution the coverage tiles use at zoom {@code z}. */
    public static int coverageRes(int z) {
        return z < COVERAGE_FINE_ZOOM ? 8 : 9;
    }

    /**
     * The coverage tile's ETag for the caller's scope and the period (null while answers cannot be kept: the data
     * token is unknown). It changes with every inspection, venue, school, district or unit write ({@code DataVersion}).
     */
    public String coverageEtag(com.patrolplanner.coverage.CoverageQuery period) {
        jakarta.ws.rs.core.EntityTag t = coverage.etag("coverage-tile", period.from().toInstant() + "/" + period.to().toInstant());
        return t == null ? null : t.getValue();
    }

    /**
     * The coverage tile: one polygon per H3 cell holding a venue of the caller's scope near the tile, with the
     * period's figures (venues, venuesInspected, coverage, inspections, violations, officerVisits: as
     * {@code GET /api/coverage/hex}). Kept in the tile cache under {@code etag} (the scope and the period are in the
     * key and in the ETag); null {@code etag}: rendered afresh and not kept.
     */
    public byte[] coverageTile(int z, int x, int y, com.patrolplanner.coverage.CoverageQuery period, String etag, Scope scope) {
        checkTile(z, x, y);
        String key = "coverage/" + z + "/" + x + "/" + y + "/" + scope.encode() + "/" + period.from().toInstant() + "/"
                + period.to().toInstant();
        if (etag != null) {
            byte[] hit = cache.get(key, etag);
            if (hit != null) {
                return hit;
            }
        }
        double n = 1L << z;
        double west = x / n * 360 - 180;
        double east = (x + 1) / n * 360 - 180;
        double north = Math.toDegrees(Math.atan(Math.sinh(Math.PI * (1 - 2 * y / n))));
        double south = Math.toDegrees(Math.atan(Math.sinh(Math.PI * (1 - 2 * (y + 1) / n))));
        double[] box = {Math.max(-180, west - COVERAGE_MARGIN), Math.max(-90, south - COVERAGE_MARGIN),
                Math.min(180, east + COVERAGE_MARGIN), Math.min(90, north + COVERAGE_MARGIN)};
        int res = coverageRes(z);
        List<com.patrolplanner.coverage.CoverageService.CellStats> cells = coverage.cells(
                new com.patrolplanner.coverage.CoverageQuery(period.from(), period.to(), box), res);
        byte[] b = cells.isEmpty() ? new byte[0] : renderCoverage(z, x, y, res, cells);
        if (etag != null) {
            cache.put(key, etag, b);
        }
        return b;
    }

    private byte[] renderCoverage(int z, int x, int y, int res, List<com.patrolplanner.coverage.CoverageService.CellStats> cells) {
        try (Conn c = db.open(); Stmt st = c.prepare(COVERAGE_SQL.formatted(res))) {
            st.setQueryTimeout(TIMEOUT_SECONDS);
            st.setInt(1, z);
            st.setInt(2, x);
            st.setInt(3, y);
            Columns.of(cells).text(cell -> com.patrolplanner.coverage.HexCells.address(cell.cell()))
                    .text(cell -> com.patrolplanner.coverage.HexCells.wkt(cell.cell()))
                    .bigint(cell -> cell.stats().venues()).bigint(cell -> cell.stats().venuesInspected())
                    .float8(cell -> cell.stats().coverage() == null ? null : Math.round(cell.stats().coverage() * 10000) / 10000.0)
                    .bigint(cell -> cell.stats().inspections()).bigint(cell -> cell.stats().violations())
                    .bigint(cell -> cell.stats().officerVisits()).bind(st, 4);
            try (Cursor rs = st.executeQuery()) {
                rs.next();
                byte[] b = rs.getBytes(1);
                return b == null ? new byte[0] : b;
            }
        }
    }
}
