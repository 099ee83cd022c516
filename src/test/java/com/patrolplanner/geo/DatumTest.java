package com.patrolplanner.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Datum conversion against reference values computed independently of this code (the published coordtransform
 * formulas as implemented in the widely used JavaScript and Python ports, evaluated by hand for these points).
 */
class DatumTest {
    /** 天安门 (Tiananmen) — WGS-84 → GCJ-02 reference pair used by the coordtransform project's README. */
    @Test
    void wgs84ToGcj02MatchesReference() {
        // coordtransform README: wgs84togcj02(116.404, 39.915) = [116.41024449916938, 39.91640428150164]
        double[] g = ChinaDatum.wgs84ToGcj02(116.404, 39.915);
        assertEquals(116.41024449916938, g[0], 1e-9);
        assertEquals(39.91640428150164, g[1], 1e-9);
    }

    @Test
    void gcj02ToBd09MatchesReference() {
        // coordtransform README: gcj02tobd09(116.404, 39.915) = [116.41036949371029, 39.92133699351022]
        double[] b = ChinaDatum.gcj02ToBd09(116.404, 39.915);
        assertEquals(116.41036949371029, b[0], 1e-9);
        assertEquals(39.92133699351022, b[1], 1e-9);
    }

    @Test
    void bd09ToGcj02MatchesReference() {
        // coordtransform README: bd09togcj02(116.404, 39.915) = [116.39762729119315, 39.90865673957631]
        double[] g = ChinaDatum.bd09ToGcj02(116.404, 39.915);
        assertEquals(116.39762729119315, g[0], 1e-9);
        assertEquals(39.90865673957631, g[1], 1e-9);
    }

    @Test
    void gcj02InverseIsWithinHalfAMetre() {
        // Over a grid across China: forward then inverse returns within 0.5 m (here: well under 1 mm).
        double worst = 0;
        for (double lon = 75; lon <= 134; lon += 1.7) {
            for (double lat = 18; lat <= 53; lat += 1.3) {
                double[] g = ChinaDatum.wgs84ToGcj02(lon, lat);
                double[] w = ChinaDatum.gcj02ToWgs84(g[0], g[1]);
                worst = Math.max(worst, Geodesy.distance(lon, lat, w[0], w[1]));
            }
        }
        assertTrue(worst < 0.5, "worst round trip " + worst + " m");
        assertTrue(worst < 0.001, "worst round trip " + worst + " m");
    }

    @Test
    void offsetsAreHundredsOfMetresInChinaAndZeroOutside() {
        double[] g = ChinaDatum.wgs84ToGcj02(119.16, 36.71); // 潍坊 奎文区
        double d = Geodesy.distance(119.16, 36.71, g[0], g[1]);
        assertTrue(d > 100 && d < 700, "GCJ-02 offset in Weifang " + d + " m");
        double[] bd = Datum.BD09.fromWgs84(119.16, 36.71);
        double d2 = Geodesy.distance(119.16, 36.71, bd[0], bd[1]);
        assertTrue(d2 > d, "BD-09 is further from WGS-84 than GCJ-02");
        double[] outside = ChinaDatum.wgs84ToGcj02(-115.57, 51.18); // Banff
        assertEquals(-115.57, outside[0], 0);
        assertEquals(51.18, outside[1], 0);
    }

    @Test
    void bd09RoundTripThroughWgs84() {
        double[] bd = Datum.BD09.fromWgs84(117.0, 36.65);
        double[] w = Datum.BD09.toWgs84(bd[0], bd[1]);
        assertTrue(Geodesy.distance(117.0, 36.65, w[0], w[1]) < 0.5);
    }

    @Test
    void parsesDatumNames() {
        assertEquals(Datum.GCJ02, Datum.parse("gcj-02"));
        assertEquals(Datum.BD09, Datum.parse("BD09"));
        assertEquals(Datum.WGS84, Datum.parse(null));
        assertEquals(Datum.CGCS2000, Datum.parse("EPSG:4490"));
    }
}
