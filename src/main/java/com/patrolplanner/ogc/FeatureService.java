package com.patrolplanner.ogc;

import com.patrolplanner.i18n.Messages;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import com.patrolplanner.compliance.ComplianceService;
import com.patrolplanner.compliance.Violation;
import com.patrolplanner.compliance.ViolationQuery;
import com.patrolplanner.ogc.CollectionSpec.Source;
import com.patrolplanner.registry.RegisterQueries;
import com.patrolplanner.security.CurrentUser;
import com.patrolplanner.time.BureauClock;
import com.patrolplanner.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * OGC API – Features read side: landing page, conformance, collection metadata with extents, pages of items and single
 * items, as JSON strings. Who may read a collection and which rows a team leader sees follow the REST API: team leaders
 * see their own team's inspections only ({@link CurrentUser#scopedToTeam()}, as {@code InspectionService} scopes them),
 * violations are for planners, managers and administrators.
 */
@ApplicationScoped
public class FeatureService {
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 10_000;
    public static final String GEOJSON = "application/geo+json";
    public static final String JSON = "application/json";
    static final String OPENAPI = "application/vnd.oai.openapi+json;version=3.0";
    static final String TRS = "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian";
    static final Set<String> STANDARD_PARAMS = Set.of("limit", "offset", "bbox", "bbox-crs", "crs", "datetime", "f");

    public static final List<String> CONFORMANCE = List.of(
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
            "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs",
            "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/create-replace-delete",
            "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/update",
            "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/optimistic-locking-etags");

    @Inject
    FeatureStore store;
    @Inject
    ComplianceService compliance;
    @Inject
    CurrentUser user;
    @Inject
    ObjectMapper mapper;

    /** A rendered document, the CRS of its coordinates and (single registry features) the record's version. */
    public record Doc(String json, OgcCrs crs, Integer version) {
    }

    // ------------------------------------------------------------------ landing, conformance, collections

    public String landing(String base) {
        ObjectNode n = mapper.createObjectNode();
        n.put("title", Messages.of("ogc.landing.title"));
        n.put("description", Messages.of("ogc.landing.description"));
        ArrayNode links = n.putArray("links");
        link(links, base + "ogc", "self", JSON, "this document");
        link(links, base + "q/openapi?format=json", "service-desc", OPENAPI, "the API definition (OpenAPI 3.0)");
        link(links, base + "ogc/conformance", "conformance", JSON, "conformance classes implemented");
        link(links, base + "ogc/collections", "data", JSON, "the feature collections");
        return n.toString();
    }

    public String conformance() {
        ObjectNode n = mapper.createObjectNode();
        ArrayNode a = n.putArray("conformsTo");
        CONFORMANCE.forEach(a::add);
        return n.toString();
    }

    public String collections(String base) {
        ObjectNode n = mapper.createObjectNode();
        ArrayNode links = n.putArray("links");
        link(links, base + "ogc/collections", "self", JSON, "the feature collections");
        ArrayNode crs = n.putArray("crs");
        OgcCrs.URIS.forEach(crs::add);
        ArrayNode cs = n.putArray("collections");
        for (CollectionSpec c : OgcCatalog.ALL) {
            if (mayRead(c)) {
                cs.add(describe(c, base));
            }
        }
        return n.toString();
    }

    public String collection(String id, String base) {
        return describe(readable(id), base).toString();
    }

    private ObjectNode describe(CollectionSpec c, String base) {
        ObjectNode n = mapper.createObjectNode();
        n.put("id", c.id());
        n.put("title", c.title());
        n.put("description", c.description());
        n.put("itemType", "feature");
        String self = base + "ogc/collections/" + c.id();
        ArrayNode links = n.putArray("links");
        link(links, self, "self", JSON, "this collection");
        link(links, self + "/items", "items", GEOJSON, Messages.of("ogc.itemsAs", c.title(), "GeoJSON"));
        link(links, self + "/items", "items", JSON, Messages.of("ogc.itemsAs", c.title(), "JSON"));
        ObjectNode extent = n.putObject("extent");
        FeatureStore.Extent e = extent(c);
        ObjectNode spatial = extent.putObject("spatial");
        ArrayNode bbox = spatial.putArray("bbox").addArray();
        double[] b = e.bbox() == null ? new double[] {-180, -90, 180, 90} : e.bbox();
        for (double d : b) {
            bbox.add(d);
        }
        spatial.put("crs", OgcCrs.CRS84.uri);
        if (c.temporal() != null) {
            ObjectNode temporal = extent.putObject("temporal");
            ArrayNode iv = temporal.putArray("interval").addArray();
            iv.add(e.from() == null ? null : e.from().toInstant().toString());
            iv.add(e.to() == null ? null : e.to().toInstant().toString());
            temporal.put("trs", TRS);
        }
        ArrayNode crs = n.putArray("crs");
        OgcCrs.URIS.forEach(crs::add);
        n.put("storageCrs", OgcCrs.CRS84.uri);
        ArrayNode filters = n.putArray("propertyFilters");
        c.filters().keySet().forEach(filters::add);
        n.put("writable", c.writable() && OgcCatalog.WRITERS.stream().anyMatch(user::has));
        return n;
    }

