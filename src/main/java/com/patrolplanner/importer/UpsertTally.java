package com.patrolplanner.importer;

import com.patrolplanner.importer.ImportHandler.Summary;
import com.patrolplanner.registry.RegistryService;
import java.util.Map;

/** The created / updated / unchanged counts of a register import, row by row. */
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

    /**
     * Counts one upserted row, first setting the entity's synthetic flag as the file says (the registry's upsert does
     * not compare it): a row that changes only that flag counts as updated.
     */
    void count(RegistryService.Outcome outcome, boolean wasSynthetic, boolean synthetic, Runnable setSynthetic) {
        if (wasSynthetic != synthetic) {
            setSynthetic.run();
            if (outcome == RegistryService.Outcome.UNCHANGED) {
                outcome = RegistryService.Outcome.UPDATED;
            }
        }
        count(outcome);
    }

    Summary summary(Map<String, Object> extra) {
        return new Summary(created, updated, unchanged, extra);
    }
}
