package com.patrolplanner.campaign.solver;

import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import com.patrolplanner.campaign.routing.RoutingPlan;
import com.patrolplanner.campaign.routing.TravelMatrix;
import com.patrolplanner.campaign.routing.Vehicle;
import com.patrolplanner.campaign.routing.Visit;
import java.util.List;

/**
 * The routing core's plan as the campaign solver's solution class. It adds nothing; it exists because Quarkus' Timefold
 * extension generates a solution cloner per solver and solution class, so the campaign solver (campaign constraints)
 * and the routing solver (core constraints) cannot share one solution class.
 */
@PlanningSolution
public class CampaignPlan extends RoutingPlan {

    public CampaignPlan() {
    }

    public CampaignPlan(String name, TravelMatrix matrix, List<Vehicle> vehicles, List<Visit> visits) {
        super(name, matrix, vehicles, visits);
    }
}
