package com.patrolplanner.registry;

import com.patrolplanner.sql.Conn;
import com.patrolplanner.sql.Db;
import com.patrolplanner.web.DataVersion;
import com.patrolplanner.web.Paging;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The venue and school map layers of one scope kept in memory between writes of their table, so that a map request
 * ({@code GET /api/venues?bbox=…}, the whole register with {@code limit}) only slices them by its box instead of
 * running two statements and rendering every Feature again in PostgreSQL.
 *
 * <p>A layer is every record of one {@link Scope} (the key: a district's users and the city's never share one), in id
 * order, each Feature rendered once by exactly the statement of the SQL path ({@link RegisterQueries#VENUE_FEATURE},
 * {@link RegisterQueries#SCHOOL_FEATURE}) and kept as UTF-8 bytes, with the box PostGIS' {@code &&} compares. It is
 * valid while {@link DataVersion#tableVersion(String)} of its table is the token it was built under: any committed
 * write to the table (service, set-based import, plain SQL, another process) retires it, an inspection write does not.
 * While the token is unknown (the notification listener is down) nothing is kept and the SQL path answers.
 *
 * <p>Bounded: a scope with more than {@code patrol.layers.max-features} records, or a layer that would not fit in
 * {@code patrol.layers.cache-mb} with the others, is answered by SQL; the least recently used layers go first.
 * Building one takes one statement (22,500 venues: a few hundred ms); requests that miss at once wait for the one build.
 */
@ApplicationScoped
public class RegisterLayers {
    /** The two layers; the box expression is the one {@link RegisterQueries} filters with. */
    public enum Kind {
        VENUES("venue", "venue v", RegisterQueries.VENUE_FEATURE, "v.geom", "v.unit_id", "v.id"),
        SCHOOLS("school", "school s", RegisterQueries.SCHOOL_FEATURE, "coalesce(s.campus::geometry, s.geom)", "s.unit_id",
                "s.id");

        final String table;
        final String from;
        final String feature;
        final String shape;
        final String unitColumn;
        final String id;

        Kind(String table, String from, String feature, String shape, String unitColumn, String id) {
            this.table = table;
            this.from = from;
            this.feature = feature;
            this.shape = shape;
            this.unitColumn = unitColumn;
            this.id = id;
        }
    }

    @Inject
    Db db;
    @Inject
    DataVersion versions;
    @ConfigProperty(name = "patrol.layers.max-features", defaultValue = "100000")
    int maxFeatures;
    @ConfigProperty(name = "patrol.layers.cache-mb", defaultValue = "64")
    int cacheMb;

    /** Layers built since start (tests and the benchmark read it: a second request must not build again). */
    final AtomicLong builds = new AtomicLong();

    /** One scope's records of one table, immutable once built. */
    static final class Layer {
        final String token;
        final int size;
        final long[] id;
        /** Per record xmin, ymin, xmax, ymax as PostGIS' float box (rounded outward); NaN without a geometry. */
        final float[] box;
        final boolean[] located;
        /** Every Feature's UTF-8 bytes back to back; record i is {@code blob[start[i] .. start[i+1])}. */
        byte[] blob;
        final int[] start;
        /** The records near a box, for street-level requests (the box test below still decides). */
        com.patrolplanner.geo.BoxGrid grid;

        Layer(String token, int size) {
            this.token = token;
            this.size = size;
            id = new long[size];
            box = new float[4 * size];
            located = new boolean[size];
            start = new int[size + 1];
        }

        long bytes() {
            return (blob == null ? 0 : blob.length) + 8L * size + 16L * size + size + 4L * size + 64;
        }
    }

    private static final class Slot {
        volatile Layer layer;
        volatile long used;
    }

    private final Map<String, Slot> slots = new ConcurrentHashMap<>();

    /** One page of a layer: the FeatureCollection's bytes and the figures its {@code Link} header needs. */
    public record Page(byte[] json, long matched, int returned) {
    }

    /**
     * The page of {@code kind} in {@code scope} inside {@code bbox} (null: the whole register) in id order, or null when
     * this cannot be answered from memory now (token unknown, layer too big): the caller then asks SQL.
     */
    public Page page(Kind kind, Scope scope, String token, double[] bbox, Paging.Page page) {
        Layer l = layer(kind, scope, token);
        if (l == null) {
            return null;
        }
        return slice(l, bbox, page);
    }

    /** The kept layer of {@code kind} for {@code scope} under {@code token}, built when missing; null when not kept. */
    Layer layer(Kind kind, Scope scope, String token) {
        if (token == null) {
            return null;
        }
        String key = kind.name() + "|" + scope.encode();
        Slot slot = slots.computeIfAbsent(key, k -> new Slot());
        slot.used = System.nanoTime();
        Layer l = slot.layer;
        if (l != null && token.equals(l.token)) {
            return l.blob == null ? null : l;
        }
        synchronized (slot) {
            l = slot.layer;
            if (l == null || !token.equals(l.token)) {
                l = build(kind, scope, token);
                slot.layer = l;
                if (l.blob != null) {
                    fit(slot);
                }
            }
        }
        return l.blob == null ? null : l;
    }

    /** Drops the least recently used layers until the kept ones fit the budget; a layer alone over it is not kept. */
    private void fit(Slot keep) {
        long budget = cacheMb * 1024L * 1024L;
        while (true) {
            long total = 0;
            Slot oldest = null;
            for (Slot s : slots.values()) {
                Layer l = s.layer;
                if (l != null && l.blob != null) {
                    total += l.bytes();
                    if (s != keep && (oldest == null || s.used < oldest.used)) {
                        oldest = s;
                    }
                }
            }
            if (total <= budget) {
                return;
            }
            if (oldest == null) {
                Layer big = keep.layer;
                Layer marker = new Layer(big.token, 0);
                keep.layer = marker; // not kept: the SQL path answers until the next write
                return;
            }
            oldest.layer = null;
        }
    }

    /** Empties every kept layer (benchmarks time the uncached path with it; correctness never needs it). */
    public void clear() {
        slots.clear();
    }

    private Layer build(Kind kind, Scope scope, String token) {
        String where = " WHERE " + scope.sql(kind.unitColumn);
        try (Conn c = db.open()) {
            long n = ((Number) c.value("SELECT count(*) FROM " + kind.from + where)).longValue();
            if (n > maxFeatures) {
                return new Layer(token, 0);
            }
            builds.incrementAndGet();
            String g = kind.shape;
            String sql = "SELECT " + kind.id + ", " + kind.feature + ", ST_XMin(" + g + "), ST_YMin(" + g + "), ST_XMax(" + g
                    + "), ST_YMax(" + g + ") FROM " + kind.from + where + " ORDER BY " + kind.id;
            // rows written between the count and this read: the token moves with them, so this layer is retired anyway
            Growing rows = new Growing((int) n);
            c.stream(sql, List.of(), 2000, r -> {
                long id = r.getLong(1);
                byte[] f = r.getString(2).getBytes(StandardCharsets.UTF_8);
                double x0 = r.getDouble(3);
                boolean located = !r.wasNull();
                rows.add(id, f, located, x0, r.getDouble(4), r.getDouble(5), r.getDouble(6));
            });
            return rows.layer(token);
        }
    }

    /** Rows as they stream in; the record count may differ from the count read before. */
    private static final class Growing {
        long[] id;
        boolean[] located;
        float[] box;
        int[] start;
        byte[] blob;
        int n;
        int bytes;

        Growing(int expected) {
            int cap = Math.max(16, expected);
            id = new long[cap];
            located = new boolean[cap];
            box = new float[4 * cap];
            start = new int[cap + 1];
            blob = new byte[Math.max(1024, cap * 400)];
        }

        void add(long rowId, byte[] feature, boolean hasShape, double x0, double y0, double x1, double y1) {
            if (n == id.length) {
                int cap = n * 2;
                id = Arrays.copyOf(id, cap);
                located = Arrays.copyOf(located, cap);
                box = Arrays.copyOf(box, 4 * cap);
                start = Arrays.copyOf(start, cap + 1);
            }
            if (bytes + feature.length > blob.length) {
                blob = Arrays.copyOf(blob, Math.max(blob.length * 2, bytes + feature.length));
            }
            id[n] = rowId;
            located[n] = hasShape;
            box[4 * n] = hasShape ? down(x0) : Float.NaN;
            box[4 * n + 1] = hasShape ? down(y0) : Float.NaN;
            box[4 * n + 2] = hasShape ? up(x1) : Float.NaN;
            box[4 * n + 3] = hasShape ? up(y1) : Float.NaN;
            start[n] = bytes;
            System.arraycopy(feature, 0, blob, bytes, feature.length);
            bytes += feature.length;
            n++;
        }

        Layer layer(String token) {
            Layer l = new Layer(token, n);
            System.arraycopy(id, 0, l.id, 0, n);
            System.arraycopy(located, 0, l.located, 0, n);
            System.arraycopy(box, 0, l.box, 0, 4 * n);
            System.arraycopy(start, 0, l.start, 0, n);
            l.start[n] = bytes;
            l.blob = Arrays.copyOf(blob, bytes);
            float[] b = l.box;
            l.grid = com.patrolplanner.geo.BoxGrid.of(n, i -> l.located[i], i -> b[4 * i], i -> b[4 * i + 1], i -> b[4 * i + 2],
                    i -> b[4 * i + 3]);
            return l;
        }
    }

    // ---------------------------------------------------------------- the box test, as PostGIS does it

    /**
     * PostGIS compares boxes in single precision, each rounded outward ({@code next_float_down}/{@code next_float_up} in
     * its {@code gserialized_gist_2d.c}): a point a few decimetres outside the asked box still matches. Done the same way
     * here, so that the kept layer answers exactly as the statement would.
     */
    static float down(double d) {
        if (d > Float.MAX_VALUE) {
            return Float.MAX_VALUE;
        }
        if (d <= -Float.MAX_VALUE) {
            return -Float.MAX_VALUE;
        }
        float r = (float) d;
        return r <= d ? r : Math.nextDown(r);
    }

    static float up(double d) {
        if (d >= Float.MAX_VALUE) {
            return Float.MAX_VALUE;
        }
        if (d < -Float.MAX_VALUE) {
            return -Float.MAX_VALUE;
        }
        float r = (float) d;
        return r >= d ? r : Math.nextUp(r);
    }

    private static final byte[] OPEN = "{\"type\":\"FeatureCollection\",\"numberMatched\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RETURNED = ",\"numberReturned\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FEATURES = ",\"features\":[".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CLOSE = "]}".getBytes(StandardCharsets.US_ASCII);

    /** The records inside the box (all without one) in id order, the page's window of them as a FeatureCollection. */
    static Page slice(Layer l, double[] bbox, Paging.Page page) {
        int limit = page.limit();
        int offset = page.offset();
        int[] window = new int[Math.min(limit, l.size)];
        int w = 0;
        long matched = 0;
        if (bbox == null) {
            matched = l.size;
            for (int i = offset; i < l.size && w < window.length; i++) {
                window[w++] = i;
            }
        } else {
            float qx0 = down(bbox[0]);
            float qy0 = down(bbox[1]);
            float qx1 = up(bbox[2]);
            float qy1 = up(bbox[3]);
            float[] b = l.box;
            // near the box only, when it is small against the layer (same test, same id order as the full scan)
            int[] near = l.grid == null ? null : l.grid.candidates(qx0, qy0, qx1, qy1);
            for (int k = 0, end = near == null ? l.size : near.length; k < end; k++) {
                int i = near == null ? k : near[k];
                int j = 4 * i;
                if (!l.located[i] || b[j] > qx1 || qx0 > b[j + 2] || b[j + 1] > qy1 || qy0 > b[j + 3]) {
                    continue;
                }
                if (matched >= offset && w < window.length) {
                    window[w++] = i;
                }
                matched++;
            }
        }
        byte[] m = Long.toString(matched).getBytes(StandardCharsets.US_ASCII);
        byte[] r = Integer.toString(w).getBytes(StandardCharsets.US_ASCII);
        int size = OPEN.length + m.length + RETURNED.length + r.length + FEATURES.length + CLOSE.length + Math.max(0, w - 1);
        for (int k = 0; k < w; k++) {
            size += l.start[window[k] + 1] - l.start[window[k]];
        }
        byte[] out = new byte[size];
        int p = put(out, 0, OPEN);
        p = put(out, p, m);
        p = put(out, p, RETURNED);
        p = put(out, p, r);
        p = put(out, p, FEATURES);
        for (int k = 0; k < w; k++) {
            if (k > 0) {
                out[p++] = ',';
            }
            int s = l.start[window[k]];
            int len = l.start[window[k] + 1] - s;
            System.arraycopy(l.blob, s, out, p, len);
            p += len;
        }
        put(out, p, CLOSE);
        return new Page(out, matched, w);
    }

    private static int put(byte[] out, int at, byte[] part) {
        System.arraycopy(part, 0, out, at, part.length);
        return at + part.length;
    }
}
