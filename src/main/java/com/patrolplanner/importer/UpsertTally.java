package com.patrolplanner.importer;

import com.patrolplanner.importer.ImportHandler.Summary;
import com.patrolplanner.registry.RegistryService;
import java.util.Map;

/**
 * The created / updated / unchanged counts of a register import, row by row. (The {@code synthetic} flag is the
 * registry's to compare and record like any other field: see {@code RegistryService.upsertVenue}.)
 */
final class UpsertTally {
    private long created;
    private long updated;
    private long unchanged;

    /** Counts one upserted row. */
    void count(RegistryService.Outcome outcome) {
        switch (outcome) {
            case CREATED -> created++;
            case UPDATED -> updated++;
            case UNCHANGED -> unchanged++;
        }
    }

    Summary summary(Map<String, Object> extra) {
        return new Summary(created, updated, unchanged, extra);
    }
}
