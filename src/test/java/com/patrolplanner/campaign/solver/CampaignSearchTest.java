package com.patrolplanner.campaign.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import com.patrolplanner.campaign.routing.RoutingPlan;
import com.patrolplanner.campaign.routing.RoutingSolver;
import com.patrolplanner.campaign.routing.Vehicle;
import com.patrolplanner.campaign.routing.Visit;
import com.patrolplanner.campaign.travel.TravelModel;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The campaign solver with the routing core's search in front ({@link TimefoldPlanSolver}): the campaign rules the
 * core's heuristics must keep, checked on the solved plan by {@link CampaignFeasibility} (separate code) and by name.
 */
class CampaignSearchTest {

    private static final Duration LIMIT = Duration.ofSeconds(2);

    /** Bases at 0, 1; venue k at location k + 2, about 900 m apart on a line; venue ids 10 + k. */
    private static final class Fixture {
        final int venues;
        final Map<String, Integer> certified = new LinkedHashMap<>();
        final Map<String, String> pinned = new HashMap<>();
        final List<Object[]> visitSpecs = new ArrayList<>();
        final List<Object[]> teamSpecs = new ArrayList<>();

        Fixture(int venues) {
            this.venues = venues;
        }

        Fixture team(String id, int certifiedOfficers, int shiftStart, int shiftEnd) {
            certified.put(id, certifiedOfficers);
            teamSpecs.add(new Object[] {id, shiftStart, shiftEnd});
            return this;
        }

        Fixture visit(String id, int venue, double ready, double due, long priority) {
            visitSpecs.add(new Object[] {id, venue, ready, due, priority});
            return this;
        }

        Fixture pin(String visitId, String teamId) {
            pinned.put(visitId, teamId);
            return this;
        }

        CampaignProblem build() {
            int n = venues + 2;
            double[] lon = new double[n];
            double[] lat = new double[n];
            long[] venueId = new long[n];
            String[] zone = new String[n];
            for (int i = 0; i < n; i++) {
                lon[i] = 119.10 + (i < 2 ? 0.0 : 0.01 * (i - 1));
                lat[i] = 36.70 + (i == 1 ? 0.01 : 0.0);
                venueId[i] = i < 2 ? -1 : 10 + i - 2;
                zone[i] = i < 2 ? null : "A";
            }
            CampaignMatrix m = new CampaignMatrix(lon, lat, TravelModel.DEFAULT, false, venueId, zone, certified,
                    pinned, 0);
            List<Vehicle> vehicles = new ArrayList<>();
            Map<String, CampaignProblem.TeamInfo> teams = new LinkedHashMap<>();
            int base = 0;
            for (Object[] t : teamSpecs) {
                String id = (String) t[0];
                int from = (Integer) t[1];
                int to = (Integer) t[2];
                vehicles.add(new Vehicle(id, base % 2, m, from, to, Integer.MAX_VALUE, 0L));
                List<CampaignProblem.Member> members = new ArrayList<>();
                for (int k = 0; k < 2; k++) {
                    boolean cert = k < certified.get(id);
                    members.add(new CampaignProblem.Member(base * 10L + k, id + "-" + k, cert ? "C" + k : null, cert));
                }
                teams.put(id, new CampaignProblem.TeamInfo(id, base, id, members, lon[base % 2], lat[base % 2], from, to));
                base++;
            }
            Map<String, Vehicle> byId = vehicles.stream().collect(Collectors.toMap(Vehicle::getId, v -> v));
            List<Visit> visits = new ArrayList<>();
            Map<String, CampaignProblem.VisitInfo> infos = new LinkedHashMap<>();
            for (Object[] s : visitSpecs) {
                String id = (String) s[0];
                int loc = (Integer) s[1] + 2;
                long priority = (Long) s[4];
                Visit v = new Visit(id, loc, m, (Double) s[2], (Double) s[3], 30, 0, priority);
                visits.add(v);
                infos.put(id, new CampaignProblem.VisitInfo(id, venueId[loc], id, "internet_cafe", null, lon[loc],
                        lat[loc], (int) priority, "A", "test", "test", pinned.containsKey(id), false));
                if (pinned.containsKey(id)) {
                    byId.get(pinned.get(id)).getVisits().add(v);
                }
            }
            RoutingPlan plan = new CampaignPlan("test", m, vehicles, visits);
            return new CampaignProblem(1L, LocalDate.of(2026, 12, 1), false, plan, m, infos, teams, List.of(),
                    TravelModel.DEFAULT);
        }
    }

