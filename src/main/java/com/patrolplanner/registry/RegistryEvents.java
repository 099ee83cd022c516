package com.patrolplanner.registry;

/**
 * Events the registry fires synchronously, inside the writing transaction, so that higher capabilities (compliance
 * verdicts, geocoding review) can react without the registry knowing them.
 */
public final class RegistryEvents {
    private RegistryEvents() {
    }

    /** A venue was created, changed, moved or deleted ({@code deleted} true). */
    public record VenueChanged(long venueId, boolean deleted) {
    }

    /** A school was created, changed, moved or deleted. */
    public record SchoolChanged(long schoolId, boolean deleted) {
    }
}
