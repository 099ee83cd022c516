package com.patrolplanner.geocode;

import com.patrolplanner.i18n.Messages;
import com.fasterxml.jackson.databind.JsonNode;
import com.patrolplanner.jobs.JobService;
import com.patrolplanner.security.CurrentUser;
import com.patrolplanner.security.Roles;
import com.patrolplanner.web.ApiException;
import com.patrolplanner.web.Problem.FieldError;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Geocoding API: candidates for one address, reverse geocoding, batch jobs (progress at /api/jobs/{id}), their results
 * and the review queue. Positions are WGS-84 lon/lat.
 */
@Path("/api/geocode")
@Produces(MediaType.APPLICATION_JSON)
public class GeocodeResource {
    static final int MAX_BATCH = 200_000;

    @Inject
    GeocodeEngine engine;
    @Inject
    GeocodeQueries queries;
    @Inject
    GeocodeBatch batch;
    @Inject
    OnlineLookup online;
    @Inject
    JobService jobs;
    @Inject
    CurrentUser user;

    @GET
    @RolesAllowed({Roles.PLANNER, Roles.TEAM_LEADER, Roles.MANAGER, Roles.ADMIN})
    public List<Map<String, Object>> geocode(@QueryParam("q") String q, @QueryParam("district") String district,
            @QueryParam("limit") Integer limit) {
        if (q == null || q.isBlank()) {
            throw ApiException.badRequest("q", Messages.of("geocode.qRequired"));
        }
        if (q.length() > 500) {
            throw ApiException.badRequest("q", Messages.of("common.maxChars", 500));
        }
        int n = limit == null ? 5 : limit;
        if (n < 1 || n > 50) {
            throw ApiException.badRequest("limit", Messages.of("common.between", 1, 50));
        }
        String adcode = null;
        if (district != null && !district.isBlank()) {
            adcode = QuarkusTransaction.requiringNew().call(() -> queries.adcodeOf(district));
            if (adcode == null) {
                throw ApiException.badRequest("district", Messages.of("geocode.unknownDistrict", district));
            }
        }
        final String dc = adcode;
        List<Candidate> found = new ArrayList<>(QuarkusTransaction.requiringNew().call(() -> engine.geocode(q, dc, n)));
        if (found.isEmpty() || found.get(0).confidence() < 0.8) {
            found.addAll(online.search(q));
            found.sort(java.util.Comparator.comparingDouble(Candidate::confidence).reversed());
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Candidate c : found.subList(0, Math.min(n, found.size()))) {
            out.add(json(c));
        }
        return out;
    }

    @GET
    @Path("/reverse")
    @RolesAllowed({Roles.PLANNER, Roles.TEAM_LEADER, Roles.MANAGER, Roles.ADMIN})
    public GeocodeQueries.Reverse reverse(@QueryParam("lon") Double lon, @QueryParam("lat") Double lat) {
        if (lon == null) {
            throw ApiException.badRequest("lon", Messages.of("common.required"));
        }
        if (lat == null) {
            throw ApiException.badRequest("lat", Messages.of("common.required"));
        }
        if (!Double.isFinite(lon) || lon < -180 || lon > 180) {
            throw ApiException.badRequest("lon", Messages.of("geocode.lonOutside"));
        }
        if (!Double.isFinite(lat) || lat < -90 || lat > 90) {
            throw ApiException.badRequest("lat", Messages.of("geocode.latOutside"));
        }
        return QuarkusTransaction.requiringNew().call(() -> queries.reverse(lon, lat));
    }

