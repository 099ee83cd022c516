package com.patrolplanner.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import com.patrolplanner.campaign.domain.Campaign;
import com.patrolplanner.jobs.JobService;
import com.patrolplanner.jobs.JobStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The status of a campaign's latest solve read from the database, for a node that does not hold the solve in memory
 * (it runs on another node, or this node restarted): the job's state and progress, the plan rows the job wrote (one
 * per date reached), and as the best plan the 'solving' row if the job is still on a date, else its last date's plan.
 */
@ApplicationScoped
public class SolveStatus {
    @Inject
    PlanStore store;
    @Inject
    JobService jobs;
    @Inject
    CampaignService campaigns;

    /** Null when no solve of the campaign ever wrote a plan row. */
    public SolveProgress fromDatabase(long campaignId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Campaign c = campaigns.find(campaignId);
            store.recoverOrphans(null, BestSoFar.STALE_SECONDS);
            UUID job = store.latestJob(campaignId);
            if (job == null) {
                return null;
            }
            List<PlanStore.DateRow> rows = store.plansOfJob(job);
            JobStatus js = jobs.status(job);
            Integer dateCount = null;
            List<SolveProgress.DateOutcome> results = new ArrayList<>();
            JsonNode result = js.result();
            if (result != null && result.hasNonNull("dates")) {
                // the job has ended: its result holds every date's outcome
                result.get("dates").forEach(d -> results.add(SolveProgress.DateOutcome.fromJson(d)));
                dateCount = results.size();
            } else {
                if (js.detail("dateCount") != null) {
                    dateCount = js.detail("dateCount").asInt();
                }
                for (PlanStore.DateRow r : rows) {
                    if (!"solving".equals(r.status())) {
                        results.add(outcome(r));
                    }
                }
            }
            PlanStore.DateRow at = rows.stream().filter(r -> "solving".equals(r.status())).findFirst()
                    .orElse(rows.isEmpty() ? null : rows.get(rows.size() - 1));
            SolveProgress.Current current = null;
            if (at != null) {
                current = new SolveProgress.Current(at.date().toString(),
                        js.detail("dateIndex") == null ? null : js.detail("dateIndex").asInt(), at.planId(), null,
                        new SolveProgress.StoredBest(at.score(), at.feasible(), store.read(at.planId(), c.name, c.type),
                                store.explanation(at.planId())));
            }
            return new SolveProgress(job.toString(), js.state(), "database", dateCount, null, results, current);
        });
    }

    /** A finished date's outcome as its plan row holds it (the rules it breaks are in the plan). */
    private static SolveProgress.DateOutcome outcome(PlanStore.DateRow r) {
        return new SolveProgress.DateOutcome(r.date().toString(), r.planId(), r.status(), null,
                new SolveProgress.Figures(r.score(), r.feasible(), null, r.stops(), r.unassigned().size()));
    }
}
