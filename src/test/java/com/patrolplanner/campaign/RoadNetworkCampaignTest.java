package com.patrolplanner.campaign;

import static com.patrolplanner.TestSupport.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.patrolplanner.campaign.travel.TravelModels;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A campaign travelling over a road network: a small network of our own (six nodes on the equator, edges whose lengths
 * and speeds are chosen so that every shortest path can be worked out by hand), a team at one end, a venue on each
 * other node.
 */
@QuarkusTest
class RoadNetworkCampaignTest {
    static final String DATE = "2026-06-10"; // a Wednesday
    static final String SOURCE = "roads:hand-made-line";
    /** Node k (1…6) lies at lon 100 + 0.01 (k − 1), lat 0: far from every other test's data. */
    static final double[] NODE_LON = {0, 100.00, 100.01, 100.02, 100.03, 100.04, 100.05};
    /**
     * Two-way edges {from, to, length m, speed km/h}: seconds = length / (speed / 3.6).
     * 1–2: 1000 m at 36 km/h (10 m/s) = 100 s; 2–3: 1500 m at 54 km/h (15 m/s) = 100 s; 3–4: 2400 m at 72 km/h
     * (20 m/s) = 120 s; 4–5: 900 m at 18 km/h (5 m/s) = 180 s; 5–6: 3000 m at 60 km/h (50/3 m/s) = 180 s; and a bypass
     * 1–4: 2000 m at 36 km/h = 200 s (shorter than 1–2–3–4 = 320 s).
     */
    static final double[][] EDGES = {
        {1, 2, 1000, 36}, {2, 3, 1500, 54}, {3, 4, 2400, 72}, {4, 5, 900, 18}, {5, 6, 3000, 60}, {1, 4, 2000, 36},
    };
    /**
     * Fastest-path seconds between nodes, by hand from the edges above (row = from, column = to; index = node).
     * E.g. 2 → 4: via 3 = 100 + 120 = 220, via 1 and the bypass = 100 + 200 = 300, so 220; 1 → 6: 200 + 180 + 180 = 560.
     */
    static final double[][] PATH_S = {
        {},
        {0, 0, 100, 200, 200, 380, 560},
        {0, 100, 0, 100, 220, 400, 580},
        {0, 200, 100, 0, 120, 300, 480},
        {0, 200, 220, 120, 0, 180, 360},
        {0, 380, 400, 300, 180, 0, 180},
        {0, 560, 580, 480, 360, 180, 0},
    };

    @Inject
    EntityManager em;
    @Inject
    TravelModels models;

