package com.patrolplanner.campaign.rest;

import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A campaign as a client writes it. Dates ISO ({@code 2026-06-01}); times {@code HH:MM}; a window whose end is not
 * after its start runs past midnight. {@code version} is required on PUT (a stale one gets 409).
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
        Integer version) {

    public record TargetsInput(List<String> categories, Long zoneId, List<String> statuses, Boolean nearSchool,
            Integer minComplaints, Integer minDaysSinceInspection, List<Long> venueIds) {
    }

    /** {@code days}: SCHOOL_DAY, REST_DAY or ANY (default). */
    public record WindowInput(String name, String from, String to, List<String> categories, String days) {
    }
}
