package com.patrolplanner.geocode;

/**
 * One geocoding answer: a WGS-84 position, how it was found ({@link Level}), a confidence in 0..1, the gazetteer text it
 * matched and where that came from (e.g. {@code address-points:banff.csv}, {@code osm:andorra.osm.pbf},
 * {@code district}, {@code provider:amap}).
 */
public record Candidate(double lon, double lat, Level level, double confidence, String matched, String source,
        String districtCode) {

    /** How precise a candidate is, best first. */
    public enum Level {
        point, interpolated, street, place, district, city
    }

    public Candidate withConfidence(double c) {
        return new Candidate(lon, lat, level, Math.max(0, Math.min(1, c)), matched, source, districtCode);
    }
}
