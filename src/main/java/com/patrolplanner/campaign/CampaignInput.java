package com.patrolplanner.campaign;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.util.List;

/**
 * A campaign as a client writes it. Dates ISO ({@code 2026-06-01}); times {@code HH:MM}; a window whose end is not
 * after its start runs past midnight. {@code version} is required on PUT (a stale one gets 409). {@code travel}:
 * {@code GREAT_CIRCLE} (default) or {@code ROAD_NETWORK} (shortest paths over an imported OSM road network; every team
 * base must lie within {@link com.patrolplanner.campaign.CampaignService#ROAD_SNAP_LIMIT_M} m of it); omitted on PUT it
 * stays as it was.
 */
public record CampaignInput(
        @Size(max = 200) String name,
        String type,
        String startDate,
        String endDate,
        TargetsInput targets,
        List<Long> teamIds,
        List<WindowInput> windows,
        Long stakeoutVenueId,
        String shiftStart,
        String shiftEnd,
        Integer strikeMinutes,
        String status,
        Integer version,
        @Schema(description = "How travel times are computed: GREAT_CIRCLE (default; great-circle distance × the "
                + "calibrated detour factor at day/night speed) or ROAD_NETWORK (shortest paths over the OSM road network "
                + "imported with POST /api/imports kind=roads; every team base within 1 km of it, else 422 on this field); "
                + "omitted on PUT: unchanged",
                enumeration = {"GREAT_CIRCLE", "ROAD_NETWORK"}, defaultValue = "GREAT_CIRCLE")
        String travel,
        @Schema(description = "The unit (执法机构) the campaign belongs to: default the creator's; a city planner may name a "
                + "unit below (422 on this field for a unit outside the creator's)") Long unitId) {

    /** Without {@code travel}: great-circle travel (the default). */
    public CampaignInput(String name, String type, String startDate, String endDate, TargetsInput targets,
            List<Long> teamIds, List<WindowInput> windows, Long stakeoutVenueId, String shiftStart, String shiftEnd,
            Integer strikeMinutes, String status, Integer version) {
        this(name, type, startDate, endDate, targets, teamIds, windows, stakeoutVenueId, shiftStart, shiftEnd,
                strikeMinutes, status, version, null, null);
    }

    /** Without {@code unitId}: the creator's unit. */
    public CampaignInput(String name, String type, String startDate, String endDate, TargetsInput targets,
            List<Long> teamIds, List<WindowInput> windows, Long stakeoutVenueId, String shiftStart, String shiftEnd,
            Integer strikeMinutes, String status, Integer version, String travel) {
        this(name, type, startDate, endDate, targets, teamIds, windows, stakeoutVenueId, shiftStart, shiftEnd,
                strikeMinutes, status, version, travel, null);
    }

    public record TargetsInput(List<String> categories, Long zoneId, List<String> statuses, Boolean nearSchool,
            Integer minComplaints, Integer minDaysSinceInspection, List<Long> venueIds) {
    }

    /** {@code days}: SCHOOL_DAY, REST_DAY or ANY (default). */
    public record WindowInput(String name, String from, String to, List<String> categories, String days) {
    }
}
