package com.patrolplanner.campaign.rest;

import com.patrolplanner.campaign.domain.Campaign;
import com.patrolplanner.campaign.domain.Clock;
import com.patrolplanner.campaign.domain.TimeWindowRule;
import com.patrolplanner.registry.Team;
import java.util.List;
import java.util.Map;

/** A campaign as clients read it, with the windows in force and where each comes from. */
public record CampaignView(Long id, String name, String type, String typeZh, String startDate, String endDate,
        Map<String, Object> targets, List<TeamRef> teams, List<WindowView> windows, boolean defaultWindows,
        Long stakeoutVenueId, String shiftStart, String shiftEnd, Integer strikeMinutes, String status,
        String createdBy, int version, String travel, Long unitId, String unitName, boolean readOnly) {

    public record TeamRef(long id, String name) {
    }

    public record WindowView(String name, String from, String to, boolean nextDay, List<String> categories, String days,
            String basis) {
        static WindowView of(TimeWindowRule r) {
            return new WindowView(r.name(), Clock.format(r.from()), Clock.format(r.to()), r.to() > 1440,
                    r.categories().stream().sorted().toList(), r.days().name(), r.basis());
        }
    }

    public static CampaignView of(Campaign c, List<Long> teamIds) {
        return of(c, teamIds, false);
    }

    /**
     * {@code readOnly}: the caller sees only its part of a joint campaign of another unit (its own teams' routes) and
     * may not change it.
     */
    public static CampaignView of(Campaign c, List<Long> teamIds, boolean readOnly) {
        com.patrolplanner.registry.Unit unit = c.unitId == null ? null : com.patrolplanner.registry.Unit.findById(c.unitId);
        int[] shift = c.shift();
        List<TeamRef> teams = teamIds.stream().map(id -> {
            Team t = Team.findById(id);
            return new TeamRef(id, t == null ? "?" : t.name);
        }).toList();
        return new CampaignView(c.id, c.name, c.type, c.campaignType().zh, c.startDate.toString(), c.endDate.toString(),
                c.targets, teams, c.windowsInForce().stream().map(WindowView::of).toList(),
                c.windows == null || c.windows.isEmpty(), c.stakeoutVenueId, Clock.format(shift[0]),
                Clock.format(shift[1]), c.strikeMinutes, c.status, c.createdBy, c.version, c.travel, c.unitId,
                unit == null ? null : unit.name, readOnly);
    }
}
