package com.patrolplanner.registry;

import com.patrolplanner.i18n.Messages;
import com.fasterxml.jackson.databind.JsonNode;
import com.patrolplanner.geo.GeoJson;
import com.patrolplanner.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.locationtech.jts.geom.MultiPolygon;

/**
 * The unit tree (执法机构): reads scoped to the caller's jurisdiction, and the administrator's writes (with history and
 * audit). A write that moves an area re-places every venue and school in the same transaction (each belongs to the
 * smallest unit area covering it), so a development zone carved out of a district takes that district's venues inside
 * it at once.
 */
@ApplicationScoped
public class UnitService {
    public static final String UNIT = "unit";

    @Inject
    EntityManager em;
    @Inject
    RegistryService registry;
    @Inject
    Jurisdiction jurisdiction;

    /** What an administrator sends; {@code area} (a GeoJSON (Multi)Polygon, WGS-84) defaults to the district outline of {@code adcode}. */
    public record UnitInput(String name, Long parentId, String adcode, String kind, JsonNode area, Integer version) {
    }

    /** A unit as the API shows it; {@code extent} is [minLon, minLat, maxLon, maxLat]. */
    public record UnitView(long id, Long parentId, String name, String adcode, String kind, double[] extent, int version,
            Object area, List<UnitView> children) {
    }

