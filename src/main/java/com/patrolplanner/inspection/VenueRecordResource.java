package com.patrolplanner.inspection;

import com.patrolplanner.security.CurrentUser;
import com.patrolplanner.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * A venue's inspection record under the register's path ({@code /api/venues/{id}/inspections}), served here because the
 * register does not know inspections (registry is below inspection). Every role that may see the venue may see it.
 */
@Path("/api/venues/{id}/inspections")
@Produces(MediaType.APPLICATION_JSON)
public class VenueRecordResource {
    @Inject
    InspectionService service;
    @Inject
    CurrentUser user;

    /** The summary and the newest {@code limit} inspections (default 20, at most 1000); 404 for an unknown venue. */
    @GET
    @RolesAllowed({Roles.TEAM_LEADER, Roles.PLANNER, Roles.MANAGER, Roles.ADMIN})
    public VenueRecord record(@PathParam("id") long id, @QueryParam("limit") Integer limit) {
        return service.venueRecord(id, limit, user);
    }
}
