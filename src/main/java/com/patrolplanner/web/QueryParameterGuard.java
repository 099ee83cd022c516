package com.patrolplanner.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refuses, with a 400 naming the parameter, query and path parameters no resource should have to think about: a NUL
 * byte (PostgreSQL cannot store one in text), and a query parameter holding a date (YYYY-MM-DD, with or without a time) whose year lies outside
 * {@value #MIN_YEAR}–{@value #MAX_YEAR} (such as {@code +9999999-01-01}: java.time reads it, the database and the
 * day-by-day loops do not). The bureau's records all fall inside that span.
 */
@Provider
public class QueryParameterGuard implements ContainerRequestFilter {
    public static final int MIN_YEAR = 2000;
    public static final int MAX_YEAR = 2100;
    private static final Pattern DATE = Pattern.compile("\\s*([+-]?)(\\d{4,})-\\d{1,2}-\\d{1,2}(?:[T ].*)?\\s*", Pattern.DOTALL);

    @Override
    public void filter(ContainerRequestContext request) {
        if (!check(request.getUriInfo().getQueryParameters(), true, request)) {
            check(request.getUriInfo().getPathParameters(), false, request);
        }
    }

    /** False when the request was refused. Path parameters are checked for NUL bytes only (their dates are ids). */
    private static boolean check(MultivaluedMap<String, String> params, boolean dates, ContainerRequestContext request) {
        for (Map.Entry<String, List<String>> p : params.entrySet()) {
            for (String v : p.getValue()) {
                String reason = reason(v, dates);
                if (reason != null) {
                    request.abortWith(ProblemMappers.problem(400, "Bad request", p.getKey() + ": " + reason,
                            List.of(Problem.FieldError.of(p.getKey(), reason)), request.getUriInfo()));
                    return false;
                }
            }
        }
        return true;
    }

    /** Why {@code value} is refused, or null. */
    static String reason(String value, boolean dates) {
        if (value == null) {
            return null;
        }
        if (value.indexOf('\0') >= 0) {
            return "contains a NUL byte";
        }
        Matcher m = DATE.matcher(value);
        if (dates && m.matches()) {
            String digits = m.group(2);
            boolean inRange = digits.length() == 4 && !"-".equals(m.group(1));
            int year = inRange ? Integer.parseInt(digits) : -1;
            if (!inRange || year < MIN_YEAR || year > MAX_YEAR) {
                return "year " + m.group(1) + digits + " is outside " + MIN_YEAR + "–" + MAX_YEAR;
            }
        }
        return null;
    }
}
