package com.patrolplanner.campaign.travel;

import com.patrolplanner.i18n.Messages;
import java.util.Arrays;
import java.util.Locale;

/** How a campaign's travel times are computed. */
public enum TravelKind {
    /** Great-circle distance × the calibrated detour factor at day or night speed ({@link TravelModel}); the default. */
    GREAT_CIRCLE,
    /** Shortest paths over the imported OSM road network ({@link RoadNetwork}). */
    ROAD_NETWORK;

    /** The stored value (null = default) as a kind. */
    public static TravelKind of(String stored) {
        return stored == null ? GREAT_CIRCLE : valueOf(stored);
    }

    /** Parses client input (case-insensitive); null = default; otherwise IllegalArgumentException naming the choices. */
    public static TravelKind parse(String s) {
        if (s == null || s.isBlank()) {
            return GREAT_CIRCLE;
        }
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(Messages.of("campaign.travelOneOf", Arrays.toString(values()), s));
        }
    }
}
