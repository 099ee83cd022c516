package com.patrolplanner.campaign.routing;

/** Something placed at a location of a {@link TravelMatrix}: a visit, or a team's base. */
public interface LocationAware {

    /** Index of the location in the plan's travel matrix. */
    int getLocation();

    TravelMatrix getMatrix();
}
