package com.patrolplanner.campaign.output;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.patrolplanner.i18n.Messages;
import java.util.List;

/**
 * A plan as clients read it: per team the ordered stops with arrival, start and departure (ISO-8601 with the +08:00
 * offset), travel minutes to reach each stop, and the route line; then what was left out and why.
 */
public record PlanView(long campaignId, String campaignName, String campaignType, Long planId, String date,
        String status, String score, Boolean feasible, List<String> violations, Object travelModel, List<Route> routes,
        List<Unassigned> unassigned) {

    public record Member(long id, String name, String certificateNo, boolean certified) {
    }

    public record Stop(Long id, int seq, String visitId, Long venueId, String name, String category, String address,
            double lon, double lat, String arrival, String start, String departure, double travelMinutes,
            String windowStart, String windowEnd, String window, int priority, String zoneKey, boolean pinned,
            boolean done) {
    }

    /** {@code line}: GeoJSON LineString base → stops → base (lon,lat, WGS-84), null for a team without stops. */
    public record Route(long teamId, String teamName, List<Member> members, String shiftStart, String shiftEnd,
            String backAtBase, double baseLon, double baseLat, double travelMinutes, List<Stop> stops, Object line) {
    }

    public record Unassigned(Long venueId, String name, String reason) {
    }

    /**
     * The score in words for people (未安排 N 家，总车程 N 分钟) beside the solver's raw {@code score}: the venues left out
     * and the driving of all routes, in minutes; null when there is no score yet.
     */
    @JsonProperty("scoreText")
    public String scoreText() {
        if (score == null) {
            return null;
        }
        long minutes = Math.round(routes.stream().mapToDouble(Route::travelMinutes).sum());
        return Messages.of(Boolean.FALSE.equals(feasible) ? "plan.score.infeasible" : "plan.score",
                unassigned == null ? 0 : unassigned.size(), minutes);
    }

    /** The routes of {@code teamIds} only (a district's part of a joint campaign), without the unplanned list. */
    public PlanView onlyTeams(java.util.Set<Long> teamIds) {
        return new PlanView(campaignId, campaignName, campaignType, planId, date, status, score, feasible, violations,
                travelModel, routes.stream().filter(r -> teamIds.contains(r.teamId())).toList(), List.of());
    }

    public PlanView onlyTeam(long teamId) {
        return new PlanView(campaignId, campaignName, campaignType, planId, date, status, score, feasible, violations,
                travelModel, routes.stream().filter(r -> r.teamId() == teamId).toList(), List.of());
    }
}
