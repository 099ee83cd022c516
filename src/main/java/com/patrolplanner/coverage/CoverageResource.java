package com.patrolplanner.coverage;

import com.patrolplanner.i18n.Lang;
import com.patrolplanner.i18n.Messages;
import com.patrolplanner.time.BureauClock;
import com.patrolplanner.security.Roles;
import com.patrolplanner.web.ApiException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import com.patrolplanner.web.AnswerCache;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Coverage maps, gaps and hot spots for managers and planners. Periods: {@code from}/{@code to} dates, to inclusive. */
@Path("/api/coverage")
@RolesAllowed({Roles.MANAGER, Roles.PLANNER, Roles.ADMIN})
public class CoverageResource {
    private static final String GEOJSON = "application/geo+json";

    @Inject
    CoverageService coverage;
    @Inject
    GapService gaps;
    @Inject
    HotSpotService hotSpots;
    @Inject
    UnitMap unitMap;

    /**
     * The city's choropleth per unit: one feature per unit directly below {@code unit} (default the caller's unit; id,
     * adcode or name; another unit's is a 404) with its area and coverage, inspections per venue and open violations
     * near schools.
     */
    @GET
    @Path("/units")
    @Produces({GEOJSON, MediaType.APPLICATION_JSON})
    public String units(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("unit") String unit) {
        return unitMap.geoJson(CoverageQuery.of(from, to, null), unit);
    }

    /** H3 hexagons (res 8 ≈ 500 m, res 9 ≈ 200 m) with venues, inspected, coverage, inspections, violations, officer-visits. */
    @GET
    @Path("/hex")
    @Produces({GEOJSON, MediaType.APPLICATION_JSON})
    public Response hex(@QueryParam("bbox") String bbox, @QueryParam("res") Integer res, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("metric") String metric,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        CoverageQuery q = CoverageQuery.of(from, to, bbox);
        int r = res(res);
        CoverageQuery.Metric m = CoverageQuery.Metric.parse(metric, CoverageQuery.Metric.COVERAGE);
        return AnswerCache.conditional(coverage.etag("hex", q.from() + "/" + q.to(), bbox, String.valueOf(r), m.code()), ifNoneMatch, null, () -> coverage.hexGeoJson(q, r, m));
    }

    /** Leaflet.heat points {@code [lat, lon, intensity 0..1]}; use {@code max: 1} on the layer. */
    @GET
    @Path("/heat")
    @Produces(MediaType.APPLICATION_JSON)
    public Response heat(@QueryParam("bbox") String bbox, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("metric") String metric,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        CoverageQuery q = CoverageQuery.of(from, to, bbox);
        CoverageQuery.Metric m = CoverageQuery.Metric.parse(metric, CoverageQuery.Metric.INSPECTIONS);
        // the gap metric counts days until today: it changes without a write, so it is not cached
        return AnswerCache.conditional(m == CoverageQuery.Metric.GAP ? null : coverage.etag("heat", q.from() + "/" + q.to(), bbox, m.code()), ifNoneMatch,
                MediaType.APPLICATION_JSON, () -> coverage.heatJson(q, m));
    }

    /** Per active venue: last inspection, days since, and the period's figures. */
    @GET
    @Path("/venues")
    @Produces({GEOJSON, MediaType.APPLICATION_JSON})
    public String venues(@QueryParam("bbox") String bbox, @QueryParam("from") String from, @QueryParam("to") String to) {
        return coverage.venuesGeoJson(CoverageQuery.of(from, to, bbox));
    }

    @GET
    @Path("/districts")
    @Produces(MediaType.APPLICATION_JSON)
    public List<CoverageService.AreaRow> districts(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("district") String district) {
        return coverage.districts(CoverageQuery.of(from, to, null), blank(district)).stream()
                .map(CoverageService.AreaStats::row).toList();
    }

