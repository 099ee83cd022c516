package com.patrolplanner.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.patrolplanner.campaign.domain.CategoryProfile;
import com.patrolplanner.geo.Geodesy;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An independent feasibility check of a plan as the API returns it (JSON), sharing no code with the solver or its
 * checker: stops start inside their windows, times chain (departure + drive = next arrival), the check lasts the
 * category's minutes, teams leave after shift start and are back by shift end, each venue is visited once, every team
 * that goes out has two certified officers, and no drive is faster than 80 km/h as the crow flies.
 */
final class PlanChecks {
    private PlanChecks() {
    }

    @SuppressWarnings("unchecked")
    static int assertFeasible(Map<String, Object> plan) {
        Set<Object> venues = new HashSet<>();
        boolean stakeout = "STAKEOUT".equals(plan.get("campaignType")); // a stake-out lasts its whole window
        int stops = 0;
        for (Map<String, Object> r : (List<Map<String, Object>>) plan.get("routes")) {
            List<Map<String, Object>> ss = (List<Map<String, Object>>) r.get("stops");
            if (ss.isEmpty()) {
                continue;
            }
            long certified = ((List<Map<String, Object>>) r.get("members")).stream()
                    .filter(m -> Boolean.TRUE.equals(m.get("certified"))).count();
            assertTrue(certified >= 2, "team " + r.get("teamName") + " goes out with " + certified + " certified officers");
            OffsetDateTime clock = t(r.get("shiftStart"));
            double lon = num(r.get("baseLon"));
            double lat = num(r.get("baseLat"));
            for (Map<String, Object> s : ss) {
                stops++;
                if (!venues.add(s.get("venueId"))) {
                    fail("venue " + s.get("venueId") + " visited twice");
                }
                OffsetDateTime arrival = t(s.get("arrival"));
                OffsetDateTime start = t(s.get("start"));
                OffsetDateTime departure = t(s.get("departure"));
                double drive = num(s.get("travelMinutes"));
                if (s.get("seq").equals(1)) {
                    // the team may leave base later than its shift start rather than wait at the first stop
                    assertTrue(minutes(clock, arrival) >= drive - 0.2, "arrives before it could at " + s.get("name"));
                } else {
                    assertEquals(minutes(clock, arrival), drive, 0.2, "arrival = previous departure + drive at " + s.get("name"));
                }
                double crow = Geodesy.distance(lon, lat, num(s.get("lon")), num(s.get("lat")));
                assertTrue(crow / 1000.0 / (Math.max(drive, 1e-9) / 60.0) <= 80.0 || crow < 1.0, "too fast to " + s.get("name"));
                assertTrue(!start.isBefore(arrival), "starts before arriving at " + s.get("name"));
                assertTrue(!start.isBefore(t(s.get("windowStart"))), "starts before its window at " + s.get("name"));
                assertTrue(!start.isAfter(t(s.get("windowEnd")).plusSeconds(1)), "starts after its window at " + s.get("name"));
                if (!stakeout) {
                    assertEquals(CategoryProfile.serviceMinutes((String) s.get("category")), minutes(start, departure),
                            0.02, "check length at " + s.get("name"));
                }
                clock = departure;
                lon = num(s.get("lon"));
                lat = num(s.get("lat"));
            }
            OffsetDateTime back = t(r.get("backAtBase"));
            assertTrue(!back.isBefore(clock), "back before leaving the last stop");
            assertTrue(!back.isAfter(t(r.get("shiftEnd")).plusSeconds(1)), "team " + r.get("teamName") + " back after shift end");
        }
        return stops;
    }

    private static OffsetDateTime t(Object iso) {
        return OffsetDateTime.parse((String) iso);
    }

    private static double minutes(OffsetDateTime a, OffsetDateTime b) {
        return ChronoUnit.SECONDS.between(a, b) / 60.0;
    }

    private static double num(Object o) {
        return ((Number) o).doubleValue();
    }
}