    /**
     * The plan of the routing core's search alone (no Timefold local search after it, which could repair what the
     * search broke), then of the whole campaign solver; both checked by {@link CampaignFeasibility}.
     */
    private static List<RoutingPlan> solve(Fixture f) {
        CampaignProblem p1 = f.build();
        CampaignPlan plan = (CampaignPlan) p1.plan();
        SolverConfig heuristicOnly = new SolverConfig().withSolutionClass(CampaignPlan.class)
                .withEntityClasses(Vehicle.class, Visit.class)
                .withConstraintProviderClass(CampaignConstraintProvider.class)
                .withTerminationConfig(new TerminationConfig().withSpentLimit(LIMIT))
                .withPhases(RoutingSolver.heuristicPhase(TimefoldPlanSolver.rules(p1.matrix(), plan), 0L, LIMIT));
        RoutingPlan first = SolverFactory.<CampaignPlan>create(heuristicOnly).buildSolver().solve(plan);
        CampaignProblem p2 = f.build();
        RoutingPlan second = new TimefoldPlanSolver().solve(p2, LIMIT, best -> {
        }, () -> false, true);
        for (RoutingPlan solved : List.of(first, second)) {
            CampaignFeasibility.Report report = CampaignFeasibility.check(solved == first ? p1 : p2, solved);
            assertTrue(report.feasible(), () -> "independent check: " + report.violations());
            assertEquals(0L, solved.getScore().hardScore(), () -> "score " + solved.getScore());
        }
        return List.of(first, second);
    }

    private static Visit visit(RoutingPlan plan, String id) {
        return plan.getVisits().stream().filter(v -> v.getId().equals(id)).findFirst().orElseThrow();
    }

    private static Set<String> planned(RoutingPlan plan) {
        return plan.getVehicles().stream().flatMap(v -> v.getVisits().stream()).map(Visit::getId)
                .collect(Collectors.toSet());
    }

    @Test
    void alternativeWindowsOfAVenueArePlannedOnce() {
        Fixture f = new Fixture(3).team("t1", 2, 540, 1200).team("t2", 2, 540, 1200)
                .visit("v10", 0, 600, 700, 50).visit("v10w1", 0, 1000, 1100, 50)
                .visit("v11", 1, 600, 900, 50).visit("v12", 2, 600, 900, 50);
        for (RoutingPlan solved : solve(f)) {
            Set<String> planned = planned(solved);
            assertTrue(planned.contains("v10") ^ planned.contains("v10w1"), () -> "one window of venue 10: " + planned);
            assertTrue(planned.containsAll(List.of("v11", "v12")), () -> "planned " + planned);
            assertEquals(0L, solved.getScore().mediumScore(), () -> "nothing left unplanned: " + solved.getScore());
        }
    }

    @Test
    void pinnedStopsStayOnTheirTeam() {
        Fixture f = new Fixture(4).team("t1", 2, 540, 1200).team("t2", 2, 540, 1200)
                .visit("v10", 0, 700, 700, 50).pin("v10", "t2")
                .visit("v11", 1, 600, 900, 50).visit("v12", 2, 600, 900, 50).visit("v13", 3, 600, 900, 50);
        for (RoutingPlan solved : solve(f)) {
            assertEquals("t2", visit(solved, "v10").getVehicle().getId());
            assertEquals(4, planned(solved).size());
        }
    }

    @Test
    void teamWithoutTwoCertifiedOfficersTakesNoVisit() {
        // 《行政处罚法》第四十二条: the team with one certified officer stays in, though one team alone can start only
        // two of the four checks by 10:40 and two teams could start all four
        Fixture f = new Fixture(4).team("t1", 2, 540, 1200).team("t2", 1, 540, 1200)
                .visit("v10", 0, 600, 640, 50).visit("v11", 1, 600, 640, 50)
                .visit("v12", 2, 600, 640, 50).visit("v13", 3, 600, 640, 50);
        for (RoutingPlan solved : solve(f)) {
            Vehicle t2 = solved.getVehicles().stream().filter(v -> v.getId().equals("t2")).findFirst().orElseThrow();
            assertTrue(t2.getVisits().isEmpty(), () -> "t2 took " + t2.getVisits());
            assertEquals(2, planned(solved).size());
        }
    }

    @Test
    void mostImportantVenuesAreKeptWhenTheShiftIsShort() {
        // one team, 2 h 40 min: room for three or four 30-minute checks of the six venues
        Fixture f = new Fixture(6).team("t1", 2, 600, 760);
        for (int k = 0; k < 6; k++) {
            f.visit("v" + (10 + k), k, 600, 730, k % 2 == 0 ? 100 : 1);
        }
        for (RoutingPlan solved : solve(f)) {
            Set<String> planned = planned(solved);
            assertTrue(planned.containsAll(List.of("v10", "v12", "v14")), () -> "the priority-100 venues: " + planned);
            for (Visit v : solved.getVisits()) {
                if (v.getVehicle() == null) {
                    assertEquals(1L, v.getPriority(), () -> v.getId() + " left out");
                    assertNull(v.getArrivalTime());
                }
            }
        }
    }
}
