package com.patrolplanner.complaint;

/**
 * A complaint as taken in ({@code POST /api/complaints}). The subject is one of: {@code venueId} (a registered venue),
 * {@code address} (geocoded unless {@code lon}/{@code lat} are given too), or {@code lon}/{@code lat} (a point, in
 * {@code datum}: WGS84 default, GCJ02, BD09). {@code receivedAt}: ISO timestamp with offset, or a date; default now.
 * {@code category}: the venue category (from the venue when one is named; required otherwise).
 */
public record ComplaintInput(String source, String referredBy, String receivedAt, Long venueId, String address,
        Double lon, Double lat, String datum, String district, String category, String content, String reporterName,
        String reporterContact) {
}
