package com.patrolplanner.ogc;

import com.fasterxml.jackson.databind.JsonNode;
import com.patrolplanner.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;

/**
 * OGC API – Features under {@code /ogc}: Part 1 (core, GeoJSON, OpenAPI 3.0: the definition is {@code /q/openapi}),
 * Part 2 (CRS84 and CGCS2000 through {@code crs} / {@code bbox-crs}, answered with {@code Content-Crs}) and Part 4
 * (POST/PUT/PATCH/DELETE of venues and schools with ETag / If-Match). JSON and GeoJSON are the same documents, served
 * for {@code Accept: application/json} and {@code application/geo+json}. HTTP Basic works for GIS clients.
 */
@Path("/ogc")
public class OgcResource {
    static final String GEOJSON = FeatureService.GEOJSON;
    static final String JSON = FeatureService.JSON;

    @Inject
    FeatureService features;
    @Inject
    FeatureEdits edits;
    @Context
    UriInfo uri;

    private String base() {
        String b = uri.getBaseUri().toString();
        return b.endsWith("/") ? b : b + "/";
    }

    @GET
    @Produces({JSON, GEOJSON})
    @RolesAllowed({Roles.PLANNER, Roles.TEAM_LEADER, Roles.MANAGER, Roles.ADMIN})
    public String landing() {
        return features.landing(base());
    }

    @GET
    @Path("/conformance")
    @Produces({JSON, GEOJSON})
    @RolesAllowed({Roles.PLANNER, Roles.TEAM_LEADER, Roles.MANAGER, Roles.ADMIN})
    public String conformance() {
        return features.conformance();
    }

    @GET
    @Path("/collections")
    @Produces({JSON, GEOJSON})
    @RolesAllowed({Roles.PLANNER, Roles.TEAM_LEADER, Roles.MANAGER, Roles.ADMIN})
    public String collections() {
        return features.collections(base());
    }

    @GET
    @Path("/collections/{collectionId}")
    @Produces({JSON, GEOJSON})
    @RolesAllowed({Roles.PLANNER, Roles.TEAM_LEADER, Roles.MANAGER, Roles.ADMIN})
    public String collection(@PathParam("collectionId") String collectionId) {
        return features.collection(collectionId, base());
    }

    /**
     * A page of features. Property filters by collection: venues {@code category, status, district}; schools
     * {@code level, district}; districts {@code level, district} (parent); zones {@code district, team}; inspections
     * {@code category, district, outcome, team, venue} and {@code datetime}; violations {@code category, district, rule}.
     * Unknown parameters are refused (400).
     */
    @GET
    @Path("/collections/{collectionId}/items")
    @Produces({GEOJSON, JSON})
    @RolesAllowed({Roles.PLANNER, Roles.TEAM_LEADER, Roles.MANAGER, Roles.ADMIN})
    public Response items(@PathParam("collectionId") String collectionId, @QueryParam("limit") Integer limit,
            @QueryParam("offset") Long offset, @QueryParam("bbox") String bbox, @QueryParam("bbox-crs") String bboxCrs,
            @QueryParam("crs") String crs, @QueryParam("datetime") String datetime, @QueryParam("category") String category,
            @QueryParam("status") String status, @QueryParam("level") String level, @QueryParam("district") String district,
            @QueryParam("outcome") String outcome, @QueryParam("team") Long team, @QueryParam("venue") Long venue,
            @QueryParam("rule") String rule) {
        FeatureService.Doc d = features.items(collectionId, uri.getQueryParameters(), base(),
                o -> uri.getRequestUriBuilder().replaceQueryParam("offset", o).build().toString());
        return Response.ok(d.json()).header("Content-Crs", "<" + d.crs().uri + ">").build();
    }

    @GET
    @Path("/collections/{collectionId}/items/{featureId}")
    @Produces({GEOJSON, JSON})
    @RolesAllowed({Roles.PLANNER, Roles.TEAM_LEADER, Roles.MANAGER, Roles.ADMIN})
    public Response item(@PathParam("collectionId") String collectionId, @PathParam("featureId") String featureId,
            @QueryParam("crs") String crs, @Context Request request) {
        FeatureService.Doc d = features.item(collectionId, featureId, crs);
        Response.ResponseBuilder r;
        if (d.version() != null) {
            EntityTag tag = new EntityTag(String.valueOf(d.version()));
            r = request.evaluatePreconditions(tag);
            if (r == null) {
                r = Response.ok(d.json());
            }
            r.tag(tag);
        } else {
            r = Response.ok(d.json());
        }
        return r.header("Content-Crs", "<" + d.crs().uri + ">").build();
    }

    /** Part 4: creates a venue or school from a GeoJSON Feature; 201 with its Location and ETag. */
    @POST
    @Path("/collections/{collectionId}/items")
    @Consumes({GEOJSON, JSON})
    @Produces({GEOJSON, JSON})
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN})
    public Response create(@PathParam("collectionId") String collectionId,
            @HeaderParam("Content-Crs") String contentCrs, JsonNode feature) {
        long id = edits.create(FeatureBody.read(collectionId, feature, OgcCrs.parse(contentCrs, "Content-Crs")));
        FeatureService.Doc d = features.item(collectionId, String.valueOf(id), null);
        return Response.created(URI.create(base() + "ogc/collections/" + collectionId + "/items/" + id)).entity(d.json())
                .tag(new EntityTag(String.valueOf(d.version()))).header("Content-Crs", "<" + d.crs().uri + ">").build();
    }

    /** Part 4: replaces a venue or school; {@code If-Match} with the ETag read (412 when it is stale). */
    @PUT
    @Path("/collections/{collectionId}/items/{featureId}")
    @Consumes({GEOJSON, JSON})
    @Produces({GEOJSON, JSON})
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN})
    public Response replace(@PathParam("collectionId") String collectionId, @PathParam("featureId") long featureId,
            @HeaderParam("If-Match") String ifMatch, @HeaderParam("Content-Crs") String contentCrs, JsonNode feature) {
        return written(collectionId, featureId,
                edits.write(featureId, FeatureBody.read(collectionId, feature, OgcCrs.parse(contentCrs, "Content-Crs")), ifMatch, false));
    }

    /** Part 4: updates the given properties (and geometry, if given) of a venue or school; {@code If-Match} as PUT. */
    @PATCH
    @Path("/collections/{collectionId}/items/{featureId}")
    @Consumes({GEOJSON, JSON, "application/merge-patch+json"})
    @Produces({GEOJSON, JSON})
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN})
    public Response update(@PathParam("collectionId") String collectionId, @PathParam("featureId") long featureId,
            @HeaderParam("If-Match") String ifMatch, @HeaderParam("Content-Crs") String contentCrs, JsonNode feature) {
        return written(collectionId, featureId,
                edits.write(featureId, FeatureBody.read(collectionId, feature, OgcCrs.parse(contentCrs, "Content-Crs")), ifMatch, true));
    }

    @DELETE
    @Path("/collections/{collectionId}/items/{featureId}")
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN})
    public Response delete(@PathParam("collectionId") String collectionId, @PathParam("featureId") long featureId,
            @HeaderParam("If-Match") String ifMatch) {
        edits.delete(collectionId, featureId, ifMatch);
        return Response.noContent().build();
    }

    private Response written(String collectionId, long id, int version) {
        FeatureService.Doc d = features.item(collectionId, String.valueOf(id), null);
        return Response.ok(d.json()).tag(new EntityTag(String.valueOf(d.version() == null ? version : d.version())))
                .header("Content-Crs", "<" + d.crs().uri + ">").build();
    }
}
