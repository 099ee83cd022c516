package com.patrolplanner.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.patrolplanner.cli.CliCommand;
import com.patrolplanner.geo.Datum;
import com.patrolplanner.geo.DatumTransform;
import com.patrolplanner.geo.GeoJson;
import com.patrolplanner.tiles.TileLayer;
import com.patrolplanner.tiles.TileService;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.File;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.ConfigProvider;
import org.locationtech.jts.geom.Geometry;

/**
 * {@code ./planner bench tiles [--venues N] [--tiles K] [--clients N] [--seconds N] [--warmup S]}: venue vector tiles at
 * zooms 10–16 over N synthetic venues (default 1,000,000) spread over 潍坊市 (370700). Written once into the bench
 * database by plain SQL in batches (licence numbers {@code TILE-…}, {@code synthetic}), kept for the next run.
 * <ol>
 * <li>Warm-up, not counted (S seconds, default 30): the service and the raw statement over other tiles of the same
 * zooms, one client and then all clients, so that both paths run compiled code (the JIT time of each measured phase is
 * printed).</li>
 * <li>Side by side, per zoom, on K distinct tiles each (default 30), tiles that hold a random venue the caller sees: the
 * raw tile statement ({@link TileLayer#statement(int, com.patrolplanner.registry.Scope)}: the same text, scope and
 * parameters the service sends for the bench's user {@value #USER}, in one round trip over JDBC) and the service over
 * HTTP on loopback (Basic auth, routing, role check, ETag, response), alternately first; the service renders each
 * measured tile for the first time (no tile cache hit). Prints the median of each and the ratio service/raw (target
 * ≤ 1.3).</li>
 * <li>32 concurrent loopback clients (default) requesting those tiles flat out for N seconds (default 60, and at most
 * 200 requests per client): p50/p95 per zoom (target p95 ≤ 30 ms). The service rendered each of them once in step 2,
 * so this measures its tile cache and HTTP path under load (the clients run in the same JVM, on the same cores).</li>
 * </ol>
 * Stops by itself; asserts nothing. Use {@code PP_BENCH_DB=...} to keep the million venues out of other benchmarks'
 * database.
 */
@ApplicationScoped
public class TileBench implements CliCommand {
    static final String BOUNDARIES = "/work/shared/data/boundaries/370700_full.json";
    /** A city user: the city and every district below it, so the tiles cover the whole city (scoped like any user). */
    static final String USER = "city-planner";
    static final int BATCH = 100_000;
    static final int[] ZOOMS = {10, 11, 12, 13, 14, 15, 16};

    @Inject
    AgroalDataSource ds;
    @Inject
    TileService tiles;
    @Inject
    com.patrolplanner.registry.Jurisdiction jurisdiction;
    @Inject
    jakarta.enterprise.inject.Instance<io.quarkus.value.registry.ValueRegistry> registry;

    @Override
    public String name() {
        return "bench:tiles";
    }

    @Override
    public String summary() {
        return "venue vector tiles z10–16 on 1,000,000 venues: service vs raw ST_AsMVT (target ≤ 1.3×), p95 at 32 clients (target ≤ 30 ms)";
    }

    int httpPort() {
        Integer actual = registry.isResolvable() ? registry.get().getOrDefault(io.quarkus.vertx.http.HttpServer.HTTP_PORT, null)
                : null;
        int port = actual != null ? actual
                : ConfigProvider.getConfig().getOptionalValue("quarkus.http.port", Integer.class).orElse(8080);
        if (port <= 0) {
            throw new IllegalStateException("the HTTP port is not known (quarkus.http.port=" + port + ")");
        }
        return port;
    }

    record Tile(int z, int x, int y) {
        String path() {
            return "/tiles/venues/" + z + "/" + x + "/" + y + ".mvt";
        }
    }

