package com.patrolplanner.geo;

import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;

/** Distances and positions on the WGS-84 ellipsoid (Karney's geodesics, accurate to nanometres). */
public final class Geodesy {
    private Geodesy() {
    }

    /** Geodesic distance in metres between two lon/lat points. */
    public static double distance(double lon1, double lat1, double lon2, double lat2) {
        return Geodesic.WGS84.Inverse(lat1, lon1, lat2, lon2).s12;
    }

    /** The point reached from lon/lat by going {@code metres} along the initial azimuth (degrees clockwise from north). */
    public static double[] destination(double lon, double lat, double azimuthDeg, double metres) {
        GeodesicData d = Geodesic.WGS84.Direct(lat, lon, azimuthDeg, metres);
        return new double[] {d.lon2, d.lat2};
    }

    /** Initial azimuth in degrees from point 1 to point 2. */
    public static double azimuth(double lon1, double lat1, double lon2, double lat2) {
        return Geodesic.WGS84.Inverse(lat1, lon1, lat2, lon2).azi1;
    }
}
