package com.patrolplanner.coverage;

import static com.patrolplanner.TestSupport.as;
import static com.patrolplanner.coverage.Fixtures.inspect;
import static com.patrolplanner.coverage.Fixtures.officers;
import static com.patrolplanner.coverage.Fixtures.venue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.uber.h3core.util.LatLng;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HotSpotApiTest {

    /*
     * 37 res-9 cells (a centre and three rings), one internet café at each centre. The centre and its six neighbours get
     * 6 violations each, the other 30 cells none. Gi* at the centre by hand: n = 37, X̄ = 42/37 = 1.1351,
     * S = sqrt(7·36/37 − 1.1351²) = 2.34995; W = 7, Σwx = 42 → z = (42 − 7.94595) / (2.34995·sqrt((37·7 − 49)/36))
     * = 34.05405 / 5.67567 = 6.000.
     */
    @Test
    void violationClusterIsA99PercentHotSpot() {
        long centre = HexCells.cell(101.0, 31.0, 9);
        List<Long> disk = HexCells.h3().gridDisk(centre, 3);
        Set<Long> hot = new HashSet<>(HexCells.h3().gridDisk(centre, 1));
        List<Integer> two = officers(2);
        double minLon = 180, minLat = 90, maxLon = -180, maxLat = -90;
        for (long cell : disk) {
            LatLng p = HexCells.h3().cellToLatLng(cell);
            minLon = Math.min(minLon, p.lng);
            maxLon = Math.max(maxLon, p.lng);
            minLat = Math.min(minLat, p.lat);
            maxLat = Math.max(maxLat, p.lat);
            int v = venue("internet_cafe", p.lng, p.lat);
            if (hot.contains(cell)) {
                List<String> three = List.of("cafe_outside_hours", "cafe_minors_admitted", "cafe_id_not_checked");
                inspect(v, "2024-03-05T22:00:00+08:00", two, "violation", three);
                inspect(v, "2024-03-19T22:00:00+08:00", two, "violation", three);
            } else {
                inspect(v, "2024-03-06T10:00:00+08:00", two, "compliant", null);
            }
        }
        String bbox = (minLon - 0.0005) + "," + (minLat - 0.0005) + "," + (maxLon + 0.0005) + "," + (maxLat + 0.0005);
        JsonPath r = as("manager").get("/api/coverage/hotspots?bbox=" + bbox + "&res=9&from=2024-03-01&to=2024-03-31")
                .then().statusCode(200).contentType("application/geo+json").extract().jsonPath();
        assertEquals(37, r.getInt("features_analysed"));
        Map<String, Object> c = r.getMap("features.find { it.id == '" + HexCells.h3().h3ToString(centre) + "' }.properties");
        assertEquals(6.000, ((Number) c.get("z")).doubleValue(), 0.001);
        assertEquals(3, c.get("bin"));
        assertEquals(6, c.get("neighbours"));
        List<Map<String, Object>> props = r.getList("features.properties");
        for (Map<String, Object> p : props) {
            int bin = (int) p.get("bin");
            double pv = ((Number) p.get("p")).doubleValue();
            assertTrue(bin >= -3 && bin <= 3);
            assertTrue(pv >= 0 && pv <= 1);
        }
        // the outer ring is never a hot spot
        for (long cell : HexCells.h3().gridRing(centre, 3)) {
            Map<String, Object> p = r.getMap("features.find { it.id == '" + HexCells.h3().h3ToString(cell) + "' }.properties");
            assertTrue((int) p.get("bin") <= 0);
        }
    }
}
