package com.patrolplanner.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * One REST contract (issue 17): a typed request body may also come as the GeoJSON Feature its {@code GET} returns. The
 * Feature's {@code properties} become the body (so {@code version} travels inside them), a Point geometry fills
 * {@code lon}/{@code lat} unless the properties name them, and any geometry stays under {@code geometry}. Bare
 * properties pass unchanged. Bodies read as a JSON tree ({@code JsonNode}: the OGC Part 4 writes, zones) are left to
 * their resource, which reads Features itself.
 */
@Provider
public class FeatureBodies implements ReaderInterceptor {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext ctx) throws IOException {
        MediaType mt = ctx.getMediaType();
        Class<?> type = ctx.getType();
        if (mt == null || !mt.getSubtype().endsWith("json") || JsonNode.class.isAssignableFrom(type)
                || type == String.class || type == byte[].class || type.isPrimitive()) {
            return ctx.proceed();
        }
        byte[] body = ctx.getInputStream().readAllBytes();
        byte[] flat = flatten(body);
        ctx.setInputStream(new ByteArrayInputStream(flat == null ? body : flat));
        return ctx.proceed();
    }

    /** The body as bare properties when it is a GeoJSON Feature; null when it is not one (or not JSON at all). */
    static byte[] flatten(byte[] body) {
        if (body.length == 0 || !new String(body, StandardCharsets.UTF_8).contains("Feature")) {
            return null;
        }
        JsonNode n;
        try {
            n = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            return null; // the reader below names the syntax error as it always did
        } catch (IOException e) {
            return null;
        }
        if (n == null || !n.isObject() || !"Feature".equals(n.path("type").asText())) {
            return null;
        }
        ObjectNode out = n.get("properties") instanceof ObjectNode p ? p.deepCopy() : MAPPER.createObjectNode();
        JsonNode g = n.get("geometry");
        if (g != null && g.isObject()) {
            if ("Point".equals(g.path("type").asText()) && g.path("coordinates").size() >= 2 && !out.has("lon")
                    && !out.has("lat")) {
                out.set("lon", g.get("coordinates").get(0));
                out.set("lat", g.get("coordinates").get(1));
            }
            if (!out.has("geometry")) {
                out.set("geometry", g);
            }
        }
        try {
            return MAPPER.writeValueAsBytes(out);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
