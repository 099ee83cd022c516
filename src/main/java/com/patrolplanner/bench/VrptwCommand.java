package com.patrolplanner.bench;

import com.patrolplanner.campaign.routing.BestKnown;
import com.patrolplanner.campaign.routing.FeasibilityChecker;
import com.patrolplanner.campaign.routing.RoutingPlan;
import com.patrolplanner.campaign.routing.RoutingSolver;
import com.patrolplanner.campaign.routing.SolomonInstance;
import com.patrolplanner.campaign.routing.SolomonReader;
import com.patrolplanner.campaign.routing.Vehicle;
import com.patrolplanner.campaign.routing.Visit;
import com.patrolplanner.cli.CliCommand;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code ./planner vrptw FILE… [--seconds N] [--best-known PATH] [--seed S]} (also without Quarkus, through
 * {@link #main}): solves Solomon instances with the routing core and prints one JSON line per instance, then a summary
 * line. Every plan is verified by the {@link FeasibilityChecker} with a travel matrix rebuilt from the file, and its
 * distance recomputed unrounded. Gaps are to the best-known CSV (by default the
 * {@code best_known.csv} beside each instance, else {@code ../shared/data/vrptw/solomon/best_known.csv}).
 */
@ApplicationScoped
public class VrptwCommand implements CliCommand {

    static final Path FALLBACK_BEST_KNOWN = Path.of("../shared/data/vrptw/solomon/best_known.csv");

    public static void main(String[] args) {
        System.exit(solveAll(args, System.out));
    }

    @Override
    public String name() {
        return "vrptw";
    }

    @Override
    public String summary() {
        return "solve Solomon VRPTW instances: FILE… [--seconds N] — one JSON line each, then the gap to best-known";
    }

    @Override
    public int run(String[] args, PrintStream out) {
        return solveAll(args, out);
    }

    public static int solveAll(String[] args, PrintStream out) {
        List<Path> files = new ArrayList<>();
        long seconds = 60;
        long seed = 0;
        Path bestKnownPath = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seconds" -> seconds = Long.parseLong(args[++i]);
                case "--best-known" -> bestKnownPath = Path.of(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                default -> files.add(Path.of(args[i]));
            }
        }
        if (files.isEmpty()) {
            System.err.println("usage: vrptw FILE… [--seconds N] [--best-known PATH] [--seed S]");
            return 2;
        }
        int atBestFleet = 0;
        int withBest = 0;
        int feasibleCount = 0;
        double gapSum = 0.0;
        int extraVehicles = 0;
        for (Path file : files) {
            SolomonInstance instance = SolomonReader.read(file);
            RoutingPlan solved = new RoutingSolver(Duration.ofSeconds(seconds), seed, RoutingSolver.DEFAULT_ROUTE_MINIMISATION_SHARE)
                    .solve(instance.toPlan());
            FeasibilityChecker.Report report = new FeasibilityChecker(instance.toPlan().getMatrix(), true).check(solved);
            Optional<BestKnown.Entry> best = bestKnownFor(file, bestKnownPath).lookUp(instance.name());
            StringBuilder line = new StringBuilder();
            line.append("{\"instance\":\"").append(instance.name()).append("\",\"vehicles\":")
                    .append(report.vehiclesUsed()).append(",\"distance\":").append(fmt(report.distance()))
                    .append(",\"feasible\":").append(report.feasible()).append(",\"routes\":").append(routes(solved));
            if (report.feasible()) {
                feasibleCount++;
            }
            if (best.isPresent()) {
                BestKnown.Entry b = best.get();
                double gap = 100.0 * (report.distance() - b.distance()) / b.distance();
                line.append(",\"bestVehicles\":").append(b.vehicles()).append(",\"bestDistance\":")
                        .append(fmt(b.distance())).append(",\"gapPercent\":").append(fmt(gap));
                withBest++;
                extraVehicles += report.vehiclesUsed() - b.vehicles();
                if (report.feasible() && report.vehiclesUsed() <= b.vehicles()) {
                    atBestFleet++;
                    gapSum += gap;
                }
            }
            line.append('}');
            out.println(line);
            out.flush();
        }
        out.println("{\"summary\":true,\"instances\":" + files.size() + ",\"feasible\":" + feasibleCount
                + ",\"withBestKnown\":" + withBest + ",\"atBestVehicles\":" + atBestFleet
                + ",\"meanGapPercentAtBestVehicles\":" + (atBestFleet == 0 ? "null" : fmt(gapSum / atBestFleet))
                + ",\"meanExtraVehicles\":" + (withBest == 0 ? "null" : fmt((double) extraVehicles / withBest))
                + ",\"seconds\":" + seconds + "}");
        out.flush();
        return feasibleCount == files.size() ? 0 : 1;
    }

    private static BestKnown bestKnownFor(Path file, Path explicit) {
        if (explicit != null) {
            return BestKnown.read(explicit);
        }
        Path parent = file.toAbsolutePath().getParent();
        Path beside = parent == null ? null : parent.resolve("best_known.csv");
        if (beside != null && Files.isRegularFile(beside)) {
            return BestKnown.read(beside);
        }
        return Files.isRegularFile(FALLBACK_BEST_KNOWN) ? BestKnown.read(FALLBACK_BEST_KNOWN) : BestKnown.none();
    }

    private static String routes(RoutingPlan plan) {
        StringBuilder sb = new StringBuilder("[");
        boolean firstRoute = true;
        for (Vehicle vehicle : plan.getVehicles()) {
            if (vehicle.getVisits().isEmpty()) {
                continue;
            }
            sb.append(firstRoute ? "[" : ",[");
            firstRoute = false;
            boolean first = true;
            for (Visit visit : vehicle.getVisits()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                sb.append(visit.getId().chars().allMatch(Character::isDigit) ? visit.getId()
                        : "\"" + visit.getId().replace("\"", "\\\"") + "\"");
            }
            sb.append(']');
        }
        return sb.append(']').toString();
    }

    private static String fmt(double value) {
        String text = String.format(Locale.ROOT, "%.2f", value);
        return "-0.00".equals(text) ? "0.00" : text;
    }
}
