package com.patrolplanner.campaign.solver;

import ai.timefold.solver.test.api.score.stream.ConstraintVerifier;
import com.patrolplanner.campaign.routing.RoutingPlan;
import com.patrolplanner.campaign.routing.Vehicle;
import com.patrolplanner.campaign.routing.Visit;
import com.patrolplanner.campaign.travel.TravelModel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A Penalized / Unpenalized pair per constraint the campaign adds to the routing core's. */
class CampaignConstraintProviderTest {
    private final ConstraintVerifier<CampaignConstraintProvider, RoutingPlan> verifier = ConstraintVerifier.build(
            new CampaignConstraintProvider(), RoutingPlan.class, Vehicle.class, Visit.class);

    /** Locations: 0, 1 bases; 2, 3 venues of zone A ~1 km apart; 4 a venue of zone B. */
    private static CampaignMatrix matrix(Map<String, Integer> certified, Map<String, String> pinned, int strike) {
        double[] lon = {119.10, 119.11, 119.12, 119.13, 119.20};
        double[] lat = {36.70, 36.70, 36.70, 36.70, 36.70};
        return new CampaignMatrix(lon, lat, TravelModel.DEFAULT, false, new long[] {-1, -1, 10, 11, 12},
                new String[] {null, null, "A", "A", "B"}, certified, pinned, strike);
    }

    private static final CampaignMatrix M = matrix(Map.of("t1", 2, "t2", 1), Map.of("v10", "t1"), 30);

    private static Vehicle vehicle(String id, int location, CampaignMatrix m) {
        return new Vehicle(id, location, m, 0, 24 * 60, Integer.MAX_VALUE, 0);
    }

    private static Visit visit(String id, int location, CampaignMatrix m, double ready, double due) {
        return new Visit(id, location, m, ready, due, 30, 0, 50);
    }

    /** Sets what the solver's shadow variables would hold for this route. */
    private static void route(Vehicle v, Visit... visits) {
        v.getVisits().clear();
        Visit prev = null;
        double time = v.getShiftStart();
        int at = v.getLocation();
        for (Visit x : visits) {
            v.getVisits().add(x);
            x.setVehicle(v);
            x.setPreviousVisit(prev);
            if (prev != null) {
                prev.setNextVisit(x);
            }
            time += v.getMatrix().travelTime(at, x.getLocation());
            x.setArrivalTime(time);
            time = Math.max(time, x.getReady()) + x.getServiceDuration();
            at = x.getLocation();
            prev = x;
        }
    }

    @Test
    void teamWithoutTwoCertifiedPenalized() {
        Vehicle t2 = vehicle("t2", 1, M);
        Visit a = visit("v11", 3, M, 600, 700);
        route(t2, a);
        verifier.verifyThat(CampaignConstraintProvider::teamWithoutTwoCertified).given(t2, a).penalizesBy(1000);
    }

    @Test
    void teamWithoutTwoCertifiedUnpenalized() {
        Vehicle t1 = vehicle("t1", 0, M);
        Vehicle t2 = vehicle("t2", 1, M); // one certified officer, but stays at base
        Visit a = visit("v11", 3, M, 600, 700);
        route(t1, a);
        verifier.verifyThat(CampaignConstraintProvider::teamWithoutTwoCertified).given(t1, t2, a).penalizesBy(0);
    }

    @Test
    void venueVisitedTwicePenalized() {
        Vehicle t1 = vehicle("t1", 0, M);
        Visit noon = visit("v11", 3, M, 720, 810);
        Visit evening = visit("v11w1", 3, M, 990, 1110);
        route(t1, noon, evening);
        verifier.verifyThat(CampaignConstraintProvider::venueVisitedTwice).given(t1, noon, evening).penalizesBy(1000);
    }

    @Test
    void venueVisitedTwiceUnpenalized() {
        Vehicle t1 = vehicle("t1", 0, M);
        Visit noon = visit("v11", 3, M, 720, 810);
        Visit evening = visit("v11w1", 3, M, 990, 1110);
        route(t1, noon);
        verifier.verifyThat(CampaignConstraintProvider::venueVisitedTwice).given(t1, noon, evening).penalizesBy(0);
    }

    @Test
    void pinnedStopMovedPenalized() {
        Vehicle t1 = vehicle("t1", 0, M);
        Vehicle t2 = vehicle("t2", 1, M);
        Visit kept = visit("v10", 2, M, 600, 600);
        route(t2, kept);
        verifier.verifyThat(CampaignConstraintProvider::pinnedStopMoved).given(t1, t2, kept).penalizesBy(1000);
    }

    @Test
    void pinnedStopMovedUnpenalized() {
        Vehicle t1 = vehicle("t1", 0, M);
        Visit kept = visit("v10", 2, M, 600, 600);
        route(t1, kept);
        verifier.verifyThat(CampaignConstraintProvider::pinnedStopMoved).given(t1, kept).penalizesBy(0);
    }

