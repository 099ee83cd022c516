package com.patrolplanner.campaign.solver;

import ai.timefold.solver.core.api.score.analysis.ConstraintAnalysis;
import ai.timefold.solver.core.api.score.analysis.MatchAnalysis;
import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.api.solver.SolverManager;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import com.patrolplanner.campaign.routing.RoutingJustification;
import com.patrolplanner.campaign.routing.RoutingPlan;
import com.patrolplanner.campaign.routing.RoutingRules;
import com.patrolplanner.campaign.routing.RoutingSolver;
import com.patrolplanner.campaign.routing.Vehicle;
import com.patrolplanner.campaign.routing.Visit;
import com.patrolplanner.registry.TwoOfficerRule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Solves campaign problems on the routing core's model ({@code RoutingPlan}, {@code Vehicle}, {@code Visit}) with
 * {@link CampaignConstraintProvider}, in two phases: the routing core's own search ({@link RoutingSolver#heuristicPhase}:
 * regret insertion, then string-removal ruin-and-recreate) told the campaign rules it must keep ({@link #rules}: a
 * venue's windows are alternatives, done or pinned stops stay on their team, a team without two certified officers
 * takes nothing, visits are optional by priority, fair workload counts) for {@link #HEURISTIC_SHARE} of the time, then
 * Timefold's local search on the full campaign score for the rest. A night sweep with a simultaneous strike (a rule the
 * core's search does not know) gets Timefold's default phases alone, as does {@code heuristic = false} (the
 * benchmark's baseline). The Quarkus {@code SolverManager} named "campaign" explains scores.
 */
@ApplicationScoped
public class TimefoldPlanSolver implements PlanSolver {

    /** Quarkus' solver named "campaign" (campaignSolverConfig.xml): the routing core's model, the campaign constraints. */
    @Inject
    @Named("campaign")
    SolverManager<CampaignPlan, Long> solverManager;
    /** The routing core's score alone (routingSolverConfig.xml), to show what the campaign constraints add. */
    @Inject
    @Named("routing")
    SolverManager<RoutingPlan, Long> coreSolverManager;

    /** Share of the time limit the routing core's search gets; Timefold's local search has the rest. */
    public static final double HEURISTIC_SHARE = 0.8;

    @Override
    public RoutingPlan solve(CampaignProblem problem, Duration limit, Consumer<RoutingPlan> onBest, BooleanSupplier stop) {
        return solve(problem, limit, onBest, stop, true);
    }

    /** Timefold's own phases from the seeded routes (the routing core's search would start from scratch). */
    @Override
    public RoutingPlan solveFrom(CampaignProblem problem, Duration limit, Consumer<RoutingPlan> onBest, BooleanSupplier stop) {
        return solve(problem, limit, onBest, stop, false);
    }

    /** @param heuristic whether to run the routing core's search first (false: Timefold's default phases alone) */
    public RoutingPlan solve(CampaignProblem problem, Duration limit, Consumer<RoutingPlan> onBest, BooleanSupplier stop,
            boolean heuristic) {
        CampaignPlan plan = (CampaignPlan) problem.plan();
        RoutingRules rules = heuristic && !problem.matrix().strike() ? rules(problem.matrix(), plan) : null;
        return solve(plan, rules, limit, onBest, stop);
    }

    /**
     * Solves a campaign plan; with {@code rules} the routing core's search runs first under them, without it
     * Timefold's default phases alone.
     */
    public static CampaignPlan solve(CampaignPlan plan, RoutingRules rules, Duration limit, Consumer<RoutingPlan> onBest,
            BooleanSupplier stop) {
        Solver<CampaignPlan> solver = SolverFactory.<CampaignPlan>create(config(rules, limit)).buildSolver();
        solver.addEventListener(event -> onBest.accept(event.getNewBestSolution()));
        ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "campaign-solve-watch");
            t.setDaemon(true);
            return t;
        });
        watch.scheduleAtFixedRate(() -> {
            if (stop.getAsBoolean()) {
                solver.terminateEarly();
            }
        }, 100, 100, TimeUnit.MILLISECONDS);
        try {
            return solver.solve(plan);
        } finally {
            watch.shutdownNow();
        }
    }

    static SolverConfig config(RoutingRules rules, Duration limit) {
        SolverConfig config = new SolverConfig()
                .withSolutionClass(CampaignPlan.class)
                .withEntityClasses(Vehicle.class, Visit.class)
                .withConstraintProviderClass(CampaignConstraintProvider.class)
                .withTerminationConfig(new TerminationConfig().withSpentLimit(limit));
        Duration unimproved = Duration.ofMillis(Math.max(1000, limit.toMillis() / 3));
        if (rules == null) {
            config.getTerminationConfig().setUnimprovedSpentLimit(unimproved);
            return config;
        }
        Duration start = Duration.ofMillis(Math.max(1L, (long) (limit.toMillis() * HEURISTIC_SHARE)));
        LocalSearchPhaseConfig polish = new LocalSearchPhaseConfig()
                .withTerminationConfig(new TerminationConfig().withUnimprovedSpentLimit(unimproved));
        return config.withPhases(RoutingSolver.heuristicPhase(rules, 0L, start), polish);
    }

    /** The campaign rules in the routing core's terms (see {@link CampaignConstraintProvider}). */
    public static RoutingRules rules(CampaignMatrix matrix, CampaignPlan plan) {
        return new RoutingRules(true, plan.fairWorkloadCounts(), v -> v.getLocation(),
                v -> matrix.pinnedVehicle(v.getId()),
                v -> matrix.certifiedOfficers(v.getId()) >= TwoOfficerRule.MIN_CERTIFIED_OFFICERS);
    }

    /** The campaign rules for a plan whose matrix carries no campaign facts (the benchmark's Solomon instances). */
    public static RoutingRules rules(CampaignPlan plan) {
        return new RoutingRules(true, plan.fairWorkloadCounts(), v -> v.getLocation(), v -> null, v -> true);
    }

    @Override
    public Explanation explain(RoutingPlan plan) {
        SolutionManager<CampaignPlan, HardMediumSoftLongScore> solutions = SolutionManager.create(solverManager);
        ScoreAnalysis<HardMediumSoftLongScore> analysis = solutions.analyze((CampaignPlan) plan);
        List<Match> matches = new ArrayList<>();
        for (ConstraintAnalysis<HardMediumSoftLongScore> ca : analysis.constraintAnalyses()) {
            if (ca.matches() == null) {
                continue;
            }
            for (MatchAnalysis<HardMediumSoftLongScore> m : ca.matches()) {
                HardMediumSoftLongScore s = m.score();
                String level = s.hardScore() != 0 ? "hard" : s.mediumScore() != 0 ? "medium" : "soft";
                long value = s.hardScore() != 0 ? s.hardScore() : s.mediumScore() != 0 ? s.mediumScore() : s.softScore();
                if (value == 0) {
                    continue;
                }
                String team = null;
                String visit = null;
                String why = String.valueOf(m.justification());
                if (m.justification() instanceof RoutingJustification j) {
                    team = j.vehicleId();
                    visit = j.visitId();
                    why = j.description();
                }
                matches.add(new Match(ca.constraintRef().constraintName(), level, value, team, visit, why));
            }
        }
        matches.sort(Comparator.comparing((Match m) -> m.level().equals("hard") ? 0 : m.level().equals("medium") ? 1 : 2)
                .thenComparing(Match::constraint));
        HardMediumSoftLongScore score = analysis.score();
        return new Explanation(score.toString(), score.isFeasible(), matches);
    }

    @Override
    public String coreScore(RoutingPlan plan) {
        SolutionManager<RoutingPlan, HardMediumSoftLongScore> core = SolutionManager.create(coreSolverManager);
        return String.valueOf(core.update(plan));
    }
}
