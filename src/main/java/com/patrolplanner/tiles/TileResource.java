package com.patrolplanner.tiles;

import com.patrolplanner.i18n.Messages;
import com.patrolplanner.registry.Jurisdiction;
import com.patrolplanner.registry.Scope;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.patrolplanner.security.Roles;
import com.patrolplanner.web.ApiException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import com.patrolplanner.coverage.CoverageQuery;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * Vector tiles of the venues, schools (campus polygons and points) and active zones for maps of large registers, with a
 * TileJSON 3.0 document per layer. Every role that reads the registers reads the tiles. A tile carries the layer's ETag
 * and {@code Cache-Control: private, max-age=60}; {@code If-None-Match} with a current ETag gets 304 without rendering;
 * an empty area is 204; a tile address outside the zoom's grid is 400.
 */
@Path("/tiles")
public class TileResource {
    public static final String MVT = "application/vnd.mapbox-vector-tile";

    @Inject
    TileService tiles;
    @Inject
    Jurisdiction jurisdiction;
    @Inject
    ObjectMapper mapper;
    @Context
    UriInfo uri;

    static TileLayer layer(String id) {
        TileLayer l = TileLayer.of(id);
        if (l == null) {
            throw ApiException.notFound(Messages.of("noun.tileLayer", id));
        }
        return l;
    }

    static CacheControl cache() {
        CacheControl cc = new CacheControl();
        cc.setPrivate(true);
        cc.setMaxAge(60);
        return cc;
    }

    @GET
    @Path("/{layer}/{z}/{x}/{y}.mvt")
    @Produces(MVT)
    @RolesAllowed({Roles.PLANNER, Roles.TEAM_LEADER, Roles.MANAGER, Roles.ADMIN})
    public Response tile(@PathParam("layer") String layer, @PathParam("z") int z, @PathParam("x") int x,
            @PathParam("y") int y, @Context Request request) {
        TileLayer l = layer(layer);
        TileService.checkTile(z, x, y);
        Scope scope = jurisdiction.scope();
        EntityTag tag = new EntityTag(tiles.etag(l, scope));
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        if (notModified != null) {
            return notModified.cacheControl(cache()).tag(tag).build();
        }
        byte[] mvt = tiles.tile(l, z, x, y, tag.getValue(), scope);
        Response.ResponseBuilder r = mvt.length == 0 ? Response.noContent() : Response.ok(mvt, MVT);
        return r.tag(tag).cacheControl(cache()).build();
    }

