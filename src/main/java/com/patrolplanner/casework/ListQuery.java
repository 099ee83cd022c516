package com.patrolplanner.casework;

import com.patrolplanner.i18n.Messages;
import com.patrolplanner.registry.Scope;
import com.patrolplanner.time.BureauClock;
import com.patrolplanner.web.ApiException;
import java.time.LocalDate;

/** The parts every casework list shares: the page bounds, the period in bureau days, and the unit and team scope. */
final class ListQuery {
    private ListQuery() {
    }

    /** The one row a lookup by id found, or 404 naming {@code what} (a {@link Messages} reference, e.g. "noun.case"). */
    static <T> T one(java.util.List<T> rows, String what) {
        if (rows.isEmpty()) {
            throw ApiException.notFound(what);
        }
        return rows.get(0);
    }

    /** 400 naming {@code limit} or {@code offset} when out of range (1..{@link Page#MAX_LIMIT}, ≥ 0). */
    static void checkPage(int limit, int offset) {
        if (limit < 1 || limit > Page.MAX_LIMIT) {
            throw ApiException.badRequest("limit", Messages.of("common.mustRange", 1, Page.MAX_LIMIT));
        }
        if (offset < 0) {
            throw ApiException.badRequest("offset", Messages.of("common.atLeastZero"));
        }
    }

    /** Sortable fields as name → SQL expression, in the order the API documents them (pairs). */
    static java.util.Map<String, String> sortFields(String... pairs) {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    /** {@code AND column} within the bureau days {@code from}..{@code to} (each optional) of a timestamptz column. */
    static String period(String column, LocalDate from, LocalDate to) {
        StringBuilder w = new StringBuilder();
        if (from != null) {
            w.append(" AND ").append(column).append(" >= '").append(from.atStartOfDay(BureauClock.ZONE).toOffsetDateTime())
                    .append("'");
        }
        if (to != null) {
            w.append(" AND ").append(column).append(" < '")
                    .append(to.plusDays(1).atStartOfDay(BureauClock.ZONE).toOffsetDateTime()).append("'");
        }
        return w.toString();
    }

    /** The caller's units on {@code alias.unit_id}, and for a team leader the own team on {@code alias.team_id}. */
    static String scope(Scope s, String alias, Actor actor) {
        return s.sql(alias + ".unit_id") + (actor.teamScoped()
                ? " AND " + alias + ".team_id " + (actor.teamId() == null ? "IS NULL AND FALSE" : "= " + actor.teamId()) : "");
    }
}
