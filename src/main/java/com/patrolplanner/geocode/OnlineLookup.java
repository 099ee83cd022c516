package com.patrolplanner.geocode;

import java.util.List;

/**
 * The online step after the offline chain, for addresses the gazetteer answers weakly. Implemented by
 * {@code geocode.provider} (which depends on this package, not the other way round); with no provider switched on (the
 * default, for intranets) it finds nothing and improves nothing.
 */
public interface OnlineLookup {
    /** Every enabled provider's candidates for one address. */
    List<Candidate> search(String address);

    /** {@code found} with weak answers (null or below the configured confidence) replaced by better online ones. */
    List<Candidate> improve(List<String> addresses, List<Candidate> found);
}