    private FeatureStore.Extent extent(CollectionSpec c) {
        if (c.source() == Source.VIOLATIONS) {
            List<Violation> all = violations(new jakarta.ws.rs.core.MultivaluedHashMap<>());
            if (all.isEmpty()) {
                return new FeatureStore.Extent(null, null, null);
            }
            double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
            for (Violation v : all) {
                b[0] = Math.min(b[0], v.lon());
                b[1] = Math.min(b[1], v.lat());
                b[2] = Math.max(b[2], v.lon());
                b[3] = Math.max(b[3], v.lat());
            }
            return new FeatureStore.Extent(b, null, null);
        }
        return store.extent(c, scope(c));
    }

    // ------------------------------------------------------------------ items

    /** A page of features ({@code request} = the request URI, whose offset the next/prev links replace). */
    public Doc items(String id, MultivaluedMap<String, String> query, String base, Function<Long, String> withOffset) {
        CollectionSpec c = readable(id);
        Set<String> unknown = new LinkedHashSet<>(query.keySet());
        unknown.removeAll(STANDARD_PARAMS);
        unknown.removeAll(c.filters().keySet());
        if (!unknown.isEmpty()) {
            throw ApiException.badRequest(unknown.iterator().next(), Messages.of("ogc.unknownParam", c.id(),
                    new java.util.TreeSet<>(STANDARD_PARAMS), c.filters().keySet()));
        }
        format(query.getFirst("f"));
        int limit = DEFAULT_LIMIT;
        if (query.getFirst("limit") != null) {
            limit = (int) wholeNumber("limit", query.getFirst("limit"));
            if (limit < 1 || limit > MAX_LIMIT) {
                throw ApiException.badRequest("limit", Messages.of("common.mustRange", 1, MAX_LIMIT));
            }
        }
        long offset = query.getFirst("offset") == null ? 0 : wholeNumber("offset", query.getFirst("offset"));
        if (offset < 0) {
            throw ApiException.badRequest("offset", Messages.of("common.atLeastZero"));
        }
        OgcCrs crs = OgcCrs.parse(query.getFirst("crs"), "crs");
        double[] bbox = bbox(query.getFirst("bbox"), OgcCrs.parse(query.getFirst("bbox-crs"), "bbox-crs"));
        OffsetDateTime[] period = null;
        if (query.getFirst("datetime") != null) {
            if (c.temporal() == null) {
                throw ApiException.badRequest("datetime", Messages.of("ogc.noTemporal", c.id()));
            }
            period = datetime(query.getFirst("datetime"));
        }
        long matched;
        String features;
        if (c.source() == Source.VIOLATIONS) {
            List<Violation> rows = new ArrayList<>(violations(query));
            if (bbox != null) {
                rows.removeIf(v -> v.lon() < bbox[0] || v.lon() > bbox[2] || v.lat() < bbox[1] || v.lat() > bbox[3]);
            }
            matched = rows.size();
            StringBuilder sb = new StringBuilder();
            for (int i = (int) Math.min(offset, rows.size()); i < Math.min(rows.size(), offset + limit); i++) {
                if (sb.length() > 0) {
                    sb.append(',');
                }
                sb.append(violationFeature(rows.get(i), crs));
            }
            features = sb.toString();
        } else {
            FeatureStore.Where w = scope(c);
            for (var f : c.filters().entrySet()) {
                String v = query.getFirst(f.getKey());
                if (v != null && !v.isBlank()) {
                    w.add(f.getValue().sql(), f.getValue().parse().apply(v));
                }
            }
            if (bbox != null) {
                w.add("ST_Intersects(" + c.geom() + ", ST_MakeEnvelope(?, ?, ?, ?, 4326))", bbox[0], bbox[1], bbox[2], bbox[3]);
            }
            if (period != null) {
                if (period[0] != null) {
                    w.add(c.temporal() + " >= ?", period[0]);
                }
                if (period[1] != null) {
                    w.add(c.temporal() + " < ?", period[1]);
                }
            }
            FeatureStore.Page p = store.page(c, w, crs, limit, offset);
            matched = p.matched();
            features = p.features();
        }
        int returned = features.isEmpty() ? 0 : countFeatures(matched, offset, limit);
        ObjectNode n = mapper.createObjectNode();
        n.put("type", "FeatureCollection");
        n.put("numberMatched", matched);
        n.put("numberReturned", returned);
        n.put("timeStamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        ArrayNode links = n.putArray("links");
        link(links, withOffset.apply(offset), "self", GEOJSON, "this page");
        link(links, withOffset.apply(offset), "alternate", JSON, "this page as JSON");
        link(links, base + "ogc/collections/" + c.id(), "collection", JSON, c.title());
        if (offset + returned < matched) {
            link(links, withOffset.apply(offset + limit), "next", GEOJSON, "next page");
        }
        if (offset > 0) {
            link(links, withOffset.apply(Math.max(0, offset - limit)), "prev", GEOJSON, "previous page");
        }
        n.putRawValue("features", new RawValue("[" + features + "]"));
        return new Doc(n.toString(), crs, null);
    }

    private static int countFeatures(long matched, long offset, int limit) {
        return (int) Math.max(0, Math.min(limit, matched - offset));
    }

    /** One feature, or 404 (also for a row outside the caller's scope). */
    public Doc item(String id, String featureId, String crsParam) {
        CollectionSpec c = readable(id);
        OgcCrs crs = OgcCrs.parse(crsParam, "crs");
        if (c.source() == Source.VIOLATIONS) {
            for (Violation v : violations(new jakarta.ws.rs.core.MultivaluedHashMap<>())) {
                if (violationId(v).equals(featureId)) {
                    return new Doc(violationFeature(v, crs), crs, null);
                }
            }
            throw ApiException.notFound(Messages.of("noun.feature", featureId, c.id()));
        }
        FeatureStore.Where w = scope(c);
        if (c.numericId()) {
            long n;
            try {
                n = Long.parseLong(featureId);
            } catch (NumberFormatException e) {
                throw ApiException.notFound(Messages.of("noun.feature", featureId, c.id()));
            }
            w.add(c.idExpr() + " = ?", n);
        } else {
            w.add(c.idExpr() + " = ?", featureId);
        }
        FeatureStore.One one = store.one(c, w, crs);
        if (one == null) {
            throw ApiException.notFound(Messages.of("noun.feature", featureId, c.id()));
        }
        return new Doc(one.feature(), crs, one.version());
    }

    // ------------------------------------------------------------------ access

    CollectionSpec readable(String id) {
        CollectionSpec c = OgcCatalog.find(id);
        if (!mayRead(c)) {
            throw new ApiException(403, "Forbidden", Messages.of("ogc.roleCollection", id), null);
        }
        return c;
    }

    boolean mayRead(CollectionSpec c) {
        return c.readers().stream().anyMatch(user::has);
    }

    /** The rows the caller may see: a team leader's own team's (none without a team), everyone else all. */
    @Inject
    com.patrolplanner.registry.Jurisdiction jurisdiction;

    /**
     * The caller's units (issue 14), as the REST registers scope them: venues and schools by their unit, inspections by
     * their venue's, zones by their set's, districts by the units named by their adcode or their parent's.
     */
    private String unitScope(CollectionSpec c) {
        com.patrolplanner.registry.Scope s = jurisdiction.scope();
        if (s.all()) {
            return null;
        }
        return switch (c.id()) {
            case "venues", "inspections" -> s.sql("v.unit_id");
            case "schools" -> s.sql("s.unit_id");
            case "zones" -> s.sql("z.unit_id");
            case "districts" -> "EXISTS (SELECT 1 FROM unit u WHERE " + s.sql("u.id") + " AND u.adcode IN (d.adcode, d.parent_code))";
            default -> null;
        };
    }

    private FeatureStore.Where scope(CollectionSpec c) {
        FeatureStore.Where w = new FeatureStore.Where();
        String units = unitScope(c);
        if (units != null) {
            w.add(units);
        }
        if (c.teamColumn() != null && user.scopedToTeam()) {
            w.add(c.teamColumn() + " = ?", user.teamId() == null ? -1L : user.teamId());
        }
        return w;
    }

    // ------------------------------------------------------------------ violations (compliance's service)

    private List<Violation> violations(MultivaluedMap<String, String> query) {
        String category = null;
        String district = null;
        String rule = null;
        for (var f : OgcCatalog.VIOLATIONS.filters().entrySet()) {
            String v = query.getFirst(f.getKey());
            if (v == null || v.isBlank()) {
                continue;
            }
            Object parsed = f.getValue().parse().apply(v);
            switch (f.getKey()) {
                case "category" -> category = (String) parsed;
                case "district" -> district = (String) parsed;
                default -> rule = (String) parsed;
            }
        }
        List<Violation> all = new ArrayList<>(compliance.violations(
                new ViolationQuery(district, category, rule, BureauClock.today(), false)));
        if (district != null) {
            String d = district;
            all.removeIf(v -> !d.equals(v.districtCode()));
        }
        all.sort(Comparator.comparingLong(Violation::venueId).thenComparingLong(Violation::schoolId)
                .thenComparing(Violation::ruleCode));
        return all;
    }

    static String violationId(Violation v) {
        return v.venueId() + "-" + v.schoolId() + "-" + v.ruleCode();
    }

    private String violationFeature(Violation v, OgcCrs crs) {
        ObjectNode f = mapper.createObjectNode();
        f.put("type", "Feature");
        f.put("id", violationId(v));
        ObjectNode g = f.putObject("geometry");
        g.put("type", "Point");
        ArrayNode xy = g.putArray("coordinates");
        if (crs.latLon) {
            xy.add(v.lat()).add(v.lon());
        } else {
            xy.add(v.lon()).add(v.lat());
        }
        ObjectNode p = f.putObject("properties");
        p.put("venueId", v.venueId());
        p.put("venueName", v.venueName());
        p.put("licenceNo", v.licenceNo());
        p.put("category", v.category());
        p.put("venueStatus", v.venueStatus());
        p.put("address", v.address());
        p.put("district", v.districtCode());
        p.put("schoolId", v.schoolId());
        p.put("schoolName", v.schoolName());
        p.put("schoolLevel", v.schoolLevel());
        p.put("distanceM", v.distanceM());
        p.put("approximate", v.approximate());
        p.put("rule", v.ruleCode());
        p.put("ruleDistanceM", v.ruleDistanceM());
        p.put("jurisdiction", v.jurisdiction());
        p.put("legalBasis", v.legalBasis());
        return f.toString();
    }

    // ------------------------------------------------------------------ parameters

    private static void format(String f) {
        if (f != null && !Set.of("json", "geojson").contains(f)) {
            throw ApiException.badRequest("f", Messages.of("ogc.format"));
        }
    }

    private static long wholeNumber(String param, String v) {
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(param, Messages.of("common.notWholeValue", v));
        }
    }