    /** The units the caller sees, as a forest (the caller's unit at the root; the whole tree for the city's administrator). */
    public List<UnitView> tree(boolean withAreas) {
        Scope s = jurisdiction.scope();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT u.id, u.parent_id, u.name, u.adcode, u.kind, ST_XMin(u.area), "
                + "ST_YMin(u.area), ST_XMax(u.area), ST_YMax(u.area), u.version, "
                + (withAreas ? "ST_AsGeoJSON(u.area, 6)" : "NULL") + " FROM unit u WHERE " + s.sql("u.id") + " ORDER BY u.id")
                .getResultList();
        Map<Long, UnitView> byId = new LinkedHashMap<>();
        for (Object[] r : rows) {
            byId.put(((Number) r[0]).longValue(), view(r, new ArrayList<>()));
        }
        List<UnitView> roots = new ArrayList<>();
        for (UnitView v : byId.values()) {
            UnitView parent = v.parentId() == null ? null : byId.get(v.parentId());
            (parent == null ? roots : parent.children()).add(v);
        }
        return roots;
    }

    /** The caller's own unit with its extent, or null for the system administrator. */
    public UnitView mine() {
        Scope s = jurisdiction.scope();
        return s.unitId() == null ? null : get(s.unitId());
    }

    /** One unit the caller sees; another unit's is a 404. */
    public UnitView get(long id) {
        if (!jurisdiction.scope().sees(id)) {
            throw ApiException.notFound(Messages.of("noun.unit", id));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT u.id, u.parent_id, u.name, u.adcode, u.kind, ST_XMin(u.area), "
                + "ST_YMin(u.area), ST_XMax(u.area), ST_YMax(u.area), u.version, ST_AsGeoJSON(u.area, 6) FROM unit u WHERE u.id = ?1")
                .setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            throw ApiException.notFound(Messages.of("noun.unit", id));
        }
        return view(rows.get(0), List.of());
    }

    /** The units directly below {@code id} (the roots for null), by id. */
    public List<Unit> children(Long id) {
        return id == null ? Unit.list("parentId is null order by id") : Unit.list("parentId = ?1 order by id", id);
    }

    /** The scope of unit {@code id}: it and every unit below it; {@link Scope#ALL} for null. */
    public Scope scopeOf(Long id) {
        return id == null ? Scope.ALL : new Scope(id, jurisdiction.below(id));
    }

    /**
     * A unit the caller sees, by id, adcode or name; 404 when there is none or it is another unit's (a district user
     * asking for its neighbour).
     */
    public Unit resolve(String idCodeOrName) {
        String k = idCodeOrName.trim();
        Unit u = Unit.find("adcode = ?1 or name = ?1", k).firstResult();
        if (u == null && k.matches("\\d{1,5}")) {
            u = Unit.findById(Long.valueOf(k));
        }
        if (u == null || !jurisdiction.scope().sees(u.id)) {
            throw ApiException.notFound(Messages.of("noun.unit", k));
        }
        return u;
    }

    /**
     * The unit a position lies in (the most specific unit whose area covers it, as for venues and schools), or null;
     * {@code district} (an adcode) decides when no unit area covers the point.
     */
    public Long unitAt(double lon, double lat, String district) {
        Object u = em.createNativeQuery("SELECT unit_at(ST_SetSRID(ST_MakePoint(?1, ?2), 4326), ?3)")
                .setParameter(1, lon).setParameter(2, lat).setParameter(3, district).getSingleResult();
        return u == null ? null : ((Number) u).longValue();
    }

    /** The name of a unit (for messages), or {@code "no unit"}. */
    public String name(Long id) {
        if (id == null) {
            return "no unit";
        }
        Unit u = Unit.findById(id);
        return u == null ? "unit " + id : u.name;
    }

    @Transactional
    public Unit create(UnitInput in, String user) {
        Scope s = jurisdiction.scope();
        if (!s.all() && (in.parentId() == null || !s.sees(in.parentId()))) {
            // a unit's administrator (单位管理员) adds units below its own only
            throw ApiException.invalid("parentId", Messages.of("units.parentRequired", jurisdiction.unitName(s.unitId())));
        }
        Unit u = new Unit();
        apply(u, in);
        u.updatedAt = OffsetDateTime.now();
        u.persist();
        em.flush();
        withinOwnArea(u);
        jurisdiction.forgetThisRequest();
        jurisdiction.forgetAtCommit();
        registry.history(UNIT, u.id, "create", user, null, ChangeHistory.diff(Map.of(), snapshot(u)));
        replace();
        return u;
    }

    @Transactional
    public Unit update(long id, UnitInput in, String user) {
        Unit u = Unit.findById(id);
        Scope s = jurisdiction.scope();
        if (u == null || !s.sees(id)) {
            throw ApiException.notFound(Messages.of("noun.unit", id));
        }
        if (!s.all() && id == s.unitId()) {
            // a unit's administrator edits the units below its own, never its own (its area, its place in the tree)
            throw new ApiException(403, "Forbidden", Messages.of("units.onlyBelow", u.name, jurisdiction.unitName(s.unitId())), null);
        }
        if (!s.all() && (in.parentId() == null || !s.sees(in.parentId()))) {
            throw ApiException.invalid("parentId", Messages.of("units.parentRequired", jurisdiction.unitName(s.unitId())));
        }
        if (in.version() == null) {
            throw ApiException.invalid("version", Messages.of("common.versionRequired"));
        }
        if (in.version() != u.version) {
            throw ApiException.staleVersion("unit " + id, in.version(), u.version);
        }
        Map<String, Object> before = snapshot(u);
        apply(u, in);
        Changes changes = ChangeHistory.diff(before, snapshot(u));
        if (!changes.isEmpty()) {
            u.updatedAt = OffsetDateTime.now();
            em.flush();
            withinOwnArea(u);
            registry.history(UNIT, u.id, "update", user, null, changes);
            replace();
        }
        return u;
    }

    /**
     * A unit's administrator draws units inside its own area only (10 m of slack for outlines traced by hand): a larger
     * one would take its neighbour's venues and schools, which belong to the most specific unit covering them.
     */
    private void withinOwnArea(Unit u) {
        Scope s = jurisdiction.scope();
        if (s.all()) {
            return;
        }
        Object inside = em.createNativeQuery("SELECT ST_CoveredBy(c.area, ST_Buffer(o.area::geography, 10)::geometry) "
                + "FROM unit c, unit o WHERE c.id = ?1 AND o.id = ?2").setParameter(1, u.id).setParameter(2, s.unitId())
                .getSingleResult();
        if (!Boolean.TRUE.equals(inside)) {
            throw ApiException.invalid("area", Messages.of("units.areaOutside", jurisdiction.unitName(s.unitId())));
        }
    }

    /** Every venue and school into the most specific unit covering it (after an area or the tree changed). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void replace() {
        jurisdiction.forgetAtCommit();
        em.createNativeQuery("UPDATE venue v SET unit_id = x.u FROM (SELECT id, unit_at(geom, district_code) AS u FROM venue) x "
                + "WHERE x.id = v.id AND v.unit_id IS DISTINCT FROM x.u").executeUpdate();
        em.createNativeQuery("UPDATE school s SET unit_id = x.u FROM (SELECT id, unit_at(coalesce(geom, ST_PointOnSurface(campus)), "
                + "district_code) AS u FROM school) x WHERE x.id = s.id AND s.unit_id IS DISTINCT FROM x.u").executeUpdate();
    }

    /** The union of the registered districts whose parent is {@code adcode}, or null when there is none. */
    private MultiPolygon childDistrictsUnion(String adcode) {
        Object wkb = em.createNativeQuery("SELECT ST_AsBinary(ST_Multi(ST_CollectionExtract(ST_Union(geom), 3))) "
                + "FROM district WHERE parent_code = ?1").setParameter(1, adcode).getSingleResult();
        if (wkb == null) {
            return null;
        }
        try {
            org.locationtech.jts.geom.Geometry g = new org.locationtech.jts.io.WKBReader(GeoJson.FACTORY).read((byte[]) wkb);
            g.setSRID(GeoJson.WGS84_SRID);
            return g instanceof MultiPolygon m ? m : null;
        } catch (org.locationtech.jts.io.ParseException e) {
            throw new IllegalStateException("union of the districts of " + adcode, e);
        }
    }

    private void apply(Unit u, UnitInput in) {
        if (in.name() == null || in.name().isBlank()) {
            throw ApiException.invalid("name", Messages.of("error.required"));
        }
        String kind = in.kind() == null ? null : in.kind().trim().toLowerCase();
        if (!List.of(Unit.CITY, Unit.DISTRICT, Unit.ZONE).contains(kind)) {
            throw ApiException.invalid("kind", Messages.of("registry.unitKind"));
        }
        String adcode = in.adcode() == null || in.adcode().isBlank() ? null : in.adcode().trim();
        if (adcode != null && !adcode.matches("\\d{6,12}")) {
            throw ApiException.invalid("adcode", Messages.of("registry.adcode"));
        }
        if (in.parentId() != null) {
            if (Unit.findById(in.parentId()) == null) {
                throw ApiException.invalid("parentId", Messages.of("registry.noUnit", in.parentId()));
            }
            if (u.id != null && jurisdiction.below(u.id).contains(in.parentId())) {
                throw ApiException.invalid("parentId", Messages.of("registry.unitCycle", in.parentId()));
            }
        }
        MultiPolygon area;
        if (in.area() != null) {
            area = GeoJson.toMultiPolygon(GeoJson.parse(in.area(), "area"), "area");
        } else if (adcode != null && District.byCode(adcode) != null) {
            area = District.byCode(adcode).geom;
        } else if (adcode != null && (area = childDistrictsUnion(adcode)) != null) {
            // a city (市) is not itself in the district register: its area is the union of its districts' outlines
        } else if (u.area != null && Objects.equals(adcode, u.adcode)) {
            area = u.area;
        } else {
            throw ApiException.invalid("area", Messages.of("registry.areaRequired"));
        }
        Unit same = Unit.find("name", in.name().trim()).firstResult();
        if (same != null && !same.id.equals(u.id)) {
            throw ApiException.conflict(Messages.of("registry.unitExists", in.name().trim()));
        }
        u.name = in.name().trim();
        u.kind = kind;
        u.adcode = adcode;
        u.parentId = in.parentId();
        u.area = area;
    }

    static Map<String, Object> snapshot(Unit u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", u.name);
        m.put("kind", u.kind);
        m.put("adcode", u.adcode);
        m.put("parentId", u.parentId);
        m.put("area", u.area == null ? null : DistrictService.fingerprint(u.area));
        return m;
    }

    private static UnitView view(Object[] r, List<UnitView> children) {
        double[] extent = r[5] == null ? null : new double[] {((Number) r[5]).doubleValue(), ((Number) r[6]).doubleValue(),
                ((Number) r[7]).doubleValue(), ((Number) r[8]).doubleValue()};
        Object area = r[10] == null ? null : GeoJson.writeNode(GeoJson.parse((String) r[10], "area"));
        return new UnitView(((Number) r[0]).longValue(), r[1] == null ? null : ((Number) r[1]).longValue(), (String) r[2],
                (String) r[3], (String) r[4], extent, ((Number) r[9]).intValue(), area, children);
    }
}
