package com.patrolplanner.campaign.rest;

import com.patrolplanner.i18n.Messages;
import com.patrolplanner.campaign.domain.SchoolCalendar;
import com.patrolplanner.security.CurrentUser;
import com.patrolplanner.security.Roles;
import com.patrolplanner.web.ApiException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** The school holiday calendar (校历): everyone reads it, the admin edits it. */
@Path("/api/calendar")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CalendarResource {
    @Inject
    SchoolCalendar calendar;
    @Inject
    CurrentUser user;

    public record DayInput(String kind, String name) {
    }

    public record DayView(String day, String kind, String name, boolean schoolDay) {
    }

    @GET
    @RolesAllowed({Roles.PLANNER, Roles.MANAGER, Roles.ADMIN, Roles.TEAM_LEADER})
    @Transactional
    public List<DayView> list(@QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate f = from == null ? LocalDate.now().withDayOfYear(1) : date(from, "from");
        LocalDate t = to == null ? f.plusYears(1) : date(to, "to");
        return calendar.between(f, t).stream()
                .map(d -> new DayView(d.day().toString(), d.kind(), d.name(), calendar.isSchoolDay(d.day()))).toList();
    }

    @GET
    @Path("/{day}")
    @RolesAllowed({Roles.PLANNER, Roles.MANAGER, Roles.ADMIN, Roles.TEAM_LEADER})
    @Transactional
    public DayView day(@PathParam("day") String day) {
        LocalDate d = date(day, "day");
        return new DayView(d.toString(), calendar.kind(d), null, calendar.isSchoolDay(d));
    }

    @PUT
    @Path("/{day}")
    @RolesAllowed(Roles.ADMIN)
    public DayView put(@PathParam("day") String day, DayInput in) {
        user.requireSystemAdmin(); // the school calendar is the city's, one for every unit
        LocalDate d = date(day, "day");
        if (in == null) {
            throw ApiException.invalid("kind", Messages.of("error.required"));
        }
        calendar.put(d, in.kind(), in.name(), user.name());
        return new DayView(d.toString(), in.kind(), in.name(), !"holiday".equals(in.kind()));
    }

    @DELETE
    @Path("/{day}")
    @RolesAllowed(Roles.ADMIN)
    public Response delete(@PathParam("day") String day) {
        user.requireSystemAdmin();
        calendar.delete(date(day, "day"), user.name());
        return Response.noContent().build();
    }

    private static LocalDate date(String s, String field) {
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(field, Messages.of("common.notDateValue", s));
        }
    }
}
