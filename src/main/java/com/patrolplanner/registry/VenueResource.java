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
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.HttpHeaders;
import com.patrolplanner.web.AnswerCache;
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

/** The venue register. Lists are GeoJSON FeatureCollections with {@code numberMatched}/{@code numberReturned}. */
@Path("/api/venues")
public class VenueResource {
    public static final String GEOJSON = "application/geo+json";

    @Inject
    RegistryService registry;
    @Inject
    RegisterQueries queries;
    @Inject
    CurrentUser user;
    @Inject
    JointStops jointStops;

    @GET
    @Produces({GEOJSON, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.PLANNER, Roles.TEAM_LEADER, Roles.MANAGER, Roles.ADMIN})
    public Response list(@QueryParam("bbox") String bbox, @QueryParam("category") String category,
            @QueryParam("district") String district, @QueryParam("status") String status, @QueryParam("q") String q,
            @QueryParam("limit") Integer limit, @QueryParam("offset") Integer offset,
            @Parameter(description = "comma-separated fields, - for descending (default id): id, name, licenceNo, category, "
                    + "status, complaintCount, createdAt, updatedAt") @QueryParam("sort") String sort,
            @Context UriInfo uri, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        RegisterQueries.Filter f = new RegisterQueries.Filter(bbox, category, district, status, q, limit, offset, sort);
        return list(queries, RegisterLayers.Kind.VENUES, f, uri, ifNoneMatch);
    }

    /**
     * A register list: a map-layer request (only a box, id order) from the kept layer with an ETag (304 when the client
     * holds it), anything else by SQL.
     */
    static Response list(RegisterQueries queries, RegisterLayers.Kind kind, RegisterQueries.Filter f, UriInfo uri,
            String ifNoneMatch) {
        RegisterQueries.LayerRequest layer = queries.layerRequest(kind, f);
        if (layer == null) {
            RegisterQueries.FeaturePage p = kind == RegisterLayers.Kind.VENUES ? queries.venues(f) : queries.schools(f);
            return Paging.ok(p.json(), uri, p.page(), p.matched(), p.returned());
        }
        RegisterQueries.FeaturePage[] page = new RegisterQueries.FeaturePage[1];
        Response r = AnswerCache.conditional(layer.tag(), ifNoneMatch, null, () -> (page[0] = queries.answer(layer)).json());
        if (page[0] == null) {
            return r; // 304
        }
        String links = Paging.links(uri, page[0].page(), page[0].matched(), page[0].returned());
        return links.isEmpty() ? r : Response.fromResponse(r).header(Paging.LINK, links).build();
    }

    @GET
    @Path("/{id}")
    @Produces({GEOJSON, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.PLANNER, Roles.TEAM_LEADER, Roles.MANAGER, Roles.ADMIN})
    public String get(@PathParam("id") long id) {
        String f = queries.venue(id);
        if (f == null && user.scopedToTeam() && user.teamId() != null && jointStops.teamHasStop(user.teamId(), id)) {
            // a leader at the own team's stop of a joint campaign (联合行动) in another unit reads the venue, nothing more
            f = queries.venueOnJointStop(id);
        }
        if (f == null) {
            throw ApiException.notFound(Messages.of("noun.venue", id));
        }
        return f;
    }

    @POST
    @Consumes({MediaType.APPLICATION_JSON, GEOJSON})
    @Produces({GEOJSON, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN})
    public Response create(@NotNull @Valid VenueInput in) {
        Venue v = registry.createVenue(in, user.name());
        return Response.created(URI.create("/api/venues/" + v.id)).entity(queries.venue(v.id)).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, GEOJSON})
    @Produces({GEOJSON, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN})
    public String update(@PathParam("id") long id, @NotNull @Valid VenueInput in) {
        registry.updateVenue(id, in, user.name());
        return queries.venue(id);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN})
    public Response delete(@PathParam("id") long id) {
        registry.deleteVenue(id, user.name());
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
        registry.locateVenue(id, in.lon(), in.lat(), RegistryService.parseDatum(in.datum()), "manual", 1.0,
                user.name(), in.reason());
        return queries.venue(id);
    }

    @GET
    @Path("/{id}/history")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PLANNER, Roles.TEAM_LEADER, Roles.MANAGER, Roles.ADMIN})
    public List<ChangeHistory> history(@PathParam("id") long id) {
        registry.venue(id);
        return registry.historyOf("venue", id);
    }
}
