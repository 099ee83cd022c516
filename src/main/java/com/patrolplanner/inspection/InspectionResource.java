package com.patrolplanner.inspection;

import com.patrolplanner.i18n.Messages;
import com.patrolplanner.registry.ChangeHistory;
import com.patrolplanner.registry.VenueCategory;
import com.patrolplanner.security.CurrentUser;
import com.patrolplanner.security.IdempotentWrites;
import com.patrolplanner.security.Roles;
import com.patrolplanner.time.BureauClock;
import com.patrolplanner.web.ApiException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import com.patrolplanner.web.Paging;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Inspection records: write from the field, read for the venue card, the checklist for the form. */
@Path("/api/inspections")
public class InspectionResource {
    @Inject
    InspectionService service;
    @Inject
    CurrentUser user;
    @Inject
    IdempotentWrites writes;

    public record ChecklistItem(String code, String category, String name, String legalBasis) {
    }

    /** Records an inspection: 201. With an {@code Idempotency-Key} header a repeat within 24 h returns the first record,
     * from the database (so also on another process or after a restart). */
    @POST
    @RolesAllowed({Roles.TEAM_LEADER, Roles.PLANNER})
    public Response create(@NotNull InspectionInput in, @HeaderParam("Idempotency-Key") String key) {
        // a repeated key (a double click, a retried request) gets the first response, not a second record
        InspectionView v = key == null || key.isBlank() ? service.create(in, user)
                : writes.once(user.name(), "POST /api/inspections", key, InspectionView.class,
                        () -> service.create(in, user));
        return Response.status(201).entity(v).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.TEAM_LEADER, Roles.PLANNER})
    public InspectionView update(@PathParam("id") long id, @NotNull InspectionInput in) {
        return service.update(id, in, user);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.TEAM_LEADER, Roles.PLANNER, Roles.MANAGER, Roles.ADMIN})
    public InspectionView get(@PathParam("id") long id) {
        return service.get(id, user);
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.TEAM_LEADER, Roles.PLANNER, Roles.MANAGER, Roles.ADMIN})
    public List<ChangeHistory> history(@PathParam("id") long id) {
        return service.history(id, user);
    }

    /**
     * {@code ?venue=ID} gives the venue card's list (newest first); {@code from}/{@code to} are dates or timestamps. Pages
     * like every list: {@code {"numberMatched", "numberReturned", "items": [...]}} and a {@code Link} header.
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TEAM_LEADER, Roles.PLANNER, Roles.MANAGER, Roles.ADMIN})
    public Response list(@QueryParam("venue") Long venue, @QueryParam("team") Long team,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("limit") Integer limit,
            @QueryParam("offset") Integer offset,
            @Parameter(description = "comma-separated fields, - for descending (default -inspectedAt): inspectedAt, id, "
                    + "venue, team, outcome, violationCount, updatedAt") @QueryParam("sort") String sort,
            @Context UriInfo uri) {
        Paging.Page page = Paging.page(limit, offset, 200, InspectionService.MAX_LIST);
        InspectionService.InspectionPage p = service.list(venue, team, instant("from", from, false), instant("to", to, true),
                page, sort, user);
        return Paging.ok(p, uri, page, p.numberMatched(), p.numberReturned());
    }

    /** The checklist of a venue category (code or Chinese name), each item with its legal article. */
    @GET
    @Path("/checklist")
    @RolesAllowed({Roles.TEAM_LEADER, Roles.PLANNER, Roles.MANAGER, Roles.ADMIN})
    public List<ChecklistItem> checklist(@QueryParam("category") String category) {
        List<ViolationItem> items;
        if (category == null || category.isBlank()) {
            items = List.of(ViolationItem.values());
        } else {
            try {
                items = ViolationItem.checklist(VenueCategory.parse(category));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("category", e.getMessage());
            }
        }
        // the item's name in the request's language (violation.<code>, equal to v.zh in Chinese: ChecklistNamesTest);
        // the legal basis stays in the regulation's own words
        return items.stream().map(v -> new ChecklistItem(v.code(), v.category == null ? null : v.category.code,
                Messages.of("violation." + v.code()), v.legalBasis)).toList();
    }

    /** A date (2025-01-01, read in Asia/Shanghai; as an end, the day is included) or an ISO timestamp with offset. */
    public static OffsetDateTime instant(String field, String s, boolean end) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            if (s.trim().length() <= 10) {
                LocalDate d = LocalDate.parse(s.trim());
                return (end ? d.plusDays(1) : d).atStartOfDay(BureauClock.ZONE).toOffsetDateTime();
            }
            return OffsetDateTime.parse(s.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(field, Messages.of("inspection.dateOrTime"));
        }
    }
}
