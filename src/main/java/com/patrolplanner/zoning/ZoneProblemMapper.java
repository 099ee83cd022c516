package com.patrolplanner.zoning;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.patrolplanner.web.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The overlap problem is the usual problem+json plus an {@code overlaps} member (zone id, name, area, geometry). */
public class ZoneProblemMapper {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @ServerExceptionMapper
    public Response overlap(ZoneOverlapException e, UriInfo uri) {
        ObjectNode body = MAPPER.valueToTree(new Problem("about:blank", e.title(), e.status(), e.getMessage(),
                uri == null ? null : uri.getPath(), e.errors()));
        body.set("overlaps", e.overlaps());
        return Response.status(e.status()).type(Problem.MEDIA_TYPE).entity(body.toString()).build();
    }
}
