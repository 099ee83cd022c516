package com.patrolplanner.campaign.routing;

import static com.patrolplanner.campaign.routing.LineWorld.route;

import java.util.List;

import org.junit.jupiter.api.Test;

import ai.timefold.solver.test.api.score.stream.ConstraintVerifier;

class RoutingConstraintProviderTest {

    private final ConstraintVerifier<RoutingConstraintProvider, RoutingPlan> verifier = ConstraintVerifier.build(
            new RoutingConstraintProvider(), RoutingPlan.class, Vehicle.class, Visit.class);
    private final LineWorld world = new LineWorld(4);

    @Test
    void serviceAfterDuePenalized() {
        // arrives at x=10 at time 10, due 5: 5 late = 5000 thousandths
        Visit late = world.visit("a", 1, 0, 5, 0, 1);
        RoutingPlan plan = world.plan(List.of(route(world.vehicle("v", 100, 10), late)), late);
        verifier.verifyThat(RoutingConstraintProvider::serviceAfterDue)
                .givenSolution(plan).settingAllShadowVariables().penalizesBy(5000L);
    }

    @Test
    void serviceAfterDueUnpenalized() {
        // arrives before ready 30, waits, starts exactly at due 30
        Visit onTime = world.visit("a", 1, 30, 30, 0, 1);
        RoutingPlan plan = world.plan(List.of(route(world.vehicle("v", 100, 10), onTime)), onTime);
        verifier.verifyThat(RoutingConstraintProvider::serviceAfterDue)
                .givenSolution(plan).settingAllShadowVariables().hasNoImpact();
    }

    @Test
    void returnAfterShiftEndPenalized() {
        // out to x=20 and back with 5 of service: home at 45, shift ends at 40
        Visit far = world.visit("a", 2, 0, 100, 5, 1);
        RoutingPlan plan = world.plan(List.of(route(world.vehicle("v", 40, 10), far)), far);
        verifier.verifyThat(RoutingConstraintProvider::returnAfterShiftEnd)
                .givenSolution(plan).settingAllShadowVariables().penalizesBy(5000L);
    }

    @Test
    void returnAfterShiftEndUnpenalized() {
        Visit far = world.visit("a", 2, 0, 100, 5, 1);
        RoutingPlan plan = world.plan(List.of(route(world.vehicle("v", 45, 10), far)), far);
        verifier.verifyThat(RoutingConstraintProvider::returnAfterShiftEnd)
                .givenSolution(plan).settingAllShadowVariables().hasNoImpact();
    }

    @Test
    void loadOverCapacityPenalized() {
        Visit a = world.visit("a", 1, 0, 100, 0, 6);
        Visit b = world.visit("b", 2, 0, 100, 0, 6);
        RoutingPlan plan = world.plan(List.of(route(world.vehicle("v", 100, 10), a, b)), a, b);
        verifier.verifyThat(RoutingConstraintProvider::loadOverCapacity)
                .givenSolution(plan).settingAllShadowVariables().penalizesBy(2000L);
    }

    @Test
    void loadOverCapacityUnpenalized() {
        Visit a = world.visit("a", 1, 0, 100, 0, 6);
        Visit b = world.visit("b", 2, 0, 100, 0, 6);
        RoutingPlan plan = world.plan(List.of(route(world.vehicle("v", 100, 12), a, b)), a, b);
        verifier.verifyThat(RoutingConstraintProvider::loadOverCapacity)
                .givenSolution(plan).settingAllShadowVariables().hasNoImpact();
    }

    @Test
    void unplannedVisitPenalized() {
        Visit planned = world.visit("a", 1, 0, 100, 0, 1);
        Visit left = new Visit("b", 2, world.matrix, 0, 100, 0, 1, 3L);
        RoutingPlan plan = world.plan(List.of(route(world.vehicle("v", 100, 10), planned)), planned, left);
        verifier.verifyThat(RoutingConstraintProvider::unplannedVisit)
                .givenSolution(plan).settingAllShadowVariables()
                .penalizesBy(3L * RoutingConstraintProvider.UNPLANNED_PRIORITY_WEIGHT);
    }

    @Test
    void unplannedVisitUnpenalized() {
        Visit a = world.visit("a", 1, 0, 100, 0, 1);
        RoutingPlan plan = world.plan(List.of(route(world.vehicle("v", 100, 10), a)), a);
        verifier.verifyThat(RoutingConstraintProvider::unplannedVisit)
                .givenSolution(plan).settingAllShadowVariables().hasNoImpact();
    }

    @Test
    void vehicleUsedPenalized() {
        Visit a = world.visit("a", 1, 0, 100, 0, 1);
        RoutingPlan plan = world.plan(List.of(route(world.vehicle("v", 100, 10), a), world.vehicle("idle", 100, 10)),
                a);
        verifier.verifyThat(RoutingConstraintProvider::vehicleUsed)
                .givenSolution(plan).settingAllShadowVariables().penalizesBy(1L);
    }

    @Test
    void vehicleUsedUnpenalized() {
        Visit a = world.visit("a", 1, 0, 100, 0, 1);
        RoutingPlan plan = world.plan(List.of(world.vehicle("idle", 100, 10)), a);
        verifier.verifyThat(RoutingConstraintProvider::vehicleUsed)
                .givenSolution(plan).settingAllShadowVariables().hasNoImpact();
    }

    @Test
    void distanceDrivenPenalized() {
        // 0 → 10 → 20 → 0: 40 = 40000 thousandths
        Visit a = world.visit("a", 1, 0, 100, 0, 1);
        Visit b = world.visit("b", 2, 0, 100, 0, 1);
        RoutingPlan plan = world.plan(List.of(route(world.vehicle("v", 100, 10), a, b)), a, b);
        verifier.verifyThat(RoutingConstraintProvider::distanceDriven)
                .givenSolution(plan).settingAllShadowVariables().penalizesBy(40_000L);
    }

    @Test
    void distanceDrivenUnpenalized() {
        Visit a = world.visit("a", 1, 0, 100, 0, 1);
        RoutingPlan plan = world.plan(List.of(world.vehicle("idle", 100, 10)), a);
        verifier.verifyThat(RoutingConstraintProvider::distanceDriven)
                .givenSolution(plan).settingAllShadowVariables().hasNoImpact();
    }
}