    /** Writes the hand-made network (the import's tables, as an import of kind roads would fill them). */
    void handMadeNetwork() {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("DELETE FROM road_node WHERE source = ?1").setParameter(1, SOURCE).executeUpdate();
            for (int k = 1; k < NODE_LON.length; k++) {
                em.createNativeQuery("INSERT INTO road_node (source, id, geom, connected) "
                        + "VALUES (?1, ?2, ST_SetSRID(ST_MakePoint(?3, 0), 4326), true)")
                        .setParameter(1, SOURCE).setParameter(2, (long) k).setParameter(3, NODE_LON[k]).executeUpdate();
            }
            long way = 1;
            for (double[] e : EDGES) {
                int a = (int) e[0];
                int b = (int) e[1];
                em.createNativeQuery("INSERT INTO road_edge (source, way_id, from_node, to_node, length_m, speed_kmh, "
                        + "oneway, highway, geom) VALUES (?1, ?2, ?3, ?4, ?5, ?6, false, 'residential', "
                        + "ST_SetSRID(ST_MakeLine(ST_MakePoint(?7, 0), ST_MakePoint(?8, 0)), 4326))")
                        .setParameter(1, SOURCE).setParameter(2, way++).setParameter(3, (long) a).setParameter(4, (long) b)
                        .setParameter(5, e[2]).setParameter(6, e[3]).setParameter(7, NODE_LON[a])
                        .setParameter(8, NODE_LON[b]).executeUpdate();
            }
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void campaignOnRoadsIsFeasibleAndDrivesTheFastestPaths() {
        handMadeNetwork();
        long team = CampaignFixtures.team("手绘路网组", NODE_LON[1], 0);
        CampaignFixtures.inspector("道路甲", "CERT-RD-A", team);
        CampaignFixtures.inspector("道路乙", "CERT-RD-B", team);
        List<Long> venues = new ArrayList<>(); // venue i sits on node i + 2
        for (int k = 2; k < NODE_LON.length; k++) {
            venues.add(CampaignFixtures.venue("路网网吧" + k, "internet_cafe", NODE_LON[k], 0, "08:00-24:00", k));
        }
        Map<String, Object> body = CampaignFixtures.campaign("道路网络巡查 " + CampaignFixtures.RUN, "ROUTINE", DATE,
                List.of(team), Map.of("venueIds", venues));
        body.put("travel", "ROAD_NETWORK");
        long id = CampaignFixtures.createCampaign(body);
        int version = as("planner").get("/api/campaigns/" + id).then().statusCode(200)
                .body("travel", equalTo("ROAD_NETWORK")).extract().path("version");
        // a client that does not know the field (PUT without travel) leaves it as it was
        Map<String, Object> put = new HashMap<>(body);
        put.remove("travel");
        put.put("version", version);
        as("planner").contentType(ContentType.JSON).body(put).put("/api/campaigns/" + id).then().statusCode(200)
                .body("travel", equalTo("ROAD_NETWORK"));

        assertEquals("DONE", PlanApiTest.await(PlanApiTest.solve(id, DATE, 3)));
        Map<String, Object> plan = as("planner").get("/api/campaigns/" + id + "/plan").then().statusCode(200)
                .body("feasible", equalTo(true)).body("violations", hasSize(0))
                .body("travelModel.model", equalTo("ROAD_NETWORK")).body("travelModel.fallbackPairs", equalTo(0))
                .extract().path("$");
        int stops = PlanChecks.assertFeasible(plan);
        assertEquals(5, stops, "a day shift reaches all five venues of a 5 km road");

        // Every venue sits on a node (no crawl to or from the road), so a leg from node a to node b takes
        // (the day's fixed seconds per trip + PATH_S[a][b]) / 60 minutes. The fixed seconds are the calibrated
        // parameter of the travel model in force (TravelModel.dayFixedS), not a computed value.
        double fixedS = models.current().dayFixedS();
        Map<String, Object> route = ((List<Map<String, Object>>) plan.get("routes")).get(0);
        int at = 1;
        double total = 0;
        for (Map<String, Object> s : (List<Map<String, Object>>) route.get("stops")) {
            int to = venues.indexOf(((Number) s.get("venueId")).longValue()) + 2;
            double expected = (fixedS + PATH_S[at][to]) / 60.0;
            assertEquals(expected, ((Number) s.get("travelMinutes")).doubleValue(), 0.051,
                    "leg node " + at + " → node " + to);
            total += expected;
            at = to;
        }
        total += (fixedS + PATH_S[at][1]) / 60.0;
        assertEquals(total, ((Number) route.get("travelMinutes")).doubleValue(), 0.051 * (stops + 1));
    }

    @Test
    void roadNetworkFarFromTheTeamsIs422NamingTravel() {
        long weifang = CampaignFixtures.team("潍坊道路组", 119.15, 36.70);
        Map<String, Object> body = CampaignFixtures.campaign("无路网 " + CampaignFixtures.RUN, "ROUTINE", DATE,
                List.of(weifang), Map.of());
        body.put("travel", "ROAD_NETWORK");
        // no network at all, or only networks thousands of km away (Andorra, the hand-made one): either way the field is travel
        as("planner").contentType(ContentType.JSON).body(body).post("/api/campaigns").then().statusCode(422)
                .contentType("application/problem+json").body("errors.field", hasItem("travel"));
        body.put("travel", "BY_HELICOPTER");
        as("planner").contentType(ContentType.JSON).body(body).post("/api/campaigns").then().statusCode(422)
                .body("errors.field", hasItem("travel"));
        body.put("travel", "GREAT_CIRCLE");
        long id = CampaignFixtures.createCampaign(body);
        as("planner").get("/api/campaigns/" + id).then().statusCode(200).body("travel", equalTo("GREAT_CIRCLE"));
    }
}
