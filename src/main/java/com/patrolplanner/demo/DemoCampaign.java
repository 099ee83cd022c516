package com.patrolplanner.demo;

import com.patrolplanner.campaign.CampaignInput;
import com.patrolplanner.campaign.CampaignService;
import com.patrolplanner.campaign.PlanService;
import com.patrolplanner.campaign.PlanningClock;
import com.patrolplanner.campaign.domain.Campaign;
import com.patrolplanner.registry.Team;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A routine campaign for the demo's teams 执法一组 and 执法二组 (leader1, leader2), from the day the demo is loaded
 * ("today" of the run, {@link PlanningClock}) over {@value #DAYS} days, solved at load in a job of
 * {@value #SECONDS_PER_DATE} s per date, so that a team leader's first login shows a shift with ordered stops. Its
 * targets are the demo district's internet cafés, song-and-dance venues, arcades and publication sellers. The shift is
 * the routine day shift (08:30–17:30) when the demo is loaded before 07:00; later in the day it starts half an hour
 * after the load (eight hours, ending by 24:00), so that today's shift has not ended (a shift that has ended cannot be
 * planned); from 15:00 on it is 16:00–24:00, already under way. Idempotent: one campaign per start date.
 */
@ApplicationScoped
public class DemoCampaign {
    public static final String NAME = "演示：日常巡查";
    public static final int DAYS = 3;
    public static final int SECONDS_PER_DATE = 2;
    static final List<String> CATEGORIES = List.of("internet_cafe", "song_dance", "game_arcade", "publication");

    @Inject
    CampaignService campaigns;
    @Inject
    PlanService plans;
    @Inject
    PlanningClock clock;
    @Inject
    EntityManager em;

    public record Result(Long campaignId, UUID jobId, String note) {
    }

    /** Creates the campaign starting {@code today} and starts solving its dates; null job when it already exists. */
    public Result plan(LocalDate today) {
        String name = NAME + "（" + today.getMonthValue() + "月" + today.getDayOfMonth() + "日起）";
        Object[] made = QuarkusTransaction.requiringNew().call(() -> {
            Campaign existing = Campaign.find("name", name).firstResult();
            if (existing != null) {
                return new Object[] {existing.id, "exists"};
            }
            Team t1 = Team.find("name", DemoUsers.TEAM_1).firstResult();
            Team t2 = Team.find("name", DemoUsers.TEAM_2).firstResult();
            if (t1 == null || t2 == null) {
                return new Object[] {null, "no teams " + DemoUsers.TEAM_1 + ", " + DemoUsers.TEAM_2};
            }
            @SuppressWarnings("unchecked")
            List<Number> venues = em.createNativeQuery("SELECT id FROM venue WHERE synthetic AND geom IS NOT NULL "
                    + "AND district_code = ?1 AND category = ANY(CAST(?2 AS varchar[])) ORDER BY id")
                    .setParameter(1, DemoGenerator.DISTRICT).setParameter(2, CATEGORIES.toArray(new String[0]))
                    .getResultList();
            if (venues.isEmpty()) {
                return new Object[] {null, "no demo venues"};
            }
            String[] shift = shift(clock.now(), today);
            Campaign c = campaigns.create(new CampaignInput(name, "ROUTINE", today.toString(),
                    today.plusDays(DAYS - 1).toString(),
                    new CampaignInput.TargetsInput(CATEGORIES, null, null, null, null, null,
                            venues.stream().map(Number::longValue).toList()),
                    List.of(t1.id, t2.id), null, null, shift[0], shift[1], null, "active", null), DemoInspections.AUTHOR);
            return new Object[] {c.id, null};
        });
        Long id = (Long) made[0];
        if (id == null || made[1] != null) {
            return new Result(id, null, (String) made[1]);
        }
        PlanService.Started s = plans.solve(id, new PlanService.SolveInput(null, null, today.toString(),
                today.plusDays(DAYS - 1).toString(), SECONDS_PER_DATE), DemoInspections.AUTHOR, null);
        return new Result(id, s.jobId(), null);
    }

    /** The shift [start, end] (HH:MM) for a campaign whose first day is {@code today}, as described above. */
    static String[] shift(ZonedDateTime now, LocalDate today) {
        int m = now.toLocalDate().equals(today) ? now.getHour() * 60 + now.getMinute() : 0;
        if (m < 7 * 60) {
            return new String[] {"08:30", "17:30"};
        }
        if (m >= 15 * 60) {
            return new String[] {"16:00", "24:00"};
        }
        int start = ((m + 30 + 29) / 30) * 30;
        return new String[] {hhmm(start), hhmm(Math.min(start + 8 * 60, 24 * 60))};
    }

    private static String hhmm(int minutes) {
        return String.format("%02d:%02d", minutes / 60, minutes % 60);
    }
}
