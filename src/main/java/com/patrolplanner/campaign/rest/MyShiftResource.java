package com.patrolplanner.campaign.rest;

import com.patrolplanner.campaign.PlanStore;
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
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** A team leader's day (or night): the own team's routes of every campaign planned for that date. */
@Path("/api/my/shift")
@Produces(MediaType.APPLICATION_JSON)
public class MyShiftResource {
    @Inject
    PlanStore store;
    @Inject
    CurrentUser user;

    public record Shift(String date, Long teamId, List<PlanView> plans) {
    }

    @GET
    @RolesAllowed(Roles.TEAM_LEADER)
    @Transactional
    public Shift shift(@QueryParam("date") String date) {
        LocalDate d;
        try {
            d = date == null ? BureauClock.today() : LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("date", "not a date (YYYY-MM-DD)");
        }
        Long team = user.teamId();
        if (team == null) {
            throw ApiException.notFound("team of user " + user.name());
        }
        List<PlanView> out = new ArrayList<>();
        for (PlanStore.PlanRef p : store.plansOfTeam(team, d)) {
            out.add(store.read(p.planId(), p.campaignName(), p.campaignType()).onlyTeam(team));
        }
        return new Shift(d.toString(), team, out);
    }
}