    /** {"addresses":[{"id","address"}]} or {"venues":"ungeocoded"} / {"schools":"ungeocoded"} → 202 {"jobId"}. */
    @POST
    @Path("/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN})
    public Response submit(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("body", Messages.of("geocode.batchBody"));
        }
        List<GeocodeBatch.Item> items;
        if (body.has("venues") || body.has("schools")) {
            String type = body.has("venues") ? "venue" : "school";
            String field = type + "s";
            if (!"ungeocoded".equals(body.path(field).asText())) {
                throw ApiException.invalid(field, Messages.of("geocode.onlyUngeocoded"));
            }
            items = batch.ungeocoded(type);
        } else {
            JsonNode arr = body.get("addresses");
            if (arr == null || !arr.isArray()) {
                throw ApiException.invalid("addresses", Messages.of("geocode.addressesRequired"));
            }
            if (arr.isEmpty()) {
                throw ApiException.invalid("addresses", Messages.of("common.empty"));
            }
            if (arr.size() > MAX_BATCH) {
                throw ApiException.invalid("addresses", Messages.of("geocode.batchMax", MAX_BATCH));
            }
            List<FieldError> errors = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            items = new ArrayList<>(arr.size());
            for (int i = 0; i < arr.size(); i++) {
                JsonNode a = arr.get(i);
                String id = a.path("id").isValueNode() ? a.path("id").asText() : null;
                String address = a.path("address").isTextual() ? a.path("address").asText() : null;
                if (id == null || id.isBlank()) {
                    errors.add(new FieldError(i, "id", Messages.of("common.required")));
                } else if (id.length() > 200) {
                    errors.add(new FieldError(i, "id", Messages.of("common.maxChars", 200)));
                } else if (!ids.add(id)) {
                    errors.add(new FieldError(i, "id", Messages.of("geocode.duplicateId", id)));
                }
                if (address == null || address.isBlank()) {
                    errors.add(new FieldError(i, "address", Messages.of("common.required")));
                } else if (address.length() > 500) {
                    errors.add(new FieldError(i, "address", Messages.of("common.maxChars", 500)));
                }
                if (errors.size() >= 200) {
                    break;
                }
                items.add(new GeocodeBatch.Item(id, address, null, null));
            }
            if (!errors.isEmpty()) {
                throw ApiException.unprocessable(Messages.of("geocode.badAddresses", errors.size()), errors);
            }
        }
        UUID id = batch.submit(items, user.name());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("jobId", id.toString());
        out.put("total", items.size());
        return Response.accepted(out).header("Location", "/api/jobs/" + id).build();
    }

    @GET
    @Path("/batch/{jobId}/results")
    @RolesAllowed({Roles.PLANNER, Roles.MANAGER, Roles.ADMIN})
    public List<GeocodeQueries.BatchResult> results(@PathParam("jobId") String jobId) {
        UUID id;
        try {
            id = UUID.fromString(jobId);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound(Messages.of("noun.job", jobId));
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            com.patrolplanner.jobs.JobStatus s = jobs.status(id);
            // another user's batch is not there for a manager (the results name addresses of someone else's work)
            if (!GeocodeBatch.JOB_KIND.equals(s.kind())
                    || (!user.has(Roles.PLANNER) && !user.has(Roles.ADMIN) && !user.name().equals(s.owner()))) {
                throw ApiException.notFound(Messages.of("noun.geocodeJob", jobId));
            }
            return queries.results(id);
        });
    }

    @GET
    @Path("/review")
    @RolesAllowed({Roles.PLANNER, Roles.MANAGER, Roles.ADMIN})
    public List<GeocodeQueries.ReviewItem> review(@QueryParam("type") String type, @QueryParam("limit") Integer limit,
            @QueryParam("offset") Integer offset) {
        if (type != null && !type.isBlank() && !type.equals("venue") && !type.equals("school")) {
            throw ApiException.badRequest("type", Messages.of("geocode.type"));
        }
        int l = limit == null ? 100 : limit;
        int o = offset == null ? 0 : offset;
        if (l < 1 || l > 1000) {
            throw ApiException.badRequest("limit", Messages.of("common.between", 1, 1000));
        }
        if (o < 0) {
            throw ApiException.badRequest("offset", Messages.of("common.notNegativeWord"));
        }
        return QuarkusTransaction.requiringNew().call(() -> queries.review(type == null || type.isBlank() ? null : type, l, o));
    }

    static Map<String, Object> json(Candidate c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lon", Math.round(c.lon() * 1e7) / 1e7);
        m.put("lat", Math.round(c.lat() * 1e7) / 1e7);
        m.put("level", c.level().name());
        m.put("confidence", Math.round(c.confidence() * 1000) / 1000.0);
        m.put("matched", c.matched());
        m.put("source", c.source());
        m.put("districtCode", c.districtCode());
        return m;
    }
}
