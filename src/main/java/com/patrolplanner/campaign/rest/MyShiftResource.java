package com.patrolplanner.campaign.rest;

import com.patrolplanner.i18n.Messages;
import com.patrolplanner.campaign.PlanStore;
import com.patrolplanner.campaign.domain.ShiftLabel;
import com.patrolplanner.campaign.output.PlanView;
import com.patrolplanner.security.CurrentUser;
import com.patrolplanner.security.Roles;
import com.patrolplanner.time.BureauClock;
import com.patrolplanner.web.ApiException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A team leader's day (or night): the own team's routes of every campaign planned for that date, flat
 * ({@code plans}) and grouped by shift, earliest first, then by campaign ({@code shifts}): a night sweep dated 12-02
 * runs from the evening of 12-01 and is a shift of its own, labelled so ("12月1日夜—12月2日凌晨 (23:30–04:30)"), not
 * mixed with the day's stops.
 */
@Path("/api/my/shift")
@Produces(MediaType.APPLICATION_JSON)
public class MyShiftResource {
    @Inject
    PlanStore store;
    @Inject
    CurrentUser user;

    public record Shift(String date, Long teamId, List<PlanView> plans, List<ShiftGroup> shifts) {
    }

    /** One shift of the team: when it runs, in words ({@link ShiftLabel}, per Accept-Language), its campaigns. */
    public record ShiftGroup(String start, String end, String label, boolean overnight, List<PlanView> campaigns) {
    }

    @GET
    @RolesAllowed(Roles.TEAM_LEADER)
    @Transactional
    public Shift shift(@QueryParam("date") String date, @Context HttpHeaders headers) {
        LocalDate d;
        try {
            d = date == null ? BureauClock.today() : LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("date", Messages.of("common.notDate"));
        }
        Long team = user.teamId();
        if (team == null) {
            throw ApiException.notFound(Messages.of("noun.teamOfUser", user.name()));
        }
        List<PlanView> out = new ArrayList<>();
        for (PlanStore.PlanRef p : store.plansOfTeam(team, d)) {
            out.add(store.read(p.planId(), p.campaignName(), p.campaignType()).onlyTeam(team));
        }
        List<Locale> langs = headers.getAcceptableLanguages();
        Locale locale = langs.isEmpty() ? null : langs.get(0);
        Map<String, List<PlanView>> byShift = new TreeMap<>();
        Map<String, String[]> bounds = new HashMap<>();
        for (PlanView p : out) {
            for (PlanView.Route r : p.routes()) {
                // ISO instants in one offset (+08:00) sort as text
                String key = r.shiftStart() + "|" + r.shiftEnd();
                bounds.put(key, new String[] {r.shiftStart(), r.shiftEnd()});
                byShift.computeIfAbsent(key, k -> new ArrayList<>()).add(p);
            }
        }
        List<ShiftGroup> groups = new ArrayList<>();
        for (Map.Entry<String, List<PlanView>> e : byShift.entrySet()) {
            String[] b = bounds.get(e.getKey());
            ShiftLabel label = ShiftLabel.of(b[0], b[1]);
            List<PlanView> campaigns = new ArrayList<>(e.getValue());
            campaigns.sort(Comparator.comparing(PlanView::campaignName).thenComparing(PlanView::campaignId));
            groups.add(new ShiftGroup(b[0], b[1], label.in(locale), label.overnight(), campaigns));
        }
        return new Shift(d.toString(), team, out, groups);
    }
}
