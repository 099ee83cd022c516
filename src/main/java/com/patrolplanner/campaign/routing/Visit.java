package com.patrolplanner.campaign.routing;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.variable.CascadingUpdateShadowVariable;
import ai.timefold.solver.core.api.domain.variable.InverseRelationShadowVariable;
import ai.timefold.solver.core.api.domain.variable.NextElementShadowVariable;
import ai.timefold.solver.core.api.domain.variable.PreviousElementShadowVariable;

/**
 * A stop a team must make: a location, a time window {@code [ready, due]} in which service must start, a service
 * duration, a demand counted against the team's load limit and a priority (what leaving it unplanned costs).
 * Arriving before {@code ready} means waiting; starting after {@code due} is infeasible.
 *
 * <p>The team, the neighbours in its route and the arrival time are shadow variables maintained by the solver.
 */
@PlanningEntity
public class Visit implements LocationAware {

    @PlanningId
    private String id;
    private int location;
    private TravelMatrix matrix;
    private double ready;
    private double due;
    private double serviceDuration;
    private int demand;
    private long priority;

    @InverseRelationShadowVariable(sourceVariableName = "visits")
    private Vehicle vehicle;
    @PreviousElementShadowVariable(sourceVariableName = "visits")
    private Visit previousVisit;
    @NextElementShadowVariable(sourceVariableName = "visits")
    private Visit nextVisit;
    @CascadingUpdateShadowVariable(targetMethodName = "updateArrivalTime")
    private Double arrivalTime;

    public Visit() {
    }

    public Visit(String id, int location, TravelMatrix matrix, double ready, double due, double serviceDuration,
            int demand, long priority) {
        this.id = id;
        this.location = location;
        this.matrix = matrix;
        this.ready = ready;
        this.due = due;
        this.serviceDuration = serviceDuration;
        this.demand = demand;
        this.priority = priority;
    }

    @SuppressWarnings("unused") // called by the solver through @CascadingUpdateShadowVariable
    private void updateArrivalTime() {
        if (vehicle == null) {
            arrivalTime = null;
            return;
        }
        arrivalTime = previousVisit == null
                ? vehicle.getShiftStart() + matrix.travelTime(vehicle.getLocation(), location)
                : previousVisit.getDepartureTime() + matrix.travelTime(previousVisit.location, location);
    }

    /** Service starts at arrival, or at {@code ready} after waiting. */
    public double getServiceStartTime() {
        return Math.max(arrivalTime, ready);
    }

    public double getDepartureTime() {
        return getServiceStartTime() + serviceDuration;
    }

    /** How late service starts after {@code due}; zero when on time or unassigned. */
    public double getLateness() {
        if (arrivalTime == null) {
            return 0.0;
        }
        double late = getServiceStartTime() - due;
        return late > RoutingTolerance.TIME_EPSILON ? late : 0.0;
    }

    public boolean isLast() {
        return vehicle != null && nextVisit == null;
    }

    /** For the last visit of a route: how far the return to base overruns the shift end; else zero. */
    public double getShiftOverrun() {
        if (!isLast() || arrivalTime == null) {
            return 0.0;
        }
        double back = getDepartureTime() + matrix.travelTime(location, vehicle.getLocation());
        double over = back - vehicle.getShiftEnd();
        return over > RoutingTolerance.TIME_EPSILON ? over : 0.0;
    }

    /** Distance driven to reach this visit, plus the way home when it is the last, in thousandths. */
    public long getDrivenDistanceMillis() {
        if (vehicle == null) {
            return 0L;
        }
        int from = previousVisit == null ? vehicle.getLocation() : previousVisit.location;
        long millis = Math.round(matrix.distance(from, location) * 1000.0);
        if (nextVisit == null) {
            millis += Math.round(matrix.distance(location, vehicle.getLocation()) * 1000.0);
        }
        return millis;
    }

    public String getId() {
        return id;
    }

    @Override
    public int getLocation() {
        return location;
    }

    @Override
    public TravelMatrix getMatrix() {
        return matrix;
    }

    public double getReady() {
        return ready;
    }

    public double getDue() {
        return due;
    }

    public double getServiceDuration() {
        return serviceDuration;
    }

    public int getDemand() {
        return demand;
    }

    public long getPriority() {
        return priority;
    }

    public Vehicle getVehicle() {
        return vehicle;
    }

    public void setVehicle(Vehicle vehicle) {
        this.vehicle = vehicle;
    }

    public Visit getPreviousVisit() {
        return previousVisit;
    }

    public void setPreviousVisit(Visit previousVisit) {
        this.previousVisit = previousVisit;
    }

    public Visit getNextVisit() {
        return nextVisit;
    }

    public void setNextVisit(Visit nextVisit) {
        this.nextVisit = nextVisit;
    }

    public Double getArrivalTime() {
        return arrivalTime;
    }

    public void setArrivalTime(Double arrivalTime) {
        this.arrivalTime = arrivalTime;
    }

    @Override
    public String toString() {
        return "Visit " + id;
    }
}
