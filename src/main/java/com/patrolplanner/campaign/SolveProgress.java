package com.patrolplanner.campaign;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;
import com.patrolplanner.campaign.output.PlanView;
import java.util.ArrayList;
import java.util.List;

/**
 * A campaign's latest solve as {@code GET /api/campaigns/{id}/solve} shows it: the job, each date's outcome, and the date
 * the solve is on with its best plan so far. {@code source} says where it was read: {@code memory} on the node that
 * solves, {@code database} on any other (the plan rows and the job row). A key that a source does not know is left out;
 * a key it knows is written even when its value is null (as the status has always been written).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SolveProgress(String jobId, String state, String source, Integer dateCount, List<String> dates,
        List<DateOutcome> results, @JsonUnwrapped Current current) {

    /** The date being solved (or the last one reached): k of n, its plan row, and the best plan if there is one yet. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Current(String date, Integer dateIndex, @JsonInclude(JsonInclude.Include.ALWAYS) Long planId,
            @JsonUnwrapped LiveBest live, @JsonUnwrapped StoredBest stored) {
    }

    /** The best plan so far on the node that solves: its score, the routing core's own score, feasibility, plan, why. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record LiveBest(String score, String routingCoreScore, boolean feasible, PlanView plan,
            List<com.patrolplanner.campaign.solver.PlanSolver.Match> explanation) {
    }

    /** The best plan as another node reads it from its plan row. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record StoredBest(String score, Boolean feasible, PlanView plan, Object explanation) {
    }

    /**
     * One date's outcome: a plan (planId, status solved or stopped, its figures) or a date not reached (status "not
     * solved" and the reason).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DateOutcome(String date, Long planId, String status, String reason, @JsonUnwrapped Figures figures) {
        /** A date the solve did not reach (stopped before it). */
        static DateOutcome notSolved(String date, String reason) {
            return new DateOutcome(date, null, "not solved", reason, null);
        }

        /** The outcome as a job's result stored it (JSON of this record, or of the map written before it). */
        static DateOutcome fromJson(JsonNode n) {
            Figures f = null;
            if (n.has("planned")) {
                List<String> violations = null;
                if (n.hasNonNull("violations")) {
                    violations = new ArrayList<>();
                    for (JsonNode v : n.get("violations")) {
                        violations.add(v.asText());
                    }
                }
                f = new Figures(n.hasNonNull("score") ? n.get("score").asText() : null,
                        n.hasNonNull("feasible") ? n.get("feasible").asBoolean() : null, violations,
                        n.path("planned").asInt(), n.path("unassigned").asInt());
            }
            return new DateOutcome(n.path("date").asText(null), n.hasNonNull("planId") ? n.get("planId").asLong() : null,
                    n.path("status").asText(null), n.hasNonNull("reason") ? n.get("reason").asText() : null, f);
        }
    }

    /** A planned date's figures: score, feasibility, the rules it breaks (when checked), venues planned, unassigned. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Figures(String score, Boolean feasible, @JsonInclude(JsonInclude.Include.NON_NULL) List<String> violations,
            int planned, int unassigned) {
    }
}
