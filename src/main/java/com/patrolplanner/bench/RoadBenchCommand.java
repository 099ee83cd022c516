package com.patrolplanner.bench;

import com.patrolplanner.cli.CliCommand;
import com.patrolplanner.geo.Datum;
import com.patrolplanner.geo.Geodesy;
import com.patrolplanner.campaign.travel.RoadGraph;
import com.patrolplanner.campaign.travel.RoadImportHandler;
import com.patrolplanner.campaign.travel.RoadNetwork;
import com.patrolplanner.campaign.travel.RoadTravel;
import com.patrolplanner.campaign.travel.TravelModel;
import com.patrolplanner.campaign.travel.TravelModels;
import com.patrolplanner.importer.ImportHandler;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * {@code ./planner bench roads [PAIRS] [--file F.osm.pbf]}: imports the road network of an OSM extract when absent
 * (default ../shared/data/osm/andorra.osm.pbf), then compares, over random node pairs, road travel (fastest path +
 * the calibrated fixed seconds) with the great-circle model, and times a 100 × 100 road matrix.
 */
@ApplicationScoped
public class RoadBenchCommand implements CliCommand {
    private static final long SEED = 20261126L;
    private final RoadNetwork roads;
    private final RoadImportHandler importer;
    private final TravelModels models;

    RoadBenchCommand(RoadNetwork roads, RoadImportHandler importer, TravelModels models) {
        this.roads = roads;
        this.importer = importer;
        this.models = models;
    }

    @Override
    public String name() {
        return "bench:roads";
    }

    @Override
    public String summary() {
        return "road-network travel vs great-circle × detour on random node pairs; time of a 100×100 road matrix";
    }

    @Override
    public int run(String[] args, PrintStream out) throws Exception {
        int pairs = 500;
        Path file = Path.of("../shared/data/osm/andorra.osm.pbf");
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--file") && i + 1 < args.length) {
                file = Path.of(args[++i]);
            } else {
                pairs = Integer.parseInt(args[i]);
            }
        }
        String source = RoadImportHandler.KIND + ":" + file.getFileName();
        if (!QuarkusTransaction.requiringNew().call(() -> roads.sources().containsKey(source))) {
            if (!Files.exists(file)) {
                out.println("no " + file + " and no network " + source);
                return 2;
            }
            Path f = file;
            long t0 = System.nanoTime();
            ImportHandler.Summary s = QuarkusTransaction.requiringNew().timeout(3600).call(() -> importer.importFile(
                    new ImportHandler.Request(RoadImportHandler.KIND, f, f.getFileName().toString(), Datum.WGS84, null,
                            "bench"), new Quiet()));
            out.printf("imported %s in %.1f s: %s%n", f, (System.nanoTime() - t0) / 1e9, s.extra());
        }
        TravelModel model = models.current();
        int n = pairs;
        QuarkusTransaction.requiringNew().run(() -> compare(source, model, n, out));
        return 0;
    }

    private void compare(String source, TravelModel model, int pairs, PrintStream out) {
        RoadNetwork.Extent box = roads.extent(source);
        double x0 = box.minLon();
        double y0 = box.minLat();
        double x1 = box.maxLon();
        double y1 = box.maxLat();
        long t0 = System.nanoTime();
        RoadGraph byTime = roads.load(x0, y0, x1, y1, false);
        double loadS = (System.nanoTime() - t0) / 1e9;
        RoadGraph byLength = roads.load(x0, y0, x1, y1, true);
        out.printf("network %s: %d nodes, %d arcs (loaded in %.2f s); model: detour %.3f, day %.1f km/h + %.0f s%n",
                source, byTime.nodes(), byTime.arcs(), loadS, model.detourFactor(), model.daySpeedKmh(), model.dayFixedS());

        Random rnd = new Random(SEED);
        List<Double> timeRatio = new ArrayList<>();
        List<Double> lengthRatio = new ArrayList<>();
        List<Double> roadKmh = new ArrayList<>();
        int unreachable = 0;
        int tried = 0;
        while (timeRatio.size() < pairs && tried < pairs * 20) {
            tried++;
            int a = rnd.nextInt(byTime.nodes());
            int b = rnd.nextInt(byTime.nodes());
            double gc = Geodesy.distance(byTime.lon(a), byTime.lat(a), byTime.lon(b), byTime.lat(b));
            if (!byTime.snappable(a) || !byTime.snappable(b)) {
                continue; // venues snap only to the main connected part
            }
            if (gc < 500) {
                continue; // patrol legs are rarely shorter; the fixed seconds dominate below that
            }
            double s = byTime.seconds(a, b);
            if (Double.isInfinite(s)) {
                unreachable++;
                continue;
            }
            double m = byLength.seconds(byLength.index(byTime.osmId(a)), byLength.index(byTime.osmId(b)));
            double roadMin = RoadTravel.minutes(model, false, 0, s, 0);
            double gcMin = model.minutes(byTime.lon(a), byTime.lat(a), byTime.lon(b), byTime.lat(b), false);
            timeRatio.add(roadMin / gcMin);
            lengthRatio.add(m / gc);
            roadKmh.add(m / 1000 / (s / 3600));
        }
        out.printf("%d pairs of snappable nodes ≥ 500 m apart (seed %d), %d unreachable pairs skipped (%.1f %% of drawn)%n", timeRatio.size(),
                SEED, unreachable, 100.0 * unreachable / Math.max(1, timeRatio.size() + unreachable));
        out.printf("road minutes / great-circle-model minutes: median %.3f, p10 %.3f, p90 %.3f%n", q(timeRatio, 0.5),
                q(timeRatio, 0.1), q(timeRatio, 0.9));
        out.printf("shortest road metres / great-circle metres: median %.3f, p90 %.3f (model detour factor %.3f)%n",
                q(lengthRatio, 0.5), q(lengthRatio, 0.9), model.detourFactor());
        out.printf("mean speed along the fastest path: median %.1f km/h, p90 %.1f km/h%n", q(roadKmh, 0.5),
                q(roadKmh, 0.9));

        // 100 points within 200 m of random road nodes: venues are near roads, rarely on a node
        double[] lon = new double[100];
        double[] lat = new double[100];
        for (int i = 0; i < 100; i++) {
            int k = rnd.nextInt(byTime.nodes());
            double[] p = Geodesy.destination(byTime.lon(k), byTime.lat(k), rnd.nextDouble() * 360, rnd.nextDouble() * 200);
            lon[i] = p[0];
            lat[i] = p[1];
        }
        double[] secs = new double[3];
        RoadNetwork.Matrix m = null;
        for (int r = 0; r < secs.length; r++) {
            long t = System.nanoTime();
            m = roads.matrix(lon, lat, model, false);
            secs[r] = (System.nanoTime() - t) / 1e9;
        }
        Arrays.sort(secs);
        out.printf("100×100 road matrix: %.2f s (best of 3; runs %.2f / %.2f / %.2f s), %d of 9900 pairs fell back to "
                + "the great circle, snaps max %.0f m; graph %s%n", secs[0], secs[0], secs[1], secs[2], m.fallbackPairs(),
                m.maxSnapM(), m.travel().built());
    }

    private static double q(List<Double> xs, double p) {
        if (xs.isEmpty()) {
            return Double.NaN;
        }
        double[] a = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return a[Math.min(a.length - 1, (int) Math.floor(p * (a.length - 1) + 0.5))];
    }

    private static final class Quiet implements com.patrolplanner.jobs.JobService.Progress {
        @Override
        public void total(long total) {
        }

        @Override
        public void advance(long by) {
        }

        @Override
        public void detail(java.util.Map<String, Object> detail) {
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    }
}
