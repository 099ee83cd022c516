package com.patrolplanner.registry;

import com.patrolplanner.security.Roles;
import com.patrolplanner.web.ApiException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import com.patrolplanner.web.Paging;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Administrative areas (read-only here; they come in through imports). */
@Path("/api/districts")
@RolesAllowed({Roles.PLANNER, Roles.TEAM_LEADER, Roles.MANAGER, Roles.ADMIN})
public class DistrictResource {
    @Inject
    RegisterQueries queries;

    /** {@code district} filters to that area and its children. */
    @GET
    @Produces({VenueResource.GEOJSON, MediaType.APPLICATION_JSON})
    public Response list(@QueryParam("bbox") String bbox, @QueryParam("district") String district, @QueryParam("q") String q,
            @QueryParam("limit") Integer limit, @QueryParam("offset") Integer offset,
            @Parameter(description = "comma-separated fields, - for descending (default adcode): adcode, name, level, parent")
            @QueryParam("sort") String sort,
            @Context UriInfo uri) {
        RegisterQueries.FeaturePage p = queries.districts(new RegisterQueries.Filter(bbox, null, district, null, q, limit,
                offset, sort));
        return Paging.ok(p.json(), uri, p.page(), p.matched(), p.returned());
    }

    @GET
    @Path("/{adcode}")
    @Produces({VenueResource.GEOJSON, MediaType.APPLICATION_JSON})
    public String get(@PathParam("adcode") String adcode) {
        String f = queries.district(adcode);
        if (f == null) {
            throw ApiException.notFound("district " + adcode);
        }
        return f;
    }
}
