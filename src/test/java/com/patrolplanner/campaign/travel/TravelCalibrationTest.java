package com.patrolplanner.campaign.travel;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.patrolplanner.geocode.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fits the travel model on the shared Amap routes and prints the calibration and its error. */
class TravelCalibrationTest {
    static final Path ROUTES = SharedData.file("routes/amap_driving_routes_gcj02.csv");

    @Test
    void calibrationOnAmapRoutes() throws Exception {
        assertTrue(Files.isRegularFile(ROUTES), ROUTES + " is missing: this test needs ../shared/data");
        List<TravelCalibration.Route> routes = TravelCalibration.read(ROUTES);
        TravelCalibration.Result r = TravelCalibration.fit(routes);
        System.out.println(r.describe());
        for (TravelCalibration.Route route : routes) {
            if (TravelCalibration.usable(route)) {
                System.out.printf("  %-6s gc %7.0f m road %7.0f m (×%.2f) %5.0f s  %.1f km/h%n", route.city(),
                        route.greatCircleM(), route.roadM(), route.roadM() / route.greatCircleM(), route.durationS(),
                        route.roadM() / route.durationS() * 3.6);
            }
        }
        // the figures must be physically plausible for driving in Chinese cities
        assertTrue(r.detourFactor() > 1.0 && r.detourFactor() < 2.0, "detour " + r.detourFactor());
        assertTrue(r.daySpeedKmh() > 10 && r.daySpeedKmh() < 90, "day speed " + r.daySpeedKmh());
        assertTrue(r.nightSpeedKmh() >= r.daySpeedKmh(), "night no slower than day");
        assertTrue(r.routesUsed() >= 10, "routes used " + r.routesUsed());
    }
}
