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
 * Both contestants get the same wall time: the core search runs first with {@code --seconds}, and Timefold's default
 * phases then get the seconds the core search actually took (never less than {@code --seconds}); each line prints the
 * solve's own seconds.
 * <li>City scale (issue 18, point 7): a city-wide night sweep of {@code --city-venues} venues (default 1,000: internet
 * cafés, KTVs and arcades spread over 潍坊's urban districts, licences {@code CITY-…}, imported through the register
 * import, so a second run finds them unchanged) by {@code --city-teams} teams (default 20, two certified officers each,
 * bases spread over the city), solved once by the campaign solver with {@code --city-seconds} (default 60): prints
 * the seconds to the first feasible plan (hard score 0), the final score, venues planned and the independent
 * feasibility check. Target: feasible within 60 s.</li>
 * </ol>
 * Prints one JSON line per solve and a summary; asserts nothing. {@code --city-only} runs the city sweep alone,
 * {@code --no-city} leaves it out.
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
    @Inject
    com.patrolplanner.importer.ImportService imports;
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
        boolean city = true;
        boolean cityOnly = false;
        int cityVenues = 1000;
        int cityTeams = 20;
        int citySeconds = 60;
        List<Path> files = new ArrayList<>();
        boolean solomonArgs = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--no-demo" -> withDemo = false;
                case "--solomon" -> solomonArgs = true;
                case "--no-city" -> city = false;
                case "--city-only" -> cityOnly = true;
                case "--city-venues" -> cityVenues = Integer.parseInt(args[++i]);
                case "--city-teams" -> cityTeams = Integer.parseInt(args[++i]);
                case "--city-seconds" -> citySeconds = Integer.parseInt(args[++i]);
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
        if (cityOnly) {
            citySweep(cityVenues, cityTeams, Duration.ofSeconds(citySeconds), out);
            out.println(MemoryReport.line());
            return 0;
        }
        if (withDemo) {
            demoCampaigns(limit, out);
        }
        solomon(files, limit, out);
        if (city) {
            citySweep(cityVenues, cityTeams, Duration.ofSeconds(citySeconds), out);
        }
        out.println(MemoryReport.line());
        return 0;
    }

    static final String[] NIGHT_CATEGORIES = {"网吧", "歌舞娱乐", "游艺娱乐"};

    /** The city sweep: registers (idempotently) the venues and teams, then one solve, timing the first feasible plan. */
    void citySweep(int venueCount, int teamCount, Duration limit, PrintStream out) throws Exception {
        java.util.Random r = new java.util.Random(20261202);
        StringBuilder venues = new StringBuilder("许可证号,场所名称,类别,地址,经度,纬度\n");
        for (int i = 0; i < venueCount; i++) {
            // 潍坊's urban districts (奎文、潍城、坊子、寒亭), about 35 × 30 km
            double lon = 118.98 + r.nextDouble() * 0.38;
            double lat = 36.58 + r.nextDouble() * 0.27;
            venues.append(String.format(Locale.ROOT, "CITY-%05d,城市夜查场所%d,%s,潍坊市城区夜查路%d号,%.6f,%.6f%n", i, i,
                    NIGHT_CATEGORIES[i % NIGHT_CATEGORIES.length], i, lon, lat));
        }
        StringBuilder officers = new StringBuilder("姓名,执法证号,单位,小组,驻地经度,驻地纬度,驻地地址\n");
        for (int t = 0; t < teamCount; t++) {
            double lon = 119.00 + (t % 5) * 0.08 + 0.02;
            double lat = 36.60 + (t / 5) * 0.06 + 0.02;
            for (int k = 0; k < 2; k++) {
                officers.append(String.format(Locale.ROOT, "城市队员%d-%d,CITY-OFF-%03d-%d,潍坊市文化市场综合执法支队,城市夜查%02d组,"
                        + "%.4f,%.4f,城市夜查驻地%d%n", t, k, t, k, t, lon, lat, t));
            }
        }
        long t0 = System.nanoTime();
        Map<String, Object> v = importText("venues", "city-venues.csv", venues.toString());
        Map<String, Object> o = importText("inspectors", "city-officers.csv", officers.toString());
        out.printf(Locale.ROOT, "{\"citySetup\":{\"venues\":%s,\"officers\":%s,\"seconds\":%.1f}}%n", v, o,
                (System.nanoTime() - t0) / 1e9);
        @SuppressWarnings("unchecked")
        List<Number> venueRows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT id FROM venue WHERE licence_no LIKE 'CITY-%' AND licence_no NOT LIKE 'CITY-OFF-%' ORDER BY licence_no LIMIT "
                        + venueCount).getResultList());
        @SuppressWarnings("unchecked")
        List<Number> teamRows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT id FROM team WHERE name LIKE '城市夜查%组' ORDER BY name LIMIT " + teamCount).getResultList());
        List<Long> venueIds = venueRows.stream().map(Number::longValue).toList();
        List<Long> teamIds = teamRows.stream().map(Number::longValue).toList();
        String date = "2026-12-05";
        long id = QuarkusTransaction.requiringNew().call(() -> campaigns.create(new CampaignInput(
                "bench city sweep " + System.currentTimeMillis(), "NIGHT_SWEEP", date, date,
                new CampaignInput.TargetsInput(null, null, null, null, null, null, venueIds), teamIds, null, null, null,
                null, null, null, null), "bench").id);
        CampaignProblem p = QuarkusTransaction.requiringNew().call(() -> builder.build(campaigns.find(id),
                LocalDate.parse(date), List.of()));
        long[] firstFeasible = {-1};
        long start = System.nanoTime();
        RoutingPlan solved = solver.solve(p, limit, best -> {
            if (firstFeasible[0] < 0 && best.getScore() != null && best.getScore().hardScore() == 0) {
                firstFeasible[0] = System.nanoTime() - start;
            }
        }, () -> false, true);
        double secs = (System.nanoTime() - start) / 1e9;
        if (firstFeasible[0] < 0 && solved.getScore() != null && solved.getScore().hardScore() == 0) {
            firstFeasible[0] = System.nanoTime() - start; // reported only at the end
        }
        CampaignFeasibility.Report rep = CampaignFeasibility.check(p, solved);
        out.printf(Locale.ROOT, "{\"campaign\":\"CITY_NIGHT_SWEEP\",\"venues\":%d,\"teams\":%d,\"visits\":%d,"
                + "\"secondsToFeasible\":%s,\"score\":\"%s\",\"plannedVenues\":%d,\"travelMinutes\":%.1f,"
                + "\"feasible\":%b,\"seconds\":%.1f,\"limitSeconds\":%d,\"target\":\"feasible within 60 s\",\"met\":%b}%n",
                venueIds.size(), p.teams().size(), p.plan().getVisits().size(),
                firstFeasible[0] < 0 ? "null" : String.format(Locale.ROOT, "%.1f", firstFeasible[0] / 1e9),
                solved.getScore(), rep.venuesVisited(), rep.travelMinutes(), rep.feasible(), secs, limit.toSeconds(),
                rep.feasible() && firstFeasible[0] >= 0 && firstFeasible[0] / 1e9 <= 60);
        out.flush();
    }

    private Map<String, Object> importText(String kind, String filename, String text) throws Exception {
        Path f = Files.createTempFile("bench-city", ".csv");
        try {
            Files.writeString(f, text);
            return imports.run(new com.patrolplanner.importer.ImportHandler.Request(kind, f, filename,
                    com.patrolplanner.geo.Datum.WGS84, Map.of(), "bench")).asMap();
        } finally {
            Files.deleteIfExists(f);
        }
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
