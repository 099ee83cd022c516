package com.patrolplanner.campaign.routing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a plan from scratch, independently of the solver's score and shadow variables: it reads only the problem
 * facts (bases, shifts, load limits, windows, service durations, demands) and each vehicle's visit order, and replays
 * every route with the travel matrix it is given. It verifies that every route starts service within each window
 * (waiting when early), returns to base by shift end and stays within the load limit, that no visit is planned twice
 * and, when asked, that every visit is planned. It also recomputes the distance driven, unrounded.
 *
 * <p>Comparisons allow {@link RoutingTolerance#TIME_EPSILON} of floating-point slack, nothing more.
 */
public final class FeasibilityChecker {

    private final TravelMatrix matrix;
    private final boolean requireAllPlanned;

    /**
     * @param matrix travel to replay the routes with; pass one built independently of the plan's when in doubt
     * @param requireAllPlanned whether an unplanned visit makes the plan infeasible (true for Solomon)
     */
    public FeasibilityChecker(TravelMatrix matrix, boolean requireAllPlanned) {
        this.matrix = matrix;
        this.requireAllPlanned = requireAllPlanned;
    }

    /** The verdict on a plan: feasible or not, every violation found, the distance and the vehicles used. */
    public record Report(boolean feasible, List<String> violations, double distance, int vehiclesUsed,
            int unplanned) {
    }

    public Report check(RoutingPlan plan) {
        return check(plan.getVehicles(), plan.getVisits());
    }

    public Report check(List<Vehicle> vehicles, List<Visit> allVisits) {
        List<String> violations = new ArrayList<>();
        Map<String, String> plannedOn = new HashMap<>();
        double distance = 0.0;
        int used = 0;
        for (Vehicle vehicle : vehicles) {
            List<Visit> route = vehicle.getVisits();
            if (route.isEmpty()) {
                continue;
            }
            used++;
            distance += replay(vehicle, route, plannedOn, violations);
        }
        int unplanned = 0;
        for (Visit visit : allVisits) {
            if (!plannedOn.containsKey(visit.getId())) {
                unplanned++;
                if (requireAllPlanned) {
                    violations.add("visit " + visit.getId() + " is not planned");
                }
            }
        }
        if (plannedOn.size() > allVisits.size()) {
            violations.add("routes hold visits that are not in the plan");
        }
        return new Report(violations.isEmpty(), List.copyOf(violations), distance, used, unplanned);
    }

    private double replay(Vehicle vehicle, List<Visit> route, Map<String, String> plannedOn, List<String> violations) {
        String who = "vehicle " + vehicle.getId();
        double time = vehicle.getShiftStart();
        double distance = 0.0;
        long load = 0;
        int at = vehicle.getLocation();
        for (Visit visit : route) {
            String previous = plannedOn.putIfAbsent(visit.getId(), vehicle.getId());
            if (previous != null) {
                violations.add(who + ": visit " + visit.getId() + " already planned on vehicle " + previous);
            }
            time += matrix.travelTime(at, visit.getLocation());
            distance += matrix.distance(at, visit.getLocation());
            if (time < visit.getReady()) {
                time = visit.getReady();
            }
            if (time > visit.getDue() + RoutingTolerance.TIME_EPSILON) {
                violations.add(who + ": service at visit " + visit.getId() + " starts at " + time + ", after due "
                        + visit.getDue());
            }
            time += visit.getServiceDuration();
            load += visit.getDemand();
            at = visit.getLocation();
        }
        time += matrix.travelTime(at, vehicle.getLocation());
        distance += matrix.distance(at, vehicle.getLocation());
        if (time > vehicle.getShiftEnd() + RoutingTolerance.TIME_EPSILON) {
            violations.add(who + ": back at base at " + time + ", after shift end " + vehicle.getShiftEnd());
        }
        if (load > vehicle.getCapacity()) {
            violations.add(who + ": load " + load + " over capacity " + vehicle.getCapacity());
        }
        return distance;
    }
}
