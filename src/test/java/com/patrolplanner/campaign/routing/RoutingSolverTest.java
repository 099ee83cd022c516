package com.patrolplanner.campaign.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RoutingSolverTest {

    @Test
    void solvesA25CustomerPrefixOfR101Feasibly() {
        SolomonInstance prefix = SolomonData.prefix("R101", 25);

        RoutingPlan solved = new RoutingSolver(Duration.ofSeconds(5)).solve(prefix.toPlan());

        FeasibilityChecker.Report report = new FeasibilityChecker(prefix.toPlan().getMatrix(), true).check(solved);
        assertTrue(report.feasible(), report.violations().toString());
        assertEquals(0, report.unplanned());
        assertTrue(solved.getScore().isFeasible(), solved.getScore().toString());
        assertEquals(-report.vehiclesUsed(), solved.getScore().mediumScore());
    }
}
