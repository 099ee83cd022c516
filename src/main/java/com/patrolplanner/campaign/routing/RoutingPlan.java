package com.patrolplanner.campaign.routing;

import java.util.List;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * A routing problem and its plan: the teams (vehicles), the visits and the travel matrix they share. The plan is the
 * ordered visit list of each vehicle; a visit in no list is unplanned.
 *
 * <p>Score levels: hard = time windows, shift end, load limit; medium = priority of unplanned visits and vehicles
 * used; soft = distance driven, in thousandths.
 */
@PlanningSolution
public class RoutingPlan {

    private String name;
    private TravelMatrix matrix;

    @PlanningEntityCollectionProperty
    private List<Vehicle> vehicles;

    @PlanningEntityCollectionProperty
    @ValueRangeProvider
    private List<Visit> visits;

    @PlanningScore
    private HardMediumSoftLongScore score;

    public RoutingPlan() {
    }

    public RoutingPlan(String name, TravelMatrix matrix, List<Vehicle> vehicles, List<Visit> visits) {
        this.name = name;
        this.matrix = matrix;
        this.vehicles = vehicles;
        this.visits = visits;
    }

    public String getName() {
        return name;
    }

    public TravelMatrix getMatrix() {
        return matrix;
    }

    public List<Vehicle> getVehicles() {
        return vehicles;
    }

    public List<Visit> getVisits() {
        return visits;
    }

    public HardMediumSoftLongScore getScore() {
        return score;
    }

    public void setScore(HardMediumSoftLongScore score) {
        this.score = score;
    }
}
