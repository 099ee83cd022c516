package com.patrolplanner.campaign.routing;

import java.util.ArrayList;
import java.util.List;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.variable.PlanningListVariable;

/**
 * A team and its vehicle (a two-officer patrol car; a truck in the Solomon instances): it leaves its base at shift
 * start, serves its visits in order and must be back at base by shift end, carrying at most {@code capacity} units of
 * demand. Using the vehicle at all costs {@code usageCost} on the medium score level (1 for the Solomon objective,
 * fewest vehicles first; 0 when the fleet is given).
 */
@PlanningEntity
public class Vehicle implements LocationAware {

    @PlanningId
    private String id;
    private int location;
    private TravelMatrix matrix;
    private double shiftStart;
    private double shiftEnd;
    private int capacity;
    private long usageCost;

    @PlanningListVariable(allowsUnassignedValues = true)
    private List<Visit> visits = new ArrayList<>();

    public Vehicle() {
    }

    public Vehicle(String id, int location, TravelMatrix matrix, double shiftStart, double shiftEnd, int capacity,
            long usageCost) {
        this.id = id;
        this.location = location;
        this.matrix = matrix;
        this.shiftStart = shiftStart;
        this.shiftEnd = shiftEnd;
        this.capacity = capacity;
        this.usageCost = usageCost;
    }

    public boolean isUsed() {
        return !visits.isEmpty();
    }

    public int getTotalDemand() {
        int total = 0;
        for (Visit visit : visits) {
            total += visit.getDemand();
        }
        return total;
    }

    public String getId() {
        return id;
    }

    /** The team's base. */
    @Override
    public int getLocation() {
        return location;
    }

    @Override
    public TravelMatrix getMatrix() {
        return matrix;
    }

    public double getShiftStart() {
        return shiftStart;
    }

    public double getShiftEnd() {
        return shiftEnd;
    }

    public int getCapacity() {
        return capacity;
    }

    public long getUsageCost() {
        return usageCost;
    }

    public List<Visit> getVisits() {
        return visits;
    }

    public void setVisits(List<Visit> visits) {
        this.visits = visits;
    }

    @Override
    public String toString() {
        return "Vehicle " + id;
    }
}
