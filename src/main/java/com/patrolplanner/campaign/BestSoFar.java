package com.patrolplanner.campaign;

import com.patrolplanner.campaign.output.PlanView;
import com.patrolplanner.campaign.output.PlanViews;
import com.patrolplanner.campaign.routing.RoutingPlan;
import com.patrolplanner.campaign.solver.CampaignFeasibility;
import com.patrolplanner.campaign.solver.CampaignProblem;
import com.patrolplanner.campaign.solver.PlanSolver;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The best plan so far of each date being solved, kept in memory for this node's status polls and written to the
 * database for every other reader: a plan row with status 'solving', created at the first best plan and replaced in
 * place at most every {@code patrol.solve.persist-interval} (2 s) while better plans come, its heartbeat refreshed
 * every {@value #HEARTBEAT_MS} ms while none do. When the date's solve ends the same row is finished ('solved' or
 * 'stopped') with the final plan, so the date's plan keeps the id the status showed while solving.
 *
 * <p>Writing happens on a timer thread, never in the solver's best-solution callback, so a slow database never
 * holds up the solver, and a best found just after a write is still written (a trailing write) within the interval.
 */
@ApplicationScoped
public class BestSoFar {
    private static final Logger LOG = Logger.getLogger(BestSoFar.class);
    /** A 'solving' row whose heartbeat is older than this belongs to a solve that no longer runs. */
    public static final int STALE_SECONDS = 60;
    static final long HEARTBEAT_MS = 10_000;

    @Inject
    PlanStore store;
    @Inject
    PlanSolver solver;
    @ConfigProperty(name = "patrol.solve.persist-interval", defaultValue = "2s")
    Duration interval;
    @ConfigProperty(name = "patrol.node.name")
    Optional<String> nodeName;

    private final Set<DateSolve> active = ConcurrentHashMap.newKeySet();
    private volatile ScheduledExecutorService timer;

    /** One date of a solve: its problem, the best plan so far and the plan row that holds it. */
    static final class DateSolve {
        final UUID jobId;
        final String user;
        final CampaignProblem problem;
        final String campaignName;
        final String campaignType;
        final int index;
        final int of;
        /** Guards scoring and viewing the best plan (scoring updates its score and shadow variables). */
        final Object planLock = new Object();
        /** Orders the row writes: timer writes, the final write. */
        final Object rowLock = new Object();
        volatile RoutingPlan best;
        volatile boolean dirty;
        volatile Long planId;
        long lastWrite;
        long lastBeat;
        boolean closed;

        DateSolve(UUID jobId, String user, CampaignProblem problem, String campaignName, String campaignType, int index,
                int of) {
            this.jobId = jobId;
            this.user = user;
            this.problem = problem;
            this.campaignName = campaignName;
            this.campaignType = campaignType;
            this.index = index;
            this.of = of;
        }

        void offer(RoutingPlan plan) {
            best = plan;
            dirty = true;
        }

        Long planId() {
            return planId;
        }
    }

    private record Snapshot(PlanView view, PlanSolver.Explanation explanation, CampaignFeasibility.Report report) {
    }

    /** The name this node writes into the rows it keeps fresh: {@code patrol.node.name}, else the host name. */
    public String node() {
        return com.patrolplanner.jobs.NodeName.of(nodeName);
    }

    void register(DateSolve d) {
        active.add(d);
        if (timer == null) {
            synchronized (this) {
                if (timer == null) {
                    ScheduledExecutorService t = Executors.newSingleThreadScheduledExecutor(r -> {
                        Thread th = new Thread(r, "plan-best-so-far");
                        th.setDaemon(true);
                        return th;
                    });
                    t.scheduleWithFixedDelay(this::tick, 100, 100, TimeUnit.MILLISECONDS);
                    timer = t;
                }
            }
        }
    }

    void unregister(DateSolve d) {
        active.remove(d);
    }

    private void tick() {
        for (DateSolve d : active) {
            try {
                flush(d);
            } catch (RuntimeException e) {
                LOG.warn("could not write the best plan so far of " + d.problem.date() + ": " + e.getMessage());
            }
        }
    }

    private void flush(DateSolve d) {
        synchronized (d.rowLock) {
            long now = System.currentTimeMillis();
            if (d.closed) {
                return;
            }
            if (d.dirty && d.best != null && (d.planId == null || now - d.lastWrite >= interval.toMillis())) {
                d.dirty = false;
                Snapshot s = snapshot(d, d.best, "solving");
                if (d.planId == null || !store.replace(d.planId, s.view(), s.explanation().matches())) {
                    d.planId = store.save(s.view(), d.jobId, d.user, s.explanation().matches(), node());
                }
                d.lastWrite = System.currentTimeMillis(); // from the write's end: scoring the first plan can take a while
                d.lastBeat = d.lastWrite;
            } else if (d.planId != null && now - d.lastBeat >= HEARTBEAT_MS) {
                store.heartbeat(d.planId);
                d.lastBeat = now;
            }
        }
    }

    /**
     * Writes the date's final plan (into its 'solving' row when there is one) and returns the date's result: date,
     * planId, status, score, feasible, violations, planned venues, unassigned.
     */
    SolveProgress.DateOutcome finish(DateSolve d, RoutingPlan result, String status) {
        Snapshot s;
        synchronized (d.rowLock) {
            d.closed = true;
            d.best = result;
            s = snapshot(d, result, status);
            if (d.planId == null || !store.replace(d.planId, s.view(), s.explanation().matches())) {
                d.planId = store.save(s.view(), d.jobId, d.user, s.explanation().matches(), null);
            }
        }
        return new SolveProgress.DateOutcome(d.problem.date().toString(), d.planId, status, null,
                new SolveProgress.Figures(s.view().score(), s.report().feasible(), s.report().violations(),
                        s.report().venuesVisited(), s.view().unassigned().size()));
    }

    /** The date's solve failed: its 'solving' row, if written, becomes 'failed' rather than waiting to turn stale. */
    void abandon(DateSolve d) {
        synchronized (d.rowLock) {
            d.closed = true;
            if (d.planId != null) {
                store.fail(d.planId);
            }
        }
    }

    /**
     * What a status poll shows of the date's best plan: score, routing-core score, feasibility, plan, explanation (null
     * before the first best plan).
     */
    SolveProgress.LiveBest live(DateSolve d, boolean finished) {
        RoutingPlan best = d.best;
        if (best == null) {
            return null;
        }
        synchronized (d.planLock) {
            Snapshot s = snapshot(d, best, finished ? "done" : "solving");
            return new SolveProgress.LiveBest(s.explanation().score(),
                    best.getVisits().isEmpty() ? null : solver.coreScore(best), s.report().feasible(), s.view(),
                    s.explanation().matches());
        }
    }

    /** Scores (right before viewing: another reader may have left the routing core's score on the plan) and views. */
    private Snapshot snapshot(DateSolve d, RoutingPlan plan, String status) {
        synchronized (d.planLock) {
            PlanSolver.Explanation ex = plan.getVisits().isEmpty()
                    ? new PlanSolver.Explanation(null, true, List.of()) // nothing to score on a date without visits
                    : solver.explain(plan);
            CampaignFeasibility.Report report = CampaignFeasibility.check(d.problem, plan);
            PlanView view = PlanViews.of(d.problem, plan, d.campaignName, d.campaignType, d.planId, status, report);
            return new Snapshot(view, ex, report);
        }
    }

    @PreDestroy
    void shutdown() {
        ScheduledExecutorService t = timer;
        if (t != null) {
            t.shutdownNow();
        }
    }
}
