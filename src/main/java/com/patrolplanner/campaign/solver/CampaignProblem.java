package com.patrolplanner.campaign.solver;

import com.patrolplanner.campaign.routing.RoutingPlan;
import com.patrolplanner.campaign.travel.RoadTravel;
import com.patrolplanner.campaign.travel.TravelModel;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

/**
 * A campaign day as a routing problem: the routing core's {@link RoutingPlan} plus what the plan's readers need to
 * know about each visit and team. Times in the routing plan are minutes from the plan day's midnight (Asia/Shanghai);
 * a night shift starts at a negative minute. {@code road} is set when the campaign travels over the road network
 * (the checker replays travel through it), null for great-circle travel.
 */
public record CampaignProblem(long campaignId, LocalDate date, boolean night, RoutingPlan plan, CampaignMatrix matrix,
        Map<String, VisitInfo> visits, Map<String, TeamInfo> teams, List<Skipped> skipped, TravelModel travel,
        RoadTravel road) {

    /** A problem travelling by the great-circle model only. */
    public CampaignProblem(long campaignId, LocalDate date, boolean night, RoutingPlan plan, CampaignMatrix matrix,
            Map<String, VisitInfo> visits, Map<String, TeamInfo> teams, List<Skipped> skipped, TravelModel travel) {
        this(campaignId, date, night, plan, matrix, visits, teams, skipped, travel, null);
    }

    /** Whether travel is over the road network ({@link #road()} set) rather than great-circle × detour. */
    public boolean roadNetwork() {
        return road != null;
    }

    public record VisitInfo(String visitId, long venueId, String name, String category, String address, double lon,
            double lat, int priority, String zoneKey, String window, String basis, boolean pinned, boolean done) {
    }

    public record Member(long id, String name, String certificateNo, boolean certified) {
    }

    public record TeamInfo(String vehicleId, long teamId, String name, List<Member> members, double baseLon,
            double baseLat, int shiftStart, int shiftEnd) {
    }

    /** A targeted venue that got no visit, and why (no window, closed all window long, …). */
    public record Skipped(long venueId, String name, String reason) {
    }

    /** Minutes from the plan day's midnight → wall-clock time in Asia/Shanghai. */
    public ZonedDateTime at(double minutes) {
        return date.atStartOfDay(com.patrolplanner.time.BureauClock.ZONE).plusSeconds(Math.round(minutes * 60.0));
    }
}
