package com.patrolplanner.campaign.solver;

import ai.timefold.solver.core.api.score.analysis.ConstraintAnalysis;
import ai.timefold.solver.core.api.score.analysis.MatchAnalysis;
import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverConfigOverride;
import ai.timefold.solver.core.api.solver.SolverJob;
import ai.timefold.solver.core.api.solver.SolverManager;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import com.patrolplanner.campaign.routing.RoutingJustification;
import com.patrolplanner.campaign.routing.RoutingPlan;
import com.patrolplanner.campaign.routing.Vehicle;
import com.patrolplanner.campaign.routing.Visit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Solves campaign problems on the routing core's model ({@code RoutingPlan}, {@code Vehicle}, {@code Visit}) with
 * {@link CampaignConstraintProvider} through Quarkus' {@code SolverManager} named "campaign": Timefold's default
 * construction heuristic and local search, the time limit set per job. The routing core's
 * own start phase (regret insertion, string removal) is package-private and scores only its own constraints, so it
 * is not used here; campaign problems are small (tens of visits).
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

    @Override
    public RoutingPlan solve(CampaignProblem problem, Duration limit, Consumer<RoutingPlan> onBest, BooleanSupplier stop) {
        long id = problem.campaignId();
        SolverConfigOverride<CampaignPlan> override = new SolverConfigOverride<CampaignPlan>()
                .withTerminationConfig(new TerminationConfig().withSpentLimit(limit)
                        .withUnimprovedSpentLimit(Duration.ofMillis(Math.max(1000, limit.toMillis() / 3))));
        SolverJob<CampaignPlan, Long> job = solverManager.solveBuilder()
                .withProblemId(id)
                .withProblem((CampaignPlan) problem.plan())
                .withBestSolutionConsumer(onBest::accept)
                .withConfigOverride(override)
                .run();
        ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "campaign-solve-watch");
            t.setDaemon(true);
            return t;
        });
        watch.scheduleAtFixedRate(() -> {
            if (stop.getAsBoolean()) {
                solverManager.terminateEarly(id);
            }
        }, 100, 100, TimeUnit.MILLISECONDS);
        try {
            return job.getFinalBestSolution();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            solverManager.terminateEarly(id);
            throw new IllegalStateException("interrupted while solving campaign " + id, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("solving campaign " + id + " failed: " + e.getCause(), e.getCause());
        } finally {
            watch.shutdownNow();
        }
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
