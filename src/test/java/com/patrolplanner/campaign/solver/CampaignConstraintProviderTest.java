package com.patrolplanner.campaign.solver;

import ai.timefold.solver.test.api.score.stream.ConstraintVerifier;
import com.patrolplanner.campaign.routing.RoutingPlan;
import com.patrolplanner.campaign.routing.Vehicle;
import com.patrolplanner.campaign.routing.Visit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A Penalized / Unpenalized pair per constraint the campaign adds to the routing core's. */
class CampaignConstraintProviderTest {
    private final ConstraintVerifier<CampaignConstraintProvider, RoutingPlan> verifier = ConstraintVerifier.build(
            new CampaignConstraintProvider(), RoutingPlan.class, Vehicle.class, Visit.class);

    /**
     * Locations: 0, 1 bases; 2, 3 venues of zone A; 4 a venue of zone B. Travel minutes are given by hand (symmetric),
     * so every expected score below is arithmetic on this table, not on the production travel model.
     */
    static final double[][] MINUTES = {
        // to: 0   1   2   3   4
        {0, 10, 12, 15, 30}, // from base 0
        {10, 0, 6, 9, 25}, // from base 1
        {12, 6, 0, 4, 20}, // from venue 10 (zone A)
        {15, 9, 4, 0, 18}, // from venue 11 (zone A)
        {30, 25, 20, 18, 0}, // from venue 12 (zone B)
    };

    private static CampaignMatrix matrix(Map<String, Integer> certified, Map<String, String> pinned, int strike) {
        double[] lon = {119.10, 119.11, 119.12, 119.13, 119.20};
        double[] lat = {36.70, 36.70, 36.70, 36.70, 36.70};
        return CampaignMatrix.ofMinutes(lon, lat, MINUTES, new long[] {-1, -1, 10, 11, 12},
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
        // base 0 → 10: 12, check 30, 10 → 11: 4, check 30, 11 → base 0: 15 = 91 working minutes; 91² = 8281
        verifier.verifyThat(CampaignConstraintProvider::fairWorkload).given(t1, a, b).penalizesBy(8281);
        // one visit each costs less than both on one team: the square spreads work
        Vehicle u1 = vehicle("t1", 0, M);
        Vehicle u2 = vehicle("t2", 1, M);
        Visit c = visit("v10", 2, M, 0, 1000);
        Visit d = visit("v11", 3, M, 0, 1000);
        route(u1, c);
        route(u2, d);
        // t1: 12 + 30 + 12 = 54 → 2916; t2: base 1 → 11: 9 + 30 + 9 = 48 → 2304; 2916 + 2304 = 5220 < 8281
        verifier.verifyThat(CampaignConstraintProvider::fairWorkload).given(u1, u2, c, d).penalizesBy(5220);
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
        // soft = distance driven in thousandths of a minute + squared working minutes:
        // driven 12 + 4 + 15 = 31 min → 31 000; working 31 + 2 × 30 = 91 min → 8281; 31 000 + 8281 = 39 281
        verifier.verifyThat().given(t1, kept, b).scores(
                ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore.of(0, 0, -39_281));
    }

    @SuppressWarnings("unused")
    private static List<Object> all(Object... o) {
        return List.of(o);
    }
}
