package com.patrolplanner.zoning;

import com.patrolplanner.sql.Conn;
import com.patrolplanner.sql.Cursor;
import com.patrolplanner.sql.Db;
import com.patrolplanner.sql.Stmt;
import com.patrolplanner.i18n.Messages;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.patrolplanner.geo.GeoJson;
import com.patrolplanner.zoning.ZoneViews.NewSet;
import com.patrolplanner.zoning.ZoneViews.NewZone;
import com.patrolplanner.zoning.ZoneViews.SetSummary;
import com.patrolplanner.zoning.ZoneViews.SetVersion;
import com.patrolplanner.zoning.ZoneViews.Uncovered;
import com.patrolplanner.zoning.ZoneViews.Zone;
import com.patrolplanner.zoning.ZoneViews.ZoneChange;
import com.patrolplanner.zoning.ZoneViews.ZoneCollection;
import com.patrolplanner.zoning.ZoneViews.ZoneCut;
import com.patrolplanner.zoning.ZoneViews.ZoneEdit;
import com.patrolplanner.zoning.ZoneViews.ZoneMerge;
import com.patrolplanner.zoning.ZoneViews.ZoneProperties;
import com.patrolplanner.zoning.ZoneViews.ZoneSet;
import com.patrolplanner.zoning.ZoneViews.ZoneSplit;
import com.patrolplanner.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import static com.patrolplanner.zoning.ZoneJson.json;
import static com.patrolplanner.zoning.ZoneJson.sqlFailure;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;

/**
 * Zone sets and zones: save a proposal, draw, edit, split, merge, assign teams; every change bumps the set's version
 * and keeps a full snapshot (author, time) that can be restored. Zones are clipped to the set's area and must not
 * overlap each other (tolerance {@link #OVERLAP_TOLERANCE_M2}); what the set leaves uncovered is reported.
 */
@ApplicationScoped
public class ZoneService {
    /** Overlaps below this area (m²) are rounding along shared edges, not overlaps. */
    public static final double OVERLAP_TOLERANCE_M2 = 1.0;
    static final ObjectMapper MAPPER = ZoneJson.MAPPER;

    @Inject
    Db db;
    @Inject
    com.patrolplanner.audit.AuditService audit;
    @Inject
    com.patrolplanner.registry.Jurisdiction jurisdiction;

    /**
     * The one unit predicate of zoning (issue 14): a zone set, and through it its zones, belongs to its {@code unit_id};
     * the caller sees and writes the sets of its units only (another unit's set or zone is a 404).
     */
    String inScope(String setAlias) {
        return jurisdiction.scope().sql(setAlias + ".unit_id");
    }

    /** 404 unless the zone set exists and is one of the caller's units'. */
    public void requireVisibleSet(long id) {
        try (Conn c = db.open()) {
            requireSet(c, id);
        }
    }

    /** 404 unless the zone exists and its set is one of the caller's units'. */
    public void requireVisibleZone(long id) {
        try (Conn c = db.open()) {
            if (c.value("SELECT z.id FROM zone z JOIN zone_set s ON s.id = z.zone_set_id WHERE z.id = ? AND " + inScope("s"),
                    id) == null) {
                throw ApiException.notFound(Messages.of("zone.zone", id));
            }
        }
    }

    /**
     * The unit a zone set of {@code district} goes to: the district's unit, which must be one of the caller's (else 422
     * naming it); without a district (a drawn polygon) the unit the body names ({@code unitId}) or the caller's.
     */
    public Long unitOfNewSet(String district, Long unitId) {
        if (district != null) {
            com.patrolplanner.registry.Unit u = com.patrolplanner.registry.Unit.byAdcode(district);
            if (u != null) {
                if (!jurisdiction.scope().sees(u.id)) {
                    throw ApiException.invalid("district", Messages.of("zoning.districtOutside", district, u.name,
                            jurisdiction.unitName(jurisdiction.scope().unitId())));
                }
                return u.id;
            }
        }
        return jurisdiction.placeIn(unitId, "unitId");
    }

    /** A geometry ready to store: repaired and clipped, with what was done to it. */
    record Prepared(byte[] wkb, ObjectNode repair) {
    }

    // ---- zone sets ----

