package com.patrolplanner.campaign.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class RoutingSolverTest {

    @Test
    void solvesA25CustomerPrefixOfR101Feasibly() {
        Path file = SolomonReaderTest.SOLOMON.resolve("R101.txt");
        assumeTrue(Files.isRegularFile(file), "shared Solomon data not present");
        SolomonInstance full = SolomonReader.read(file);
        SolomonInstance prefix = new SolomonInstance("R101-25", full.vehicleCount(), full.capacity(),
                full.customers().subList(0, 26));

        RoutingPlan solved = new RoutingSolver(Duration.ofSeconds(5)).solve(prefix.toPlan());

        FeasibilityChecker.Report report = new FeasibilityChecker(prefix.toPlan().getMatrix(), true).check(solved);
        assertTrue(report.feasible(), report.violations().toString());
        assertEquals(0, report.unplanned());
        assertTrue(solved.getScore().isFeasible(), solved.getScore().toString());
        assertEquals(-report.vehiclesUsed(), solved.getScore().mediumScore());
    }
}
