package com.patrolplanner.campaign.travel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.patrolplanner.geo.Geodesy;
import com.patrolplanner.importer.ImportHandler;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

/** The {@code roads} import of the Andorra extract, and shortest paths over it. */
@QuarkusTest
class RoadNetworkTest {
    @Inject
    RoadImportHandler handler;
    @Inject
    RoadNetwork roads;
    @Inject
    EntityManager em;

    private double num(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql)
                .setParameter(1, RoadTestData.SOURCE).getSingleResult()).doubleValue());
    }

    @Test
    void andorraImportsAsAGraphOfPlausibleSizeAndReimportReplacesIt() {
        ImportHandler.Summary s = RoadTestData.importAndorra(handler);
        System.out.println("roads andorra.osm.pbf: " + s.extra());
        long nodes = (long) num("SELECT count(*) FROM road_node WHERE source = ?1");
        long edges = (long) num("SELECT count(*) FROM road_edge WHERE source = ?1");
        double km = num("SELECT sum(length_m) / 1000 FROM road_edge WHERE source = ?1");
        System.out.printf("road graph: %d nodes, %d edges, %.0f km%n", nodes, edges, km);
        assertEquals(edges, s.imported());
        // a small country with a few hundred km of roads (OSM 2013): thousands of edges, not tens or millions
        assertTrue(edges > 1000 && edges < 50_000, "edges " + edges);
        assertTrue(nodes > edges / 3 && nodes <= 2 * edges, "nodes " + nodes + " for " + edges + " edges");
        assertTrue(km > 200 && km < 5000, "km " + km);
        // every stored node is in (or at the border of) Andorra
        assertEquals(0, num("SELECT count(*) FROM road_node WHERE source = ?1 AND NOT ST_Intersects(geom, "
                + "ST_MakeEnvelope(1.35, 42.38, 1.85, 42.70, 4326))"));
        // lengths are geodesic metres along the stored shape, ends are the edge's nodes
        double shape = num("SELECT sum(ST_Length(geom::geography)) / 1000 FROM road_edge WHERE source = ?1");
        assertEquals(shape, km, km * 0.002);
        assertEquals(0, num("SELECT count(*) FROM road_edge e JOIN road_node a ON a.source = e.source AND a.id = "
                + "e.from_node WHERE e.source = ?1 AND ST_Distance(a.geom, ST_StartPoint(e.geom)) > 1e-9"));
        assertTrue(num("SELECT count(*) FROM road_edge WHERE source = ?1 AND oneway") > 10, "one-way edges stored");
        double connected = num("SELECT count(*) FROM road_node WHERE source = ?1 AND connected");
        System.out.printf("largest strongly connected part: %.0f of %d nodes%n", connected, nodes);
        assertTrue(connected > 0.8 * nodes && connected < nodes, "the main part, without islands: " + connected);
        assertEquals(0, num("SELECT count(*) FROM road_edge WHERE source = ?1 AND (speed_kmh < 5 OR speed_kmh > 150)"));

        ImportHandler.Summary again = RoadTestData.importAndorra(handler);
        assertEquals(edges, (long) num("SELECT count(*) FROM road_edge WHERE source = ?1"), "replaced, not added");
        assertEquals(nodes, (long) num("SELECT count(*) FROM road_node WHERE source = ?1"));
        assertEquals(edges, ((Number) again.extra().get("edgesReplaced")).longValue());
    }

    @Test
    void aPointFarOffTheNetworkTravelsByTheGreatCircleAndIsCounted() {
        RoadTestData.ensureAndorra(handler, roads);
        double[] lon = {RoadTestData.LA_VELLA[0], RoadTestData.ENCAMP[0], 1.0}; // the last one in Spain, 60 km away
        double[] lat = {RoadTestData.LA_VELLA[1], RoadTestData.ENCAMP[1], 42.0};
        QuarkusTransaction.requiringNew().run(() -> {
            RoadNetwork.Matrix m = roads.matrix(lon, lat, TravelModel.DEFAULT, true);
            System.out.println("with a point off the network: " + m.travel().built());
            assertEquals(4, m.fallbackPairs(), "both directions between the far point and each town");
            assertEquals(1, m.travel().built().get("offNetworkPoints"));
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    if (i != j) {
                        double replay = m.travel().minutes(lon[i], lat[i], lon[j], lat[j]);
                        assertEquals(m.minutes()[i][j], replay, 1e-6, "replay " + i + " → " + j);
                        if (i == 2 || j == 2) {
                            // by hand, with GeographicLib (not Geodesy): night model = 329 s fixed + the great
                            // circle × detour 1.461 at 59.0 km/h
                            double gc = net.sf.geographiclib.Geodesic.WGS84.Inverse(lat[i], lon[i], lat[j], lon[j]).s12;
                            double expected = (329 + gc * 1.461 / (59.0 / 3.6)) / 60.0;
                            assertEquals(expected, m.minutes()[i][j], 1e-6, "off-network leg " + i + " → " + j);
                        }
                    }
                }
            }
        });
    }

    @Test
    void httpImportOfRoadsAndABadFileThatLeavesTheNetworkAlone() throws Exception {
        byte[] pbf = java.nio.file.Files.readAllBytes(com.patrolplanner.geocode.SharedData.file("osm/andorra.osm.pbf"));
        com.patrolplanner.TestSupport.as("admin").multiPart("file", "andorra.osm.pbf", pbf, "application/octet-stream")
                .multiPart("kind", "roads").post("/api/imports").then().statusCode(200)
                .body("imported", org.hamcrest.Matchers.greaterThan(1000));
        long edges = (long) num("SELECT count(*) FROM road_edge WHERE source = ?1");
        com.patrolplanner.TestSupport.as("admin")
                .multiPart("file", "andorra.osm.pbf", "not a pbf".getBytes(), "application/octet-stream")
                .multiPart("kind", "roads").post("/api/imports").then().statusCode(422)
                .body("errors.field", org.hamcrest.Matchers.hasItem("file"));
        assertEquals(edges, (long) num("SELECT count(*) FROM road_edge WHERE source = ?1"), "all or nothing");
        com.patrolplanner.TestSupport.as("planner").get("/api/imports/kinds").then().statusCode(200)
                .body("$", org.hamcrest.Matchers.hasItem("roads"));
    }

    @Test
    void laVellaToEncampIsLongerThanTheGreatCircleButNotAbsurdly() {
        RoadTestData.ensureAndorra(handler, roads);
        double[] a = RoadTestData.LA_VELLA;
        double[] b = RoadTestData.ENCAMP;
        QuarkusTransaction.requiringNew().run(() -> {
            RoadNetwork.Snap sa = roads.snap(a[0], a[1]);
            RoadNetwork.Snap sb = roads.snap(b[0], b[1]);
            assertTrue(sa.metres() < 300 && sb.metres() < 300, "town centres are near a road: " + sa + " " + sb);
            RoadGraph byLength = roads.load(1.40, 42.42, 1.80, 42.66, true);
            double roadM = byLength.seconds(byLength.index(sa.nodeId()), byLength.index(sb.nodeId()));
            double gcM = Geodesy.distance(sa.lon(), sa.lat(), sb.lon(), sb.lat());
            System.out.printf("La Vella → Encamp: road %.0f m, great circle %.0f m, ratio %.3f (model detour %.3f)%n",
                    roadM, gcM, roadM / gcM, TravelModel.DEFAULT.detourFactor());
            assertTrue(roadM > gcM, "a road is never shorter than the great circle");
            assertTrue(roadM / gcM < 1.8, "the CG-2 follows the valley: ratio " + roadM / gcM);

            RoadNetwork.Matrix m = roads.matrix(new double[] {a[0], b[0]}, new double[] {a[1], b[1]},
                    TravelModel.DEFAULT, false);
            System.out.printf("minutes La Vella → Encamp %.1f, back %.1f; great-circle model %.1f; built %s%n",
                    m.minutes()[0][1], m.minutes()[1][0], TravelModel.DEFAULT.minutes(a[0], a[1], b[0], b[1], false),
                    m.travel().built());
            assertEquals(0, m.fallbackPairs());
            double fixedMin = TravelModel.DEFAULT.dayFixedS() / 60.0;
            // faster than 10 km/h and slower than 90 km/h over the road metres, beyond the fixed time
            double drive = m.minutes()[0][1] - fixedMin;
            assertTrue(drive > roadM / 1000 / 90 * 60 && drive < roadM / 1000 / 10 * 60, "drive minutes " + drive);
            // the checker's replay (in-memory snap, point-to-point Dijkstra) agrees with the PostGIS-built matrix
            assertEquals(m.minutes()[0][1], m.travel().minutes(a[0], a[1], b[0], b[1]), 1e-6);
            assertEquals(m.minutes()[1][0], m.travel().minutes(b[0], b[1], a[0], a[1]), 1e-6);
        });
    }
}
