package com.patrolplanner.campaign.rest;

import com.patrolplanner.i18n.Messages;
import com.patrolplanner.audit.AuditService;
import com.patrolplanner.campaign.CampaignPlans;
import com.patrolplanner.campaign.CampaignService;
import com.patrolplanner.campaign.PlanService;
import com.patrolplanner.campaign.PlanStore;
import com.patrolplanner.campaign.domain.Campaign;
import com.patrolplanner.campaign.output.GeoJsonPlan;
import com.patrolplanner.campaign.output.ICalendar;
import com.patrolplanner.campaign.output.PlanView;
import com.patrolplanner.campaign.output.RouteSheet;
import com.patrolplanner.security.CurrentUser;
import com.patrolplanner.security.IdempotentWrites;
import com.patrolplanner.security.Roles;
import com.patrolplanner.web.ApiException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Solving and reading a campaign's plan. Solve: POST → 202 with the job id; GET status with the best plan so far and
 * the score explanation; DELETE stops (the best plan so far is kept). A team leader reads only the own team's route.
 */
@Path("/api/campaigns/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class PlanResource {
    public static final String GEOJSON = "application/geo+json";

    @Inject
    IdempotentWrites writes;
    @Inject
    PlanService plans;
    @Inject
    PlanStore store;
    @Inject
    CampaignService campaigns;
    @Inject
    CurrentUser user;
    @Inject
    CampaignPlans summaries;
    @Inject
    AuditService audit;

    @POST
    @Path("/solve")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    @RolesAllowed(Roles.PLANNER)
    @Operation(summary = "Solve one date, a range or the whole campaign (a job)", description = """
            Body: {"date":"YYYY-MM-DD"} (one date, default the campaign's first), {"dates":"all"} (every date of the
            campaign) or {"from":…,"to":…} (a range inside it; a missing end is the campaign's), and "seconds" of solver
            time per date (1–300; dates × seconds at most 1200). The dates are solved in order. Each venue is visited at
            most once per campaign (the 双随机 publication list promises one check per drawn venue), so a date's problem
            leaves out the venues planned on the campaign's other dates: when a middle date is re-planned, the venues of
            the later dates stay where they are. Done or pinned stops of the date's current plan are kept. A date with
            nothing to visit (no window on a rest day, …) gets an empty plan listing why. While a date is solved its
            best plan so far is stored with status 'solving' (never the date's plan) and finished as the plan when the
            date ends. Malformed or contradictory input: 400; dates outside the campaign or over the limits: 422; both
            name the field, and nothing is written.""")
    public Response solve(@PathParam("id") long id, PlanService.SolveInput in, @Context HttpHeaders headers) {
        java.util.List<java.util.Locale> langs = headers.getAcceptableLanguages();
        PlanService.Started s = plans.solve(id, in, user.name(), langs.isEmpty() ? null : langs.get(0));
        return Response.accepted(Map.of("jobId", s.jobId().toString(), "campaignId", id, "warnings", s.warnings()))
                .header("Location", "/api/campaigns/" + id + "/solve").build();
    }

    @GET
    @Path("/solve")
    @RolesAllowed({Roles.PLANNER, Roles.MANAGER, Roles.ADMIN})
    public com.patrolplanner.campaign.SolveProgress status(@PathParam("id") long id) {
        com.patrolplanner.campaign.SolveProgress s = plans.status(id);
        if (s == null) {
            throw ApiException.notFound(Messages.of("noun.solve", id));
        }
        return s;
    }

    @DELETE
    @Path("/solve")
    @RolesAllowed(Roles.PLANNER)
    public Response stop(@PathParam("id") long id) {
        return plans.stop(id) ? Response.accepted().build() : Response.noContent().build();
    }

    /**
     * The campaign's plans over its date range: per date the current plan in short (planId, status, teams going out,
     * stops, feasible; {@code solvingPlanId} while a solve still works on the date), and the totals: venues targeted,
     * planned (each on one date: a venue is checked once per campaign) and left unplanned with the reasons per date.
     */
    @GET
    @Path("/plans")
    @Operation(summary = "The campaign's plans per date and its totals", description = """
            Per date of the campaign: planId, status (solved, stopped or unplanned), teams going out, stops, feasible,
            and solvingPlanId while a solve is still on the date. Totals: dates planned, venues targeted, planned (each
            on one date only: a venue is checked once per campaign) and left unplanned, with the reason per date.""")
    @RolesAllowed({Roles.PLANNER, Roles.MANAGER, Roles.ADMIN})
    @Transactional
    public CampaignPlans.PlanSummary plans(@PathParam("id") long id) {
        return summaries.summary(campaigns.visible(id, user));
    }

    /** The current plan: JSON, or GeoJSON with {@code ?format=geojson}. {@code ?date=} picks a day of the campaign. */
    @GET
    @Path("/plan")
    @Produces({MediaType.APPLICATION_JSON, GEOJSON})
    @RolesAllowed({Roles.PLANNER, Roles.MANAGER, Roles.ADMIN, Roles.TEAM_LEADER})
    @Transactional
    public Response plan(@PathParam("id") long id, @QueryParam("date") String date, @QueryParam("format") String format) {
        PlanView v = current(id, date);
        if (user.scopedToTeam()) {
            v = v.onlyTeam(user.teamId());
        }
        if ("geojson".equalsIgnoreCase(format)) {
            return Response.ok(GeoJsonPlan.of(v), GEOJSON).build();
        }
        return Response.ok(v, MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/plan/explanation")
    @RolesAllowed({Roles.PLANNER, Roles.MANAGER, Roles.ADMIN})
    @Transactional
    public Object explanation(@PathParam("id") long id, @QueryParam("date") String date) {
        PlanView v = current(id, date);
        return store.explanation(v.planId());
    }

    /** The printable A4 route sheet of one team (HTML print view). */
    @GET
    @Path("/plan/teams/{teamId}/sheet")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({Roles.PLANNER, Roles.MANAGER, Roles.ADMIN, Roles.TEAM_LEADER})
    @Transactional
    public Response sheet(@PathParam("id") long id, @PathParam("teamId") long teamId, @QueryParam("date") String date) {
        PlanView v = current(id, date);
        return Response.ok(RouteSheet.of(v, route(v, teamId)), "text/html; charset=UTF-8").build();
    }

    /** The route of one team as an iCalendar file (RFC 5545). */
    @GET
    @Path("/plan/teams/{teamId}/calendar.ics")
    @Produces("text/calendar")
    @RolesAllowed({Roles.PLANNER, Roles.MANAGER, Roles.ADMIN, Roles.TEAM_LEADER})
    @Transactional
    public Response ical(@PathParam("id") long id, @PathParam("teamId") long teamId, @QueryParam("date") String date,
            @Context UriInfo uri) {
        PlanView v = current(id, date);
        PlanView.Route r = route(v, teamId);
        return Response.ok(ICalendar.of(v, r, uri.getBaseUri().getHost()), "text/calendar; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"campaign-" + id + "-team-" + teamId + ".ics\"")
                .build();
    }

    /** {@code reason}: why a stop is marked done without an inspection record (the leader's form asks for it). */
    public record StopMark(Boolean pinned, Boolean done, String reason) {
    }

    /** Pins a stop (kept by re-planning) or marks it done; a team leader may mark only the own team's stops done. */
    @PATCH
    @Path("/plan/stops/{stopId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PLANNER, Roles.TEAM_LEADER})
    @Transactional
    public Response mark(@PathParam("id") long id, @PathParam("stopId") long stopId, StopMark in,
            @HeaderParam("Idempotency-Key") String key) {
        if (key != null && !key.isBlank()) {
            // a retried mark (the phone lost the reply) is answered from the first, and audited once
            writes.once(user.name(), "PATCH /api/campaigns/" + id + "/plan/stops/" + stopId,
                    key, Void.class, () -> {
                        markOnce(id, stopId, in);
                        return null;
                    });
        } else {
            markOnce(id, stopId, in);
        }
        return Response.noContent().build();
    }

    private void markOnce(long id, long stopId, StopMark in) {
        PlanStore.StopOwner owner = store.stopOwner(stopId);
        if (owner.campaignId() != id) {
            throw ApiException.notFound(Messages.of("noun.stopIn", stopId, id));
        }
        if (user.scopedToTeam()) {
            if (user.teamId() == null || owner.teamId() != user.teamId()) {
                throw ApiException.notFound(Messages.of("noun.stopIn", stopId, id));
            }
            if (in != null && in.pinned() != null) {
                throw ApiException.invalid("pinned", Messages.of("plan.onlyPlannerPins"));
            }
        }
        store.mark(stopId, in == null ? null : in.pinned(), in == null ? null : in.done());
        if (in != null && Boolean.TRUE.equals(in.done()) && in.reason() != null && !in.reason().isBlank()) {
            audit.record(user.name(), "stop-done-without-inspection", "plan_stop", stopId,
                    Map.of("campaignId", id, "reason", in.reason().trim()));
        }
    }

    private PlanView current(long id, String date) {
        Campaign c = campaigns.visible(id, user);
        LocalDate d = null;
        if (date != null) {
            try {
                d = LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                throw ApiException.badRequest("date", Messages.of("common.notDate"));
            }
        }
        Long planId = store.currentPlanId(id, d);
        if (planId == null) {
            throw ApiException.notFound(d == null ? Messages.of("noun.planOf", id) : Messages.of("noun.planOfOn", id,
                    d));
        }
        PlanView v = store.read(planId, c.name, c.type);
        return campaigns.partial(c) ? v.onlyTeams(campaigns.ownTeams(c)) : v;
    }

    /** The team's route; another team's route is 404 for a team leader, as if it did not exist. */
    private PlanView.Route route(PlanView v, long teamId) {
        if (user.scopedToTeam() && (user.teamId() == null || user.teamId() != teamId)) {
            throw ApiException.notFound(Messages.of("noun.route", teamId));
        }
        return v.routes().stream().filter(r -> r.teamId() == teamId).findFirst()
                .orElseThrow(() -> ApiException.notFound(Messages.of("noun.routeIn", teamId, v.planId())));
    }
}
