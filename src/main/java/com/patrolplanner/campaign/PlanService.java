package com.patrolplanner.campaign;

import com.patrolplanner.campaign.domain.Campaign;
import com.patrolplanner.campaign.output.PlanView;
import com.patrolplanner.campaign.output.PlanViews;
import com.patrolplanner.campaign.routing.RoutingPlan;
import com.patrolplanner.campaign.solver.CampaignFeasibility;
import com.patrolplanner.campaign.solver.CampaignProblem;
import com.patrolplanner.campaign.solver.PlanSolver;
import com.patrolplanner.campaign.solver.ProblemBuilder;
import com.patrolplanner.jobs.JobService;
import com.patrolplanner.web.ApiException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Solving campaigns, quickstart style: {@link #solve} builds the problem (bad input fails here, synchronously), then
 * a {@link JobService} job runs the solver; the best plan so far is kept in memory for status polls; when the job ends
 * (time up or stopped) the best plan is checked by {@link CampaignFeasibility} and persisted.
 */
@ApplicationScoped
public class PlanService {
    public static final int DEFAULT_SECONDS = 10;
    public static final int MAX_SECONDS = 300;

    @Inject
    CampaignService campaigns;
    @Inject
    ProblemBuilder builder;
    @Inject
    PlanSolver solver;
    @Inject
    PlanStore store;
    @Inject
    JobService jobs;

    /** A running (or just finished) solve of one campaign. */
    static final class Solve {
        final UUID jobId;
        final CampaignProblem problem;
        final String campaignName;
        final String campaignType;
        volatile RoutingPlan best;
        volatile Long planId;
        volatile boolean finished;

        Solve(UUID jobId, CampaignProblem problem, String campaignName, String campaignType) {
            this.jobId = jobId;
            this.problem = problem;
            this.campaignName = campaignName;
            this.campaignType = campaignType;
        }
    }

    private final Map<Long, Solve> solves = new ConcurrentHashMap<>();

    public record SolveInput(String date, Integer seconds) {
    }

    public synchronized UUID solve(long campaignId, SolveInput in, String user) {
        Solve running = solves.get(campaignId);
        if (running != null && !running.finished) {
            throw ApiException.conflict("campaign " + campaignId + " is being solved (job " + running.jobId + "); "
                    + "stop it with DELETE first");
        }
        int seconds = in == null || in.seconds() == null ? DEFAULT_SECONDS : in.seconds();
        if (seconds < 1 || seconds > MAX_SECONDS) {
            throw ApiException.invalid("seconds", "between 1 and " + MAX_SECONDS);
        }
        Object[] built = QuarkusTransaction.requiringNew().call(() -> {
            Campaign c = campaigns.find(campaignId);
            LocalDate date;
            try {
                date = in == null || in.date() == null ? c.startDate : LocalDate.parse(in.date());
            } catch (java.time.format.DateTimeParseException e) {
                throw ApiException.invalid("date", "not a date (YYYY-MM-DD)");
            }
            Long previous = store.currentPlanId(campaignId, date);
            List<ProblemBuilder.KeptStop> kept = previous == null ? List.of() : store.keptStops(previous, date);
            return new Object[] {builder.build(c, date, kept), c.name, c.type};
        });
        CampaignProblem problem = (CampaignProblem) built[0];
        Solve[] holder = new Solve[1];
        UUID jobId = jobs.submit("campaign-solve", user, progress -> {
            Solve s = awaitHolder(holder);
            long limitMs = seconds * 1000L;
            progress.total(limitMs / 100);
            long t0 = System.currentTimeMillis();
            java.util.concurrent.atomic.AtomicLong reported = new java.util.concurrent.atomic.AtomicLong();
            RoutingPlan result;
            try {
                result = solver.solve(problem, Duration.ofSeconds(seconds), best -> {
                    s.best = best;
                    progress.detail(Map.of("score", String.valueOf(best.getScore())));
                    long done = Math.min(limitMs, System.currentTimeMillis() - t0) / 100;
                    progress.advance(Math.max(0, done - reported.getAndSet(Math.max(done, reported.get()))));
                }, progress::cancelled);
                s.best = result;
                CampaignFeasibility.Report report = CampaignFeasibility.check(problem, result);
                String status = progress.cancelled() ? "stopped" : "solved";
                PlanView view = PlanViews.of(problem, result, s.campaignName, s.campaignType, null, status, report);
                PlanSolver.Explanation ex;
                synchronized (s) {
                    ex = solver.explain(result);
                }
                s.planId = store.save(view, s.jobId, user, ex.matches());
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("planId", s.planId);
                out.put("score", String.valueOf(result.getScore()));
                out.put("feasible", report.feasible());
                out.put("violations", report.violations());
                out.put("planned", report.venuesVisited());
                return out;
            } finally {
                s.finished = true;
            }
        });
        Solve s = new Solve(jobId, problem, (String) built[1], (String) built[2]);
        solves.put(campaignId, s);
        holder[0] = s;
        synchronized (holder) {
            holder.notifyAll();
        }
        return jobId;
    }

    private static Solve awaitHolder(Solve[] holder) throws InterruptedException {
        synchronized (holder) {
            while (holder[0] == null) {
                holder.wait(50);
            }
        }
        return holder[0];
    }

    public boolean stop(long campaignId) {
        Solve s = solves.get(campaignId);
        if (s == null || s.finished) {
            return false;
        }
        return jobs.cancel(s.jobId);
    }

    /** Status of the latest solve: job state, best plan so far with its score explanation. Null when never solved here. */
    public Map<String, Object> status(long campaignId) {
        Solve s = solves.get(campaignId);
        if (s == null) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("jobId", s.jobId.toString());
        out.put("state", QuarkusTransaction.requiringNew().call(() -> jobs.status(s.jobId)).get("state").asText());
        out.put("planId", s.planId);
        RoutingPlan best = s.best;
        if (best != null) {
            synchronized (s) {
                PlanSolver.Explanation ex = solver.explain(best);
                CampaignFeasibility.Report report = CampaignFeasibility.check(s.problem, best);
                out.put("score", ex.score());
                out.put("routingCoreScore", solver.coreScore(best));
                out.put("feasible", report.feasible());
                out.put("plan", PlanViews.of(s.problem, best, s.campaignName, s.campaignType, s.planId,
                        s.finished ? "done" : "solving", report));
                out.put("explanation", ex.matches());
            }
        }
        return out;
    }

    /** For tests and commands: the job id of the campaign's latest solve, or null. */
    public UUID jobOf(long campaignId) {
        Solve s = solves.get(campaignId);
        return s == null ? null : s.jobId;
    }
}
