package com.patrolplanner.registry;

import com.patrolplanner.i18n.Messages;
import com.patrolplanner.security.Roles;
import com.patrolplanner.web.ApiException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import com.patrolplanner.web.AnswerCache;
import com.patrolplanner.web.DataVersion;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;

/** Administrative areas (read-only here; they come in through imports). */
@Path("/api/districts")
@RolesAllowed({Roles.PLANNER, Roles.TEAM_LEADER, Roles.MANAGER, Roles.ADMIN})
public class DistrictResource {
    @Inject
    RegisterQueries queries;
    @Inject
    Jurisdiction jurisdiction;
    @Inject
    DataVersion versions;

    /** Outlines per (scope, filter), kept until a district, unit or register write (web.DataVersion). */
    private static final AnswerCache<String> OUTLINES = new AnswerCache<>(256);

    /** {@code district} filters to that area and its children. */
    @GET
    @Produces(VenueResource.GEOJSON)
    public Response list(@QueryParam("bbox") String bbox, @QueryParam("district") String district, @QueryParam("q") String q,
            @QueryParam("limit") Integer limit, @QueryParam("offset") Integer offset,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        String token = versions.current();
        String key = String.join("|", jurisdiction.scope().encode(), String.valueOf(bbox), String.valueOf(district),
                String.valueOf(q), String.valueOf(limit), String.valueOf(offset));
        return AnswerCache.conditional(AnswerCache.etag(token, "districts", key), ifNoneMatch, VenueResource.GEOJSON,
                () -> OUTLINES.get(key, token,
                        () -> queries.districts(new RegisterQueries.Filter(bbox, null, district, null, q, limit, offset))));
    }

    @GET
    @Path("/{adcode}")
    @Produces(VenueResource.GEOJSON)
    public String get(@PathParam("adcode") String adcode) {
        String f = queries.district(adcode);
        if (f == null) {
            throw ApiException.notFound(Messages.of("noun.district", adcode));
        }
        return f;
    }
}