    /** minLon,minLat,maxLon,maxLat in CRS84 (minLat,minLon,maxLat,maxLon in EPSG:4490), as lon/lat. */
    static double[] bbox(String value, OgcCrs crs) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String[] p = value.split(",");
        if (p.length != 4) {
            throw ApiException.badRequest("bbox", Messages.of(p.length == 6 ? "ogc.bboxFourNoHeight" : "ogc.bboxFour",
                    crs.uri));
        }
        double[] n = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                n[i] = Double.parseDouble(p[i].trim());
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("bbox", Messages.of("common.notNumberValue", p[i]));
            }
        }
        double[] lo = crs.toLonLat(n[0], n[1]);
        double[] hi = crs.toLonLat(n[2], n[3]);
        return RegisterQueries.parseBbox(lo[0] + "," + lo[1] + "," + hi[0] + "," + hi[1]);
    }

    /**
     * RFC 3339 instant or interval ({@code a/b}, {@code ../b}, {@code a/..}); a bare date is the bureau's calendar day
     * (China Standard Time). Returns [from inclusive, to exclusive], either null when open.
     */
    static OffsetDateTime[] datetime(String value) {
        String v = value.trim();
        if (!v.contains("/")) {
            OffsetDateTime[] one = bound(v, false);
            return new OffsetDateTime[] {one[0], bound(v, true)[1]};
        }
        String[] p = v.split("/", -1);
        if (p.length != 2) {
            throw ApiException.badRequest("datetime", Messages.of("ogc.datetimeShape"));
        }
        OffsetDateTime from = open(p[0]) ? null : bound(p[0], false)[0];
        OffsetDateTime to = open(p[1]) ? null : bound(p[1], true)[1];
        if (from != null && to != null && !from.isBefore(to)) {
            throw ApiException.badRequest("datetime", Messages.of("ogc.intervalOrder"));
        }
        return new OffsetDateTime[] {from, to};
    }

    private static boolean open(String s) {
        return s.isBlank() || s.equals("..");
    }

    /** [start, end exclusive] of an instant (a one-nanosecond span, inclusive end) or of a bureau day. */
    private static OffsetDateTime[] bound(String s, boolean end) {
        try {
            if (s.length() == 10) {
                LocalDate d = LocalDate.parse(s);
                return new OffsetDateTime[] {d.atStartOfDay(BureauClock.ZONE).toOffsetDateTime(),
                    d.plusDays(1).atStartOfDay(BureauClock.ZONE).toOffsetDateTime()};
            }
            OffsetDateTime t = OffsetDateTime.parse(s);
            return new OffsetDateTime[] {t, t.plusNanos(1000)};
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("datetime", Messages.of("ogc.notRfc3339", s));
        }
    }

    static void link(ArrayNode links, String href, String rel, String type, String title) {
        ObjectNode l = links.addObject();
        l.put("href", href);
        l.put("rel", rel);
        l.put("type", type);
        l.put("title", title);
    }
}
