package com.patrolplanner.coverage;

import com.patrolplanner.sql.Conn;
import com.patrolplanner.sql.Cursor;
import com.patrolplanner.sql.Db;
import com.patrolplanner.sql.Stmt;
import com.patrolplanner.registry.Jurisdiction;
import com.patrolplanner.registry.Scope;
import com.uber.h3core.util.LatLng;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * How well inspections cover the venue register: per H3 cell, per venue, per district and per zone; heat points. The
 * statistics are, for a period [from, to): venues (active ones: open, suspended, unlicensed), venues inspected (active
 * venues with at least one inspection), coverage = venues inspected / venues, inspections (家次, outcome not_found
 * excluded), violations (checklist items ticked) and officer-visits (人次, officers per inspection summed).
 *
 * <p>Read-only, plain JDBC: the hex query aggregates up to millions of rows and its result is written straight into
 * GeoJSON. The SQL lives in {@link CoverageSql}.
 */
@ApplicationScoped
public class CoverageService {
    @Inject
    Db db;
    @Inject
    Jurisdiction jurisdiction;
    @Inject
    com.patrolplanner.web.DataVersion versions;

    /** Each scope's venues with one period's figures, kept until the next write (at most 32: ≈ 50 MB at 22,500 venues). */
    final com.patrolplanner.web.AnswerCache<CoverageCache.Snapshot> snapshots = new com.patrolplanner.web.AnswerCache<>(32);
    /**
     * Whole hex answers (the same view asked again: a city or district overview); few, as one city view is ≈ 2 MB. Kept
     * as the UTF-8 bytes the answer is, so that serving one again allocates and converts nothing (an overview's text is
     * over the size G1 allocates outside the young generation: each conversion started a concurrent cycle).
     */
    final com.patrolplanner.web.AnswerCache<byte[]> rendered = new com.patrolplanner.web.AnswerCache<>(16);
    /** GeoJSON rings of H3 cells (they never change). */
    private static final java.util.concurrent.ConcurrentHashMap<Long, String> POLYGONS = new java.util.concurrent.ConcurrentHashMap<>();

    /** The figures of one cell, district, zone or venue. */
    public record Stats(long venues, long venuesInspected, long inspections, long violations, long officerVisits) {
        public Double coverage() {
            return venues == 0 ? null : Math.min(1.0, (double) venuesInspected / venues);
        }

        public double value(CoverageQuery.Metric m) {
            return switch (m) {
                case COVERAGE -> coverage() == null ? 0 : coverage();
                case VENUES -> venues;
                case VENUES_INSPECTED -> venuesInspected;
                case INSPECTIONS -> inspections;
                case VIOLATIONS -> violations;
                case OFFICER_VISITS -> officerVisits;
                case GAP -> venues - venuesInspected;
            };
        }
    }

    public record CellStats(long cell, Stats stats) {
    }

    public record AreaStats(String id, String name, Stats stats) {
        /** The figures as the API shows them, coverage rounded to 4 decimals. */
        public AreaRow row() {
            Double c = stats.coverage();
            return new AreaRow(id, name, stats.venues(), stats.venuesInspected(),
                    c == null ? null : Math.round(c * 10000) / 10000.0, stats.inspections(), stats.violations(),
                    stats.officerVisits());
        }
    }

    /** One district or zone in {@code /api/coverage/districts} and {@code /zones}. */
    public record AreaRow(String id, String name, long venues, long venuesInspected, Double coverage, long inspections,
            long violations, long officerVisits) {
    }

    /**
     * Leaflet.heat input: {@code points} are {@code [lat, lon, intensity 0..1]}; {@code max} is always 1 (the layer's
     * option), {@code rawMax} the value that intensity 1 stands for.
     */
    public record Heat(String metric, OffsetDateTime from, OffsetDateTime to, double max, double rawMax,
            List<double[]> points) {
    }

    // ---------------------------------------------------------------- venue cells

    /**
     * Set after a committed venue write (registry event) and at start: the venue → cell table is refreshed only then, not
     * on every map request. Writes that bypass the registry (bulk SQL) are caught by a refresh at most a minute later.
     */
    private final java.util.concurrent.atomic.AtomicBoolean venuesChanged = new java.util.concurrent.atomic.AtomicBoolean(true);
    private volatile long lastSync;
    static final long RESYNC_MILLIS = 60_000;

