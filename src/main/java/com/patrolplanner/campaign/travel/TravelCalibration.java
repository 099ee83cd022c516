package com.patrolplanner.campaign.travel;

import com.patrolplanner.geo.Datum;
import com.patrolplanner.geo.Geodesy;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Fits the travel model on real driving routes (Amap, GCJ-02 converted to WGS-84 first):
 * <ul>
 * <li>detour factor {@code k}: road distance ≈ k × great-circle distance, least squares through the origin;</li>
 * <li>day travel: duration ≈ a + b × road distance ({@code a} = fixed time per trip: lights, parking; {@code 1/b} =
 * speed), fitted by least squares on the <em>relative</em> error (weights 1/duration²): ordinary least squares lets
 * the long trips dominate (it gave 11 min + 66 km/h), plain speed through the origin under-predicts short hops by
 * 30–45 %, and patrol legs are short;</li>
 * <li>night travel: the same fit on the faster half of the routes (lower pace, seconds per metre). The data have no
 * departure times, so night speed is the free-flow proxy "the faster half of real trips", not a measured night speed.</li>
 * </ul>
 * Routes kept: one origin and one destination ("Multi-stop Planning" distances include the waypoints), great circle
 * 0.3–30 km (patrol scale, not intercity highway), implied speed ≥ 8 km/h (slower ones are walking, not driving).
 */
public final class TravelCalibration {

    public record Route(String city, String scenario, double greatCircleM, double roadM, double durationS) {
        double paceSPerM() {
            return durationS / roadM;
        }
    }

    /** The fitted model and how well it reproduces the routes it was fitted on. */
    public record Result(int routesRead, int routesUsed, double detourFactor, double detourRmseM, double dayFixedS,
            double daySpeedKmh, double nightFixedS, double nightSpeedKmh, double durationRmseS, double durationMape,
            double durationRmseFromGreatCircleS) {

        public TravelModel model() {
            return new TravelModel(detourFactor, dayFixedS, daySpeedKmh, nightFixedS, nightSpeedKmh);
        }

        public String describe() {
            return String.format(java.util.Locale.ROOT,
                    "travel calibration: %d of %d routes used; detour factor %.3f (road-distance RMSE %.0f m); "
                            + "day %.1f km/h + %.0f s per trip; night %.1f km/h + %.0f s per trip; "
                            + "duration RMSE %.0f s (MAPE %.1f %%) from road distance, %.0f s from great circle × detour",
                    routesUsed, routesRead, detourFactor, detourRmseM, daySpeedKmh, dayFixedS, nightSpeedKmh, nightFixedS,
                    durationRmseS, durationMape * 100, durationRmseFromGreatCircleS);
        }
    }

    private TravelCalibration() {
    }

    public static List<Route> read(Path csv) throws IOException {
        List<Route> out = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                double[] o = Datum.GCJ02.toWgs84(Double.parseDouble(rec.get("origin_lng")), Double.parseDouble(rec.get("origin_lat")));
                double[] d = Datum.GCJ02.toWgs84(Double.parseDouble(rec.get("dest_lng")), Double.parseDouble(rec.get("dest_lat")));
                out.add(new Route(rec.get("city"), rec.get("task_scenario"), Geodesy.distance(o[0], o[1], d[0], d[1]),
                        Double.parseDouble(rec.get("distance_m")), Double.parseDouble(rec.get("duration_s"))));
            }
        }
        return out;
    }

    public static boolean usable(Route r) {
        return !r.scenario().startsWith("Multi-stop") && r.greatCircleM() >= 300 && r.greatCircleM() <= 30_000
                && r.roadM() / r.durationS() * 3.6 >= 8.0 && r.roadM() >= r.greatCircleM();
    }

    public static Result fit(List<Route> all) {
        List<Route> used = all.stream().filter(TravelCalibration::usable).toList();
        if (used.size() < 4) {
            throw new IllegalArgumentException("calibration needs at least 4 usable routes, got " + used.size());
        }
        double sxy = 0;
        double sxx = 0;
        for (Route r : used) {
            sxy += r.greatCircleM() * r.roadM();
            sxx += r.greatCircleM() * r.greatCircleM();
        }
        double k = sxy / sxx;
        double detourSse = 0;
        for (Route r : used) {
            detourSse += sq(r.roadM() - k * r.greatCircleM());
        }
        double[] day = relative(used);
        double[] paces = used.stream().mapToDouble(Route::paceSPerM).sorted().toArray();
        double median = paces[paces.length / 2];
        List<Route> fast = used.stream().filter(r -> r.paceSPerM() <= median).toList();
        double[] night = relative(fast);
        double sse = 0;
        double ape = 0;
        double sseGc = 0;
        for (Route r : used) {
            double pred = day[0] + day[1] * r.roadM();
            sse += sq(pred - r.durationS());
            ape += Math.abs(pred - r.durationS()) / r.durationS();
            sseGc += sq(day[0] + day[1] * k * r.greatCircleM() - r.durationS());
        }
        int n = used.size();
        return new Result(all.size(), n, k, Math.sqrt(detourSse / n), day[0], 3.6 / day[1], night[0], 3.6 / night[1],
                Math.sqrt(sse / n), ape / n, Math.sqrt(sseGc / n));
    }

    /**
     * duration = a + b·road minimising the squared relative error Σ((a + b·road − t)/t)² (weights 1/t²), so that the
     * short hops of a patrol weigh as much as the long trips; a clamped at 0.
     */
    private static double[] relative(List<Route> rs) {
        double sw = 0;
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (Route r : rs) {
            double w = 1.0 / sq(r.durationS());
            sw += w;
            sx += w * r.roadM();
            sy += w * r.durationS();
            sxx += w * sq(r.roadM());
            sxy += w * r.roadM() * r.durationS();
        }
        double b = (sw * sxy - sx * sy) / (sw * sxx - sx * sx);
        double a = (sy - b * sx) / sw;
        if (a < 0 || b <= 0 || !Double.isFinite(b)) {
            return new double[] {0, sxy / sxx};
        }
        return new double[] {a, b};
    }

    private static double sq(double x) {
        return x * x;
    }
}
