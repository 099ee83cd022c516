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
    @Inject
    Jurisdiction jurisdiction;
    @Inject
    DataVersion versions;

    /** Outlines per (scope, filter), kept until a district, unit or register write (web.DataVersion). */
    private static final AnswerCache<RegisterQueries.FeaturePage> OUTLINES = new AnswerCache<>(256);

    /** {@code district} filters to that area and its children. */
    @GET
    @Produces({VenueResource.GEOJSON, MediaType.APPLICATION_JSON})
    public Response list(@QueryParam("bbox") String bbox, @QueryParam("district") String district, @QueryParam("q") String q,
            @QueryParam("limit") Integer limit, @QueryParam("offset") Integer offset,
            @Parameter(description = "comma-separated fields, - for descending (default adcode): adcode, name, level, parent")
            @QueryParam("sort") String sort,
            @Context UriInfo uri, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        String token = versions.current();
        String key = String.join("|", jurisdiction.scope().encode(), String.valueOf(bbox), String.valueOf(district),
                String.valueOf(q), String.valueOf(limit), String.valueOf(offset), String.valueOf(sort));
        RegisterQueries.FeaturePage[] page = new RegisterQueries.FeaturePage[1];
        Response r = AnswerCache.conditional(AnswerCache.etag(token, "districts", key), ifNoneMatch, null,
                () -> (page[0] = OUTLINES.get(key, token, () -> queries.districts(new RegisterQueries.Filter(bbox, null,
                        district, null, q, limit, offset, sort)))).json());
        if (page[0] == null) {
            return r; // 304
        }
        String links = Paging.links(uri, page[0].page(), page[0].matched(), page[0].returned());
        return links.isEmpty() ? r : Response.fromResponse(r).header(Paging.LINK, links).build();
    }

    @GET
    @Path("/{adcode}")
    @Produces({VenueResource.GEOJSON, MediaType.APPLICATION_JSON})
    public String get(@PathParam("adcode") String adcode) {
        String f = queries.district(adcode);
        if (f == null) {
            throw ApiException.notFound(Messages.of("noun.district", adcode));
        }
        return f;
    }
}
