package com.patrolplanner.campaign.solver;

import com.patrolplanner.campaign.routing.FeasibilityChecker;
import com.patrolplanner.campaign.routing.RoutingPlan;
import com.patrolplanner.campaign.routing.TravelMatrix;
import com.patrolplanner.campaign.routing.Vehicle;
import com.patrolplanner.campaign.routing.Visit;
import com.patrolplanner.registry.TwoOfficerRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a campaign plan from scratch, apart from the score: the routing core's {@link FeasibilityChecker} replays
 * every route (windows, shift end, no visit twice) with travel times recomputed from coordinates (over the road
 * network when the campaign travels on it), and this class adds
 * the campaign rules by reading only the problem facts: each venue at most once, ≥ 2 certified officers in every team
 * that goes out, kept stops on their team, and the simultaneous strike.
 */
public final class CampaignFeasibility {

    public record Report(boolean feasible, List<String> violations, int planned, int venuesVisited, double travelMinutes) {
    }

    private CampaignFeasibility() {
    }

    public static Report check(CampaignProblem problem, RoutingPlan plan) {
        TravelMatrix replay = new ReplayMatrix(problem);
        FeasibilityChecker.Report core = new FeasibilityChecker(replay, false).check(plan);
        List<String> violations = new ArrayList<>(core.violations());
        Map<Long, String> venueOn = new HashMap<>();
        Map<String, List<double[]>> zoneStarts = new HashMap<>();
        int planned = 0;
        for (Vehicle v : plan.getVehicles()) {
            CampaignProblem.TeamInfo team = problem.teams().get(v.getId());
            if (!v.getVisits().isEmpty()) {
                long certified = team.members().stream().filter(CampaignProblem.Member::certified).count();
                if (certified < TwoOfficerRule.MIN_CERTIFIED_OFFICERS) {
                    violations.add("team " + team.name() + " goes out with " + certified + " certified officer(s)");
                }
            }
            double time = v.getShiftStart();
            int at = v.getLocation();
            for (Visit visit : v.getVisits()) {
                planned++;
                CampaignProblem.VisitInfo info = problem.visits().get(visit.getId());
                String prev = venueOn.putIfAbsent(info.venueId(), visit.getId());
                if (prev != null) {
                    violations.add("venue " + info.venueId() + " visited twice (" + prev + ", " + visit.getId() + ")");
                }
                time = Math.max(time + replay.travelTime(at, visit.getLocation()), visit.getReady());
                if (info.zoneKey() != null) {
                    zoneStarts.computeIfAbsent(info.zoneKey(), k -> new ArrayList<>()).add(new double[] {time});
                }
                String pin = problem.matrix().pinnedVehicle(visit.getId());
                if (pin != null && !pin.equals(v.getId())) {
                    violations.add("kept stop " + visit.getId() + " moved from " + pin + " to " + v.getId());
                }
                time += visit.getServiceDuration();
                at = visit.getLocation();
            }
        }
        for (Visit visit : plan.getVisits()) {
            String pin = problem.matrix().pinnedVehicle(visit.getId());
            if (pin != null && plan.getVehicles().stream().noneMatch(v -> v.getVisits().contains(visit))) {
                violations.add("kept stop " + visit.getId() + " dropped from the plan");
            }
        }
        int strike = problem.matrix().strikeMinutes();
        if (strike > 0) {
            for (Map.Entry<String, List<double[]>> e : zoneStarts.entrySet()) {
                double min = e.getValue().stream().mapToDouble(s -> s[0]).min().orElse(0);
                double max = e.getValue().stream().mapToDouble(s -> s[0]).max().orElse(0);
                if (max - min > strike + 1e-6) {
                    violations.add("zone " + e.getKey() + ": starts spread over " + Math.round(max - min)
                            + " min, strike window " + strike + " min");
                }
            }
        }
        return new Report(violations.isEmpty(), List.copyOf(violations), planned, venueOn.size(), core.distance());
    }

    /**
     * Travel recomputed from the coordinates, sharing nothing with the solver's matrix but the model: great-circle ×
     * detour, or for a road-network campaign an in-memory snap and shortest path on the loaded graph (the solver's
     * matrix came from PostGIS snaps and one-to-all Dijkstra runs).
     */
    private static final class ReplayMatrix implements TravelMatrix {
        private final CampaignProblem p;
        private final Map<Long, Double> legs = new HashMap<>();

        ReplayMatrix(CampaignProblem p) {
            this.p = p;
        }

        @Override
        public int size() {
            return p.matrix().size();
        }

        @Override
        public double travelTime(int from, int to) {
            if (from == to) {
                return 0.0;
            }
            CampaignMatrix m = p.matrix();
            if (p.road() == null) {
                return p.travel().minutes(m.lon(from), m.lat(from), m.lon(to), m.lat(to), p.night());
            }
            // one point-to-point Dijkstra on the loaded graph per leg; a replay asks each leg a few times at most
            return legs.computeIfAbsent((long) from * p.matrix().size() + to,
                    k -> p.road().minutes(m.lon(from), m.lat(from), m.lon(to), m.lat(to)));
        }

        @Override
        public double distance(int from, int to) {
            return travelTime(from, to);
        }
    }
}
