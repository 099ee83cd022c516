package com.patrolplanner.geo;

import com.patrolplanner.i18n.Messages;
import java.util.Locale;

/**
 * The coordinate systems that Chinese sources hand us. We store WGS-84 only; everything else is converted on the way in
 * and the source datum is recorded next to the converted point.
 */
public enum Datum {
    /** WGS-84 (EPSG:4326): GPS, OpenStreetMap, Nominatim. */
    WGS84,
    /** CGCS2000 (EPSG:4490): Tianditu and government surveys; differs from WGS-84 by under a metre, taken as equal. */
    CGCS2000,
    /** GCJ-02 ("Mars coordinates"): Amap/高德, Tencent; an obfuscated WGS-84 with offsets of 100–700 m. */
    GCJ02,
    /** BD-09: Baidu's further offset of GCJ-02. */
    BD09;

    /** Parses WGS84 / wgs-84 / GCJ02 / gcj-02 / BD09 / bd-09 / CGCS2000; null or blank means WGS84. */
    public static Datum parse(String s) {
        if (s == null || s.isBlank()) {
            return WGS84;
        }
        String k = s.trim().toUpperCase(Locale.ROOT).replace("-", "").replace("_", "").replace(":", "");
        return switch (k) {
            case "WGS84", "EPSG4326", "4326", "GPS" -> WGS84;
            case "CGCS2000", "EPSG4490", "4490" -> CGCS2000;
            case "GCJ02", "GCJ", "AMAP", "MARS" -> GCJ02;
            case "BD09", "BD09LL", "BAIDU" -> BD09;
            default -> throw new IllegalArgumentException(Messages.of("geo.unknownDatum", s));
        };
    }

    /** Converts a lon/lat in this datum to WGS-84: {lon, lat}. */
    public double[] toWgs84(double lon, double lat) {
        return switch (this) {
            case WGS84, CGCS2000 -> new double[] {lon, lat};
            case GCJ02 -> ChinaDatum.gcj02ToWgs84(lon, lat);
            case BD09 -> {
                double[] g = ChinaDatum.bd09ToGcj02(lon, lat);
                yield ChinaDatum.gcj02ToWgs84(g[0], g[1]);
            }
        };
    }

    /** Converts a WGS-84 lon/lat into this datum (to line data up with a GCJ-02 or BD-09 basemap). */
    public double[] fromWgs84(double lon, double lat) {
        return switch (this) {
            case WGS84, CGCS2000 -> new double[] {lon, lat};
            case GCJ02 -> ChinaDatum.wgs84ToGcj02(lon, lat);
            case BD09 -> {
                double[] g = ChinaDatum.wgs84ToGcj02(lon, lat);
                yield ChinaDatum.gcj02ToBd09(g[0], g[1]);
            }
        };
    }
}
