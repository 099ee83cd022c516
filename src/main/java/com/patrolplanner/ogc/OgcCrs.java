package com.patrolplanner.ogc;

import com.patrolplanner.i18n.Messages;
import com.patrolplanner.web.ApiException;
import java.util.List;

/**
 * The coordinate reference systems the features are served in (OGC API – Features Part 2). Data are stored in WGS-84
 * (SRID 4326). CGCS2000 (EPSG:4490) is realised to within a few centimetres of WGS-84 (ITRF-based both): at the
 * accuracy of a venue register their coordinates are the same numbers, so serving CGCS2000 only changes the axis order:
 * EPSG:4490 is latitude, longitude; CRS84 is longitude, latitude.
 */
public enum OgcCrs {
    CRS84("http://www.opengis.net/def/crs/OGC/1.3/CRS84", false),
    CGCS2000("http://www.opengis.net/def/crs/EPSG/0/4490", true);

    public static final List<String> URIS = List.of(CRS84.uri, CGCS2000.uri);

    public final String uri;
    /** Coordinates in latitude, longitude order. */
    public final boolean latLon;

    OgcCrs(String uri, boolean latLon) {
        this.uri = uri;
        this.latLon = latLon;
    }

    /** The CRS of a {@code crs}/{@code bbox-crs} parameter or {@code Content-Crs} header; null or blank = CRS84. */
    public static OgcCrs parse(String value, String param) {
        if (value == null || value.isBlank()) {
            return CRS84;
        }
        String v = value.trim();
        if (v.startsWith("<") && v.endsWith(">")) {
            v = v.substring(1, v.length() - 1);
        }
        if (v.startsWith("[") && v.endsWith("]")) {
            v = v.substring(1, v.length() - 1);
        }
        v = v.replaceFirst("^https://", "http://");
        for (OgcCrs c : values()) {
            if (c.uri.equals(v)) {
                return c;
            }
        }
        switch (v.toUpperCase()) {
            case "CRS84", "OGC:CRS84" -> {
                return CRS84;
            }
            case "EPSG:4490" -> {
                return CGCS2000;
            }
            default -> throw ApiException.badRequest(param, Messages.of("ogc.crs", value, URIS));
        }
    }

    /** Lon/lat of a coordinate pair given in this CRS's axis order. */
    public double[] toLonLat(double a, double b) {
        return latLon ? new double[] {b, a} : new double[] {a, b};
    }

    /** The source datum recorded for coordinates a client sent in this CRS. */
    public String datum() {
        return this == CGCS2000 ? "CGCS2000" : "WGS84";
    }
}
