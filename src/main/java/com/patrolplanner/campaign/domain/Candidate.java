package com.patrolplanner.campaign.domain;

import java.util.Map;

/**
 * A venue a campaign targets, with the facts that set its priority.
 *
 * @param daysSinceInspection days since the last recorded inspection before the campaign starts; null = never
 * @param zoneKey the zone it lies in (zone id when zones exist, else the district code); strata and strikes use it
 */
public record Candidate(long id, int version, String name, String category, String status, String address,
        String licenceNo, double lon, double lat, Map<String, String> openingHours, int complaints, String zoneKey,
        boolean nearSchool, Integer daysSinceInspection) {

    /**
     * Priority of checking this venue (higher first): complaints, time since the last check, being near a school and
     * being unlicensed raise it. A plain integer so a planner can read the medium score.
     */
    public int priority() {
        int p = 10;
        p += Math.min(complaints, 10) * 5;
        p += daysSinceInspection == null ? 30 : Math.min(daysSinceInspection, 180) / 6;
        p += nearSchool ? 40 : 0;
        p += "unlicensed".equals(status) ? 30 : 0;
        return p;
    }
}
