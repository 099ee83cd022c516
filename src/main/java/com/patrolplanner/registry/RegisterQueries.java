package com.patrolplanner.registry;

import com.patrolplanner.i18n.Messages;
import com.patrolplanner.web.ApiException;
import com.patrolplanner.web.Paging;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;

/**
 * The read side of the registers as GeoJSON (RFC 7946): PostGIS renders each Feature so that a page of thousands of
 * venues costs one query. Geometries are WGS-84 lon/lat with 7 decimals (about 1 cm); no {@code crs} member.
 */
@ApplicationScoped
public class RegisterQueries {
    public static final int MAX_LIMIT = 10000;

    @Inject
    EntityManager em;
    @Inject
    Jurisdiction jurisdiction;
    @Inject
    RegisterLayers layers;
    @Inject
    com.patrolplanner.web.DataVersion versions;

    /** Filters shared by the register lists; any may be null. */
    public record Filter(String bbox, String category, String district, String status, String q, Integer limit, Integer offset,
            String sort) {
    }

    /**
     * A page of a register as a GeoJSON FeatureCollection ({@code json}: a String from SQL, or the UTF-8 bytes of a kept
     * layer), with the figures its {@code Link} header needs.
     */
    public record FeaturePage(Object json, Paging.Page page, long matched, int returned) {
    }

    /**
     * A map-layer request that the kept layers answer ({@link RegisterLayers}): no filter but the box, id order. Its
     * ETag names the table's version, the caller's scope and the request, so a client holding the answer gets a 304.
     */
    public record LayerRequest(RegisterLayers.Kind kind, Filter filter, Scope scope, String token, double[] bbox,
            Paging.Page page, jakarta.ws.rs.core.EntityTag tag) {
    }

    /**
     * The request as a {@link LayerRequest}, or null when it has filters (category, status, district, text, another sort)
     * or the table's version is unknown now: then {@link #venues}/{@link #schools} answer by SQL. Bad parameters are a
     * 400 naming them either way.
     */
    public LayerRequest layerRequest(RegisterLayers.Kind kind, Filter f) {
        Paging.Page page = Paging.page(f.limit(), f.offset(), 1000, MAX_LIMIT);
        Map<String, String> sortable = kind == RegisterLayers.Kind.VENUES ? VENUE_SORT : SCHOOL_SORT;
        Paging.orderBy(f.sort(), "id", sortable, kind.id); // a 400 for an unknown field
        String sort = f.sort() == null ? "" : f.sort().trim();
        if (!(sort.isEmpty() || sort.equals("id") || sort.equals("+id"))) {
            return null;
        }
        double[] box = f.bbox() == null || f.bbox().isBlank() ? null : parseBbox(f.bbox());
        if (!blank(f.category()) || !blank(f.district()) || !blank(f.status()) || !blank(f.q())) {
            return null;
        }
        String token = versions.tableVersion(kind.table);
        if (token == null) {
            return null;
        }
        Scope scope = jurisdiction.scope();
        var tag = com.patrolplanner.web.AnswerCache.etag(token, kind.name(), scope.encode(),
                box == null ? "-" : Arrays.toString(box), Integer.toString(page.limit()), Integer.toString(page.offset()));
        return new LayerRequest(kind, f, scope, token, box, page, tag);
    }

