package com.patrolplanner.bench;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import com.patrolplanner.campaign.domain.Campaign;
import com.patrolplanner.campaign.CampaignInput;
import com.patrolplanner.campaign.CampaignService;
import com.patrolplanner.campaign.routing.BestKnown;
import com.patrolplanner.campaign.routing.FeasibilityChecker;
import com.patrolplanner.campaign.routing.RoutingPlan;
import com.patrolplanner.campaign.routing.RoutingRules;
import com.patrolplanner.campaign.routing.SolomonInstance;
import com.patrolplanner.campaign.routing.SolomonReader;
import com.patrolplanner.campaign.routing.Vehicle;
import com.patrolplanner.campaign.routing.Visit;
import com.patrolplanner.campaign.solver.CampaignConstraintProvider;
import com.patrolplanner.campaign.solver.CampaignFeasibility;
import com.patrolplanner.campaign.solver.CampaignPlan;
import com.patrolplanner.campaign.solver.CampaignProblem;
import com.patrolplanner.campaign.solver.ProblemBuilder;
import com.patrolplanner.campaign.solver.TimefoldPlanSolver;
import com.patrolplanner.cli.CliCommand;
import com.patrolplanner.demo.DemoLoader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code ./planner bench campaign [--seconds N] [--solomon FILE…] [--no-demo]}: how good the campaign solver's plans
 * are, in two measures, each solved twice with the same time: by Timefold's default phases alone (construction
 * heuristic + local search: what the campaign solver did before) and by the routing core's search under the campaign
 * rules followed by Timefold's local search (what it does now).
 * <ol>
 * <li>The demo's 奎文区 campaigns (routine day shift, staggered school-day hours with two windows per venue, night
 * sweep of cafés, KTVs and arcades) with all demo teams: venues planned, the priority left unplanned, travel minutes,
 * the score, and the independent feasibility check.</li>
 * <li>Solomon instances solved as campaigns (teams = the instance's whole fleet, each costing 1 when used, so the
 * solver finds its own fleet size; every customer a venue of priority 1, fair workload weighed zero so the objective is
 * fleet then distance): customers left unplanned, teams used beside the best-known fleet, and the distance gap to the
 * best-known solution, to set the campaign solver beside {@code ./planner vrptw}.</li>
 * </ol>
 * Both contestants get the same wall time: the core search runs first with {@code --seconds}, and Timefold's default
 * phases then get the seconds the core search actually took (never less than {@code --seconds}); each line prints the
 * solve's own seconds.
 * Prints one JSON line per solve and a summary; asserts nothing.
 */
@ApplicationScoped
public class CampaignBench implements CliCommand {
    static final Path SOLOMON = Path.of("../shared/data/vrptw/solomon");
    static final List<String> DEFAULT_INSTANCES = List.of("C101", "R101", "R104", "RC101", "R201", "RC201");

    @Inject
    DemoLoader demo;
    @Inject
    CampaignService campaigns;
    @Inject
    ProblemBuilder builder;
    @Inject
    TimefoldPlanSolver solver;
    @Inject
    EntityManager em;
    @ConfigProperty(name = "patrol.demo.dir", defaultValue = "data-import/demo")
    String demoDir;

    @Override
    public String name() {
        return "bench:campaign";
    }

    @Override
    public String summary() {
        return "campaign plan quality: Timefold default vs routing-core search, on the demo campaigns and Solomon as campaigns";
    }

    record Spec(String type, String date, List<String> categories) {
    }

    static final List<Spec> DEMO = List.of(
            new Spec("ROUTINE", "2026-12-01", null),
            new Spec("STAGGERED", "2026-12-01", null),
            new Spec("NIGHT_SWEEP", "2026-12-05", List.of("internet_cafe", "song_dance", "game_arcade")));

