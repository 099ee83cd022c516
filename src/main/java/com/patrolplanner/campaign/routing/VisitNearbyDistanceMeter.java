package com.patrolplanner.campaign.routing;

import ai.timefold.solver.core.impl.heuristic.selector.common.nearby.NearbyDistanceMeter;

/** Nearby selection for Timefold's list moves: a visit is moved next to visits (or bases) near it first. */
public class VisitNearbyDistanceMeter implements NearbyDistanceMeter<Visit, LocationAware> {

    @Override
    public double getNearbyDistance(Visit origin, LocationAware destination) {
        return origin.getMatrix().distance(origin.getLocation(), destination.getLocation());
    }
}