    /** Per zone of each district's active zone set. */
    @GET
    @Path("/zones")
    @Produces(MediaType.APPLICATION_JSON)
    public Zones zones(@QueryParam("from") String from, @QueryParam("to") String to) {
        return new Zones(coverage.zones(CoverageQuery.of(from, to, null)).stream().map(CoverageService.AreaStats::row).toList());
    }

    public record Zones(List<CoverageService.AreaRow> zones) {
    }

    /** Gaps ranked by risk; {@code format=csv|xlsx} downloads the list. */
    @GET
    @Path("/gaps")
    @Produces({MediaType.APPLICATION_JSON, TableExport.CSV, TableExport.XLSX})
    public Response gaps(@QueryParam("days") Integer days, @QueryParam("target") Double target, @QueryParam("at") String at,
            @QueryParam("limit") Integer limit, @QueryParam("format") String format,
            @HeaderParam("Accept-Language") String acceptLanguage) {
        LocalDate asOf;
        try {
            asOf = at == null || at.isBlank() ? BureauClock.today() : LocalDate.parse(at.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("at", Messages.of("common.dateExample", "2025-05-31"));
        }
        if (limit != null && (limit < 1 || limit > 100_000)) {
            throw ApiException.badRequest("limit", Messages.of("common.mustRange", 1, 100000));
        }
        GapService.Result r = gaps.gaps(asOf, days == null ? GapService.DEFAULT_DAYS : days,
                target == null ? GapService.DEFAULT_TARGET : target, limit);
        String f = format == null || format.isBlank() ? "json" : format.trim().toLowerCase(java.util.Locale.ROOT);
        List<String> header = List.of("序号 rank", "类型 kind", "对象 entity", "编号 id", "名称 name", "类别 category",
                "区划 district", "经度 lon", "纬度 lat", "最近检查 last_inspected_at", "距今天数 days_since", "风险分 risk",
                "原因 reason");
        List<List<Object>> rows = new ArrayList<>();
        for (GapService.Gap g : r.items()) {
            List<Object> row = new ArrayList<>();
            row.add(g.rank());
            row.add(g.kind());
            row.add(g.entity());
            row.add(g.id());
            row.add(g.name());
            row.add(g.category());
            row.add(g.district());
            row.add(g.lon());
            row.add(g.lat());
            row.add(g.lastInspectedAt() == null ? null : g.lastInspectedAt().toString());
            row.add(g.daysSince());
            row.add(g.risk());
            row.add(Messages.text(g.reason(), Lang.of(acceptLanguage))); // a download is not localised on the way out
            rows.add(row);
        }
        String name = "coverage-gaps-" + asOf;
        return switch (f) {
            case "json" -> Response.ok(r, MediaType.APPLICATION_JSON).build();
            case "csv" -> Response.ok(TableExport.csv(header, rows), TableExport.CSV)
                    .header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"").build();
            case "xlsx" -> Response.ok(TableExport.xlsx(List.of(new TableExport.SheetData("检查空白 gaps", header, rows))),
                    TableExport.XLSX).header("Content-Disposition", "attachment; filename=\"" + name + ".xlsx\"").build();
            default -> throw ApiException.badRequest("format", Messages.of("common.formatOneOf", "json, csv, xlsx"));
        };
    }

    /** Getis-Ord Gi* of violations per H3 cell, FDR-corrected bins −3..3 (99/95/90 % confidence). */
    @GET
    @Path("/hotspots")
    @Produces({GEOJSON, MediaType.APPLICATION_JSON})
    public String hotspots(@QueryParam("bbox") String bbox, @QueryParam("res") Integer res, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("ring") Integer ring) {
        return hotSpots.hotSpotsGeoJson(CoverageQuery.of(from, to, bbox), res(res), ring == null ? 1 : ring);
    }

    private static int res(Integer res) {
        try {
            return HexCells.checkRes(res);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("res", Messages.of("coverage.res"));
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
