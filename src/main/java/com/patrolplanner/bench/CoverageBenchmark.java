package com.patrolplanner.bench;

import com.patrolplanner.cli.CliCommand;
import com.patrolplanner.coverage.CoverageQuery;
import com.patrolplanner.coverage.CoverageService;
import com.patrolplanner.coverage.HexCells;
import com.patrolplanner.registry.RegistryService;
import com.patrolplanner.registry.VenueInput;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * {@code ./planner bench coverage}: 10,000 venues around Weifang and 1,000,000 inspections over two years (seeded,
 * generated once into the bench database and reused), then hex coverage of the whole city view through the service
 * (cell sync + aggregation + GeoJSON hexagons) beside the plain aggregation SQL. Prints medians; asserts nothing.
 * Venues are written through RegistryService (slow, once); inspections by one INSERT … SELECT with setseed, without
 * officer rows (the coverage query does not read them).
 */
@ApplicationScoped
public class CoverageBenchmark implements CliCommand {
    static final int VENUES = 10_000;
    static final int INSPECTIONS = 1_000_000;
    static final String PREFIX = "BCOV-";
    /** Weifang urban area (潍坊市区) — the city view. */
    static final double[] CITY = {118.95, 36.55, 119.35, 36.85};
    static final double[][] CLUSTERS = {{119.107, 36.709, 3.0}, {119.16, 36.72, 2.0}, {119.06, 36.75, 2.5},
        {119.22, 36.69, 2.5}, {119.02, 36.66, 3.0}, {119.28, 36.76, 2.0}};
    static final String[] CATEGORIES = {"internet_cafe", "song_dance", "game_arcade", "publication", "hotel",
        "satellite_equipment", "printing", "performance", "other"};
    static final double[] CATEGORY_SHARE = {0.15, 0.10, 0.05, 0.30, 0.25, 0.03, 0.07, 0.02, 0.03};

    @Inject
    RegistryService registry;
    @Inject
    CoverageService coverage;
    @Inject
    AgroalDataSource ds;
    @Inject
    BenchScopes scopes;

    @Override
    public String name() {
        return "bench:coverage";
    }

    @Override
    public String summary() {
        return "hex coverage of a city view over 1,000,000 inspections: service path vs plain SQL (target ≤ 300 ms)";
    }

    @Override
    public int run(String[] args, PrintStream out) throws Exception {
        String scopeName = "none";
        for (int i = 0; i < args.length; i++) {
            scopeName = args[i].equals("--scope") && i + 1 < args.length ? BenchScopes.parse(args[++i]) : null;
            if (scopeName == null) {
                out.println("usage: bench coverage [--scope none|city|district]");
                return 2;
            }
        }
        long t0 = System.nanoTime();
        int made = ensureVenues(out);
        int cells = coverage.syncVenueCells();
        long n = ensureInspections(out);
        out.printf("data: %d bench venues (%d created now), %d venue cells computed now, %d inspections (%.1f s setup)%n",
                VENUES, made, cells, n, (System.nanoTime() - t0) / 1e9);
        // the caller's units (issue 14): the city over the whole bench box, a district over its west half
        com.patrolplanner.registry.Scope scope = scopes.scope(scopeName, CITY,
                new double[] {CITY[0], CITY[1], (CITY[0] + CITY[2]) / 2, CITY[3]}, out);
        String[][] periods = {{"2025-01-01", "2025-06-30", "half year"}, {"2024-01-01", "2025-12-31", "two years (all 1M)"}};
        out.println("service = CoverageService.hexGeoJson with its cache emptied before every run (one statement over the");
        out.println("monthly roll-up + raw partial months, then slicing and GeoJSON); cached = the same request again (no write");
        out.println("in between); plain SQL = the per-cell aggregation statement alone (also on the roll-up)");
        out.println("| view | period | res | cells | service median ms | service p90 ms | cached median ms | plain SQL median ms |");
        out.println("|---|---|---|---|---|---|---|---|");
        String bbox = CITY[0] + "," + CITY[1] + "," + CITY[2] + "," + CITY[3];
        for (String[] p : periods) {
            for (int res : new int[] {HexCells.FINE, HexCells.COARSE}) {
                CoverageQuery q = CoverageQuery.of(p[0], p[1], bbox);
                int cellCount = scopes.as(scope, () -> coverage.cellsSql(q, res).size());
                double[] svc = time(() -> scopes.as(scope, () -> {
                    coverage.forgetCachedAnswers();
                    return coverage.hexGeoJson(q, res, CoverageQuery.Metric.COVERAGE).length;
                }), 3, 9);
                double[] cached = time(() -> scopes.as(scope, () -> coverage.hexGeoJson(q, res, CoverageQuery.Metric.COVERAGE).length), 3, 9);
                double[] sql = time(() -> scopes.as(scope, () -> coverage.cellsSql(q, res).size()), 3, 9);
                out.printf("| city %s, scope %s | %s | %d | %d | %.0f | %.0f | %.1f | %.0f |%n", bbox, scopeName, p[2], res,
                        cellCount, svc[0], svc[1], cached[0], sql[0]);
            }
        }
        out.println("target: service median ≤ 300 ms for the city view (uncached)");
        out.println(MemoryReport.line());
        return 0;
    }

