package com.patrolplanner.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.patrolplanner.cli.CliCommand;
import com.patrolplanner.geo.Datum;
import com.patrolplanner.geo.Geodesy;
import com.patrolplanner.geocode.GazetteerStore;
import com.patrolplanner.geocode.GeocodeBatch;
import com.patrolplanner.geocode.GeocodeQueries;
import com.patrolplanner.geocode.importer.AddressPointsImportHandler;
import com.patrolplanner.importer.ImportHandler;
import com.patrolplanner.jobs.JobService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

/**
 * {@code ./planner bench geocode [--file PATH] [--seed N] [--holdout 0.2] [--min-batch 50000]}: holds out a seeded
 * share of the address points of an OpenAddresses CSV (default ../shared/data/addresses/banff.csv), builds the gazetteer
 * from the rest through the address-points import, geocodes the held-out addresses through the batch job path
 * ({@link GeocodeBatch} on {@link JobService}) and prints accuracy (share within 10/30/100 m, median error) and
 * throughput. Throughput is also measured on one larger batch of --min-batch DISTINCT addresses (house numbers shifted along their streets; no address twice), cold then warm, so that
 * the throughput is not dominated by job start-up. Prints figures only; asserts nothing.
 */
@ApplicationScoped
public class GeocodeBench implements CliCommand {
    static final String TRAIN_FILE = "bench-geocode-train.csv";

    @Inject
    AddressPointsImportHandler importer;
    @Inject
    GazetteerStore store;
    @Inject
    GeocodeBatch batch;
    @Inject
    GeocodeQueries queries;
    @Inject
    JobService jobs;

    @Override
    public String name() {
        return "bench:geocode";
    }

    @Override
    public String summary() {
        return "offline geocoder on a held-out 20 % of OpenAddresses points: accuracy (10/30/100 m) and addresses/s";
    }

    record Row(double lon, double lat, String number, String street, String unit) {
    }