    @Test
    void strikeNotSimultaneousPenalized() {
        Vehicle t1 = vehicle("t1", 0, M);
        Vehicle t2 = vehicle("t2", 1, M);
        Visit a = visit("v10", 2, M, 60, 120);
        Visit b = visit("v11", 3, M, 130, 200); // both wait for their window: 70 min apart, 40 over the 30-minute window
        route(t1, a);
        route(t2, b);
        verifier.verifyThat(CampaignConstraintProvider::strikeNotSimultaneous).given(t1, t2, a, b).penalizesBy(40_000);
    }

    @Test
    void strikeNotSimultaneousUnpenalized() {
        Vehicle t1 = vehicle("t1", 0, M);
        Vehicle t2 = vehicle("t2", 1, M);
        Visit a = visit("v10", 2, M, 20, 120);
        Visit b = visit("v11", 3, M, 40, 120); // 20 min apart
        Visit c = visit("v12", 4, M, 100, 120); // another zone: not part of the strike of zone A
        route(t1, a, c);
        route(t2, b);
        verifier.verifyThat(CampaignConstraintProvider::strikeNotSimultaneous).given(t1, t2, a, b, c).penalizesBy(0);
        CampaignMatrix off = matrix(Map.of(), Map.of(), 0);
        Vehicle u = vehicle("t1", 0, off);
        Visit x = visit("v10", 2, off, 0, 120);
        Visit y = visit("v11", 3, off, 300, 400);
        route(u, x, y);
        verifier.verifyThat(CampaignConstraintProvider::strikeNotSimultaneous).given(u, x, y).penalizesBy(0);
    }

    @Test
    void alternativeWindowUnusedPenalized() {
        // "penalized" here is a reward (negative penalty) cancelling the unplanned penalty of the unused window
        Vehicle t1 = vehicle("t1", 0, M);
        Visit noon = visit("v11", 3, M, 720, 810);
        Visit evening = visit("v11w1", 3, M, 990, 1110);
        route(t1, noon);
        verifier.verifyThat(CampaignConstraintProvider::alternativeWindowUnused).given(t1, noon, evening)
                .rewardsWith(50 * CampaignConstraintProvider.UNPLANNED_PRIORITY_WEIGHT);
    }

    @Test
    void alternativeWindowUnusedUnpenalized() {
        Vehicle t1 = vehicle("t1", 0, M);
        Visit noon = visit("v11", 3, M, 720, 810);
        Visit evening = visit("v11w1", 3, M, 990, 1110);
        route(t1);
        verifier.verifyThat(CampaignConstraintProvider::alternativeWindowUnused).given(t1, noon, evening).rewardsWith(0);
    }

    @Test
    void fairWorkloadPenalized() {
        Vehicle t1 = vehicle("t1", 0, M);
        Visit a = visit("v10", 2, M, 0, 1000);
        Visit b = visit("v11", 3, M, 0, 1000);
        route(t1, a, b);
        long work = Math.round(CampaignConstraintProvider.workMinutes(t1));
        verifier.verifyThat(CampaignConstraintProvider::fairWorkload).given(t1, a, b).penalizesBy(work * work);
        // one visit each costs less than both on one team: the square spreads work
        Vehicle u1 = vehicle("t1", 0, M);
        Vehicle u2 = vehicle("t2", 1, M);
        Visit c = visit("v10", 2, M, 0, 1000);
        Visit d = visit("v11", 3, M, 0, 1000);
        route(u1, c);
        route(u2, d);
        long w1 = Math.round(CampaignConstraintProvider.workMinutes(u1));
        long w2 = Math.round(CampaignConstraintProvider.workMinutes(u2));
        org.junit.jupiter.api.Assertions.assertTrue(w1 * w1 + w2 * w2 < work * work);
    }

    @Test
    void fairWorkloadUnpenalized() {
        Vehicle t1 = vehicle("t1", 0, M);
        Visit a = visit("v10", 2, M, 0, 1000);
        route(t1);
        verifier.verifyThat(CampaignConstraintProvider::fairWorkload).given(t1, a).penalizesBy(0);
    }

    @Test
    void wholeScoreOfAFeasiblePlanHasNoHardPenalty() {
        CampaignMatrix m = matrix(Map.of("t1", 2), Map.of("v10", "t1"), 0);
        Vehicle t1 = vehicle("t1", 0, m);
        Visit kept = visit("v10", 2, m, 0, 600);
        Visit b = visit("v11", 3, m, 0, 600);
        route(t1, kept, b);
        verifier.verifyThat().given(t1, kept, b).scores(
                ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore.of(0, 0,
                        -expectedSoft(t1)));
    }

    private static long expectedSoft(Vehicle v) {
        long travelMillis = 0;
        int at = v.getLocation();
        for (Visit x : v.getVisits()) {
            travelMillis += Math.round(v.getMatrix().distance(at, x.getLocation()) * 1000.0);
            at = x.getLocation();
        }
        travelMillis += Math.round(v.getMatrix().distance(at, v.getLocation()) * 1000.0);
        long work = Math.round(CampaignConstraintProvider.workMinutes(v));
        return travelMillis + work * work;
    }

    @SuppressWarnings("unused")
    private static List<Object> all(Object... o) {
        return List.of(o);
    }
}