    /** The answer to a {@link LayerRequest}: sliced from the kept layer, or by SQL when the layer is not kept. */
    public FeaturePage answer(LayerRequest r) {
        RegisterLayers.Page p = layers.page(r.kind(), r.scope(), r.token(), r.bbox(), r.page());
        if (p != null) {
            return new FeaturePage(p.json(), r.page(), p.matched(), p.returned());
        }
        return r.kind() == RegisterLayers.Kind.VENUES ? venues(r.filter()) : schools(r.filter());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Sortable fields of each list (the {@code sort} parameter), in the order the API description names them. */
    public static final Map<String, String> VENUE_SORT = sortFields("id", "v.id", "name", "v.name", "licenceNo", "v.licence_no",
            "category", "v.category", "status", "v.status", "complaintCount", "v.complaint_count", "createdAt", "v.created_at",
            "updatedAt", "v.updated_at");
    public static final Map<String, String> SCHOOL_SORT = sortFields("id", "s.id", "name", "s.name", "level", "s.level",
            "createdAt", "s.created_at", "updatedAt", "s.updated_at");
    public static final Map<String, String> DISTRICT_SORT = sortFields("adcode", "d.adcode", "name", "d.name", "level", "d.level",
            "parent", "d.parent_code");

    private static Map<String, String> sortFields(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    static final String VENUE_FEATURE = """
            json_build_object('type','Feature','id',v.id,
              'geometry', CASE WHEN v.geom IS NULL THEN NULL ELSE ST_AsGeoJSON(v.geom, 7)::json END,
              'properties', json_build_object('id',v.id,'licenceNo',v.licence_no,'name',v.name,'category',v.category,
                 'address',v.address,'sourceDatum',v.source_datum,'geocodeStatus',v.geocode_status,
                 'geocodeConfidence',v.geocode_confidence,'openingHours',v.opening_hours,'capacity',v.capacity,
                 'status',v.status,'complaintCount',v.complaint_count,'notes',v.notes,'district',v.district_code,
                 'synthetic',v.synthetic,'version',v.version,'createdAt',v.created_at,'updatedAt',v.updated_at))::text""";

    static final String SCHOOL_FEATURE = """
            json_build_object('type','Feature','id',s.id,
              'geometry', CASE WHEN s.geom IS NULL THEN NULL ELSE ST_AsGeoJSON(s.geom, 7)::json END,
              'properties', json_build_object('id',s.id,'name',s.name,'level',s.level,'address',s.address,
                 'campus', CASE WHEN s.campus IS NULL THEN NULL ELSE ST_AsGeoJSON(s.campus, 7)::json END,
                 'campusAreaM2', CASE WHEN s.campus IS NULL THEN NULL ELSE round(ST_Area(s.campus::geography)::numeric, 1) END,
                 'sourceDatum',s.source_datum,'geocodeStatus',s.geocode_status,'district',s.district_code,
                 'synthetic',s.synthetic,'version',s.version,'createdAt',s.created_at,'updatedAt',s.updated_at))::text""";

    static final String DISTRICT_FEATURE = """
            json_build_object('type','Feature','id',d.adcode,
              'geometry', ST_AsGeoJSON(d.geom, 6)::json,
              'properties', json_build_object('adcode',d.adcode,'name',d.name,'level',d.level,'parent',d.parent_code,
                 'areaKm2', round((ST_Area(d.geom::geography)/1e6)::numeric, 2),'sourceDatum',d.source_datum,
                 'attribution',d.attribution))::text""";

    public FeaturePage venues(Filter f) {
        Where w = scoped("v.unit_id");
        w.bbox(f.bbox(), "v.geom");
        if (f.category() != null && !f.category().isBlank()) {
            List<String> codes = new ArrayList<>();
            for (String c : f.category().split(",")) {
                try {
                    codes.add(VenueCategory.parse(c).code);
                } catch (IllegalArgumentException e) {
                    throw ApiException.badRequest("category", e.getMessage());
                }
            }
            w.add("v.category = ANY(CAST(? AS text[]))", "{" + String.join(",", codes) + "}");
        }
        if (f.status() != null && !f.status().isBlank()) {
            try {
                w.add("v.status = ?", VenueStatus.parse(f.status()).code);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("status", e.getMessage());
            }
        }
        w.district(f.district(), "v.geom");
        w.text(f.q(), "coalesce(v.name,'') || ' ' || coalesce(v.address,'') || ' ' || coalesce(v.licence_no,'')");
        return collection("venue v", VENUE_FEATURE, w, Paging.orderBy(f.sort(), "id", VENUE_SORT, "v.id"), f);
    }

    public String venue(long id) {
        Where w = scoped("v.unit_id");
        w.add("v.id = ?", id);
        return single("venue v", VENUE_FEATURE, w);
    }

    /**
     * A venue whatever its unit: for a team leader at a stop of the own team's joint campaign in another unit
     * ({@link JointStops}), read-only; the caller checks the stop.
     */
    public String venueOnJointStop(long id) {
        Where w = new Where();
        w.add("v.id = ?", id);
        return single("venue v", VENUE_FEATURE, w);
    }

    public FeaturePage schools(Filter f) {
        Where w = scoped("s.unit_id");
        w.bbox(f.bbox(), "coalesce(s.campus::geometry, s.geom)");
        if (f.category() != null && !f.category().isBlank()) {
            try {
                w.add("s.level = ?", SchoolLevel.parse(f.category()).code);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("level", e.getMessage());
            }
        }
        w.district(f.district(), "s.geom");
        w.text(f.q(), "coalesce(s.name,'') || ' ' || coalesce(s.address,'')");
        return collection("school s", SCHOOL_FEATURE, w, Paging.orderBy(f.sort(), "id", SCHOOL_SORT, "s.id"), f);
    }

    public String school(long id) {
        Where w = scoped("s.unit_id");
        w.add("s.id = ?", id);
        return single("school s", SCHOOL_FEATURE, w);
    }

    public FeaturePage districts(Filter f) {
        Where w = districtsSeen();
        w.bbox(f.bbox(), "d.geom");
        if (f.district() != null && !f.district().isBlank()) {
            w.add("(d.adcode = ? OR d.parent_code = ?)", f.district().trim(), f.district().trim());
        }
        w.text(f.q(), "d.name");
        return collection("district d", DISTRICT_FEATURE, w, Paging.orderBy(f.sort(), "adcode", DISTRICT_SORT, "d.adcode"), f);
    }

    public String district(String adcode) {
        Where w = districtsSeen();
        w.add("d.adcode = ?", adcode);
        return single("district d", DISTRICT_FEATURE, w);
    }

    /** The one place the register reads are scoped: records of the caller's units only (属地管理). */
    private Where scoped(String unitColumn) {
        Where w = new Where();
        Scope s = jurisdiction.scope();
        if (!s.all()) {
            w.add(s.sql(unitColumn));
        }
        return w;
    }

    /** A district is seen by the units named by its adcode or its parent's (the city sees its districts). */
    private Where districtsSeen() {
        Where w = new Where();
        Scope s = jurisdiction.scope();
        if (!s.all()) {
            w.add("EXISTS (SELECT 1 FROM unit u WHERE " + s.sql("u.id") + " AND u.adcode IN (d.adcode, d.parent_code))");
        }
        return w;
    }

    private String single(String from, String feature, Where w) {
        Query q = em.createNativeQuery("SELECT " + feature + " FROM " + from + w.sql());
        w.bind(q, 0);
        @SuppressWarnings("unchecked")
        List<String> rows = q.getResultList();
        return rows.isEmpty() ? null : rows.get(0);
    }

    private FeaturePage collection(String from, String feature, Where w, String order, Filter f) {
        Paging.Page page = Paging.page(f.limit(), f.offset(), 1000, MAX_LIMIT);
        int limit = page.limit();
        int offset = page.offset();
        Query count = em.createNativeQuery("SELECT count(*) FROM " + from + w.sql());
        w.bind(count, 0);
        long matched = ((Number) count.getSingleResult()).longValue();
        Query q = em.createNativeQuery("SELECT " + feature + " FROM " + from + w.sql() + " ORDER BY " + order
                + " LIMIT " + limit + " OFFSET " + offset);
        w.bind(q, 0);
        @SuppressWarnings("unchecked")
        List<String> rows = q.getResultList();
        StringBuilder sb = new StringBuilder(256 + rows.size() * 400);
        sb.append("{\"type\":\"FeatureCollection\",\"numberMatched\":").append(matched)
                .append(",\"numberReturned\":").append(rows.size()).append(",\"features\":[");
        for (int i = 0; i < rows.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(rows.get(i));
        }
        return new FeaturePage(sb.append("]}").toString(), page, matched, rows.size());
    }

    /** A WHERE clause built from optional filters, with positional parameters bound in order. */
    static final class Where {
        private final List<String> clauses = new ArrayList<>();
        private final List<Object> params = new ArrayList<>();

        void add(String clause, Object... values) {
            clauses.add(clause);
            params.addAll(List.of(values));
        }

        void bbox(String bbox, String geomExpr) {
            if (bbox == null || bbox.isBlank()) {
                return;
            }
            double[] b = parseBbox(bbox);
            add(geomExpr + " && ST_MakeEnvelope(?, ?, ?, ?, 4326)", b[0], b[1], b[2], b[3]);
        }

        void district(String adcode, String geomExpr) {
            if (adcode == null || adcode.isBlank()) {
                return;
            }
            if (!adcode.trim().matches("\\d{6,12}")) {
                throw ApiException.badRequest("district", Messages.of("registry.adcode"));
            }
            add("EXISTS (SELECT 1 FROM district dd WHERE dd.adcode = ? AND ST_Covers(dd.geom, " + geomExpr + "))", adcode.trim());
        }

        void text(String q, String expr) {
            if (q == null || q.isBlank()) {
                return;
            }
            String like = "%" + q.trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            add("(" + expr + ") ILIKE ?", like);
        }

        String sql() {
            return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
        }

        void bind(Query q, int offset) {
            for (int i = 0; i < params.size(); i++) {
                q.setParameter(offset + i + 1, params.get(i));
            }
        }
    }

    /** Parses {@code minLon,minLat,maxLon,maxLat}; 400 naming {@code bbox} when it is not that. */
    public static double[] parseBbox(String bbox) {
        String[] p = bbox.split(",");
        if (p.length != 4) {
            throw ApiException.badRequest("bbox", Messages.of("registry.bbox"));
        }
        double[] b = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                b[i] = Double.parseDouble(p[i].trim());
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("bbox", Messages.of("import.notNumber", p[i]));
            }
            if (!Double.isFinite(b[i])) {
                throw ApiException.badRequest("bbox", Messages.of("registry.finite"));
            }
        }
        if (b[0] < -180 || b[2] > 180 || b[1] < -90 || b[3] > 90) {
            throw ApiException.badRequest("bbox", Messages.of("registry.bboxRange"));
        }
        if (b[0] > b[2] || b[1] > b[3]) {
            throw ApiException.badRequest("bbox", Messages.of("registry.bboxOrder"));
        }
        return b;
    }
}
