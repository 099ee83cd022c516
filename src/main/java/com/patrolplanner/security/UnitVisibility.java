package com.patrolplanner.security;

/**
 * Whether the caller's jurisdiction (its unit and the units below it) covers a unit. Base packages (jobs, audit) keep a
 * record's unit id but cannot walk the unit tree, which is registry's: registry's {@code Jurisdiction} implements this.
 * {@code null} (a record of no unit) is seen by the city-wide scope only.
 */
public interface UnitVisibility {
    boolean sees(Long unitId);

    /** True when the caller sees every unit (the system administrator; work the service does on its own behalf). */
    boolean seesAll();
}
