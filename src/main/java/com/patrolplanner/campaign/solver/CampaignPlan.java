package com.patrolplanner.campaign.solver;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import com.patrolplanner.campaign.routing.RoutingPlan;
import com.patrolplanner.campaign.routing.TravelMatrix;
import com.patrolplanner.campaign.routing.Vehicle;
import com.patrolplanner.campaign.routing.Visit;
import java.util.List;

/**
 * The routing core's plan as the campaign solver's solution class. It exists because Quarkus' Timefold extension
 * generates a solution cloner per solver and solution class, so the campaign solver (campaign constraints) and the
 * routing solver (core constraints) cannot share one solution class. It adds constraint weight overrides (none in the
 * product; the campaign benchmark switches fair workload off to compare distances with the Solomon best-known).
 */
@PlanningSolution
public class CampaignPlan extends RoutingPlan {

    private ConstraintWeightOverrides<HardMediumSoftLongScore> constraintWeightOverrides = ConstraintWeightOverrides.none();

    public ConstraintWeightOverrides<HardMediumSoftLongScore> getConstraintWeightOverrides() {
        return constraintWeightOverrides;
    }

    public void setConstraintWeightOverrides(ConstraintWeightOverrides<HardMediumSoftLongScore> overrides) {
        this.constraintWeightOverrides = overrides;
    }

    /** Whether the fair-workload constraint counts (it does unless overridden with weight zero). */
    public boolean fairWorkloadCounts() {
        HardMediumSoftLongScore w = constraintWeightOverrides.getConstraintWeight(CampaignConstraintProvider.FAIR_WORKLOAD);
        return w == null || !w.isZero();
    }

    public CampaignPlan() {
    }

    public CampaignPlan(String name, TravelMatrix matrix, List<Vehicle> vehicles, List<Visit> visits) {
        super(name, matrix, vehicles, visits);
    }
}
