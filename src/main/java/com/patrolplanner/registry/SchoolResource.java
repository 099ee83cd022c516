package com.patrolplanner.registry;

import com.patrolplanner.i18n.Messages;
import com.patrolplanner.geo.Datum;
import com.patrolplanner.security.CurrentUser;
import com.patrolplanner.security.Roles;
import com.patrolplanner.web.ApiException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import com.patrolplanner.web.Paging;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/** The school register (campus polygons in properties.campus). Lists are GeoJSON FeatureCollections with {@code numberMatched}/{@code numberReturned}. */
@Path("/api/schools")
public class SchoolResource {
    private static final String GEOJSON = VenueResource.GEOJSON;

    @Inject
    RegistryService registry;
    @Inject
    RegisterQueries queries;
    @Inject
    CurrentUser user;

    @GET
    @Produces({GEOJSON, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.PLANNER, Roles.TEAM_LEADER, Roles.MANAGER, Roles.ADMIN})
    public Response list(@QueryParam("bbox") String bbox, @QueryParam("level") String category,
            @QueryParam("district") String district, @QueryParam("q") String q,
            @QueryParam("limit") Integer limit, @QueryParam("offset") Integer offset,
            @Parameter(description = "comma-separated fields, - for descending (default id): id, name, level, createdAt, "
                    + "updatedAt") @QueryParam("sort") String sort,
            @Context UriInfo uri, @jakarta.ws.rs.HeaderParam(jakarta.ws.rs.core.HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        RegisterQueries.Filter f = new RegisterQueries.Filter(bbox, category, district, null, q, limit, offset, sort);
        return VenueResource.list(queries, RegisterLayers.Kind.SCHOOLS, f, uri, ifNoneMatch);
    }

    @GET
    @Path("/{id}")
    @Produces({GEOJSON, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.PLANNER, Roles.TEAM_LEADER, Roles.MANAGER, Roles.ADMIN})
    public String get(@PathParam("id") long id) {
        String f = queries.school(id);
        if (f == null) {
            throw ApiException.notFound(Messages.of("noun.school", id));
        }
        return f;
    }

    @POST
    @Consumes({MediaType.APPLICATION_JSON, GEOJSON})
    @Produces({GEOJSON, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN})
    public Response create(@NotNull @Valid SchoolInput in) {
        School v = registry.createSchool(in, user.name());
        return Response.created(URI.create("/api/schools/" + v.id)).entity(queries.school(v.id)).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, GEOJSON})
    @Produces({GEOJSON, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN})
    public String update(@PathParam("id") long id, @NotNull @Valid SchoolInput in) {
        registry.updateSchool(id, in, user.name());
        return queries.school(id);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN})
    public Response delete(@PathParam("id") long id) {
        registry.deleteSchool(id, user.name());
        return Response.noContent().build();
    }

    /** A pin set by hand (e.g. dragged on the map), recorded in the history with who, when and why. */
    public record LocationInput(@NotNull Double lon, @NotNull Double lat, String datum, String reason) {
    }

    @PUT
    @Path("/{id}/location")
    @Consumes({MediaType.APPLICATION_JSON, GEOJSON})
    @Produces({GEOJSON, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN})
    public String locate(@PathParam("id") long id, @NotNull @Valid LocationInput in) {
        RegistryService.checkLonLat(in.lon(), in.lat());
        registry.locateSchool(id, in.lon(), in.lat(), RegistryService.parseDatum(in.datum()), "manual", 1.0,
                user.name(), in.reason());
        return queries.school(id);
    }

    @GET
    @Path("/{id}/history")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PLANNER, Roles.TEAM_LEADER, Roles.MANAGER, Roles.ADMIN})
    public List<ChangeHistory> history(@PathParam("id") long id) {
        registry.school(id);
        return registry.historyOf("school", id);
    }
}
