package com.patrolplanner.tiles;

import com.patrolplanner.registry.Scope;
import com.patrolplanner.registry.RegistryEvents;
import com.patrolplanner.web.ApiException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
 * commit); writes on other nodes or by SQL change the database stamp (row count, last update, highest id), read at most
 * once a second; the set of venues with an open violation (compliance's service, refreshed with the stamp and at least
 * every {@value #VIOLATIONS_TTL_MS} ms) is part of the venues stamp too. Tiles rendered under the current ETag are
 * kept in memory ({@link TileCache}, {@value #CACHE_BYTES} bytes); tile statements are bounded by a timeout.
 */
@ApplicationScoped
public class TileService {
    static final int TIMEOUT_SECONDS = 10;
    static final long STAMP_TTL_MS = 1_000;
    static final long VIOLATIONS_TTL_MS = 30_000;
    /** Rendered tiles kept in memory (bytes), each under the ETag it was rendered for. */
    static final long CACHE_BYTES = 64L << 20;

    @Inject
    AgroalDataSource ds;

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
            throw ApiException.badRequest("z", "zoom must be 0.." + TileLayer.MAX_ZOOM);
        }
        long n = 1L << z;
        if (x < 0 || x >= n) {
            throw ApiException.badRequest("x", "must be 0.." + (n - 1) + " at zoom " + z);
        }
        if (y < 0 || y >= n) {
            throw ApiException.badRequest("y", "must be 0.." + (n - 1) + " at zoom " + z);
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

    /** Renders a tile with the layer's statement for {@code scope}'s units (no cache). */
    public byte[] render(TileLayer layer, int z, int x, int y, Scope scope) {
        checkTile(z, x, y);
        Long[] ids = layer == TileLayer.VENUES ? violating().ids() : new Long[0];
        List<Object> params = layer.params(z, x, y, ids);
        try (Connection c = ds.getConnection(); PreparedStatement st = c.prepareStatement(layer.sql(z, scope))) {
            st.setQueryTimeout(TIMEOUT_SECONDS);
            for (int i = 0; i < params.size(); i++) {
                Object p = params.get(i);
                if (p instanceof Long[] a) {
                    st.setArray(i + 1, c.createArrayOf("bigint", a));
                } else {
                    st.setObject(i + 1, p);
                }
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                byte[] b = rs.getBytes(1);
                return b == null ? new byte[0] : b;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("tile " + layer.id + "/" + z + "/" + x + "/" + y + " failed: " + e.getMessage(), e);
        }
    }

    /** The WGS-84 bounds of the layer's data, or the whole world when it is empty. */
    public double[] bounds(TileLayer layer) {
        String sql = switch (layer) {
            case VENUES -> "SELECT ST_Extent(geom) FROM venue";
            case SCHOOLS -> "SELECT ST_Extent(coalesce(campus::geometry, geom)) FROM school";
            case ZONES -> "SELECT ST_Extent(geom) FROM active_zone";
        };
        try (Connection c = ds.getConnection(); PreparedStatement st = c.prepareStatement(
                "SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM (" + sql + ") AS x(e)")) {
            st.setQueryTimeout(TIMEOUT_SECONDS);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                if (rs.getObject(1) == null) {
                    return new double[] {-180, -85.0511, 180, 85.0511};
                }
                return new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)};
            }
        } catch (SQLException e) {
            throw new IllegalStateException("bounds of " + layer.id + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * The layer's database stamp and this node's write counter. A stamp older than {@link #STAMP_TTL_MS} is refreshed
     * in the background while requests keep using the previous one (the count of a million rows must not sit in a tile
     * request); the local write counter is read live, so a write on this node changes the ETag at once.
     */
    private String stamp(TileLayer layer) {
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
        try (Connection c = ds.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setQueryTimeout(TIMEOUT_SECONDS);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                Stamp s = new Stamp(rs.getString(1), at);
                synchronized (stamps) {
                    stamps.put(layer, s);
                }
                return s;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("change stamp of " + layer.id + " failed: " + e.getMessage(), e);
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
        if (v.localWrites() == writes && now - v.readAt() < VIOLATIONS_TTL_MS) {
            return v;
        }
        // compliance's published view: the verdicts in force today, overrides applied (the same rows as
        // GET /api/compliance/violations, see OpenViolationViewTest), read whole because the tile cache is shared
        TreeSet<Long> ids = new TreeSet<>();
        try (java.sql.Connection c = ds.getConnection();
                java.sql.PreparedStatement ps = c.prepareStatement("SELECT DISTINCT venue_id FROM open_violation");
                java.sql.ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("open violations for the tiles", e);
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
}