    @Transactional
    public ZoneSet createSet(NewSet body, String user) {
        String name = body.name();
        String district = body.district();
        JsonNode polygon = body.polygon();
        try (Conn c = db.open()) {
            byte[] boundary;
            if (polygon != null && !polygon.isNull()) {
                boundary = ZoneGeometry.repair(c, ZoneGeometry.parsePolygon(polygon, "polygon"), null, "polygon").wkb;
            } else if (district != null) {
                boundary = c.value("SELECT ST_AsBinary(ST_Multi(geom)) FROM district WHERE adcode = ?", district);
                if (boundary == null) {
                    throw ApiException.invalid("district", Messages.of("zone.noDistrict", district));
                }
            } else {
                throw ApiException.invalid("district", Messages.of("zone.districtOrPolygon"));
            }
            Long unit = unitOfNewSet(district, body.unitId());
            long setId;
            try (Stmt ps = c.prepare("""
                    INSERT INTO zone_set (name, district_code, boundary, author, params, updated_by, unit_id)
                    VALUES (?, ?, ST_Multi(ST_GeomFromWKB(?, 4326)), ?, ?::jsonb, ?, ?) RETURNING id""")) {
                ps.setObject(7, unit);
                ps.setString(1, name);
                ps.setString(2, district);
                ps.setBytes(3, boundary);
                ps.setString(4, user);
                ps.setString(5, body.params() != null ? body.params().toString() : null);
                ps.setString(6, user);
                setId = ps.longResult();
            }
            JsonNode zones = body.zones();
            if (zones != null && zones.has("features")) {
                zones = zones.get("features");
            }
            int n = 0;
            if (zones != null && zones.isArray()) {
                for (JsonNode z : zones) {
                    n++;
                    JsonNode props = z.has("properties") ? z.get("properties") : z;
                    String zn = ZoneJson.text(props, "name");
                    Long team = props.hasNonNull("teamId") ? props.get("teamId").asLong() : null;
                    String field = "zones[" + (n - 1) + "].geometry";
                    Prepared p = ZoneGeometry.repair(c, ZoneGeometry.parsePolygon(z.get("geometry"), field), boundaryOf(c, setId), field);
                    ZoneGeometry.checkOverlaps(c, setId, null, p.wkb, field);
                    insertZone(c, setId, zn == null ? "片区" + n : zn, p.wkb, team, user);
                }
            }
            snapshot(c, setId, "create", user, "created with " + n + " zones", false);
            return set(c, setId);
        }
    }

