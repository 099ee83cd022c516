package com.patrolplanner.campaign.routing;

import static com.patrolplanner.campaign.routing.LineWorld.route;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class FeasibilityCheckerTest {

    private final LineWorld world = new LineWorld(4);
    private final FeasibilityChecker requireAll = new FeasibilityChecker(world.matrix, true);

    @Test
    void acceptsFeasibleRouteAndRecomputesDistance() {
        Visit a = world.visit("a", 1, 0, 10, 5, 1);
        Visit b = world.visit("b", 2, 30, 40, 5, 1);
        RoutingPlan plan = world.plan(List.of(route(world.vehicle("v", 100, 10), a, b)), a, b);
        FeasibilityChecker.Report report = requireAll.check(plan);
        assertTrue(report.feasible(), report.violations().toString());
        assertEquals(40.0, report.distance(), 1e-9);
        assertEquals(1, report.vehiclesUsed());
    }

    @Test
    void rejectsServiceAfterDue() {
        // a first, then b at x=20: b reached at 25 with due 20
        Visit a = world.visit("a", 1, 0, 10, 5, 1);
        Visit b = world.visit("b", 2, 0, 20, 5, 1);
        RoutingPlan plan = world.plan(List.of(route(world.vehicle("v", 100, 10), a, b)), a, b);
        FeasibilityChecker.Report report = requireAll.check(plan);
        assertFalse(report.feasible());
        assertTrue(report.violations().get(0).contains("visit b"), report.violations().toString());
    }

    @Test
    void waitingForReadyCanMakeALaterVisitLate() {
        // waits at a until 50, so b (due 55, 10 further) starts at 60
        Visit a = world.visit("a", 1, 50, 60, 0, 1);
        Visit b = world.visit("b", 2, 0, 55, 0, 1);
        RoutingPlan plan = world.plan(List.of(route(world.vehicle("v", 100, 10), a, b)), a, b);
        assertFalse(requireAll.check(plan).feasible());
    }

    @Test
    void rejectsReturnAfterShiftEnd() {
        Visit far = world.visit("a", 3, 0, 100, 0, 1);
        RoutingPlan plan = world.plan(List.of(route(world.vehicle("v", 59, 10), far)), far);
        assertFalse(requireAll.check(plan).feasible());
    }

    @Test
    void rejectsLoadOverCapacity() {
        Visit a = world.visit("a", 1, 0, 100, 0, 6);
        Visit b = world.visit("b", 2, 0, 100, 0, 6);
        RoutingPlan plan = world.plan(List.of(route(world.vehicle("v", 100, 11), a, b)), a, b);
        assertFalse(requireAll.check(plan).feasible());
    }

    @Test
    void rejectsVisitPlannedTwice() {
        Visit a = world.visit("a", 1, 0, 100, 0, 1);
        RoutingPlan plan = world.plan(List.of(route(world.vehicle("v", 100, 10), a),
                route(world.vehicle("w", 100, 10), a)), a);
        FeasibilityChecker.Report report = requireAll.check(plan);
        assertFalse(report.feasible());
        assertTrue(report.violations().get(0).contains("already planned"), report.violations().toString());
    }

    @Test
    void unplannedVisitIsInfeasibleOnlyWhenAllMustBePlanned() {
        Visit a = world.visit("a", 1, 0, 100, 0, 1);
        Visit left = world.visit("b", 2, 0, 100, 0, 1);
        RoutingPlan plan = world.plan(List.of(route(world.vehicle("v", 100, 10), a)), a, left);
        assertFalse(requireAll.check(plan).feasible());
        FeasibilityChecker.Report lenient = new FeasibilityChecker(world.matrix, false).check(plan);
        assertTrue(lenient.feasible());
        assertEquals(1, lenient.unplanned());
    }
}