    /**
     * Coverage cells (H3, res 8 below zoom {@value TileService#COVERAGE_FINE_ZOOM}, res 9 from it) of the caller's
     * units with the figures of the period {@code from}..{@code to} (dates, {@code to} included; default the last 182
     * days), as {@code GET /api/coverage/hex} gives them. The ETag names the data version, the period and the scope.
     */
    @GET
    @Path("/coverage/{z}/{x}/{y}.mvt")
    @Produces(MVT)
    @RolesAllowed({Roles.MANAGER, Roles.PLANNER, Roles.ADMIN})
    public Response coverageTile(@PathParam("z") int z, @PathParam("x") int x, @PathParam("y") int y,
            @QueryParam("from") String from, @QueryParam("to") String to,
            @jakarta.ws.rs.HeaderParam(jakarta.ws.rs.core.HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        TileService.checkTile(z, x, y);
        CoverageQuery period = CoverageQuery.of(from, to, null);
        Scope scope = jurisdiction.scope();
        String etag = tiles.coverageEtag(period);
        EntityTag tag = etag == null ? null : new EntityTag(etag, true);
        if (com.patrolplanner.web.AnswerCache.matches(tag, ifNoneMatch)) {
            return Response.notModified(tag).cacheControl(cache()).build();
        }
        byte[] mvt = tiles.coverageTile(z, x, y, period, etag, scope);
        Response.ResponseBuilder r = mvt.length == 0 ? Response.noContent() : Response.ok(mvt, MVT);
        if (tag != null) {
            r.tag(tag);
        }
        return r.cacheControl(cache()).build();
    }

    /** TileJSON of the coverage cells for the period (its tile URL carries {@code from}/{@code to}). */
    @GET
    @Path("/coverage.json")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MANAGER, Roles.PLANNER, Roles.ADMIN})
    public Response coverageTileJson(@QueryParam("from") String from, @QueryParam("to") String to) {
        CoverageQuery period = CoverageQuery.of(from, to, null);
        String base = uri.getBaseUri().toString();
        base = base.endsWith("/") ? base : base + "/";
        String query = "?from=" + period.from().toLocalDate() + "&to=" + period.to().minusDays(1).toLocalDate();
        ObjectNode n = mapper.createObjectNode();
        n.put("tilejson", "3.0.0");
        n.put("name", "coverage");
        n.put("description", "Inspection coverage per H3 cell (res 8 below zoom " + TileService.COVERAGE_FINE_ZOOM
                + ", res 9 from it) for " + period.from().toLocalDate() + " .. " + period.to().minusDays(1).toLocalDate()
                + ": cell, res, venues, venuesInspected, coverage (0..1), inspections, violations, officerVisits.");
        n.putArray("tiles").add(base + "tiles/coverage/{z}/{x}/{y}.mvt" + query);
        n.put("scheme", "xyz");
        n.put("minzoom", 0);
        n.put("maxzoom", TileLayer.MAX_ZOOM);
        ArrayNode bounds = n.putArray("bounds");
        for (double d : tiles.bounds(TileLayer.VENUES)) {
            bounds.add(d);
        }
        ObjectNode vl = n.putArray("vector_layers").addObject();
        vl.put("id", "coverage");
        vl.put("minzoom", 0);
        vl.put("maxzoom", TileLayer.MAX_ZOOM);
        ObjectNode f = vl.putObject("fields");
        f.put("cell", "String (H3 address)");
        f.put("res", "Number");
        f.put("venues", "Number");
        f.put("venuesInspected", "Number");
        f.put("coverage", "Number (0..1; absent when the cell has no active venue)");
        f.put("inspections", "Number");
        f.put("violations", "Number");
        f.put("officerVisits", "Number");
        String etag = tiles.coverageEtag(period);
        Response.ResponseBuilder r = Response.ok(n.toString()).cacheControl(cache());
        if (etag != null) {
            r.tag(new EntityTag(etag, true));
        }
        return r.build();
    }

    @GET
    @Path("/{layer}.json")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PLANNER, Roles.TEAM_LEADER, Roles.MANAGER, Roles.ADMIN})
    public Response tileJson(@PathParam("layer") String layer) {
        TileLayer l = layer(layer);
        String base = uri.getBaseUri().toString();
        base = base.endsWith("/") ? base : base + "/";
        ObjectNode n = mapper.createObjectNode();
        n.put("tilejson", "3.0.0");
        n.put("name", l.id);
        n.put("description", l.description);
        n.putArray("tiles").add(base + "tiles/" + l.id + "/{z}/{x}/{y}.mvt");
        n.put("scheme", "xyz");
        n.put("minzoom", 0);
        n.put("maxzoom", TileLayer.MAX_ZOOM);
        ArrayNode bounds = n.putArray("bounds");
        for (double d : tiles.bounds(l)) {
            bounds.add(d);
        }
        ArrayNode layers = n.putArray("vector_layers");
        l.fields().forEach((id, fields) -> {
            ObjectNode vl = layers.addObject();
            vl.put("id", id);
            vl.put("minzoom", 0);
            vl.put("maxzoom", TileLayer.MAX_ZOOM);
            ObjectNode f = vl.putObject("fields");
            fields.forEach(f::put);
        });
        return Response.ok(n.toString()).tag(new EntityTag(tiles.etag(l, jurisdiction.scope()))).cacheControl(cache()).build();
    }
}
