package com.patrolplanner.campaign;

import static com.patrolplanner.TestSupport.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.patrolplanner.campaign.travel.RoadImportHandler;
import com.patrolplanner.campaign.travel.RoadNetwork;
import com.patrolplanner.campaign.travel.RoadTestData;
import com.patrolplanner.campaign.travel.TravelModel;
import com.patrolplanner.campaign.travel.TravelModels;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A campaign travelling over the imported road network: Andorra's roads, a team and venues placed there. */
@QuarkusTest
class RoadNetworkCampaignTest {
    static final String DATE = "2026-06-10"; // a Wednesday

    @Inject
    RoadImportHandler handler;
    @Inject
    RoadNetwork roads;
    @Inject
    TravelModels models;

    @Test
    @SuppressWarnings("unchecked")
    void andorraCampaignOnRoadsIsFeasibleAndUsesTheRoadMatrix() {
        RoadTestData.ensureAndorra(handler, roads);
        double[] base = RoadTestData.LA_VELLA;
        long team = CampaignFixtures.team("安道尔组", base[0], base[1]);
        CampaignFixtures.inspector("道路甲", "CERT-RD-A", team);
        CampaignFixtures.inspector("道路乙", "CERT-RD-B", team);
        double[][] places = {
            {1.5215, 42.5080}, // Andorra la Vella
            {1.5340, 42.5095}, // Escaldes-Engordany
            {1.5810, 42.5347}, // Encamp
            {1.4910, 42.4640}, // Sant Julià de Lòria
            {1.5150, 42.5450}, // La Massana
        };
        List<Long> venues = new ArrayList<>();
        Map<Long, double[]> where = new HashMap<>();
        for (int i = 0; i < places.length; i++) {
            long v = CampaignFixtures.venue("安道尔网吧" + i, "internet_cafe", places[i][0], places[i][1], "08:00-24:00", i);
            venues.add(v);
            where.put(v, places[i]);
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
        System.out.println("road plan travel model: " + plan.get("travelModel"));
        int stops = PlanChecks.assertFeasible(plan);
        assertTrue(stops >= 4, "a day shift reaches most of five venues in a small country: " + stops);

        // the plan's legs are the road matrix over the same points (base first, then the venues)
        double[] lon = new double[places.length + 1];
        double[] lat = new double[places.length + 1];
        lon[0] = base[0];
        lat[0] = base[1];
        for (int i = 0; i < places.length; i++) {
            lon[i + 1] = places[i][0];
            lat[i + 1] = places[i][1];
        }
        TravelModel model = models.current();
        double[][] road = QuarkusTransaction.requiringNew().call(() -> roads.matrix(lon, lat, model, false).minutes());
        Map<String, Object> route = ((List<Map<String, Object>>) plan.get("routes")).get(0);
        int at = 0;
        double total = 0;
        boolean differsFromGreatCircle = false;
        for (Map<String, Object> s : (List<Map<String, Object>>) route.get("stops")) {
            int to = venues.indexOf(((Number) s.get("venueId")).longValue()) + 1;
            double expected = road[at][to];
            assertEquals(expected, ((Number) s.get("travelMinutes")).doubleValue(), 0.051, "leg to " + s.get("name"));
            double gc = model.minutes(lon[at], lat[at], lon[to], lat[to], false);
            differsFromGreatCircle |= Math.abs(gc - expected) > 0.5;
            total += expected;
            at = to;
        }
        total += road[at][0];
        assertEquals(total, ((Number) route.get("travelMinutes")).doubleValue(), 0.051 * (stops + 1));
        assertTrue(differsFromGreatCircle, "road minutes should not just be the great-circle model");
    }

    @Test
    void roadNetworkFarFromTheTeamsIs422NamingTravel() {
        long weifang = CampaignFixtures.team("潍坊道路组", 119.15, 36.70);
        Map<String, Object> body = CampaignFixtures.campaign("无路网 " + CampaignFixtures.RUN, "ROUTINE", DATE,
                List.of(weifang), Map.of());
        body.put("travel", "ROAD_NETWORK");
        // no network at all, or Andorra's 9 000 km away: either way the field is travel
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