    @Override
    public int run(String[] args, PrintStream out) throws Exception {
        int seconds = 30;
        boolean withDemo = true;
        List<Path> files = new ArrayList<>();
        boolean solomonArgs = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--no-demo" -> withDemo = false;
                case "--solomon" -> solomonArgs = true;
                default -> {
                    if (!solomonArgs) {
                        throw new IllegalArgumentException("unknown argument " + args[i]);
                    }
                    files.add(Path.of(args[i]));
                }
            }
        }
        if (!solomonArgs) {
            for (String name : DEFAULT_INSTANCES) {
                Path f = SOLOMON.resolve(name + ".txt");
                if (Files.isRegularFile(f)) {
                    files.add(f);
                }
            }
        }
        Duration limit = Duration.ofSeconds(seconds);
        out.println("{\"bench\":\"campaign\",\"seconds\":" + seconds + ",\"cores\":"
                + Runtime.getRuntime().availableProcessors() + "}");
        if (withDemo) {
            demoCampaigns(limit, out);
        }
        solomon(files, limit, out);
        return 0;
    }

    private void demoCampaigns(Duration limit, PrintStream out) {
        if (!demo.loaded()) {
            demo.load(Path.of(demoDir));
        }
        @SuppressWarnings("unchecked")
        List<Number> teamRows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT DISTINCT team_id FROM inspector WHERE synthetic AND team_id IS NOT NULL ORDER BY 1").getResultList());
        List<Long> teams = teamRows.stream().map(Number::longValue).toList();
        // the demo's venues only: a bench database also holds the venues other benchmarks generate
        @SuppressWarnings("unchecked")
        List<Number> venueRows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT id FROM venue WHERE synthetic AND notes LIKE '%(SYNTHETIC demo data)%' ORDER BY 1")
                .getResultList());
        List<Long> venues = venueRows.stream().map(Number::longValue).toList();
        for (Spec spec : DEMO) {
            long id = QuarkusTransaction.requiringNew().call(() -> campaigns.create(new CampaignInput(
                    "bench " + spec.type() + " " + System.currentTimeMillis(), spec.type(), spec.date(), spec.date(),
                    new CampaignInput.TargetsInput(spec.categories(), null, null, null, null, null, venues), teams, null,
                    null, null, null, null, null, null), "bench").id);
            Duration given = limit;
            for (boolean heuristic : new boolean[] {true, false}) {
                Duration budget = given;
                CampaignProblem p = QuarkusTransaction.requiringNew().call(() -> {
                    Campaign c = campaigns.find(id);
                    return builder.build(c, LocalDate.parse(spec.date()), List.of());
                });
                long t0 = System.nanoTime();
                RoutingPlan solved = solver.solve(p, budget, best -> {
                }, () -> false, heuristic);
                double secs = (System.nanoTime() - t0) / 1e9;
                // the baseline (Timefold's default phases) runs second and gets the wall time the core search took
                given = Duration.ofMillis(Math.max(limit.toMillis(), Math.round(secs * 1000)));
                CampaignFeasibility.Report r = CampaignFeasibility.check(p, solved);
                Set<Long> targeted = new HashSet<>();
                Map<Long, Integer> priority = new java.util.HashMap<>();
                p.visits().values().forEach(v -> {
                    targeted.add(v.venueId());
                    priority.put(v.venueId(), v.priority());
                });
                Set<Long> visited = new HashSet<>();
                solved.getVehicles().forEach(v -> v.getVisits().forEach(x -> visited.add(p.visits().get(x.getId()).venueId())));
                long leftPriority = priority.entrySet().stream().filter(e -> !visited.contains(e.getKey()))
                        .mapToLong(Map.Entry::getValue).sum();
                out.printf(Locale.ROOT, "{\"campaign\":\"%s\",\"mode\":\"%s\",\"teams\":%d,\"visits\":%d,\"venues\":%d,"
                        + "\"plannedVenues\":%d,\"unplannedPriority\":%d,\"travelMinutes\":%.1f,\"score\":\"%s\","
                        + "\"feasible\":%b,\"seconds\":%.1f}%n", spec.type(), heuristic ? "core-search+timefold" : "timefold-default",
                        p.teams().size(), p.plan().getVisits().size(), targeted.size(), r.venuesVisited(), leftPriority,
                        r.travelMinutes(), solved.getScore(), r.feasible(), secs);
                out.flush();
            }
        }
    }

    private void solomon(List<Path> files, Duration limit, PrintStream out) {
        Path csv = SOLOMON.resolve("best_known.csv");
        BestKnown bks = Files.isRegularFile(csv) ? BestKnown.read(csv) : BestKnown.none();
        double[] gapSum = new double[2];
        int[] complete = new int[2];
        int[] atFleet = new int[2];
        for (Path f : files) {
            SolomonInstance inst = SolomonReader.read(f);
            BestKnown.Entry best = bks.lookUp(inst.name()).orElse(null);
            if (best == null) {
                out.println("{\"instance\":\"" + inst.name() + "\",\"skipped\":\"no best-known solution\"}");
                continue;
            }
            Duration given = limit;
            for (int mode : new int[] {1, 0}) {
                CampaignPlan plan = asCampaign(inst.toPlan());
                RoutingRules rules = mode == 1 ? TimefoldPlanSolver.rules(plan) : null;
                long t0 = System.nanoTime();
                CampaignPlan solved = TimefoldPlanSolver.solve(plan, rules, given, b -> {
                }, () -> false);
                double secs = (System.nanoTime() - t0) / 1e9;
                // the baseline runs second and gets the wall time the core search took
                given = Duration.ofMillis(Math.max(limit.toMillis(), Math.round(secs * 1000)));
                long used = solved.getVehicles().stream().filter(v -> !v.getVisits().isEmpty()).count();
                FeasibilityChecker.Report r = new FeasibilityChecker(solved.getMatrix(), false).check(solved);
                long unplanned = solved.getVisits().stream().filter(v -> v.getVehicle() == null).count();
                double gap = 100.0 * (r.distance() - best.distance()) / best.distance();
                if (unplanned == 0 && r.feasible()) {
                    complete[mode]++;
                    if (used == best.vehicles()) {
                        atFleet[mode]++;
                        gapSum[mode] += gap;
                    }
                }
                out.printf(Locale.ROOT, "{\"instance\":\"%s\",\"mode\":\"%s\",\"teamsOffered\":%d,\"teamsUsed\":%d,"
                        + "\"bestFleet\":%d,\"unplanned\":%d,\"distance\":%.2f,\"bestDistance\":%.2f,\"gapPercent\":%.2f,"
                        + "\"feasible\":%b,\"seconds\":%.1f}%n", inst.name(),
                        mode == 1 ? "core-search+timefold" : "timefold-default", plan.getVehicles().size(), used,
                        best.vehicles(), unplanned, r.distance(), best.distance(), gap, r.feasible(), secs);
                out.flush();
            }
        }
        for (int mode = 0; mode < 2; mode++) {
            out.printf(Locale.ROOT, "{\"summary\":\"solomon-as-campaign\",\"mode\":\"%s\",\"instances\":%d,"
                    + "\"allPlanned\":%d,\"atBestKnownFleet\":%d,\"meanGapPercentAtBestFleet\":%s}%n",
                    mode == 1 ? "core-search+timefold" : "timefold-default", files.size(), complete[mode], atFleet[mode],
                    atFleet[mode] == 0 ? "null" : String.format(Locale.ROOT, "%.2f", gapSum[mode] / atFleet[mode]));
        }
    }

    /**
     * The instance's whole fleet as campaign teams, each costing 1 on the medium level when used (as in {@code ./planner
     * vrptw}): the solver finds its own fleet size (unplanned customers weigh 1,000 each on the same level, so covering
     * everyone still comes first). Fair workload weighed zero.
     */
    static CampaignPlan asCampaign(RoutingPlan p) {
        List<Vehicle> vehicles = new ArrayList<>();
        for (Vehicle v : p.getVehicles()) {
            vehicles.add(new Vehicle(v.getId(), v.getLocation(), v.getMatrix(), v.getShiftStart(), v.getShiftEnd(),
                    v.getCapacity(), 1L));
        }
        List<Visit> visits = new ArrayList<>(p.getVisits());
        CampaignPlan plan = new CampaignPlan(p.getName(), p.getMatrix(), vehicles, visits);
        plan.setConstraintWeightOverrides(ConstraintWeightOverrides.of(
                Map.of(CampaignConstraintProvider.FAIR_WORKLOAD, HardMediumSoftLongScore.ZERO)));
        return plan;
    }
}
