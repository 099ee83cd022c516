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

    /**
     * Many venues were created or changed by one set-based write (a bulk import): observers update what they derive
     * with one statement over {@code venueIds}, not one per venue. Fired once, in the writing transaction.
     */
    public record VenuesChanged(long[] venueIds) {
        /**
         * The ids as a PostgreSQL array literal ({@code {1,2,3}}), for {@code IN (SELECT unnest(CAST(? AS bigint[])))}
         * (not {@code = ANY(CAST(…))}, whose cast a sequential scan evaluates again for every row).
         */
        public String array() {
            StringBuilder b = new StringBuilder(venueIds.length * 8 + 2).append('{');
            for (int i = 0; i < venueIds.length; i++) {
                if (i > 0) {
                    b.append(',');
                }
                b.append(venueIds[i]);
            }
            return b.append('}').toString();
        }
    }

    /** Many schools were created or changed by one import: fired once, after them, in the writing transaction. */
    public record SchoolsChanged(long[] schoolIds) {
        /** The ids as a PostgreSQL array literal. */
        public String array() {
            return new VenuesChanged(schoolIds).array();
        }
    }
}
