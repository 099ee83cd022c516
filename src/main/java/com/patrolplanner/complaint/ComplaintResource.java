package com.patrolplanner.complaint;

import com.patrolplanner.i18n.Messages;
import com.patrolplanner.registry.ChangeHistory;
import com.patrolplanner.security.CurrentUser;
import com.patrolplanner.security.Roles;
import com.patrolplanner.time.BureauClock;
import com.patrolplanner.web.ApiException;
import com.patrolplanner.web.Problem.FieldError;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Complaints (举报投诉): intake, the handling steps, the list (JSON page, GeoJSON for the map, CSV/XLSX without the
 * reporter), the named deadline rules.
 */
@Path("/api/complaints")
public class ComplaintResource {
    @Inject
    ComplaintService service;
    @Inject
    DeadlineRules rules;
    @Inject
    ComplaintCounts counts;
    @Inject
    WorkCalendar calendar;
    @Inject
    CurrentUser user;
    @Context
    HttpHeaders headers;

    /** Takes in a complaint: 201 with the record (state received, due by the accept rule). */
    @POST
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN})
    public Response create(ComplaintInput in) {
        ComplaintView v = service.create(in, user);
        return Response.status(201).entity(v).build();
    }

    /** One step: accept, decline, dispatch, verify, close (see {@link ComplaintAction}). */
    @POST
    @Path("/{id}/actions")
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN, Roles.TEAM_LEADER})
    public ComplaintView act(@PathParam("id") long id, ComplaintAction a) {
        return service.act(id, a, user);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN, Roles.MANAGER, Roles.TEAM_LEADER})
    public ComplaintView get(@PathParam("id") long id) {
        return service.get(id, user);
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN, Roles.MANAGER, Roles.TEAM_LEADER})
    public List<ChangeHistory> history(@PathParam("id") long id) {
        return service.history(id, user);
    }

    /**
     * The complaints the caller sees, newest first: {@code state} (comma list), {@code overdue}, {@code venue},
     * {@code team}, {@code from}/{@code to} (received; dates or timestamps), {@code limit} (≤ 1000, default 100),
     * {@code offset}; {@code format=json} (a page with {@code numberMatched}), {@code geojson} (the page as points for
     * the map), {@code csv} or {@code xlsx} (every match up to 10,000, without the reporter).
     */
    @GET
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN, Roles.MANAGER, Roles.TEAM_LEADER})
    public Response list(@QueryParam("state") String state, @QueryParam("overdue") String overdue,
            @QueryParam("venue") Long venue, @QueryParam("team") Long team, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("limit") Integer limit, @QueryParam("offset") Integer offset,
            @QueryParam("format") String format,
            @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(description = "comma-separated fields, - for "
                    + "descending (default -receivedAt): id, receivedAt, dueAt, state, deadline, closedAt") @QueryParam("sort") String sort,
            @jakarta.ws.rs.core.Context jakarta.ws.rs.core.UriInfo uri) {
        ComplaintFilter f = new ComplaintFilter(states(state), bool("overdue", overdue), venue, team,
                time("from", from, false), time("to", to, true));
        String fmt = format == null || format.isBlank() ? "json" : format.trim().toLowerCase(Locale.ROOT);
        String day = BureauClock.today().toString();
        return switch (fmt) {
            case "json" -> {
                ComplaintPage p = service.list(f, limit, offset, sort, user);
                Response.ResponseBuilder r = Response.ok(p, MediaType.APPLICATION_JSON);
                String links = com.patrolplanner.web.Paging.links(uri, new com.patrolplanner.web.Paging.Page(p.limit(), p.offset()),
                        p.numberMatched(), p.numberReturned());
                yield (links.isEmpty() ? r : r.header(com.patrolplanner.web.Paging.LINK, links)).build();
            }
            case "geojson" -> Response.ok(geojson(service.list(f, limit == null ? MAX_MAP : limit, offset, sort, user)),
                    "application/geo+json").build();
            case "csv" -> Response.ok(ComplaintExport.csv(service.exportRows(f, user)), ComplaintExport.CSV)
                    .header("Content-Disposition", "attachment; filename=\"complaints-" + day + ".csv\"").build();
            case "xlsx" -> Response.ok(ComplaintExport.xlsx(service.exportRows(f, user)), ComplaintExport.XLSX)
                    .header("Content-Disposition", "attachment; filename=\"complaints-" + day + ".xlsx\"").build();
            default -> throw ApiException.badRequest("format", Messages.of("common.formatOneOf",
                    "json, geojson, csv, xlsx"));
        };
    }

    /** The map shows at most this many complaints by default. */
    static final int MAX_MAP = 1000;

    /** The venue's complaints on file (from the records), for the venue card. */
    @GET
    @Path("/venues/{venueId}/count")
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN, Roles.MANAGER, Roles.TEAM_LEADER})
    public ComplaintCounts.VenueComplaints venueCount(@PathParam("venueId") long venueId) {
        return counts.venueCount(venueId);
    }

    @GET
    @Path("/rules")
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN, Roles.MANAGER, Roles.TEAM_LEADER})
    public List<DeadlineRules.RuleView> rules() {
        return rules.rules(locale());
    }

    @PUT
    @Path("/rules/{code}")
    @RolesAllowed(Roles.ADMIN)
    public DeadlineRules.RuleView updateRule(@PathParam("code") String code, DeadlineRules.RuleInput in) {
        user.requireSystemAdmin(); // the bureau's named deadline rules, one for every unit
        return rules.updateRule(code, in, user, locale());
    }

    /**
     * The working-day calendar of the deadlines ({@link WorkCalendar}): the listed days (public holidays, make-up
     * working days) between {@code from} and {@code to} (default: this year).
     */
    @GET
    @Path("/calendar")
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN, Roles.MANAGER, Roles.TEAM_LEADER})
    public List<WorkCalendar.Day> calendarDays(@QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate today = BureauClock.today();
        LocalDate f = day("from", from, today.withDayOfYear(1));
        return calendar.between(f, day("to", to, f.withDayOfYear(1).plusYears(1).minusDays(1)));
    }

    /** An administrator lists a day: {@code kind} holiday | workday, {@code name}, {@code basis} (the notice). */
    @PUT
    @Path("/calendar/{day}")
    @RolesAllowed(Roles.ADMIN)
    public WorkCalendar.Day putDay(@PathParam("day") String day, WorkCalendar.DayInput in) {
        return calendar.put(day("day", day, null), in, user.name());
    }

    @DELETE
    @Path("/calendar/{day}")
    @RolesAllowed(Roles.ADMIN)
    public Response deleteDay(@PathParam("day") String day) {
        calendar.delete(day("day", day, null), user.name());
        return Response.noContent().build();
    }

    private static LocalDate day(String field, String s, LocalDate dflt) {
        if (s == null || s.isBlank()) {
            if (dflt == null) {
                throw ApiException.badRequest(field, com.patrolplanner.i18n.Messages.of("calendar.dateRequired"));
            }
            return dflt;
        }
        try {
            return LocalDate.parse(s.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw ApiException.badRequest(field, com.patrolplanner.i18n.Messages.of("calendar.notDate"));
        }
    }

    private Locale locale() {
        List<Locale> l = headers == null ? List.of() : headers.getAcceptableLanguages();
        return l.isEmpty() ? null : l.get(0);
    }

    private static Map<String, Object> geojson(ComplaintPage page) {
        List<Map<String, Object>> features = new ArrayList<>();
        for (ComplaintView c : page.items()) {
            if (c.lon() == null) {
                continue;
            }
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("id", c.id());
            props.put("state", c.state());
            props.put("stateName", c.stateName());
            props.put("overdue", c.overdue());
            props.put("source", c.source());
            props.put("sourceName", c.sourceName());
            props.put("category", c.category());
            props.put("venueId", c.venueId());
            props.put("venueName", c.venueName());
            props.put("address", c.address());
            props.put("receivedAt", c.receivedAt() == null ? null : c.receivedAt().toString());
            props.put("dueAt", c.dueAt() == null ? null : c.dueAt().toString());
            props.put("teamName", c.teamName());
            props.put("content", c.content().length() > 120 ? c.content().substring(0, 120) + "…" : c.content());
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("type", "Feature");
            f.put("id", c.id());
            f.put("geometry", Map.of("type", "Point", "coordinates", List.of(c.lon(), c.lat())));
            f.put("properties", props);
            features.add(f);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", "FeatureCollection");
        out.put("features", features);
        out.put("numberMatched", page.numberMatched());
        out.put("numberReturned", features.size());
        return out;
    }

    private static List<String> states(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (String k : Arrays.stream(s.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList()) {
            try {
                out.add(ComplaintState.parse(k).code());
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("state", e.getMessage());
            }
        }
        return out;
    }

    private static Boolean bool(String field, String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw ApiException.badRequest(field, Messages.of("common.trueFalse"));
        };
    }

    private static OffsetDateTime time(String field, String s, boolean end) {
        if (s == null || s.isBlank()) {
            return null;
        }
        List<FieldError> errors = new ArrayList<>();
        OffsetDateTime t = end ? ComplaintInputs.instantEnd(field, s, errors) : ComplaintInputs.instant(field, s, errors);
        if (!errors.isEmpty()) {
            throw ApiException.badRequest(field, errors.get(0).reason());
        }
        return end && s.trim().length() <= 10 ? t.plusSeconds(1) : t;
    }
}
