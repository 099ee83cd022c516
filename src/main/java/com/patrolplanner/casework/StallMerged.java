package com.patrolplanner.casework;

/**
 * Fired (CDI, in the merging transaction) when a provisional stall is merged into the registered venue it turned out
 * to be: records of other capabilities that name the stall (complaints) move to {@code venueId} there.
 */
public record StallMerged(long stallId, long venueId, String user, String reason) {
}
