package com.patrolplanner.compliance;

import com.patrolplanner.sql.Row;


/**
 * One venue within a rule's distance of a school (a verdict): {@code distanceM} is the geodesic distance from the venue
 * to the campus boundary in metres, one decimal, 0 inside the campus; {@code approximate} when the school has no campus
 * polygon and its point was used.
 */
public record Violation(long venueId, String venueName, String licenceNo, String category, String venueStatus,
        String address, String districtCode, double lon, double lat, long schoolId, String schoolName, String schoolLevel,
        double distanceM, boolean approximate, String ruleCode, double ruleDistanceM, String jurisdiction,
        String legalBasis) {

    static Violation of(Row rs) {
        return new Violation(rs.getLong("venue_id"), rs.getString("venue_name"), rs.getString("licence_no"),
                rs.getString("category"), rs.getString("status"), rs.getString("address"), rs.getString("district_code"),
                rs.getDouble("lon"), rs.getDouble("lat"), rs.getLong("school_id"), rs.getString("school_name"),
                rs.getString("school_level"), rs.getBigDecimal("distance_m").doubleValue(), rs.getBoolean("approximate"),
                rs.getString("rule_code"), rs.getDouble("rule_distance_m"), rs.getString("jurisdiction"),
                rs.getString("legal_basis"));
    }

    /** Column names of the CSV and XLSX exports, in order. */
    static final String[] COLUMNS = {"venue_id", "venue_name", "licence_no", "category", "venue_status", "address",
        "district_code", "lon", "lat", "school_id", "school_name", "school_level", "distance_m", "approximate", "rule",
        "rule_distance_m", "jurisdiction", "legal_basis"};

    Object[] values() {
        return new Object[] {venueId, venueName, licenceNo, category, venueStatus, address, districtCode, lon, lat, schoolId,
            schoolName, schoolLevel, distanceM, approximate, ruleCode, ruleDistanceM, jurisdiction, legalBasis};
    }
}
