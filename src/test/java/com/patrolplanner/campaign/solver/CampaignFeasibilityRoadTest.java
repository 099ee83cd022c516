package com.patrolplanner.campaign.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.patrolplanner.campaign.routing.RoutingPlan;
import com.patrolplanner.campaign.routing.Vehicle;
import com.patrolplanner.campaign.routing.Visit;
import com.patrolplanner.campaign.travel.RoadGraph;
import com.patrolplanner.campaign.travel.RoadTravel;
import com.patrolplanner.campaign.travel.TravelModel;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The checker replays road travel itself rather than trusting the solver's matrix: a venue 1.1 km from base as the
 * crow flies but 30 minutes away by road (a valley in between), with a matrix that wrongly holds the great-circle time.
 */
class CampaignFeasibilityRoadTest {

    private static CampaignProblem problem(boolean road) {
        double[] lon = {0.0, 0.01};
        double[] lat = {0.0, 0.0};
        boolean night = false;
        double[][] greatCircle = {
            {0, TravelModel.DEFAULT.minutes(0, 0, 0.01, 0, night)},
            {TravelModel.DEFAULT.minutes(0.01, 0, 0, 0, night), 0},
        };
        CampaignMatrix m = CampaignMatrix.ofMinutes(lon, lat, greatCircle, new long[] {-1, 10}, new String[] {null, "A"},
                Map.of("t1", 2), Map.of(), 0);
        Vehicle v = new Vehicle("t1", 0, m, 480, 1000, Integer.MAX_VALUE, 0L);
        Visit visit = new Visit("v10", 1, m, 480, 500, 30, 0, 5); // must start by 08:20
        v.getVisits().add(visit);
        RoutingPlan plan = new CampaignPlan("road check", m, List.of(v), List.of(visit));
        List<CampaignProblem.Member> members = List.of(new CampaignProblem.Member(1, "a", "C1", true),
                new CampaignProblem.Member(2, "b", "C2", true));
        Map<String, CampaignProblem.TeamInfo> teams = Map.of("t1",
                new CampaignProblem.TeamInfo("t1", 1, "t1", members, 0, 0, 480, 1000));
        Map<String, CampaignProblem.VisitInfo> infos = Map.of("v10", new CampaignProblem.VisitInfo("v10", 10, "v", "internet_cafe",
                null, 0.01, 0, 5, "A", "test", "test", false, false));
        RoadGraph g = RoadGraph.builder().node(1, 0.0, 0.0).node(2, 0.01, 0.0).node(3, 0.005, 0.2)
                .road(1, 3, 900, false).road(3, 2, 900, false).build();
        RoadTravel travel = road ? new RoadTravel(g, TravelModel.DEFAULT, night, Map.of()) : null;
        return new CampaignProblem(1L, LocalDate.of(2026, 6, 10), night, plan, m, infos, teams, List.of(),
                TravelModel.DEFAULT, travel);
    }

    @Test
    void greatCircleReplayAcceptsThePlan() {
        CampaignProblem p = problem(false);
        CampaignFeasibility.Report r = CampaignFeasibility.check(p, p.plan());
        assertTrue(r.feasible(), () -> "great circle: " + r.violations());
    }

    @Test
    void roadReplayRecomputesTheDetourAndRejectsThePlan() {
        CampaignProblem p = problem(true);
        CampaignFeasibility.Report r = CampaignFeasibility.check(p, p.plan());
        assertFalse(r.feasible(), "30 min by road cannot make an 08:20 start from 08:00");
        // the replayed travel is the road's: out and back over the 2 × 900 s detour plus the fixed time each way
        double leg = (TravelModel.DEFAULT.dayFixedS() + 1800) / 60.0;
        assertEquals(2 * leg, r.travelMinutes(), 1e-6);
    }
}
