package com.patrolplanner.compliance;

import com.patrolplanner.i18n.Messages;
import com.patrolplanner.geo.Datum;
import com.patrolplanner.geo.GeoJson;
import com.patrolplanner.registry.RegisterQueries;
import com.patrolplanner.registry.VenueCategory;
import com.patrolplanner.security.Roles;
import com.patrolplanner.time.BureauClock;
import com.patrolplanner.web.ApiException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * School-perimeter compliance: violations (GeoJSON, CSV, XLSX, streamed), the site check before a licence is granted,
 * and the school buffers for the map. Every distance is geodesic from the campus boundary (see {@link ComplianceSql}).
 */
@Path("/api/compliance")
public class ComplianceResource {
    static final String GEOJSON = "application/geo+json";

    @Inject
    ComplianceService compliance;
    @Inject
    com.patrolplanner.geocode.GeocodeEngine geocoder;

    /**
     * Each venue within a rule's distance of a school, under the rules in force on {@code date} (default today).
     * {@code source=live} recomputes instead of reading the maintained verdicts (same rows).
     */
    @GET
    @Path("/violations")
    @Produces({GEOJSON, MediaType.APPLICATION_JSON, "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    @RolesAllowed({Roles.PLANNER, Roles.MANAGER, Roles.ADMIN})
    public Response violations(@QueryParam("district") String district, @QueryParam("category") String category,
            @QueryParam("rule") String rule, @QueryParam("format") String format, @QueryParam("date") String date,
            @QueryParam("source") String source) {
        ViolationWriter.Format f;
        try {
            f = ViolationWriter.Format.parse(format);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("format", e.getMessage());
        }
        if (district != null && !district.isBlank() && !district.trim().matches("^[1-9][0-9]{1,11}$")) {
            throw ApiException.badRequest("district", Messages.of("compliance.district"));
        }
        boolean live;
        if (source == null || source.isBlank() || source.equals("stored")) {
            live = false;
        } else if (source.equals("live")) {
            live = true;
        } else {
            throw ApiException.badRequest("source", Messages.of("compliance.source"));
        }
        LocalDate d = date(date);
        ViolationQuery q = new ViolationQuery(blank(district), category(category, false), ruleCode(rule), d, live);
        StreamingOutput body = out -> compliance.writeViolations(q, f, out);
        Response.ResponseBuilder r = Response.ok(body, f.mediaType);
        if (f != ViolationWriter.Format.GEOJSON) {
            r.header("Content-Disposition", "attachment; filename=\"violations-"
                    + (d == null ? BureauClock.today() : d) + "." + f.extension + "\"");
        }
        return r.build();
    }

    /**
     * 选址核查 for licensing staff: {@code lon}/{@code lat} in {@code datum} (WGS84 default, GCJ02, BD09) and the category
     * of the venue to be licensed.
     */
    @GET
    @Path("/site-check")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PLANNER, Roles.MANAGER, Roles.ADMIN})
    public ComplianceService.SiteCheck siteCheck(@QueryParam("lon") Double lon, @QueryParam("lat") Double lat,
            @QueryParam("datum") String datum, @QueryParam("address") String address,
            @QueryParam("category") String category, @QueryParam("date") String date,
            @QueryParam("nearest") Integer nearest) {
        if (lon == null && lat == null && address != null && !address.isBlank()) {
            // An address goes through the offline geocoder first; its best candidate is WGS-84.
            java.util.List<com.patrolplanner.geocode.Candidate> found = geocoder.geocode(address, null, 1);
            if (found.isEmpty()) {
                throw ApiException.invalid("address", Messages.of("compliance.addressNotLocated"));
            }
            lon = found.get(0).lon();
            lat = found.get(0).lat();
            datum = "WGS84";
        }
        if (lon == null || lat == null) {
            throw ApiException.badRequest(lon == null ? "lon" : "lat", Messages.of("compliance.lonLatRequired"));
        }
        Datum dt;
        try {
            dt = Datum.parse(datum);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("datum", e.getMessage());
        }
        try {
            GeoJson.checkLonLat(lon, lat, "lon/lat");
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage().contains("geo.latitude") ? "lat" : "lon",
                    e.getMessage().replaceFirst("^lon/lat: ", ""));
        }
        int n = nearest == null ? 5 : nearest;
        if (n < 0 || n > 50) {
            throw ApiException.badRequest("nearest", Messages.of("compliance.nearest", 0, 50));
        }
        double[] w = dt.toWgs84(lon, lat);
        return compliance.siteCheck(w[0], w[1], category(category, true), date(date), n);
    }

    /** The school buffers of the rules in force (optionally one rule) around {@code bbox}, for drawing only. */
    @GET
    @Path("/buffers")
    @Produces({GEOJSON, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.PLANNER, Roles.TEAM_LEADER, Roles.MANAGER, Roles.ADMIN})
    public String buffers(@QueryParam("bbox") String bbox, @QueryParam("rule") String rule, @QueryParam("date") String date) {
        if (bbox == null || bbox.isBlank()) {
            throw ApiException.badRequest("bbox", Messages.of("compliance.bboxRequired"));
        }
        String fc = compliance.buffers(RegisterQueries.parseBbox(bbox), ruleCode(rule), date(date));
        if (fc == null) {
            throw ApiException.badRequest("bbox", Messages.of("compliance.tooManyBuffers",
                    ComplianceService.MAX_BUFFERS));
        }
        return fc;
    }

    private static String category(String category, boolean required) {
        if (category == null || category.isBlank()) {
            if (required) {
                throw ApiException.badRequest("category", Messages.of("compliance.categoryRequired"));
            }
            return null;
        }
        try {
            return VenueCategory.parse(category).code;
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("category", e.getMessage());
        }
    }

    private static String ruleCode(String rule) {
        if (rule == null || rule.isBlank()) {
            return null;
        }
        if (ComplianceRule.count("code", rule.trim()) == 0) {
            throw ApiException.badRequest("rule", Messages.of("compliance.noRule", rule));
        }
        return rule.trim();
    }

    private static LocalDate date(String date) {
        if (date == null || date.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(date.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("date", Messages.of("common.expectedDate"));
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