    void onVenueChanged(@jakarta.enterprise.event.Observes(during = jakarta.enterprise.event.TransactionPhase.AFTER_SUCCESS)
            com.patrolplanner.registry.RegistryEvents.VenueChanged e) {
        venuesChanged.set(true);
    }

    void onVenuesChanged(@jakarta.enterprise.event.Observes(during = jakarta.enterprise.event.TransactionPhase.AFTER_SUCCESS)
            com.patrolplanner.registry.RegistryEvents.VenuesChanged e) {
        venuesChanged.set(true);
    }

    private volatile String syncedAt;

    void syncIfVenuesChanged() {
        syncIfVenuesChanged(versions.current());
    }

    /**
     * Refreshes the venue cells when a venue was written through the registry, when the data token moved (any write,
     * also bulk SQL), and — only while the token is unknown — at most a minute after the last refresh.
     */
    void syncIfVenuesChanged(String token) {
        long now = System.currentTimeMillis();
        boolean moved = token == null ? now - lastSync > RESYNC_MILLIS : !token.equals(syncedAt);
        if (venuesChanged.getAndSet(false) || moved) {
            try {
                syncVenueCells();
                lastSync = now;
                syncedAt = token;
            } catch (RuntimeException e) {
                venuesChanged.set(true);
                throw e;
            }
        }
    }

