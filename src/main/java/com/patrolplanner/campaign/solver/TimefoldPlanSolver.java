package com.patrolplanner.campaign.solver;

import ai.timefold.solver.core.api.score.analysis.ConstraintAnalysis;
import ai.timefold.solver.core.api.score.analysis.MatchAnalysis;
import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import com.patrolplanner.campaign.routing.RoutingJustification;
import com.patrolplanner.campaign.routing.RoutingPlan;
import com.patrolplanner.campaign.routing.Vehicle;
import com.patrolplanner.campaign.routing.Visit;
import jakarta.enterprise.context.ApplicationScoped;
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
 * {@link CampaignConstraintProvider}: Timefold's default construction heuristic and local search. The routing core's
 * own start phase (regret insertion, string removal) is package-private and scores only its own constraints, so it
 * is not used here; campaign problems are small (tens of visits).
 */
@ApplicationScoped
public class TimefoldPlanSolver implements PlanSolver {

    private final SolverConfig base = new SolverConfig()
            .withSolutionClass(RoutingPlan.class)
            .withEntityClasses(Vehicle.class, Visit.class)
            .withConstraintProviderClass(CampaignConstraintProvider.class);
    private final SolutionManager<RoutingPlan, HardMediumSoftLongScore> solutions =
            SolutionManager.create(SolverFactory.create(base));

    @Override
    public RoutingPlan solve(CampaignProblem problem, Duration limit, Consumer<RoutingPlan> onBest, BooleanSupplier stop) {
        SolverConfig cfg = new SolverConfig(base).withRandomSeed(problem.campaignId())
                .withTerminationConfig(new TerminationConfig().withSpentLimit(limit)
                        .withUnimprovedSpentLimit(Duration.ofMillis(Math.max(1000, limit.toMillis() / 3))));
        Solver<RoutingPlan> solver = SolverFactory.<RoutingPlan>create(cfg).buildSolver();
        solver.addEventListener(e -> onBest.accept(e.getNewBestSolution()));
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
            return solver.solve(problem.plan());
        } finally {
            watch.shutdownNow();
        }
    }

    @Override
    public Explanation explain(RoutingPlan plan) {
        ScoreAnalysis<HardMediumSoftLongScore> analysis = solutions.analyze(plan);
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
}
