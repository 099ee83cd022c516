package com.patrolplanner.campaign.routing;

import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What a model built on the routing core adds to it, in the terms the core's own heuristics understand, so that they
 * search the same space the model's score judges:
 * <ul>
 * <li>{@code optionalVisits}: a visit may stay unplanned at the cost of its priority (the campaign objective: plan the
 * most important venues a fixed set of teams can reach), instead of every visit being required (Solomon);</li>
 * <li>{@code group}: visits with the same key are alternatives (one venue offered in several windows): at most one of
 * them is planned, and once one is, the others cost nothing;</li>
 * <li>{@code fixedVehicle}: a visit that must stay on the given vehicle (a done or pinned stop): never moved;</li>
 * <li>{@code usable}: a vehicle that may take no visit at all (a team without two certified officers);</li>
 * <li>{@code fairWorkload}: the soft objective also counts the square of each route's working minutes (travel plus
 * service), as the campaign score does.</li>
 * </ul>
 * {@link #CORE} is the routing core alone: every visit required, no groups, nothing fixed.
 */
public record RoutingRules(boolean optionalVisits, boolean fairWorkload, Function<Visit, Object> group,
        Function<Visit, String> fixedVehicle, Predicate<Vehicle> usable) {

    public static final RoutingRules CORE = new RoutingRules(false, false, v -> v, v -> null, v -> true);
}
