package com.patrolplanner.campaign;

import com.patrolplanner.i18n.Messages;
import com.patrolplanner.campaign.domain.Campaign;
import com.patrolplanner.web.ApiException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a solve request asks for, checked: the dates to plan, in order, and the solver seconds per date. One of
 * {@code date} (one day, default the campaign's first), {@code dates: "all"} (every day of the campaign) or
 * {@code from}/{@code to} (a range inside the campaign; a missing end defaults to the campaign's). Malformed or
 * contradictory input is a 400, well-formed values outside the campaign or the limits a 422, each naming the field.
 */
public record SolveRequest(List<LocalDate> dates, int seconds) {
    /** Seconds per date when the request names none. */
    public static final int DEFAULT_SECONDS = 10;
    /** Solver seconds for one date. */
    public static final int MAX_SECONDS = 300;
    /** Solver seconds for a whole request (dates × seconds): a 20-minute job at most, so a run ends the same sitting. */
    public static final int MAX_TOTAL_SECONDS = 4 * MAX_SECONDS;

    public static SolveRequest of(Campaign c, PlanService.SolveInput in) {
        PlanService.SolveInput i = in == null ? new PlanService.SolveInput(null, null, null, null, null) : in;
        boolean range = i.from() != null || i.to() != null;
        if (i.dates() != null && (i.date() != null || range)) {
            throw ApiException.badRequest("dates", Messages.of("solve.oneOf"));
        }
        if (i.date() != null && range) {
            throw ApiException.badRequest("date", Messages.of("solve.oneOf"));
        }
        List<LocalDate> dates = new ArrayList<>();
        if (i.dates() != null) {
            if (!"all".equals(i.dates().trim().toLowerCase(java.util.Locale.ROOT))) {
                throw ApiException.badRequest("dates", Messages.of("solve.datesAll"));
            }
            for (LocalDate d = c.startDate; !d.isAfter(c.endDate); d = d.plusDays(1)) {
                dates.add(d);
            }
        } else if (range) {
            LocalDate from = i.from() == null ? c.startDate : parse("from", i.from());
            LocalDate to = i.to() == null ? c.endDate : parse("to", i.to());
            inside(c, "from", from);
            inside(c, "to", to);
            if (to.isBefore(from)) {
                throw ApiException.badRequest("to", Messages.of("solve.toBeforeFrom", from));
            }
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                dates.add(d);
            }
        } else {
            LocalDate d = i.date() == null ? c.startDate : parse("date", i.date());
            inside(c, "date", d);
            dates.add(d);
        }
        int seconds = i.seconds() == null ? DEFAULT_SECONDS : i.seconds();
        if (seconds < 1 || seconds > MAX_SECONDS) {
            throw ApiException.invalid("seconds", Messages.of("inspection.limit", MAX_SECONDS));
        }
        if ((long) seconds * dates.size() > MAX_TOTAL_SECONDS) {
            throw ApiException.invalid("seconds", Messages.of("solve.tooManySeconds", dates.size(), seconds,
                    MAX_TOTAL_SECONDS, Math.max(1, MAX_TOTAL_SECONDS / dates.size())));
        }
        return new SolveRequest(List.copyOf(dates), seconds);
    }

    private static LocalDate parse(String field, String s) {
        try {
            return LocalDate.parse(s.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(field, Messages.of("common.notDate"));
        }
    }

    private static void inside(Campaign c, String field, LocalDate d) {
        if (d.isBefore(c.startDate) || d.isAfter(c.endDate)) {
            throw ApiException.invalid(field, Messages.of("solve.outside", d, c.startDate, c.endDate));
        }
    }
}