    @Override
    public int run(String[] args, PrintStream out) throws Exception {
        int venues = 1_000_000;
        int perZoom = 30;
        int clients = 32;
        int seconds = 60;
        int warmup = 30;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--venues" -> venues = Integer.parseInt(args[++i]);
                case "--tiles" -> perZoom = Integer.parseInt(args[++i]);
                case "--clients" -> clients = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                default -> {
                    out.println("usage: bench tiles [--venues N] [--tiles K] [--clients N] [--seconds N] [--warmup S]");
                    return 2;
                }
            }
        }
        if (venues < 1000 || venues > 5_000_000 || perZoom < 1 || perZoom > 500 || clients < 1 || clients > 256
                || seconds < 1 || seconds > 1800 || warmup < 0 || warmup > 600) {
            out.println("--venues 1000..5000000, --tiles 1..500, --clients 1..256, --seconds 1..1800, --warmup 0..600");
            return 2;
        }
        ensureVenues(venues, out);
        // the raw statement is the one the service runs for this caller: the same unit scope (属地管理), and the tiles
        // are picked around venues this caller sees
        scope = scopeOf(USER);
        out.println("raw statement scoped like the service's for " + USER + ": " + (scope.all() ? "every unit"
                : scope.units().size() + " unit(s) " + scope.units()));
        List<List<Tile>> byZoom = pickTiles(perZoom, 42, Set.of());
        String base = "http://127.0.0.1:" + httpPort();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(4)).build();
        String auth = "Basic " + Base64.getEncoder().encodeToString((USER + ":" + USER).getBytes(StandardCharsets.UTF_8));
        Long[] violating = tiles.violatingVenueIds();

        // warm-up, not counted: the raw statement on every measured tile (database pages, both then read them warm) and
        // the service on other tiles of the same zooms - so that the service renders each measured tile for the first
        // time below, not from its tile cache. Then, for --warmup seconds, both paths again over those other tiles, one
        // client and then all clients (their repeats come from the tile cache): on 2 cores a JVM that has served a few
        // hundred requests is still compiling its request path (C2 took most of the CPU of the first ~15,000 requests),
        // and a bench started cold measured the compiler, not the service. The JIT time of each measured phase is
        // printed below: near 0 means the phase measured compiled code.
        long w0 = System.nanoTime();
        Set<Tile> measured = Set.copyOf(byZoom.stream().flatMap(List::stream).toList());
        List<List<Tile>> others = pickTiles(perZoom * 4, 4242, measured);
        List<Tile> otherTiles = new ArrayList<>();
        others.forEach(otherTiles::addAll);
        for (int k = 0; k < byZoom.size(); k++) {
            for (Tile t : byZoom.get(k)) {
                raw(t, violating);
            }
            for (Tile t : others.get(k)) {
                int status = fetch(http, base, auth, t).statusCode();
                if (status != 200 && status != 204) {
                    out.println("warm-up " + t.path() + ": HTTP " + status);
                    return 1;
                }
            }
        }
        long warmEnd = System.nanoTime() + warmup * 1_000_000_000L;
        long warmRequests = 0;
        for (int round = 0; System.nanoTime() < warmEnd - warmup * 500_000_000L; round++) {
            Tile t = otherTiles.get(round % otherTiles.size());
            raw(t, violating);
            fetch(http, base, auth, t);
            http.send(HttpRequest.newBuilder(URI.create(base + "/api/me")).header("Authorization", auth).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            warmRequests += 2;
        }
        AtomicLong concurrentWarm = new AtomicLong();
        if (warmup > 0) {
            ExecutorService wp = Executors.newFixedThreadPool(clients);
            for (int c = 0; c < clients; c++) {
                int client = c;
                wp.submit(() -> {
                    Random r = new Random(9000 + client);
                    while (System.nanoTime() < warmEnd) {
                        try {
                            fetch(http, base, auth, otherTiles.get(r.nextInt(otherTiles.size())));
                            concurrentWarm.incrementAndGet();
                        } catch (Exception e) {
                            // counted in the measured phase, not here
                        }
                    }
                });
            }
            wp.shutdown();
            wp.awaitTermination(warmup + 60L, TimeUnit.SECONDS);
        }
        out.printf(Locale.ROOT, "warm-up %.1f s (%d measured tiles a zoom read raw once; %d other tiles; %,d service requests"
                + " one at a time and %,d at %d clients)%n", (System.nanoTime() - w0) / 1e9, perZoom, otherTiles.size(),
                otherTiles.size() + warmRequests, concurrentWarm.get(), clients);

        double load0 = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        out.printf("%n%s, %d cores, load average %.2f%n", OffsetDateTime.now().withNano(0),
                Runtime.getRuntime().availableProcessors(), load0);
        // the fixed cost of any authenticated request on this machine now: GET /api/me (no SQL beyond the user row)
        long[] me = new long[30];
        for (int i = 0; i < me.length; i++) {
            long t0 = System.nanoTime();
            http.send(HttpRequest.newBuilder(URI.create(base + "/api/me")).header("Authorization", auth).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            me[i] = (System.nanoTime() - t0) / 1000;
        }
        out.printf(Locale.ROOT, "fixed cost of an authenticated loopback request (GET /api/me, median of 30): %.2f ms%n",
                median(me) / 1000.0);
        // the fixed cost of the tile path itself: one warm tile again and again (answered from the tile cache)
        Tile warmTile = otherTiles.get(0);
        long[] hit = new long[30];
        for (int i = 0; i < hit.length; i++) {
            hit[i] = timeService(http, base, auth, warmTile);
        }
        out.printf(Locale.ROOT, "fixed cost of a tile request (%s from the tile cache, median of 30): %.2f ms%n",
                warmTile.path(), median(hit) / 1000.0);
        java.lang.management.CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        long jit0 = jit.getTotalCompilationTime();
        long side0 = System.nanoTime();
        out.println("side by side, one request at a time:");
        out.println("| zoom | tiles | features/tile (median) | KB/tile (median) | raw ST_AsMVT ms (median) | service ms (median) | ratio |");
        out.println("|---|---|---|---|---|---|---|");
        double worst = 0;
        for (List<Tile> ts : byZoom) {
            long[] rawUs = new long[ts.size()];
            long[] svcUs = new long[ts.size()];
            long[] bytes = new long[ts.size()];
            long[] feats = new long[ts.size()];
            for (int i = 0; i < ts.size(); i++) {
                Tile t = ts.get(i);
                if (i % 2 == 0) {
                    rawUs[i] = timeRaw(t, violating, bytes, feats, i);
                    svcUs[i] = timeService(http, base, auth, t);
                } else {
                    svcUs[i] = timeService(http, base, auth, t);
                    rawUs[i] = timeRaw(t, violating, bytes, feats, i);
                }
            }
            double r = median(rawUs) / 1000.0;
            double s = median(svcUs) / 1000.0;
            worst = Math.max(worst, s / r);
            out.printf(Locale.ROOT, "| %d | %d | %d | %.1f | %.2f | %.2f | %.2f |%n", ts.get(0).z(), ts.size(),
                    (long) median(feats), median(bytes) / 1024.0, r, s, s / r);
        }
        out.printf(Locale.ROOT, "worst ratio %.2f → target ≤ 1.3 %s (JIT compiling during this phase: %,d ms of %.1f s)%n",
                worst, worst <= 1.3 ? "met" : "NOT met", jit.getTotalCompilationTime() - jit0, (System.nanoTime() - side0) / 1e9);
        long jit1 = jit.getTotalCompilationTime();

        // concurrency: N clients flat out over the same tiles
        List<Tile> all = new ArrayList<>();
        byZoom.forEach(all::addAll);
        List<List<Long>> lat = new ArrayList<>();
        for (int i = 0; i < ZOOMS.length; i++) {
            lat.add(java.util.Collections.synchronizedList(new ArrayList<>()));
        }
        AtomicLong errors = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long c0 = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int client = c;
            pool.submit(() -> {
                Random r = new Random(7000 + client);
                for (int n = 0; n < 200 && System.nanoTime() < end; n++) {
                    Tile t = all.get(r.nextInt(all.size()));
                    long t0 = System.nanoTime();
                    try {
                        int st = fetch(http, base, auth, t).statusCode();
                        if (st == 200 || st == 204) {
                            lat.get(t.z() - ZOOMS[0]).add((System.nanoTime() - t0) / 1000);
                        } else {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(seconds + 120L, TimeUnit.SECONDS)) {
            pool.shutdownNow();
        }
        double elapsed = (System.nanoTime() - c0) / 1e9;
        out.printf("%n%d concurrent loopback clients (≤ 200 requests each, ≤ %d s) over the %d tiles above, which the"
                + " service has rendered once already (its ETag-keyed tile cache answers repeats):%n", clients, seconds, all.size());
        out.println("| zoom | requests | p50 ms | p95 ms | max ms |");
        out.println("|---|---|---|---|---|");
        List<Long> every = new ArrayList<>();
        double worstP95 = 0;
        for (int i = 0; i < ZOOMS.length; i++) {
            long[] s = lat.get(i).stream().mapToLong(Long::longValue).sorted().toArray();
            every.addAll(lat.get(i));
            worstP95 = Math.max(worstP95, pct(s, 95));
            out.printf(Locale.ROOT, "| %d | %d | %.1f | %.1f | %.1f |%n", ZOOMS[i], s.length, pct(s, 50), pct(s, 95),
                    pct(s, 100));
        }
        long[] t = every.stream().mapToLong(Long::longValue).sorted().toArray();
        out.printf(Locale.ROOT, "| all | %d | %.1f | %.1f | %.1f |%n", t.length, pct(t, 50), pct(t, 95), pct(t, 100));
        out.printf(Locale.ROOT, "%.0f tiles/s over %.0f s, %d errors, load average %.2f at the end, JIT compiling %,d ms%n",
                t.length / elapsed, elapsed, errors.get(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                jit.getTotalCompilationTime() - jit1);
        out.printf(Locale.ROOT, "target p95 ≤ 30 ms per zoom → %s (worst zoom p95 %.1f ms)%n",
                worstP95 <= 30 ? "met" : "NOT met", worstP95);
        return 0;
    }

    // ------------------------------------------------------------------ data

    void ensureVenues(int n, PrintStream out) throws Exception {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            c.setAutoCommit(true);
            long have;
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM venue WHERE synthetic AND licence_no LIKE 'TILE-%'")) {
                rs.next();
                have = rs.getLong(1);
            }
            if (have == n) {
                out.printf("data: %,d synthetic TILE- venues already in the bench database%n", n);
                return;
            }
            if (have > n) {
                st.execute("DELETE FROM venue WHERE synthetic AND licence_no LIKE 'TILE-%' AND "
                        + "substr(licence_no, 6)::int > " + n);
                st.execute("ANALYZE venue");
                out.printf("data: trimmed to %,d TILE- venues%n", n);
                return;
            }
            String outline = weifang();
            long t0 = System.nanoTime();
            for (long from = have + 1; from <= n; from += BATCH) {
                long to = Math.min(n, from + BATCH - 1);
                // points inside the city's outline; category and status from md5 of the row number (same data every run)
                try (PreparedStatement ps = c.prepareStatement("""
                        INSERT INTO venue (licence_no, name, category, address, geom, status, district_code, synthetic, notes)
                        SELECT 'TILE-' || lpad(n::text, 7, '0'), '瓦片基准场所' || n,
                            (ARRAY['internet_cafe','song_dance','game_arcade','publication','hotel','satellite_equipment',
                                   'printing','performance','other'])[1 + abs(hashtext('c' || n)) % 9],
                            '潍坊市瓦片路' || n || '号', g.geom,
                            CASE WHEN abs(hashtext('s' || n)) % 20 = 0 THEN 'suspended' ELSE 'open' END,
                            '370700', true, 'synthetic: bench tiles'
                        FROM (SELECT row_number() OVER () + ? - 1 AS n, d.geom
                              FROM ST_Dump(ST_GeneratePoints(ST_GeomFromGeoJSON(?), ?, ?)) d) g
                        """)) {
                    ps.setLong(1, from);
                    ps.setString(2, outline);
                    ps.setInt(3, (int) (to - from + 1));
                    ps.setInt(4, (int) (from / BATCH) + 17);
                    ps.executeUpdate();
                }
                out.printf(Locale.ROOT, "data: %,d / %,d venues (%.0f s)%n", to, n, (System.nanoTime() - t0) / 1e9);
            }
            st.execute("ANALYZE venue");
        }
    }

    /** The union of 潍坊市's districts (GCJ-02 in the file, converted to WGS-84) as GeoJSON. */
    static String weifang() throws Exception {
        File f = new File(BOUNDARIES);
        if (!f.isFile()) {
            throw new IllegalStateException("missing " + BOUNDARIES + " (the shared boundaries)");
        }
        JsonNode doc = new ObjectMapper().readTree(f);
        List<Geometry> parts = new ArrayList<>();
        for (JsonNode feature : doc.get("features")) {
            parts.add(DatumTransform.toWgs84(GeoJson.parse(feature.get("geometry"), "geometry"), Datum.GCJ02));
        }
        Geometry u = GeoJson.FACTORY.buildGeometry(parts).union();
        return GeoJson.write(u);
    }

    /** K distinct tiles per zoom, each holding a random TILE- venue. */
    List<List<Tile>> pickTiles(int perZoom, long seed, Set<Tile> except) throws Exception {
        List<double[]> points = new ArrayList<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT ST_X(geom), ST_Y(geom) FROM venue v WHERE licence_no LIKE 'TILE-%' AND licence_no = ANY(?) AND "
                        + scope.sql("v.unit_id"))) {
            Random r = new Random(seed);
            long max = count(c);
            String[] keys = new String[perZoom * ZOOMS.length * 12];
            for (int i = 0; i < keys.length; i++) {
                keys[i] = "TILE-" + String.format("%07d", 1 + (long) (r.nextDouble() * max));
            }
            ps.setArray(1, c.createArrayOf("varchar", keys));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    points.add(new double[] {rs.getDouble(1), rs.getDouble(2)});
                }
            }
        }
        List<List<Tile>> out = new ArrayList<>();
        for (int z : ZOOMS) {
            Set<Tile> ts = new LinkedHashSet<>();
            for (double[] p : points) {
                if (ts.size() == perZoom) {
                    break;
                }
                Tile t = tileOf(p[0], p[1], z);
                if (!except.contains(t)) {
                    ts.add(t);
                }
            }
            out.add(new ArrayList<>(ts));
        }
        return out;
    }

    private static long count(Connection c) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT count(*) FROM venue WHERE licence_no LIKE 'TILE-%'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static Tile tileOf(double lon, double lat, int z) {
        double r = Math.toRadians(lat);
        int x = (int) Math.floor((lon + 180) / 360 * (1 << z));
        int y = (int) Math.floor((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2 * (1 << z));
        return new Tile(z, x, y);
    }

    // ------------------------------------------------------------------ measuring

    /** The scope of the bench's user: its unit and every unit below it, as the service's Jurisdiction computes it. */
    com.patrolplanner.registry.Scope scopeOf(String user) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> {
            com.patrolplanner.security.AppUser u = com.patrolplanner.security.AppUser.findByUsername(user);
            if (u == null) {
                throw new IllegalStateException("no user " + user + " in the bench database (the demo users are missing)");
            }
            return u.unitId == null ? com.patrolplanner.registry.Scope.ALL
                    : new com.patrolplanner.registry.Scope(u.unitId, jurisdiction.below(u.unitId));
        });
    }

    com.patrolplanner.registry.Scope scope = com.patrolplanner.registry.Scope.ALL;

    byte[] raw(Tile t, Long[] violating) throws Exception {
        TileLayer l = TileLayer.VENUES;
        List<Object> params = l.params(t.z(), t.x(), t.y(), violating);
        try (Connection c = ds.getConnection(); PreparedStatement st = c.prepareStatement(l.statement(t.z(), scope))) {
            for (int i = 0; i < params.size(); i++) {
                Object p = params.get(i);
                if (p instanceof Long[] a) {
                    st.setArray(i + 1, c.createArrayOf("bigint", a));
                } else {
                    st.setObject(i + 1, p);
                }
            }
            // the statement's parts in one round trip, as the service sends them (TileLayer.statement): the tile is
            // the last result
            st.execute();
            while (st.getMoreResults() || st.getUpdateCount() != -1) {
                if (st.getResultSet() != null) {
                    break;
                }
            }
            try (ResultSet rs = st.getResultSet()) {
                rs.next();
                byte[] b = rs.getBytes(1);
                return b == null ? new byte[0] : b;
            }
        }
    }

    long timeRaw(Tile t, Long[] violating, long[] bytes, long[] feats, int i) throws Exception {
        long t0 = System.nanoTime();
        byte[] b = raw(t, violating);
        long us = (System.nanoTime() - t0) / 1000;
        bytes[i] = b.length;
        feats[i] = features(b);
        return us;
    }

    long timeService(HttpClient http, String base, String auth, Tile t) throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<byte[]> r = fetch(http, base, auth, t);
        long us = (System.nanoTime() - t0) / 1000;
        if (r.statusCode() != 200 && r.statusCode() != 204) {
            throw new IllegalStateException(t.path() + ": HTTP " + r.statusCode());
        }
        return us;
    }

    static HttpResponse<byte[]> fetch(HttpClient http, String base, String auth, Tile t) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + t.path())).timeout(Duration.ofSeconds(60))
                .header("Authorization", auth).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Features in an MVT (protobuf: count of tag-2 fields inside each layer, field 3 of the tile). */
    static long features(byte[] mvt) {
        long n = 0;
        int i = 0;
        while (i < mvt.length) {
            long key = varint(mvt, i);
            i += varintLength(mvt, i);
            if ((key & 7) != 2) {
                return n;
            }
            long len = varint(mvt, i);
            i += varintLength(mvt, i);
            int end = i + (int) len;
            if ((key >>> 3) == 3) {
                int j = i;
                while (j < end) {
                    long k = varint(mvt, j);
                    j += varintLength(mvt, j);
                    int wire = (int) (k & 7);
                    if (wire == 2) {
                        long l = varint(mvt, j);
                        j += varintLength(mvt, j) + (int) l;
                        if ((k >>> 3) == 2) {
                            n++;
                        }
                    } else if (wire == 0) {
                        j += varintLength(mvt, j);
                    } else {
                        return n;
                    }
                }
            }
            i = end;
        }
        return n;
    }

    private static long varint(byte[] b, int i) {
        long v = 0;
        int shift = 0;
        while (i < b.length) {
            byte x = b[i++];
            v |= (long) (x & 0x7f) << shift;
            if ((x & 0x80) == 0) {
                break;
            }
            shift += 7;
        }
        return v;
    }

    private static int varintLength(byte[] b, int i) {
        int n = 1;
        while (i < b.length && (b[i] & 0x80) != 0) {
            i++;
            n++;
        }
        return n;
    }

    static double median(long[] v) {
        long[] s = v.clone();
        Arrays.sort(s);
        return s.length == 0 ? Double.NaN : s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2.0;
    }

    static double pct(long[] s, double p) {
        if (s.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100.0 * s.length) - 1;
        return s[Math.max(0, Math.min(s.length - 1, i))] / 1000.0;
    }
}
