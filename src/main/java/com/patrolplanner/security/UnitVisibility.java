package com.patrolplanner.security;

/**
 * Whether the caller's jurisdiction (its unit and the units below it) covers a unit. Base packages (jobs, audit,
 * security's user administration) keep a record's unit id but cannot walk the unit tree, which is registry's:
 * registry's {@code Jurisdiction} implements this. {@code null} (a record of no unit) is seen by the city-wide scope only.
 */
public interface UnitVisibility {
    boolean sees(Long unitId);

    /** True when the caller sees every unit (the system administrator; work the service does on its own behalf). */
    boolean seesAll();

    /** The one SQL predicate of the caller's units on {@code column} (registry's {@code Scope.sql}). */
    String sql(String column);

    /** True when unit {@code unitId} exists. */
    boolean exists(long unitId);

    /** The unit's name for messages ("no unit" for null). */
    String unitName(Long unitId);

    /** The caller's own unit, null for the city-wide scope. */
    Long ownUnit();

    /** True when team {@code teamId} exists and lies in the caller's units. */
    boolean seesTeam(long teamId);
}
