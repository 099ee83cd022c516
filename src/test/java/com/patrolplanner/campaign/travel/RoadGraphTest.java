package com.patrolplanner.campaign.travel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Dijkstra, one-way arcs and snapping on hand-made graphs; no database. */
class RoadGraphTest {

    /**
     * A square A(1)–B(2)–C(3)–D(4): A→B one-way 60 s, B–C 60 s, C–D 60 s, D–A 600 s (a slow lane).
     * From A to B is one arc; from B back to A the one-way forbids the short way, so B→C→D→A = 720 s.
     */
    static RoadGraph square() {
        return RoadGraph.builder()
                .node(1, 0.000, 0.000).node(2, 0.010, 0.000).node(3, 0.010, 0.010).node(4, 0.000, 0.010)
                .road(1, 2, 60, true).road(2, 3, 60, false).road(3, 4, 60, false).road(4, 1, 600, false)
                .build();
    }

    @Test
    void oneWayIsHonouredInBothDirections() {
        RoadGraph g = square();
        int a = g.index(1);
        int b = g.index(2);
        assertEquals(60, g.seconds(a, b), 1e-9);
        assertEquals(720, g.seconds(b, a), 1e-9, "B→A must go round, not against the one-way");
        double[] fromB = g.secondsFrom(b);
        assertEquals(0, fromB[b], 1e-9);
        assertEquals(60, fromB[g.index(3)], 1e-9);
        assertEquals(120, fromB[g.index(4)], 1e-9);
        assertEquals(720, fromB[a], 1e-9);
        assertEquals(7, g.arcs(), "one arc for the one-way, two for each two-way road");
    }

    @Test
    void shorterPathThroughMoreNodesWins() {
        RoadGraph g = RoadGraph.builder().node(1, 0, 0).node(2, 0.001, 0).node(3, 0.002, 0)
                .road(1, 3, 100, false).road(1, 2, 30, false).road(2, 3, 30, false).build();
        assertEquals(60, g.seconds(g.index(1), g.index(3)), 1e-9);
    }

    @Test
    void unreachableIsInfinite() {
        RoadGraph g = RoadGraph.builder().node(1, 0, 0).node(2, 0.001, 0).node(3, 0.5, 0.5)
                .road(1, 2, 10, true).build();
        assertTrue(Double.isInfinite(g.seconds(g.index(2), g.index(1))), "against a one-way with no way round");
        assertTrue(Double.isInfinite(g.secondsFrom(g.index(1))[g.index(3)]), "an island");
    }

    @Test
    void snapsToTheGeodesicallyNearestNode() {
        RoadGraph g = square();
        assertEquals(3, g.osmId(g.nearest(0.0098, 0.0097)));
        assertEquals(1, g.osmId(g.nearest(-0.5, -0.5)));
        // at 60° north a degree of longitude is half a degree of latitude: 0.015° east beats 0.010° north
        RoadGraph north = RoadGraph.builder().node(10, 0.015, 60.0).node(11, 0.0, 60.01).build();
        assertEquals(10, north.osmId(north.nearest(0.0, 60.0)));
    }

    @Test
    void largestStronglyConnectedPartLeavesOutIslandsAndOneWayTraps() {
        RoadGraph g = RoadGraph.builder()
                .node(1, 0.000, 0.000).node(2, 0.010, 0.000).node(3, 0.010, 0.010).node(4, 0.000, 0.010)
                .node(5, 0.020, 0.000).node(6, 0.5, 0.5).node(7, 0.51, 0.5)
                .road(1, 2, 60, true).road(2, 3, 60, false).road(3, 4, 60, false).road(4, 1, 600, false)
                .road(2, 5, 30, true) // a one-way into a dead end: one can drive in, never out
                .road(6, 7, 30, false) // an island
                .build();
        boolean[] main = g.largestComponent();
        for (long id = 1; id <= 4; id++) {
            assertTrue(main[g.index(id)], "square node " + id);
        }
        for (long id = 5; id <= 7; id++) {
            assertTrue(!main[g.index(id)], "node " + id + " is not in the main part");
        }
        // snapping skips nodes marked unsnappable, even when nearer
        RoadGraph marked = RoadGraph.builder().node(1, 0, 0, true).node(2, 0.001, 0, false).road(1, 2, 5, false).build();
        assertEquals(1, marked.osmId(marked.nearest(0.001, 0)));
    }

    @Test
    void roadBetweenUnknownNodesIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> RoadGraph.builder().node(1, 0, 0).road(1, 2, 5, false));
    }

    @Test
    void replayFallsBackToGreatCircleWhenNoPath() {
        RoadGraph g = RoadGraph.builder().node(1, 0, 0).node(2, 0.01, 0).road(1, 2, 60, true).build();
        RoadTravel t = new RoadTravel(g, TravelModel.DEFAULT, false, Map.of());
        // with the one-way: fixed seconds + 60 s, snaps of zero metres
        assertEquals((395 + 60) / 60.0, t.minutes(0, 0, 0.01, 0), 1e-9);
        // against it: the great-circle model, by hand: 0.01° of the equator is 1,113.19 m (WGS-84 a = 6,378,137 m),
        // × detour 1.461 at 57.2 km/h by day, plus 395 s fixed
        double gc = 6378137.0 * Math.toRadians(0.01);
        assertEquals((395 + gc * 1.461 / (57.2 / 3.6)) / 60.0, t.minutes(0.01, 0, 0, 0), 1e-6);
        assertEquals(0.0, t.minutes(0.01, 0, 0.01, 0), 1e-12);
    }
}
