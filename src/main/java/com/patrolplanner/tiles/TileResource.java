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