    @Override
    public int run(String[] args, PrintStream out) throws Exception {
        Path file = null;
        long seed = 20261126L;
        double holdout = 0.2;
        int minBatch = 50_000;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--file" -> file = Path.of(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                case "--holdout" -> holdout = Double.parseDouble(args[i + 1]);
                case "--min-batch" -> minBatch = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (file == null) {
            file = sharedData().resolve("addresses/banff.csv");
        }
        List<Row> rows = read(file);
        Collections.shuffle(rows, new Random(seed));
        int test = (int) Math.round(rows.size() * holdout);
        List<Row> held = rows.subList(0, test);
        List<Row> train = rows.subList(test, rows.size());
        out.printf("geocode bench: %s — %d address points, %d held out (seed %d), gazetteer from %d%n", file, rows.size(),
                held.size(), seed, train.size());

        Path tmp = Files.createTempFile("bench-geocode", ".csv");
        StringBuilder csv = new StringBuilder("LON,LAT,NUMBER,STREET,UNIT\n");
        for (Row r : train) {
            csv.append(r.lon()).append(',').append(r.lat()).append(',').append(quote(r.number())).append(',')
                    .append(quote(r.street())).append(',').append(quote(r.unit())).append('\n');
        }
        Files.writeString(tmp, csv);
        long t0 = System.nanoTime();
        ImportHandler.Summary imp = QuarkusTransaction.requiringNew().call(() -> {
            store.deleteSource(AddressPointsImportHandler.KIND + ":" + TRAIN_FILE);
            return importer.importFile(new ImportHandler.Request(AddressPointsImportHandler.KIND, tmp, TRAIN_FILE,
                    Datum.WGS84, Map.of(), "bench"), new NoProgress());
        });
        Files.deleteIfExists(tmp);
        out.printf("gazetteer import: %d rows in %.2f s%n", imp.imported() + imp.updated() + imp.unchanged(),
                (System.nanoTime() - t0) / 1e9);

        // 1. accuracy: each held-out address once
        List<GeocodeBatch.Item> items = new ArrayList<>();
        for (int i = 0; i < held.size(); i++) {
            Row r = held.get(i);
            String addr = com.patrolplanner.geocode.parse.ChineseText.hasHan(r.street())
                    ? r.street() + r.number() + "号" + (r.unit() == null ? "" : r.unit() + "单元")
                    : r.number() + " " + r.street() + (r.unit() == null ? "" : " Unit " + r.unit());
            items.add(new GeocodeBatch.Item(Integer.toString(i), addr, null, null));
        }
        Timed acc = runBatch(items);
        List<GeocodeQueries.BatchResult> results = QuarkusTransaction.requiringNew().call(() -> queries.results(acc.jobId()));
        double[] err = new double[results.size()];
        Map<String, Integer> levels = new TreeMap<>();
        int missing = 0;
        for (int i = 0; i < results.size(); i++) {
            GeocodeQueries.BatchResult res = results.get(i);
            Row truth = held.get(Integer.parseInt(res.id()));
            levels.merge(res.level() == null ? "none" : res.level(), 1, Integer::sum);
            if (res.lon() == null) {
                err[i] = Double.POSITIVE_INFINITY;
                missing++;
            } else {
                err[i] = Geodesy.distance(res.lon(), res.lat(),
                        truth.lon(), truth.lat());
            }
        }
        Arrays.sort(err);
        int n = err.length;
        out.printf("accuracy on %d held-out addresses: within 10 m %.1f %%, 30 m %.1f %%, 100 m %.1f %%; median error %.1f m; "
                + "p90 %.1f m; unmatched %d%n", n, 100.0 * within(err, 10) / n, 100.0 * within(err, 30) / n,
                100.0 * within(err, 100) / n, err[n / 2], err[(int) (n * 0.9)], missing);
        out.printf("levels: %s%n", levels);
        double[] bound = oracle(held, train);
        out.printf("ceiling of the data (not of the geocoder): a held-out point is within 30 m of the nearest known point of "
                + "its street for %.1f %%, and of the nearest segment between two known points of its street for %.1f %%%n",
                100 * bound[0], 100 * bound[1]);
        out.printf("throughput (this batch, %d addresses, cold JVM): %.0f addresses/s wall from submit to DONE (job body %.0f/s)%n",
                n, n / acc.wallSeconds(), n / acc.jobSeconds());
        Timed warm = runBatch(items);
        out.printf("throughput (the same batch again, warm JVM): %.0f addresses/s wall (job body %.0f/s)%n",
                n / warm.wallSeconds(), n / warm.jobSeconds());

        // 2. throughput: one large batch of DISTINCT addresses (no string twice). The file holds too few points for
        // 50,000, so house numbers are shifted along their street by 2·k (same side), street by street, round after
        // round: every address is new to the geocoder; those beyond the known numbers fall back to interpolation or the
        // street. Cold: the first run (database pages, JIT and the batch's street index start empty); warm: the same
        // batch again (the street index is per batch, so it starts empty again; the database and JIT are warm).
        java.util.LinkedHashSet<String> distinct = new java.util.LinkedHashSet<>();
        java.util.Set<String> streets = new java.util.HashSet<>();
        for (int k = 0; distinct.size() < minBatch && k < 10_000; k++) {
            for (Row r : rows) {
                if (distinct.size() >= minBatch) {
                    break;
                }
                int num;
                try {
                    num = Integer.parseInt(r.number().trim());
                } catch (RuntimeException e) {
                    continue;
                }
                String shifted = Integer.toString(num + 2 * k);
                String addr = com.patrolplanner.geocode.parse.ChineseText.hasHan(r.street())
                        ? r.street() + shifted + "号" + (r.unit() == null ? "" : r.unit() + "单元")
                        : shifted + " " + r.street() + (r.unit() == null ? "" : " Unit " + r.unit());
                if (distinct.add(addr)) {
                    streets.add(r.street());
                }
            }
        }
        List<GeocodeBatch.Item> big = new ArrayList<>(distinct.size());
        int k = 0;
        for (String a : distinct) {
            big.add(new GeocodeBatch.Item("d" + k++, a, null, null));
        }
        Timed cold = runBatch(big);
        Timed warmBig = runBatch(big);
        out.printf("throughput (one batch of %d distinct addresses on %d streets, no repeats): cold %.0f addresses/s wall "
                + "from submit to DONE (job body %.0f/s); warm %.0f addresses/s wall (job body %.0f/s)%n", big.size(),
                streets.size(), big.size() / cold.wallSeconds(), big.size() / cold.jobSeconds(),
                big.size() / warmBig.wallSeconds(), big.size() / warmBig.jobSeconds());
        out.println(MemoryReport.line());
        out.println("machine: " + Runtime.getRuntime().availableProcessors() + " cores, max heap "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB");
        return 0;
    }

    record Timed(UUID jobId, double wallSeconds, double jobSeconds) {
    }

    private Timed runBatch(List<GeocodeBatch.Item> items) throws InterruptedException {
        long t = System.nanoTime();
        UUID id = batch.submit(items, "bench");
        com.patrolplanner.jobs.JobStatus s = jobs.await(id, Duration.ofMinutes(30));
        double wall = (System.nanoTime() - t) / 1e9;
        if (!s.state().equals("DONE")) {
            throw new IllegalStateException("batch job ended " + s.state() + ": " + s.error());
        }
        double job = Duration.between(java.time.OffsetDateTime.parse(s.startedAt()),
                java.time.OffsetDateTime.parse(s.finishedAt())).toNanos() / 1e9;
        return new Timed(id, wall, Math.max(job, 1e-3));
    }

    /**
     * Shares of held-out points within 30 m of (0) the nearest known point of the same street and (1) the nearest segment
     * joining two known points of the same street: what any method that places an address between known ones can reach.
     */
    static double[] oracle(List<Row> held, List<Row> train) {
        Map<String, List<Row>> byStreet = new java.util.HashMap<>();
        for (Row r : train) {
            byStreet.computeIfAbsent(com.patrolplanner.geocode.parse.StreetKeys.streetKey(r.street()), k -> new ArrayList<>()).add(r);
        }
        int point = 0;
        int segment = 0;
        for (Row h : held) {
            List<Row> pts = byStreet.getOrDefault(com.patrolplanner.geocode.parse.StreetKeys.streetKey(h.street()), List.of());
            double k = Math.cos(Math.toRadians(h.lat())) * 111_320;
            double best = Double.POSITIVE_INFINITY;
            double bestSeg = Double.POSITIVE_INFINITY;
            for (int i = 0; i < pts.size(); i++) {
                double ax = (pts.get(i).lon() - h.lon()) * k;
                double ay = (pts.get(i).lat() - h.lat()) * 110_574;
                best = Math.min(best, Math.hypot(ax, ay));
                for (int j = i + 1; j < pts.size(); j++) {
                    double bx = (pts.get(j).lon() - h.lon()) * k;
                    double by = (pts.get(j).lat() - h.lat()) * 110_574;
                    double dx = bx - ax;
                    double dy = by - ay;
                    double l2 = dx * dx + dy * dy;
                    double t = l2 == 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / l2));
                    bestSeg = Math.min(bestSeg, Math.hypot(ax + t * dx, ay + t * dy));
                }
            }
            point += best <= 30 ? 1 : 0;
            segment += Math.min(best, bestSeg) <= 30 ? 1 : 0;
        }
        return new double[] {point / (double) held.size(), segment / (double) held.size()};
    }

    private static int within(double[] sorted, double m) {
        int c = 0;
        for (double d : sorted) {
            if (d <= m) {
                c++;
            }
        }
        return c;
    }

    static List<Row> read(Path file) throws Exception {
        List<Row> out = new ArrayList<>();
        try (var in = Files.newBufferedReader(file);
                var p = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            for (var r : p) {
                String number = r.get("NUMBER").trim();
                String street = r.get("STREET").trim();
                if (number.isEmpty() || number.equals("0") || street.isEmpty()) {
                    continue;
                }
                String unit = r.isMapped("UNIT") && r.isSet("UNIT") && !r.get("UNIT").isBlank() ? r.get("UNIT").trim() : null;
                out.add(new Row(Double.parseDouble(r.get("LON")), Double.parseDouble(r.get("LAT")), number, street, unit));
            }
        }
        return out;
    }

    private static String quote(String s) {
        if (s == null) {
            return "";
        }
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    /** ../shared/data: system property pp.shared.data, env PP_SHARED_DATA, else the first ancestor holding shared/data. */
    static Path sharedData() {
        String prop = System.getProperty("pp.shared.data", System.getenv("PP_SHARED_DATA"));
        if (prop != null && Files.isDirectory(Path.of(prop))) {
            return Path.of(prop);
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("shared/data"))) {
                return p.resolve("shared/data");
            }
        }
        throw new IllegalStateException("shared/data not found (set -Dpp.shared.data=… or PP_SHARED_DATA)");
    }

    private static final class NoProgress implements JobService.Progress {
        @Override
        public void total(long total) {
        }

        @Override
        public void advance(long by) {
        }

        @Override
        public void detail(Map<String, Object> detail) {
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    }
}
