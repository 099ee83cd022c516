package com.patrolplanner.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The solve status is a record now ({@link SolveProgress}); its JSON must keep the keys of the maps it replaced: a key a
 * source knows is written even when null, a key it does not know is left out. The expected strings are the old maps'
 * output, written by hand.
 */
class SolveProgressJsonTest {
    private final ObjectMapper mapper = new ObjectMapper();

    private String json(Object o) throws Exception {
        return mapper.writeValueAsString(o);
    }

    @Test
    void dateOutcomesKeepTheirThreeShapes() throws Exception {
        // a date solved (BestSoFar.finish): a plan with nothing to visit has no score, and says so
        assertEquals("{\"date\":\"2026-07-01\",\"planId\":5,\"status\":\"solved\",\"score\":null,\"feasible\":true,"
                + "\"violations\":[],\"planned\":0,\"unassigned\":0}", json(new SolveProgress.DateOutcome("2026-07-01",
                5L, "solved", null, new SolveProgress.Figures(null, true, List.of(), 0, 0))));
        // a date not reached
        assertEquals("{\"date\":\"2026-07-02\",\"status\":\"not solved\",\"reason\":\"stopped\"}",
                json(SolveProgress.DateOutcome.notSolved("2026-07-02", "stopped")));
        // a date read back from its plan row on another node: no violations there
        assertEquals("{\"date\":\"2026-07-03\",\"planId\":7,\"status\":\"stopped\",\"score\":\"0hard/-3medium/-40soft\","
                + "\"feasible\":null,\"planned\":4,\"unassigned\":1}", json(new SolveProgress.DateOutcome("2026-07-03", 7L,
                "stopped", null, new SolveProgress.Figures("0hard/-3medium/-40soft", null, null, 4, 1))));
    }

    @Test
    void aJustStartedSolveShowsItsDateAndANullPlanId() throws Exception {
        SolveProgress p = new SolveProgress("j1", "RUNNING", "memory", 2, List.of("2026-07-01", "2026-07-02"), List.of(),
                new SolveProgress.Current("2026-07-01", 1, null, null, null));
        assertEquals("{\"jobId\":\"j1\",\"state\":\"RUNNING\",\"source\":\"memory\",\"dateCount\":2,\"dates\":[\"2026-07-01\","
                + "\"2026-07-02\"],\"results\":[],\"date\":\"2026-07-01\",\"dateIndex\":1,\"planId\":null}", json(p));
    }

    @Test
    void anotherNodeShowsTheStoredBestWithoutTheKeysItDoesNotKnow() throws Exception {
        SolveProgress p = new SolveProgress("j2", "RUNNING", "database", null, null, List.of(),
                new SolveProgress.Current("2026-07-01", null, 9L, null,
                        new SolveProgress.StoredBest(null, null, null, List.of())));
        assertEquals("{\"jobId\":\"j2\",\"state\":\"RUNNING\",\"source\":\"database\",\"results\":[],\"date\":\"2026-07-01\","
                + "\"planId\":9,\"score\":null,\"feasible\":null,\"plan\":null,\"explanation\":[]}", json(p));
        // before any plan row: no date at all
        assertEquals("{\"jobId\":\"j3\",\"state\":\"QUEUED\",\"source\":\"database\",\"dateCount\":3,\"results\":[]}",
                json(new SolveProgress("j3", "QUEUED", "database", 3, null, List.of(), null)));
    }

    @Test
    void theLiveBestCarriesTheRoutingCoreScore() throws Exception {
        SolveProgress p = new SolveProgress("j4", "RUNNING", "memory", 1, List.of("2026-07-01"), List.of(),
                new SolveProgress.Current("2026-07-01", 1, 11L,
                        new SolveProgress.LiveBest("0hard/0medium/-5soft", null, true, null, List.of()), null));
        assertEquals("{\"jobId\":\"j4\",\"state\":\"RUNNING\",\"source\":\"memory\",\"dateCount\":1,\"dates\":[\"2026-07-01\"],"
                + "\"results\":[],\"date\":\"2026-07-01\",\"dateIndex\":1,\"planId\":11,\"score\":\"0hard/0medium/-5soft\","
                + "\"routingCoreScore\":null,\"feasible\":true,\"plan\":null,\"explanation\":[]}", json(p));
    }

    @Test
    void aStoredOutcomeReadsBackToTheSameJson() throws Exception {
        for (String stored : List.of("{\"date\":\"2026-07-02\",\"status\":\"not solved\",\"reason\":\"stopped\"}",
                "{\"date\":\"2026-07-01\",\"planId\":5,\"status\":\"solved\",\"score\":\"0hard/0medium/-9soft\","
                        + "\"feasible\":false,\"violations\":[\"a\"],\"planned\":3,\"unassigned\":2}")) {
            assertEquals(stored, json(SolveProgress.DateOutcome.fromJson(mapper.readTree(stored))));
        }
    }
}