    public List<SetSummary> listSets(String district) {
        try (Conn c = db.open();
                Stmt ps = c.prepare("""
                        SELECT s.id FROM zone_set s WHERE (?::text IS NULL OR s.district_code = ?::text) AND\s"""
                        + inScope("s") + " ORDER BY s.id")) {
            ps.setString(1, district);
            ps.setString(2, district);
            List<SetSummary> out = new ArrayList<>();
            List<Long> ids = new ArrayList<>();
            try (Cursor rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            for (long id : ids) {
                out.add(setSummary(c, id));
            }
            return out;
        }
    }

    public ZoneSet getSet(long id) {
        try (Conn c = db.open()) {
            return set(c, id);
        }
    }

    @Transactional
    public ZoneSet activate(long id, String user) {
        try (Conn c = db.open()) {
            lockSet(c, id);
            c.update("UPDATE zone_set SET active = false WHERE active AND id <> ? AND district_code IS NOT DISTINCT FROM "
                    + "(SELECT district_code FROM zone_set WHERE id = ?)", id, id);
            c.update("UPDATE zone_set SET active = true WHERE id = ?", id);
            snapshot(c, id, "activate", user, null, true);
            return set(c, id);
        }
    }

    public List<SetVersion> versions(long setId) {
        try (Conn c = db.open();
                Stmt ps = c.prepare("""
                        SELECT version, action, author, changed_at, detail, jsonb_array_length(zones) FROM zone_set_version
                         WHERE zone_set_id = ? ORDER BY version""")) {
            requireSet(c, setId);
            ps.setLong(1, setId);
            List<SetVersion> out = new ArrayList<>();
            try (Cursor rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new SetVersion(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getInstant(4).toString(),
                            rs.getString(5), rs.getInt(6)));
                }
            }
            return out;
        }
    }

    /** Puts the zones back as they were after {@code version}; the restore is itself a new version. */
    @Transactional
    public ZoneSet restore(long setId, int version, String user) {
        try (Conn c = db.open()) {
            lockSet(c, setId);
            String zones = c.value("SELECT zones::text FROM zone_set_version WHERE zone_set_id = ? AND version = ?", setId, version);
            if (zones == null) {
                String what = Messages.of("zone.setVersion", version, setId);
                throw new ApiException(404, "Not found", Messages.of("error.notFound", what),
                        List.of(com.patrolplanner.web.Problem.FieldError.of("version", Messages.of("error.notFound", what))));
            }
            Map<Long, Integer> current = new HashMap<>();
            try (Stmt ps = c.prepare("SELECT id, version FROM zone WHERE zone_set_id = ?")) {
                ps.setLong(1, setId);
                try (Cursor rs = ps.executeQuery()) {
                    while (rs.next()) {
                        current.put(rs.getLong(1), rs.getInt(2));
                    }
                }
            }
            c.update("DELETE FROM zone WHERE zone_set_id = ?", setId);
            for (JsonNode z : MAPPER.readTree(zones)) {
                long zid = z.get("id").asLong();
                // A restored zone is a new state of that zone: its version moves on, so stale editors get 409.
                int v = Math.max(current.getOrDefault(zid, 0), z.get("version").asInt()) + 1;
                try (Stmt ps = c.prepare("""
                        INSERT INTO zone (id, zone_set_id, name, geom, team_id, version, updated_by)
                        VALUES (?, ?, ?, ST_GeomFromEWKB(decode(?, 'hex')), (SELECT id FROM team WHERE id = ?), ?, ?)""")) {
                    ps.setLong(1, zid);
                    ps.setLong(2, setId);
                    ps.setString(3, z.get("name").asText());
                    ps.setString(4, z.get("wkb").asText());
                    ps.setObject(5, z.hasNonNull("teamId") ? z.get("teamId").asLong() : null);
                    ps.setInt(6, v);
                    ps.setString(7, user);
                    ps.executeUpdate();
                }
            }
            snapshot(c, setId, "restore", user, "restored version " + version, true);
            return set(c, setId);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw sqlFailure(e);
        }
    }

    // ---- zones ----

    @Transactional
    public ZoneChange createZone(NewZone body, String user) {
        long setId = body.zoneSetId();
        try (Conn c = db.open()) {
            lockSet(c, setId);
            Prepared p = ZoneGeometry.repair(c, ZoneGeometry.parsePolygon(body.geometry(), "geometry"), boundaryOf(c, setId), "geometry");
            if (body.clipToFreeSpace()) {
                p = ZoneGeometry.clipToFreeSpace(c, setId, null, p, "geometry");
            }
            ZoneGeometry.checkOverlaps(c, setId, null, p.wkb, "geometry");
            String name = ZoneJson.text(body.name(), "name");
            Long team = teamOf(c, body.teamId());
            long id = insertZone(c, setId, name == null ? "片区" : name, p.wkb, team, user);
            snapshot(c, setId, "add", user, "zone " + id, true);
            return change(c, id, p.repair);
        }
    }

    @Transactional
    public ZoneChange updateZone(long id, ZoneEdit body, String user) {
        try (Conn c = db.open()) {
            long setId = lockZone(c, id, body.version());
            ObjectNode repair = null;
            if (body.geometry() != null && !body.geometry().isNull()) {
                Prepared p = ZoneGeometry.repair(c, ZoneGeometry.parsePolygon(body.geometry(), "geometry"), boundaryOf(c, setId), "geometry");
                if (body.clipToFreeSpace()) {
                    p = ZoneGeometry.clipToFreeSpace(c, setId, id, p, "geometry");
                }
                ZoneGeometry.checkOverlaps(c, setId, id, p.wkb, "geometry");
                c.update("UPDATE zone SET geom = ST_Multi(ST_GeomFromWKB(?, 4326)) WHERE id = ?", p.wkb, id);
                repair = p.repair;
            }
            if (body.name() != null) {
                c.update("UPDATE zone SET name = ? WHERE id = ?", body.name(), id);
            }
            if (body.teamGiven()) {
                c.update("UPDATE zone SET team_id = ? WHERE id = ?", teamOf(c, body.teamId()), id);
            }
            touch(c, id, user);
            snapshot(c, setId, "update", user, "zone " + id, true);
            return change(c, id, repair);
        }
    }

    @Transactional
    public Zone assignTeam(long id, ZoneEdit body, String user) {
        try (Conn c = db.open()) {
            long setId = lockZone(c, id, body.version());
            c.update("UPDATE zone SET team_id = ? WHERE id = ?", teamOf(c, body.teamId()), id);
            touch(c, id, user);
            snapshot(c, setId, "team", user, "zone " + id, true);
            return zone(c, id);
        }
    }

    @Transactional
    public void deleteZone(long id, Long version, String user) {
        try (Conn c = db.open()) {
            long setId = lockZone(c, id, version);
            c.update("DELETE FROM zone WHERE id = ?", id);
            snapshot(c, setId, "delete", user, "zone " + id, true);
        }
    }

    /** ST_Split along a drawn line: the largest piece keeps the zone, each other piece becomes a new zone. */
    @Transactional
    public ZoneSplit split(long id, ZoneCut body, String user) {
        try (Conn c = db.open()) {
            long setId = lockZone(c, id, body.version());
            Geometry line;
            try {
                line = GeoJson.parse(body.line(), "line");
            } catch (IllegalArgumentException e) {
                throw ApiException.invalid("line", e.getMessage());
            }
            if (!(line instanceof org.locationtech.jts.geom.LineString) && !(line instanceof org.locationtech.jts.geom.MultiLineString)) {
                throw ApiException.invalid("line", Messages.of("zone.lineType", line.getGeometryType()));
            }
            List<byte[]> pieces = new ArrayList<>();
            try (Stmt ps = c.prepare("""
                    SELECT ST_AsBinary(ST_Multi(d.geom)) FROM zone z,
                           ST_Dump(ST_CollectionExtract(ST_Split(z.geom, ST_GeomFromWKB(?, 4326)), 3)) d
                     WHERE z.id = ? ORDER BY ST_Area(d.geom::geography) DESC, ST_XMin(d.geom), ST_YMin(d.geom)""")) {
                ps.setBytes(1, new WKBWriter().write(line));
                ps.setLong(2, id);
                try (Cursor rs = ps.executeQuery()) {
                    while (rs.next()) {
                        pieces.add(rs.getBytes(1));
                    }
                }
            }
            if (pieces.size() < 2) {
                throw ApiException.invalid("line", Messages.of("zone.lineNotCut"));
            }
            String name = c.value("SELECT name FROM zone WHERE id = ?", id);
            Long team = c.value("SELECT team_id FROM zone WHERE id = ?", id);
            c.update("UPDATE zone SET geom = ST_GeomFromWKB(?, 4326) WHERE id = ?", pieces.get(0), id);
            touch(c, id, user);
            List<Zone> zones = new ArrayList<>();
            zones.add(zone(c, id));
            for (int i = 1; i < pieces.size(); i++) {
                long nid = insertZone(c, setId, name + "-" + (i + 1), pieces.get(i), team, user);
                zones.add(zone(c, nid));
            }
            snapshot(c, setId, "split", user, "zone " + id + " into " + pieces.size(), true);
            return new ZoneSplit(zones, setVersion(c, setId));
        }
    }

    /** Two adjacent zones of one set become one (the first keeps its id, name unless given, and team). */
    @Transactional
    public ZoneChange merge(ZoneMerge body, String user) {
        long a = body.keep();
        long b = body.absorb();
        try (Conn c = db.open()) {
            Long sa = c.value("SELECT zone_set_id FROM zone WHERE id = ?", a);
            Long sb = c.value("SELECT zone_set_id FROM zone WHERE id = ?", b);
            if (sa == null || sb == null) {
                throw ApiException.notFound(Messages.of("zone.zone", sa == null ? a : b));
            }
            if (!sa.equals(sb)) {
                throw ApiException.invalid("zoneIds", Messages.of("zone.differentSets"));
            }
            lockSet(c, sa);
            Boolean adjacent = c.value("""
                    SELECT ST_Length(ST_CollectionExtract(ST_Intersection(x.geom, y.geom), 2)::geography) > 0.01
                           OR ST_Area(ST_Intersection(x.geom, y.geom)::geography) > 0
                      FROM zone x, zone y WHERE x.id = ? AND y.id = ?""", a, b);
            if (!Boolean.TRUE.equals(adjacent)) {
                throw ApiException.invalid("zoneIds", Messages.of("zone.notAdjacent", a, b));
            }
            c.update("""
                    UPDATE zone SET geom = (SELECT ST_Multi(ST_CollectionExtract(ST_Union(g, 1e-9), 3))
                                              FROM (SELECT geom g FROM zone WHERE id IN (?, ?)) u)
                     WHERE id = ?""", a, b, a);
            String name = ZoneJson.text(body.name(), "name");
            if (name != null) {
                c.update("UPDATE zone SET name = ? WHERE id = ?", name, a);
            }
            c.update("DELETE FROM zone WHERE id = ?", b);
            touch(c, a, user);
            snapshot(c, sa, "merge", user, "zone " + b + " into " + a, true);
            return change(c, a, null);
        }
    }

    public Zone getZone(long id) {
        try (Conn c = db.open()) {
            return zone(c, id);
        }
    }

    // ---- helpers: rows ----

    private long insertZone(Conn c, long setId, String name, byte[] wkb, Long team, String user) {
        try (Stmt ps = c.prepare("""
                INSERT INTO zone (zone_set_id, name, geom, team_id, updated_by)
                VALUES (?, ?, ST_Multi(ST_GeomFromWKB(?, 4326)), ?, ?) RETURNING id""")) {
            ps.setLong(1, setId);
            ps.setString(2, name);
            ps.setBytes(3, wkb);
            ps.setObject(4, team);
            ps.setString(5, user);
            return ps.longResult();
        }
    }

    private Long teamOf(Conn c, Long teamId) {
        if (teamId == null) {
            return null;
        }
        long t = teamId;
        if (c.value("SELECT t.id FROM team t WHERE t.id = ? AND " + jurisdiction.scope().sql("t.unit_id"), t) == null) {
            throw ApiException.invalid("teamId", Messages.of("zone.noTeam", t));
        }
        return t;
    }

    private void lockSet(Conn c, long setId) {
        if (c.value("SELECT s.id FROM zone_set s WHERE s.id = ? AND " + inScope("s") + " FOR UPDATE", setId) == null) {
            throw ApiException.notFound(Messages.of("zone.set", setId));
        }
    }

    private void requireSet(Conn c, long setId) {
        if (c.value("SELECT s.id FROM zone_set s WHERE s.id = ? AND " + inScope("s"), setId) == null) {
            throw ApiException.notFound(Messages.of("zone.set", setId));
        }
    }

    /** Locks the zone's set and checks the client's {@code version} of the zone (required): stale → 409. */
    private long lockZone(Conn c, long id, Long version) {
        Long setId = c.value("SELECT zone_set_id FROM zone WHERE id = ?", id);
        if (setId == null) {
            throw ApiException.notFound(Messages.of("zone.zone", id));
        }
        lockSet(c, setId);
        Integer current = c.value("SELECT version FROM zone WHERE id = ?", id);
        if (version == null) {
            throw ApiException.invalid("version", Messages.of("zone.versionRequired", current));
        }
        long given = version;
        if (given != current) {
            throw ApiException.staleVersion(Messages.of("zone.zone", id), given, current);
        }
        return setId;
    }

    private void touch(Conn c, long id, String user) {
        c.update("UPDATE zone SET version = version + 1, updated_at = now(), updated_by = ? WHERE id = ?", user, id);
    }

    private void snapshot(Conn c, long setId, String action, String user, String detail, boolean bump) {
        if (bump) {
            c.update("UPDATE zone_set SET version = version + 1, updated_at = now(), updated_by = ? WHERE id = ?", user, setId);
        }
        c.update("""
                INSERT INTO zone_set_version (zone_set_id, version, action, author, detail, zones)
                SELECT s.id, s.version, ?, ?, ?, coalesce((SELECT jsonb_agg(jsonb_build_object('id', z.id, 'name', z.name,
                           'teamId', z.team_id, 'version', z.version, 'wkb', encode(ST_AsEWKB(z.geom), 'hex')) ORDER BY z.id)
                         FROM zone z WHERE z.zone_set_id = s.id), '[]'::jsonb)
                  FROM zone_set s WHERE s.id = ?""", action, user, detail, setId);
        // every change of a set or its zones passes here: one audit record per change, in the same transaction
        Map<String, Object> details = new java.util.LinkedHashMap<>();
        details.put("version", setVersion(c, setId));
        if (detail != null) {
            details.put("detail", detail);
        }
        audit.record(user, action, "zone_set", setId, details);
    }

    private int setVersion(Conn c, long setId) {
        Integer v = c.value("SELECT version FROM zone_set WHERE id = ?", setId);
        return v == null ? 0 : v;
    }

    private ZoneChange change(Conn c, long id, ObjectNode repair) {
        Zone z = zone(c, id);
        long setId = z.properties().zoneSetId();
        Uncovered uncovered = ZoneGeometry.uncovered(c, setId);
        return new ZoneChange(z, repair, uncovered, setVersion(c, setId));
    }

    static final String ZONE_SQL = """
            SELECT z.id, z.zone_set_id, z.name, ST_AsGeoJSON(z.geom, 7), z.team_id, t.name, z.version, z.updated_at,
                   z.updated_by, ST_Area(z.geom::geography), ST_NumGeometries(z.geom)
              FROM zone z LEFT JOIN team t ON t.id = z.team_id""";

    private Zone zone(Conn c, long id) {
        try (Stmt ps = c.prepare(ZONE_SQL + " WHERE z.id = ?")) {
            ps.setLong(1, id);
            try (Cursor rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw ApiException.notFound(Messages.of("zone.zone", id));
                }
                return zoneFeature(rs);
            }
        }
    }

    private static Zone zoneFeature(Cursor rs) {
        ZoneProperties p = new ZoneProperties(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLongOrNull(5),
                rs.getString(6), rs.getInt(7), rs.getInstant(8).toString(), rs.getString(9),
                Math.round(rs.getDouble(10) / 1e3) / 1e3, rs.getInt(11));
        return new Zone("Feature", rs.getLong(1), json(rs.getString(4)), p);
    }

    private SetSummary setSummary(Conn c, long id) {
        try (Stmt ps = c.prepare("""
                SELECT s.id, s.name, s.district_code, s.active, s.version, s.author, s.created_at, s.updated_at, s.updated_by,
                       s.params::text, (SELECT count(*) FROM zone z WHERE z.zone_set_id = s.id)
                  FROM zone_set s WHERE s.id = ?""")) {
            ps.setLong(1, id);
            try (Cursor rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw ApiException.notFound(Messages.of("zone.set", id));
                }
                return new SetSummary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getInt(5),
                        rs.getString(6), rs.getInstant(7).toString(), rs.getInstant(8).toString(), rs.getString(9),
                        rs.getString(10) == null ? null : json(rs.getString(10)), rs.getInt(11));
            }
        }
    }

    private ZoneSet set(Conn c, long id) {
        SetSummary o = setSummary(c, id);
        List<Zone> features = new ArrayList<>();
        try (Stmt ps = c.prepare(ZONE_SQL + " WHERE z.zone_set_id = ? ORDER BY z.id")) {
            ps.setLong(1, id);
            try (Cursor rs = ps.executeQuery()) {
                while (rs.next()) {
                    features.add(zoneFeature(rs));
                }
            }
        }
        JsonNode boundary = json(c.value("SELECT ST_AsGeoJSON(boundary, 7) FROM zone_set WHERE id = ?", id));
        return new ZoneSet(o, new ZoneCollection("FeatureCollection", features), boundary, ZoneGeometry.uncovered(c, id));
    }

    byte[] boundaryOf(Conn c, long setId) {
        byte[] b = c.value("SELECT ST_AsBinary(boundary) FROM zone_set WHERE id = ?", setId);
        if (b == null) {
            throw ApiException.notFound(Messages.of("zone.set", setId));
        }
        return b;
    }
}
