package com.patrolplanner.coverage;

import com.patrolplanner.i18n.Messages;
import com.uber.h3core.H3Core;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The hex grid of the statistics: Uber H3 at resolution 8 (average cell area 0.74 km², edge ≈ 530 m) and 9
 * (0.105 km², edge ≈ 200 m). H3 was chosen over ST_HexagonGrid because its cell ids are global and stable (no metric
 * projection, hence no UTM zone to pick for a country that spans eleven of them), a cell's neighbours are a library call
 * (needed for Gi* weights), and the ids can be computed once per venue and stored as bigint.
 */
public final class HexCells {
    public static final int COARSE = 8;
    public static final int FINE = 9;
    private static final H3Core H3;

    static {
        try {
            H3 = H3Core.newInstance();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HexCells() {
    }

    public static H3Core h3() {
        return H3;
    }

    public static long cell(double lon, double lat, int res) {
        return H3.latLngToCell(lat, lon, res);
    }

    public static int checkRes(Integer res) {
        int r = res == null ? FINE : res;
        if (r != COARSE && r != FINE) {
            throw new IllegalArgumentException("res: " + Messages.of("coverage.resH3"));
        }
        return r;
    }

    /** The cell's hexagon as WKT (lon lat, closed ring), for SQL that draws cells (vector tiles). */
    public static String wkt(long cell) {
        java.util.List<com.uber.h3core.util.LatLng> ring = H3.cellToBoundary(cell);
        StringBuilder sb = new StringBuilder(200).append("POLYGON((");
        for (int i = 0; i <= ring.size(); i++) {
            com.uber.h3core.util.LatLng p = ring.get(i % ring.size());
            sb.append(i == 0 ? "" : ",").append(p.lng).append(' ').append(p.lat);
        }
        return sb.append("))").toString();
    }

    /** The cell's id as H3 writes it (hex). */
    public static String address(long cell) {
        return H3.h3ToString(cell);
    }
}