    /** [median, p90] in ms after {@code warm} untimed runs. */
    static double[] time(Supplier<Integer> body, int warm, int runs) {
        for (int i = 0; i < warm; i++) {
            body.get();
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long s = System.nanoTime();
            body.get();
            ms[i] = (System.nanoTime() - s) / 1e6;
        }
        Arrays.sort(ms);
        return new double[] {ms[runs / 2], ms[(int) Math.ceil(runs * 0.9) - 1]};
    }

    private int ensureVenues(PrintStream out) throws Exception {
        long have = count("SELECT count(*) FROM venue WHERE licence_no LIKE '" + PREFIX + "%'");
        if (have >= VENUES) {
            return 0;
        }
        out.printf("creating %d venues through RegistryService (once)…%n", VENUES - have);
        Random rnd = new Random(20250101L);
        List<VenueInput> all = new ArrayList<>();
        for (int i = 0; i < VENUES; i++) {
            double lon;
            double lat;
            if (rnd.nextDouble() < 0.2) {
                lon = CITY[0] + rnd.nextDouble() * (CITY[2] - CITY[0]);
                lat = CITY[1] + rnd.nextDouble() * (CITY[3] - CITY[1]);
            } else {
                double[] c = CLUSTERS[rnd.nextInt(CLUSTERS.length)];
                lon = c[0] + rnd.nextGaussian() * c[2] / 89.0;
                lat = c[1] + rnd.nextGaussian() * c[2] / 111.0;
            }
            lon = Math.max(CITY[0], Math.min(CITY[2], lon));
            lat = Math.max(CITY[1], Math.min(CITY[3], lat));
            String category = pickCategory(rnd);
            all.add(new VenueInput(PREFIX + String.format("%06d", i), "基准场所" + i, category, "潍坊市基准路" + i + "号", lon, lat,
                    "WGS84", null, null, rnd.nextDouble() < 0.03 ? "unlicensed" : "open", 0, null, null));
        }
        int made = 0;
        // small batches: every registry upsert queries by licence, which flushes the whole persistence context
        for (int from = 0; from < all.size(); from += 100) {
            List<VenueInput> batch = all.subList(from, Math.min(all.size(), from + 100));
            made += QuarkusTransaction.requiringNew().timeout(600).call(() -> {
                int k = 0;
                for (VenueInput in : batch) {
                    if (registry.upsertVenue(in, false, "bench", "bench:coverage").outcome() == RegistryService.Outcome.CREATED) {
                        k++;
                    }
                }
                return k;
            });
        }
        return made;
    }

    private static String pickCategory(Random rnd) {
        double u = rnd.nextDouble();
        for (int i = 0; i < CATEGORIES.length; i++) {
            u -= CATEGORY_SHARE[i];
            if (u < 0) {
                return CATEGORIES[i];
            }
        }
        return "other";
    }

    private long ensureInspections(PrintStream out) throws Exception {
        long have = count("SELECT count(*) FROM inspection WHERE created_by = 'bench'");
        if (have >= INSPECTIONS) {
            return have;
        }
        out.printf("generating %d inspections (once)…%n", INSPECTIONS);
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            c.setAutoCommit(true);
            st.execute("DELETE FROM inspection WHERE created_by = 'bench'");
            st.execute("SET max_parallel_workers_per_gather = 0");
            st.execute("SELECT setseed(0.20250101)");
            st.execute("""
                    INSERT INTO inspection (venue_id, inspected_at, outcome, violations, violation_count, actions, seized,
                        officer_count, geom, category, district_code, synthetic, created_by, created_at, updated_at)
                    WITH vs AS (
                        SELECT row_number() OVER (ORDER BY v.id) AS rn, v.id, v.category, v.geom, v.district_code
                        FROM venue v WHERE v.licence_no LIKE 'BCOV-%%'),
                    g AS (SELECT 1 + floor(random() * %d)::int AS rn, random() AS r, random() AS t, random() AS o
                          FROM generate_series(1, %d))
                    SELECT vs.id, timestamptz '2024-01-01 00:00+08' + g.t * interval '731 days',
                           CASE WHEN g.r < 0.10 THEN 'violation' WHEN g.r < 0.15 THEN 'not_operating'
                                WHEN g.r < 0.155 THEN 'not_found' ELSE 'compliant' END,
                           CASE WHEN g.r < 0.10 THEN '{other}'::text[] ELSE '{}'::text[] END,
                           CASE WHEN g.r < 0.10 THEN 1 ELSE 0 END,
                           CASE WHEN g.r < 0.10 THEN '{warning}'::text[] ELSE '{}'::text[] END, '{}'::jsonb,
                           CASE WHEN g.o < 0.3 THEN 3 ELSE 2 END, vs.geom, vs.category, vs.district_code,
                           true, 'bench', now(), now()
                    FROM g JOIN vs USING (rn)""".formatted(VENUES, INSPECTIONS));
            st.execute("VACUUM ANALYZE inspection");
            st.execute("ANALYZE venue_cell");
            st.execute("ANALYZE venue");
        }
        return count("SELECT count(*) FROM inspection WHERE created_by = 'bench'");
    }

    private long count(String sql) throws Exception {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
