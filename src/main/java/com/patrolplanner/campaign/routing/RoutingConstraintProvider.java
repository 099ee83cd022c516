package com.patrolplanner.campaign.routing;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;

/**
 * The routing score. Hard: time windows, shift end, load limit. Medium: unplanned visits (by priority) and vehicles
 * used (by usage cost): the Solomon objective, fewest vehicles first, lives here. Soft: distance driven.
 *
 * <p>Time violations are measured in thousandths of a time unit, rounded up, so any violation beyond
 * {@link RoutingTolerance#TIME_EPSILON} costs at least one hard point.
 */
public class RoutingConstraintProvider implements ConstraintProvider {

    public static final String SERVICE_AFTER_DUE = "Service starts after due";
    public static final String RETURN_AFTER_SHIFT_END = "Return to base after shift end";
    public static final String LOAD_OVER_CAPACITY = "Load over capacity";
    public static final String UNPLANNED_VISIT = "Unplanned visit";
    public static final String VEHICLE_USED = "Vehicle used";
    public static final String DISTANCE_DRIVEN = "Distance driven";

    /** One unplanned priority point outweighs this many vehicle-usage points. */
    public static final long UNPLANNED_PRIORITY_WEIGHT = 1000L;

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {
                serviceAfterDue(factory),
                returnAfterShiftEnd(factory),
                loadOverCapacity(factory),
                unplannedVisit(factory),
                vehicleUsed(factory),
                distanceDriven(factory)
        };
    }

    // ************************************************************************
    // Hard constraints
    // ************************************************************************

    Constraint serviceAfterDue(ConstraintFactory factory) {
        return factory.forEach(Visit.class)
                .filter(visit -> visit.getLateness() > 0.0)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, visit -> thousandthsUp(visit.getLateness()))
                .justifyWith((visit, score) -> new RoutingJustification(visit.getVehicle().getId(), visit.getId(),
                        "service starts " + visit.getLateness() + " after due " + visit.getDue()))
                .asConstraint(SERVICE_AFTER_DUE);
    }

    Constraint returnAfterShiftEnd(ConstraintFactory factory) {
        return factory.forEach(Visit.class)
                .filter(visit -> visit.getShiftOverrun() > 0.0)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, visit -> thousandthsUp(visit.getShiftOverrun()))
                .justifyWith((visit, score) -> new RoutingJustification(visit.getVehicle().getId(), visit.getId(),
                        "back at base " + visit.getShiftOverrun() + " after shift end "
                                + visit.getVehicle().getShiftEnd()))
                .asConstraint(RETURN_AFTER_SHIFT_END);
    }

    Constraint loadOverCapacity(ConstraintFactory factory) {
        return factory.forEach(Vehicle.class)
                .filter(vehicle -> vehicle.getTotalDemand() > vehicle.getCapacity())
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD,
                        vehicle -> 1000L * (vehicle.getTotalDemand() - vehicle.getCapacity()))
                .justifyWith((vehicle, score) -> new RoutingJustification(vehicle.getId(), null,
                        "load " + vehicle.getTotalDemand() + " over capacity " + vehicle.getCapacity()))
                .asConstraint(LOAD_OVER_CAPACITY);
    }

    // ************************************************************************
    // Medium constraints
    // ************************************************************************

    Constraint unplannedVisit(ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(Visit.class)
                .filter(visit -> visit.getVehicle() == null)
                .penalizeLong(HardMediumSoftLongScore.ONE_MEDIUM,
                        visit -> UNPLANNED_PRIORITY_WEIGHT * visit.getPriority())
                .justifyWith((visit, score) -> new RoutingJustification(null, visit.getId(),
                        "not planned, priority " + visit.getPriority()))
                .asConstraint(UNPLANNED_VISIT);
    }

    Constraint vehicleUsed(ConstraintFactory factory) {
        return factory.forEach(Vehicle.class)
                .filter(vehicle -> vehicle.isUsed() && vehicle.getUsageCost() > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_MEDIUM, Vehicle::getUsageCost)
                .justifyWith((vehicle, score) -> new RoutingJustification(vehicle.getId(), null,
                        "vehicle used for " + vehicle.getVisits().size() + " visits"))
                .asConstraint(VEHICLE_USED);
    }

    // ************************************************************************
    // Soft constraints
    // ************************************************************************

    Constraint distanceDriven(ConstraintFactory factory) {
        return factory.forEach(Visit.class)
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, Visit::getDrivenDistanceMillis)
                .justifyWith((visit, score) -> new RoutingJustification(visit.getVehicle().getId(), visit.getId(),
                        "drives " + visit.getDrivenDistanceMillis() / 1000.0 + " to reach it"
                                + (visit.isLast() ? " and back to base" : "")))
                .asConstraint(DISTANCE_DRIVEN);
    }

    private static long thousandthsUp(double amount) {
        return Math.max(1L, (long) Math.ceil(amount * 1000.0));
    }
}
