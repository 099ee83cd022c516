package com.patrolplanner.campaign.rest;

import com.patrolplanner.campaign.CampaignInput;
import com.patrolplanner.campaign.CampaignService;
import com.patrolplanner.campaign.domain.Campaign;
import com.patrolplanner.campaign.domain.Candidate;
import com.patrolplanner.campaign.domain.TargetQuery;
import com.patrolplanner.campaign.domain.Targets;
import com.patrolplanner.campaign.solver.ProblemBuilder;
import com.patrolplanner.security.CurrentUser;
import com.patrolplanner.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/** Campaign CRUD: the planner writes; managers and admins read; a team leader reads the campaigns of their team. */
@Path("/api/campaigns")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CampaignResource {
    @Inject
    CampaignService campaigns;
    @Inject
    TargetQuery targets;
    @Inject
    CurrentUser user;

    @GET
    @RolesAllowed({Roles.PLANNER, Roles.MANAGER, Roles.ADMIN, Roles.TEAM_LEADER})
    @Transactional
    public List<CampaignView> list() {
        return campaigns.list(user).stream().map(c -> CampaignView.of(c, c.teamIds(), campaigns.partial(c))).toList();
    }

    /** A campaign type with its Chinese name and the teams' default shift ("HH:MM"; a start after the end: the evening before). */
    public record TypeView(String type, String zh, String shiftStart, String shiftEnd) {
    }

    /** The campaign types and their default shifts (what the create form shows before the planner sets a shift). */
    @GET
    @Path("/types")
    @RolesAllowed({Roles.PLANNER, Roles.MANAGER, Roles.ADMIN, Roles.TEAM_LEADER})
    public List<TypeView> types() {
        return java.util.Arrays.stream(com.patrolplanner.campaign.domain.CampaignType.values()).map(t -> {
            int[] s = com.patrolplanner.campaign.domain.TimeWindowRule.defaultShift(t);
            return new TypeView(t.name(), t.zh, com.patrolplanner.campaign.domain.Clock.format(s[0]),
                    com.patrolplanner.campaign.domain.Clock.format(s[1]));
        }).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PLANNER, Roles.MANAGER, Roles.ADMIN, Roles.TEAM_LEADER})
    @Transactional
    public CampaignView get(@PathParam("id") long id) {
        Campaign c = campaigns.visible(id, user);
        return CampaignView.of(c, c.teamIds(), campaigns.partial(c));
    }

    @POST
    @RolesAllowed(Roles.PLANNER)
    public Response create(@NotNull @Valid CampaignInput in) {
        Campaign c = campaigns.create(in, user.name());
        return Response.created(URI.create("/api/campaigns/" + c.id)).entity(view(c.id)).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.PLANNER)
    public CampaignView update(@PathParam("id") long id, @NotNull @Valid CampaignInput in) {
        campaigns.update(id, in);
        return view(id);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.PLANNER)
    public Response delete(@PathParam("id") long id) {
        campaigns.delete(id);
        return Response.noContent().build();
    }

    /** The venues the campaign's targets select today, with the facts behind each one's priority. */
    @GET
    @Path("/{id}/targets")
    @RolesAllowed({Roles.PLANNER, Roles.MANAGER, Roles.ADMIN})
    @Transactional
    public List<TargetView> targets(@PathParam("id") long id) {
        Campaign c = campaigns.find(id);
        List<Candidate> base = targets.candidates(Targets.fromMap(c.targets), c.startDate, c.unitId);
        List<TargetView> out = new java.util.ArrayList<>(base.stream().map(v -> TargetView.of(c, v)).toList());
        // venues added as high-priority targets (a complaint to check) are targets whatever the filters say
        if (c.priorityVenues != null && !c.priorityVenues.isEmpty()) {
            java.util.Set<Long> have = new java.util.HashSet<>();
            base.forEach(v -> have.add(v.id()));
            List<Long> extra = c.priorityVenues.keySet().stream().map(Long::valueOf).filter(x -> !have.contains(x)).toList();
            if (!extra.isEmpty()) {
                targets.candidates(new Targets(null, null, List.of("open", "suspended", "unlicensed"), null, null, null, extra),
                        c.startDate, c.unitId).forEach(v -> out.add(TargetView.of(c, v)));
            }
        }
        return out;
    }

    public record TargetView(long id, String name, String category, String status, double lon, double lat,
            int complaints, boolean nearSchool, Integer daysSinceInspection, String zoneKey, int priority) {
        static TargetView of(Campaign campaign, Candidate c) {
            return new TargetView(c.id(), c.name(), c.category(), c.status(), c.lon(), c.lat(), c.complaints(),
                    c.nearSchool(), c.daysSinceInspection(), c.zoneKey(), ProblemBuilder.priority(campaign, c));
        }
    }

    @Transactional
    CampaignView view(long id) {
        Campaign read = campaigns.find(id);
        return CampaignView.of(read, read.teamIds());
    }
}