    /**
     * Brings venue_cell in step with the register: computes the H3 cells of venues that are new or have moved. Cheap
     * when nothing changed (one anti-join).
     */
    public int syncVenueCells() {
        try (Conn c = db.open()) {
            List<long[]> ids = new ArrayList<>();
            List<double[]> pos = new ArrayList<>();
            try (Stmt ps = c.customPlan().prepare(CoverageSql.STALE_VENUE_CELLS); Cursor rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(new long[] {rs.getLong(1)});
                    pos.add(new double[] {rs.getDouble(2), rs.getDouble(3)});
                }
            }
            if (ids.isEmpty()) {
                return 0;
            }
            int n = ids.size();
            Long[] id = new Long[n];
            Double[] lon = new Double[n];
            Double[] lat = new Double[n];
            Long[] r8 = new Long[n];
            Long[] r9 = new Long[n];
            for (int i = 0; i < n; i++) {
                id[i] = ids.get(i)[0];
                lon[i] = pos.get(i)[0];
                lat[i] = pos.get(i)[1];
                r8[i] = HexCells.cell(lon[i], lat[i], HexCells.COARSE);
                r9[i] = HexCells.cell(lon[i], lat[i], HexCells.FINE);
            }
            try (Stmt ps = c.customPlan().prepare(CoverageSql.UPSERT_VENUE_CELLS)) {
                ps.setArray(1, "bigint", id);
                ps.setArray(2, "float8", lon);
                ps.setArray(3, "float8", lat);
                ps.setArray(4, "bigint", r8);
                ps.setArray(5, "bigint", r9);
                ps.executeUpdate();
            }
            return n;
        }
    }

    // ---------------------------------------------------------------- hex cells

    /** Figures per H3 cell of the cells holding a venue inside the box (all venues of such a cell are counted). */
    public List<CellStats> cells(CoverageQuery q, int res) {
        return cells(q, res, snapshot(q));
    }

    static List<CellStats> cells(CoverageQuery q, int res, CoverageCache.Snapshot s) {
        double[] b = q.bounds();
        long[] cellOf = res == 8 ? s.r8 : s.r9;
        java.util.Map<Long, Stats> stats = res == 8 ? s.cells8 : s.cells9;
        java.util.TreeSet<Long> seen = new java.util.TreeSet<>();
        int[] near = s.near(b);
        for (int k = 0, end = near == null ? s.size : near.length; k < end; k++) {
            int i = near == null ? k : near[k];
            if (s.inside(i, b)) {
                seen.add(cellOf[i]);
            }
        }
        List<CellStats> out = new ArrayList<>(seen.size());
        for (Long cell : seen) {
            out.add(new CellStats(cell, stats.get(cell)));
        }
        return out;
    }

    /**
     * The caller's scope's venues with the period's figures: from the cache while no inspection, venue, school, district
     * or unit was written since it was computed, else one statement (the monthly roll-up for whole months).
     */
    CoverageCache.Snapshot snapshot(CoverageQuery q) {
        return snapshot(q, versions.current(), venueScope());
    }

    private CoverageCache.Snapshot snapshot(CoverageQuery q, String token, String scope) {
        syncIfVenuesChanged(token);
        return snapshots.get(scope + "|" + q.from().toInstant() + "|" + q.to().toInstant(), token,
                () -> loadSnapshot(q, scope));
    }

    /** Empties the answer cache (benchmarks time the uncached path with it; correctness never needs it). */
    public void forgetCachedAnswers() {
        snapshots.clear();
        rendered.clear();
        renderedHeat.clear();
    }

    /** The data token and scope an answer of this request depends on, for its ETag (null: not cacheable now). */
    public jakarta.ws.rs.core.EntityTag etag(String... request) {
        String[] parts = java.util.Arrays.copyOf(request, request.length + 1);
        parts[request.length] = venueScope();
        return com.patrolplanner.web.AnswerCache.etag(versions.current(), parts);
    }

    private CoverageCache.Snapshot loadSnapshot(CoverageQuery q, String scope) {
        List<long[]> ints = new ArrayList<>();
        List<double[]> pos = new ArrayList<>();
        try (Conn c = db.open(); Stmt ps = c.customPlan().prepare(CoverageSql.scopeVenues(scope))) {
            PeriodSplit.of(q.from(), q.to()).bind(ps, 1);
            try (Cursor rs = ps.executeQuery()) {
                while (rs.next()) {
                    ints.add(new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getBoolean(4) ? 1 : 0,
                            rs.getBoolean(7) ? 1 : 0, rs.getLong(8), rs.getLong(9), rs.getLong(10)});
                    pos.add(new double[] {rs.getDouble(5), rs.getDouble(6)});
                }
            }
        }
        CoverageCache.Snapshot s = new CoverageCache.Snapshot(ints.size());
        for (int i = 0; i < s.size; i++) {
            long[] r = ints.get(i);
            s.id[i] = r[0];
            s.r8[i] = r[1];
            s.r9[i] = r[2];
            s.located[i] = r[3] == 1;
            s.active[i] = r[4] == 1;
            s.n[i] = r[5];
            s.viol[i] = r[6];
            s.off[i] = r[7];
            s.lon[i] = pos.get(i)[0];
            s.lat[i] = pos.get(i)[1];
        }
        s.summarise();
        return s;
    }

    /** The plain aggregation, without the cell sync: what the benchmark compares the service path against. */
    public List<CellStats> cellsSql(CoverageQuery q, int res) {
        String sql = CoverageSql.hexCells(res, venueScope());
        double[] b = q.bounds();
        List<CellStats> out = new ArrayList<>();
        try (Conn c = db.open(); Stmt ps = c.customPlan().prepare(sql)) {
            ps.setDouble(1, b[0]);
            ps.setDouble(2, b[1]);
            ps.setDouble(3, b[2]);
            ps.setDouble(4, b[3]);
            PeriodSplit.of(q.from(), q.to()).bind(ps, 5);
            try (Cursor rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new CellStats(rs.getLong(1), new Stats(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                            rs.getLong(6))));
                }
            }
        }
        return out;
    }

    /** The cells as a GeoJSON FeatureCollection of hexagons (UTF-8); {@code value} is the chosen metric. */
    public byte[] hexGeoJson(CoverageQuery q, int res, CoverageQuery.Metric metric) {
        String token = versions.current();
        String scope = venueScope();
        String key = String.join("|", scope, q.from().toInstant().toString(), q.to().toInstant().toString(),
                java.util.Arrays.toString(q.bbox()), Integer.toString(res), metric.code());
        return rendered.get(key, token, () -> utf8(hexGeoJson(q, res, metric, cells(q, res, snapshot(q, token, scope)))),
                CoverageService::worthKeeping);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * Rendered answers are kept only when large (an overview of a district or the city, tens of ms to render): a
     * street-level view renders in well under a millisecond from the snapshot, and keeping every one of them (each map pan
     * asks a new box) would push the overviews out of the few places kept.
     */
    static final int KEEP_RENDERED_CHARS = 32 * 1024;

    static boolean worthKeeping(byte[] rendered) {
        return rendered.length >= KEEP_RENDERED_CHARS;
    }

    @Inject
    com.fasterxml.jackson.databind.ObjectMapper json;
    /** Whole heat answers as JSON (UTF-8), the large ones only (as {@link #rendered}). */
    final com.patrolplanner.web.AnswerCache<byte[]> renderedHeat = new com.patrolplanner.web.AnswerCache<>(16);

    /** {@link #heat} as the JSON the API answers (UTF-8); an overview asked again is served as it was rendered. */
    public byte[] heatJson(CoverageQuery q, CoverageQuery.Metric metric) {
        if (metric == CoverageQuery.Metric.GAP) {
            return write(heat(q, metric));
        }
        String token = versions.current();
        String scope = venueScope();
        String key = String.join("|", scope, q.from().toInstant().toString(), q.to().toInstant().toString(),
                java.util.Arrays.toString(q.bbox()), metric.code());
        return renderedHeat.get(key, token, () -> write(heat(q, metric, snapshot(q, token, scope))),
                CoverageService::worthKeeping);
    }

    private byte[] write(Heat h) {
        try {
            return json.writeValueAsBytes(h);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hexGeoJson(CoverageQuery q, int res, CoverageQuery.Metric metric, List<CellStats> cells) {
        StringBuilder sb = new StringBuilder(256 + cells.size() * 420);
        sb.append("{\"type\":\"FeatureCollection\",\"metric\":\"").append(metric.code()).append("\",\"res\":").append(res)
                .append(",\"from\":\"").append(q.from()).append("\",\"to\":\"").append(q.to()).append("\",\"features\":[");
        boolean first = true;
        for (CellStats cs : cells) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            String addr = HexCells.h3().h3ToString(cs.cell());
            sb.append("{\"type\":\"Feature\",\"id\":\"").append(addr).append("\",\"geometry\":");
            polygon(sb, cs.cell());
            Stats s = cs.stats();
            sb.append(",\"properties\":{\"cell\":\"").append(addr).append("\",\"res\":").append(res)
                    .append(",\"venues\":").append(s.venues()).append(",\"venuesInspected\":").append(s.venuesInspected())
                    .append(",\"coverage\":").append(s.coverage() == null ? "null" : round4(s.coverage()))
                    .append(",\"inspections\":").append(s.inspections()).append(",\"violations\":").append(s.violations())
                    .append(",\"officerVisits\":").append(s.officerVisits())
                    .append(",\"value\":").append(round4(s.value(metric))).append("}}");
        }
        return sb.append("]}").toString();
    }

    /** A hexagon as a GeoJSON Polygon, lon,lat order, closed ring, 6 decimals (≈ 0.1 m). */
    static void polygon(StringBuilder sb, long cell) {
        String p = POLYGONS.get(cell);
        if (p == null) {
            StringBuilder one = new StringBuilder(300);
            ring(one, cell);
            p = one.toString();
            if (POLYGONS.size() < 500_000) {
                POLYGONS.put(cell, p);
            }
        }
        sb.append(p);
    }

    private static void ring(StringBuilder sb, long cell) {
        List<LatLng> ring = HexCells.h3().cellToBoundary(cell);
        sb.append("{\"type\":\"Polygon\",\"coordinates\":[[");
        for (int i = 0; i <= ring.size(); i++) {
            LatLng p = ring.get(i % ring.size());
            if (i > 0) {
                sb.append(',');
            }
            sb.append('[').append(round6(p.lng)).append(',').append(round6(p.lat)).append(']');
        }
        sb.append("]]}");
    }

    // ---------------------------------------------------------------- heat

    /**
     * Weighted points for Leaflet.heat, one per active venue in the box, {@code [lat, lon, intensity]} with intensity
     * scaled to 0..1 by the largest value: Leaflet.heat clips every point at its {@code max} option (leaflet.heat issue
     * #74), so raw counts would saturate into one colour. The client passes {@code max: 1}. {@code gap} weighs days
     * since the last inspection, capped at 365 (never inspected = 1).
     */
    public Heat heat(CoverageQuery q, CoverageQuery.Metric metric) {
        if (metric != CoverageQuery.Metric.GAP) {
            return heat(q, metric, snapshot(q));
        }
        syncIfVenuesChanged();
        double[] b = q.bounds();
        List<double[]> raw = new ArrayList<>();
        double max = 0;
        try (Conn c = db.open(); Stmt ps = c.customPlan().prepare(CoverageSql.venueFigures(venueScope()))) {
            bindVenueFigures(ps, q, b);
            try (Cursor rs = ps.executeQuery()) {
                while (rs.next()) {
                    double v = switch (metric) {
                        case INSPECTIONS -> rs.getLong(6);
                        case VIOLATIONS -> rs.getLong(7);
                        case OFFICER_VISITS -> rs.getLong(8);
                        case VENUES -> 1;
                        case VENUES_INSPECTED, COVERAGE -> rs.getLong(6) > 0 ? 1 : 0;
                        case GAP -> {
                            java.time.Instant last = rs.getInstant(9);
                            yield last == null ? 365 : Math.min(365, Math.max(0,
                                    (q.to().toInstant().toEpochMilli() - last.toEpochMilli()) / 86_400_000.0));
                        }
                    };
                    if (v > 0) {
                        raw.add(new double[] {rs.getDouble(5), rs.getDouble(4), v});
                        max = Math.max(max, v);
                    }
                }
            }
        }
        List<double[]> points = new ArrayList<>(raw.size());
        for (double[] r : raw) {
            points.add(new double[] {round6(r[0]), round6(r[1]), round4(r[2] / max)});
        }
        return new Heat(metric.code(), q.from(), q.to(), 1.0, max, points);
    }

    /** Heat points of the active venues in the box from a snapshot (every metric but GAP, which needs the last visit). */
    static Heat heat(CoverageQuery q, CoverageQuery.Metric metric, CoverageCache.Snapshot s) {
        double[] b = q.bounds();
        List<double[]> raw = new ArrayList<>();
        double max = 0;
        int[] near = s.near(b);
        for (int k = 0, end = near == null ? s.size : near.length; k < end; k++) {
            int i = near == null ? k : near[k];
            if (!s.active[i] || !s.inside(i, b)) {
                continue;
            }
            double v = switch (metric) {
                case INSPECTIONS -> s.n[i];
                case VIOLATIONS -> s.viol[i];
                case OFFICER_VISITS -> s.off[i];
                case VENUES -> 1;
                case VENUES_INSPECTED, COVERAGE -> s.n[i] > 0 ? 1 : 0;
                case GAP -> throw new IllegalArgumentException("gap heat needs the last inspection");
            };
            if (v > 0) {
                raw.add(new double[] {s.lat[i], s.lon[i], v});
                max = Math.max(max, v);
            }
        }
        List<double[]> points = new ArrayList<>(raw.size());
        for (double[] r : raw) {
            points.add(new double[] {round6(r[0]), round6(r[1]), round4(r[2] / max)});
        }
        return new Heat(metric.code(), q.from(), q.to(), 1.0, max, points);
    }

    // ---------------------------------------------------------------- venues

    /** Per active venue in the box: last inspection ever (outcome not_found excluded), days since, figures in period. */
    public String venuesGeoJson(CoverageQuery q) {
        double[] b = q.bounds();
        StringBuilder sb = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        OffsetDateTime now = OffsetDateTime.now();
        try (Conn c = db.open(); Stmt ps = c.customPlan().prepare(CoverageSql.venueFigures(venueScope()))) {
            bindVenueFigures(ps, q, b);
            try (Cursor rs = ps.executeQuery()) {
                boolean first = true;
                while (rs.next()) {
                    if (!first) {
                        sb.append(',');
                    }
                    first = false;
                    java.time.Instant last = rs.getInstant(9);
                    Long days = last == null ? null : (now.toInstant().toEpochMilli() - last.toEpochMilli()) / 86_400_000L;
                    sb.append("{\"type\":\"Feature\",\"id\":").append(rs.getLong(1))
                            .append(",\"geometry\":{\"type\":\"Point\",\"coordinates\":[").append(round6(rs.getDouble(4)))
                            .append(',').append(round6(rs.getDouble(5))).append("]},\"properties\":{\"id\":").append(rs.getLong(1))
                            .append(",\"name\":").append(json(rs.getString(2))).append(",\"category\":").append(json(rs.getString(3)))
                            .append(",\"lastInspectedAt\":").append(last == null ? "null" : json(last.toString()))
                            .append(",\"daysSince\":").append(days)
                            .append(",\"inspections\":").append(rs.getLong(6)).append(",\"violations\":").append(rs.getLong(7))
                            .append(",\"officerVisits\":").append(rs.getLong(8)).append("}}");
                }
            }
        }
        return sb.append("]}").toString();
    }

    private static void bindVenueFigures(Stmt ps, CoverageQuery q, double[] b) {
        int i = PeriodSplit.of(q.from(), q.to()).bind(ps, 1);
        ps.setDouble(i, b[0]);
        ps.setDouble(i + 1, b[1]);
        ps.setDouble(i + 2, b[2]);
        ps.setDouble(i + 3, b[3]);
    }

    // ---------------------------------------------------------------- districts and zones

    /** Figures per district (the venue's district code), optionally of one district only. */
    public List<AreaStats> districts(CoverageQuery q, String adcode) {
        return areas(CoverageSql.areaStats(CoverageSql.districtVenues(venueScope())), q, adcode);
    }

    /** Figures per zone of each district's active zone set (zones with no venue are not listed). */
    public List<AreaStats> zones(CoverageQuery q) {
        return areas(CoverageSql.areaStats(CoverageSql.zoneVenues(venueScope())), q, null);
    }

    /** Figures per unit (执法机构) of the venues in {@code scope}, keyed by unit id; the reports' per-unit tables. */
    public List<AreaStats> units(CoverageQuery q, Scope scope) {
        return areas(CoverageSql.areaStats(CoverageSql.unitVenues(scope.sql("v.unit_id"))), q, null);
    }

    /**
     * The one place coverage is scoped: the caller's jurisdiction as a predicate on {@code v.unit_id} (属地管理); TRUE for
     * the whole city and for work outside a request (benchmarks).
     */
    String venueScope() {
        return jurisdiction.scope().sql("v.unit_id");
    }

    private List<AreaStats> areas(String sql, CoverageQuery q, String only) {
        List<AreaStats> out = new ArrayList<>();
        try (Conn c = db.open(); Stmt ps = c.customPlan().prepare(sql)) {
            PeriodSplit.of(q.from(), q.to()).bind(ps, 1);
            try (Cursor rs = ps.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    if (only != null && !only.equals(id) && !only.equals(rs.getString(2))) {
                        continue;
                    }
                    out.add(new AreaStats(id, rs.getString(2), new Stats(rs.getLong(3), rs.getLong(4), rs.getLong(5),
                            rs.getLong(6), rs.getLong(7))));
                }
            }
        }
        return out;
    }

    /** Figures of all active venues (or one district's) in the period: the report's coverage ratio. */
    public Stats total(CoverageQuery q, String adcode) {
        long[] t = new long[5];
        for (AreaStats a : districts(q, adcode)) {
            Stats s = a.stats();
            t[0] += s.venues();
            t[1] += s.venuesInspected();
            t[2] += s.inspections();
            t[3] += s.violations();
            t[4] += s.officerVisits();
        }
        return new Stats(t[0], t[1], t[2], t[3], t[4]);
    }

    // ---------------------------------------------------------------- helpers

    static java.time.Instant instant(OffsetDateTime t) {
        return t.toInstant();
    }

    static double round4(double v) {
        return Math.round(v * 10000) / 10000.0;
    }

    static double round6(double v) {
        return Math.round(v * 1e6) / 1e6;
    }

    static String json(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        b.append(String.format("\\u%04x", (int) ch));
                    } else {
                        b.append(ch);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
