package com.patrolplanner.campaign.travel;

import com.patrolplanner.geo.Geodesy;

/**
 * Travel between two points: great-circle distance × detour factor is the road distance, driven at the day or night
 * speed plus a fixed time per trip. {@link #DEFAULT} is the calibration on the shared Amap routes (see
 * {@link TravelCalibration}); a fresh calibration replaces it when the route file is present.
 */
public record TravelModel(double detourFactor, double dayFixedS, double daySpeedKmh, double nightFixedS,
        double nightSpeedKmh) {

    /** Fallback when the route file is absent; rounded from the calibration printed by {@code ./planner bench travel}. */
    public static final TravelModel DEFAULT = new TravelModel(1.461, 395, 57.2, 329, 59.0);

    public double roadMetres(double lon1, double lat1, double lon2, double lat2) {
        return Geodesy.distance(lon1, lat1, lon2, lat2) * detourFactor;
    }

    /** Minutes from one point to another; zero for the same point. */
    public double minutes(double lon1, double lat1, double lon2, double lat2, boolean night) {
        double road = roadMetres(lon1, lat1, lon2, lat2);
        if (road < 1.0) {
            return 0.0;
        }
        double fixed = night ? nightFixedS : dayFixedS;
        double speed = (night ? nightSpeedKmh : daySpeedKmh) / 3.6;
        return (fixed + road / speed) / 60.0;
    }
}
