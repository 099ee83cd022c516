package com.patrolplanner.geocode;

import java.util.List;

/** Placeholder until the providers land. */
@jakarta.enterprise.context.ApplicationScoped
public class OnlineGeocoder {
    public List<Candidate> improve(List<String> addresses, List<Candidate> found) {
        return found;
    }

    public List<Candidate> search(String address) {
        return List.of();
    }
}
