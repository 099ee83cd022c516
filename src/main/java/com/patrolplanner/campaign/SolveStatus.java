package com.patrolplanner.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.patrolplanner.campaign.domain.Campaign;
import com.patrolplanner.jobs.JobService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    @Inject
    ObjectMapper mapper;

    /** Null when no solve of the campaign ever wrote a plan row. */
    public Map<String, Object> fromDatabase(long campaignId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Campaign c = campaigns.find(campaignId);
            store.recoverOrphans(null, BestSoFar.STALE_SECONDS);
            UUID job = store.latestJob(campaignId);
            if (job == null) {
                return null;
            }
            List<PlanStore.DateRow> rows = store.plansOfJob(job);
            JsonNode js = jobs.status(job);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("jobId", job.toString());
            out.put("state", js.get("state").asText());
            out.put("source", "database");
            JsonNode result = js.get("result");
            if (result != null && result.hasNonNull("dates")) {
                List<Object> dates = new ArrayList<>();
                result.get("dates").forEach(d -> dates.add(mapper.convertValue(d, Map.class)));
                out.put("dateCount", dates.size());
                out.put("results", dates);
            } else {
                if (js.hasNonNull("dateCount")) {
                    out.put("dateCount", js.get("dateCount").asInt());
                }
                List<Map<String, Object>> results = new ArrayList<>();
                for (PlanStore.DateRow r : rows) {
                    if (!"solving".equals(r.status())) {
                        results.add(result(r));
                    }
                }
                out.put("results", results);
            }
            PlanStore.DateRow current = rows.stream().filter(r -> "solving".equals(r.status())).findFirst()
                    .orElse(rows.isEmpty() ? null : rows.get(rows.size() - 1));
            if (current != null) {
                out.put("date", current.date().toString());
                if (js.hasNonNull("dateIndex")) {
                    out.put("dateIndex", js.get("dateIndex").asInt());
                }
                out.put("planId", current.planId());
                out.put("score", current.score());
                out.put("feasible", current.feasible());
                out.put("plan", store.read(current.planId(), c.name, c.type));
                out.put("explanation", store.explanation(current.planId()));
            }
            return out;
        });
    }

    private static Map<String, Object> result(PlanStore.DateRow r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("date", r.date().toString());
        m.put("planId", r.planId());
        m.put("status", r.status());
        m.put("score", r.score());
        m.put("feasible", r.feasible());
        m.put("planned", r.stops());
        m.put("unassigned", r.unassigned().size());
        return m;
    }
}
