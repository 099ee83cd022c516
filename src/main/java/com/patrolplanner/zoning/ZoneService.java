package com.patrolplanner.zoning;

import com.patrolplanner.i18n.Messages;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.patrolplanner.geo.GeoJson;
import com.patrolplanner.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import static com.patrolplanner.zoning.Jdbc.json;
import static com.patrolplanner.zoning.Jdbc.longResult;
import static com.patrolplanner.zoning.Jdbc.one;
import static com.patrolplanner.zoning.Jdbc.sqlFailure;
import static com.patrolplanner.zoning.Jdbc.text;
import static com.patrolplanner.zoning.Jdbc.update;
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
    static final ObjectMapper MAPPER = Jdbc.MAPPER;

    @Inject
    DataSource dataSource;
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
        try (Connection c = dataSource.getConnection()) {
            requireSet(c, id);
        } catch (SQLException e) {
            throw sqlFailure(e);
        }
    }

    /** 404 unless the zone exists and its set is one of the caller's units'. */
    public void requireVisibleZone(long id) {
        try (Connection c = dataSource.getConnection()) {
            if (one(c, "SELECT z.id FROM zone z JOIN zone_set s ON s.id = z.zone_set_id WHERE z.id = ? AND " + inScope("s"),
                    id) == null) {
                throw ApiException.notFound(Messages.of("zone.zone", id));
            }
        } catch (SQLException e) {
            throw sqlFailure(e);
        }
    }

    /**
     * The unit a zone set of {@code district} goes to: the district's unit, which must be one of the caller's (else 422
     * naming it); without a district (a drawn polygon) the unit the body names ({@code unitId}) or the caller's.
     */
    public Long unitOfNewSet(String district, JsonNode body) {
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
        return jurisdiction.placeIn(body != null && body.hasNonNull("unitId") ? body.get("unitId").asLong() : null, "unitId");
    }

    /** A geometry ready to store: repaired and clipped, with what was done to it. */
    record Prepared(byte[] wkb, ObjectNode repair) {
    }

    // ---- zone sets ----

    @Transactional
    public ObjectNode createSet(JsonNode body, String user) {
        String name = text(body, "name");
        if (name == null) {
            throw ApiException.invalid("name", Messages.of("error.required"));
        }
        String district = text(body, "district");
        JsonNode polygon = body.get("polygon");
        JsonNode given = body.get("zones");
        if (given != null && !given.isNull() && !given.isArray() && !(given.has("features") && given.get("features").isArray())) {
            throw ApiException.invalid("zones", Messages.of("zone.collection"));
        }
        ZoneGeometry.checkRequestVertices(body, "zones");
        try (Connection c = dataSource.getConnection()) {
            byte[] boundary;
            if (polygon != null && !polygon.isNull()) {
                boundary = ZoneGeometry.repair(c, ZoneGeometry.parsePolygon(polygon, "polygon"), null, "polygon").wkb;
            } else if (district != null) {
                boundary = one(c, "SELECT ST_AsBinary(ST_Multi(geom)) FROM district WHERE adcode = ?", district);
                if (boundary == null) {
                    throw ApiException.invalid("district", Messages.of("zone.noDistrict", district));
                }
            } else {
                throw ApiException.invalid("district", Messages.of("zone.districtOrPolygon"));
            }
            Long unit = unitOfNewSet(district, body);
            long setId;
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO zone_set (name, district_code, boundary, author, params, updated_by, unit_id)
                    VALUES (?, ?, ST_Multi(ST_GeomFromWKB(?, 4326)), ?, ?::jsonb, ?, ?) RETURNING id""")) {
                ps.setObject(7, unit);
                ps.setString(1, name);
                ps.setString(2, district);
                ps.setBytes(3, boundary);
                ps.setString(4, user);
                ps.setString(5, body.has("params") ? body.get("params").toString() : null);
                ps.setString(6, user);
                setId = longResult(ps);
            }
            JsonNode zones = body.get("zones");
            if (zones != null && zones.has("features")) {
                zones = zones.get("features");
            }
            int n = 0;
            if (zones != null && zones.isArray()) {
                for (JsonNode z : zones) {
                    n++;
                    JsonNode props = z.has("properties") ? z.get("properties") : z;
                    String zn = text(props, "name");
                    Long team = props.hasNonNull("teamId") ? props.get("teamId").asLong() : null;
                    String field = "zones[" + (n - 1) + "].geometry";
                    Prepared p = ZoneGeometry.repair(c, ZoneGeometry.parsePolygon(z.get("geometry"), field), boundaryOf(c, setId), field);
                    ZoneGeometry.checkOverlaps(c, setId, null, p.wkb, field);
                    insertZone(c, setId, zn == null ? "片区" + n : zn, p.wkb, team, user);
                }
            }
            snapshot(c, setId, "create", user, "created with " + n + " zones", false);
            return set(c, setId);
        } catch (SQLException e) {
            throw sqlFailure(e);
        }
    }

    public ArrayNode listSets(String district) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        SELECT s.id FROM zone_set s WHERE (?::text IS NULL OR s.district_code = ?::text) AND\s"""
                        + inScope("s") + " ORDER BY s.id")) {
            ps.setString(1, district);
            ps.setString(2, district);
            ArrayNode out = MAPPER.createArrayNode();
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            for (long id : ids) {
                out.add(setSummary(c, id));
            }
            return out;
        } catch (SQLException e) {
            throw sqlFailure(e);
        }
    }

    public ObjectNode getSet(long id) {
        try (Connection c = dataSource.getConnection()) {
            return set(c, id);
        } catch (SQLException e) {
            throw sqlFailure(e);
        }
    }

    @Transactional
    public ObjectNode activate(long id, String user) {
        try (Connection c = dataSource.getConnection()) {
            lockSet(c, id);
            update(c, "UPDATE zone_set SET active = false WHERE active AND id <> ? AND district_code IS NOT DISTINCT FROM "
                    + "(SELECT district_code FROM zone_set WHERE id = ?)", id, id);
            update(c, "UPDATE zone_set SET active = true WHERE id = ?", id);
            snapshot(c, id, "activate", user, null, true);
            return set(c, id);
        } catch (SQLException e) {
            throw sqlFailure(e);
        }
    }

    public ArrayNode versions(long setId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        SELECT version, action, author, changed_at, detail, jsonb_array_length(zones) FROM zone_set_version
                         WHERE zone_set_id = ? ORDER BY version""")) {
            requireSet(c, setId);
            ps.setLong(1, setId);
            ArrayNode out = MAPPER.createArrayNode();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ObjectNode v = out.addObject();
                    v.put("version", rs.getInt(1));
                    v.put("action", rs.getString(2));
                    v.put("author", rs.getString(3));
                    v.put("changedAt", rs.getTimestamp(4).toInstant().toString());
                    v.put("detail", rs.getString(5));
                    v.put("zones", rs.getInt(6));
                }
            }
            return out;
        } catch (SQLException e) {
            throw sqlFailure(e);
        }
    }

    /** Puts the zones back as they were after {@code version}; the restore is itself a new version. */
    @Transactional
    public ObjectNode restore(long setId, int version, String user) {
        try (Connection c = dataSource.getConnection()) {
            lockSet(c, setId);
            String zones = one(c, "SELECT zones::text FROM zone_set_version WHERE zone_set_id = ? AND version = ?", setId, version);
            if (zones == null) {
                String what = Messages.of("zone.setVersion", version, setId);
                throw new ApiException(404, "Not found", Messages.of("error.notFound", what),
                        List.of(com.patrolplanner.web.Problem.FieldError.of("version", Messages.of("error.notFound", what))));
            }
            Map<Long, Integer> current = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, version FROM zone WHERE zone_set_id = ?")) {
                ps.setLong(1, setId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        current.put(rs.getLong(1), rs.getInt(2));
                    }
                }
            }
            update(c, "DELETE FROM zone WHERE zone_set_id = ?", setId);
            for (JsonNode z : MAPPER.readTree(zones)) {
                long zid = z.get("id").asLong();
                // A restored zone is a new state of that zone: its version moves on, so stale editors get 409.
                int v = Math.max(current.getOrDefault(zid, 0), z.get("version").asInt()) + 1;
                try (PreparedStatement ps = c.prepareStatement("""
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
        } catch (SQLException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw sqlFailure(e);
        }
    }

    // ---- zones ----

    @Transactional
    public ObjectNode createZone(JsonNode body, String user) {
        if (body == null || !body.hasNonNull("zoneSetId")) {
            throw ApiException.invalid("zoneSetId", Messages.of("error.required"));
        }
        long setId = body.get("zoneSetId").asLong();
        try (Connection c = dataSource.getConnection()) {
            lockSet(c, setId);
            Prepared p = ZoneGeometry.repair(c, ZoneGeometry.parsePolygon(body.get("geometry"), "geometry"), boundaryOf(c, setId), "geometry");
            if (clipToFreeSpace(body)) {
                p = ZoneGeometry.clipToFreeSpace(c, setId, null, p, "geometry");
            }
            ZoneGeometry.checkOverlaps(c, setId, null, p.wkb, "geometry");
            String name = text(body, "name");
            Long team = teamOf(c, body);
            long id = insertZone(c, setId, name == null ? "片区" : name, p.wkb, team, user);
            snapshot(c, setId, "add", user, "zone " + id, true);
            return change(c, id, p.repair);
        } catch (SQLException e) {
            throw sqlFailure(e);
        }
    }

    /** {@code "clipToFreeSpace": true}: the zone is cut back to the ground no other zone of its set covers. */
    private static boolean clipToFreeSpace(JsonNode body) {
        return body.hasNonNull("clipToFreeSpace") && body.get("clipToFreeSpace").asBoolean();
    }

    @Transactional
    public ObjectNode updateZone(long id, JsonNode body, String user) {
        try (Connection c = dataSource.getConnection()) {
            long setId = lockZone(c, id, body);
            ObjectNode repair = null;
            if (body.hasNonNull("geometry")) {
                Prepared p = ZoneGeometry.repair(c, ZoneGeometry.parsePolygon(body.get("geometry"), "geometry"), boundaryOf(c, setId), "geometry");
                if (clipToFreeSpace(body)) {
                    p = ZoneGeometry.clipToFreeSpace(c, setId, id, p, "geometry");
                }
                ZoneGeometry.checkOverlaps(c, setId, id, p.wkb, "geometry");
                update(c, "UPDATE zone SET geom = ST_Multi(ST_GeomFromWKB(?, 4326)) WHERE id = ?", p.wkb, id);
                repair = p.repair;
            }
            if (body.hasNonNull("name")) {
                update(c, "UPDATE zone SET name = ? WHERE id = ?", body.get("name").asText(), id);
            }
            if (body.has("teamId")) {
                update(c, "UPDATE zone SET team_id = ? WHERE id = ?", teamOf(c, body), id);
            }
            touch(c, id, user);
            snapshot(c, setId, "update", user, "zone " + id, true);
            return change(c, id, repair);
        } catch (SQLException e) {
            throw sqlFailure(e);
        }
    }

    @Transactional
    public ObjectNode assignTeam(long id, JsonNode body, String user) {
        try (Connection c = dataSource.getConnection()) {
            long setId = lockZone(c, id, body);
            update(c, "UPDATE zone SET team_id = ? WHERE id = ?", teamOf(c, body), id);
            touch(c, id, user);
            snapshot(c, setId, "team", user, "zone " + id, true);
            return zone(c, id);
        } catch (SQLException e) {
            throw sqlFailure(e);
        }
    }

    @Transactional
    public void deleteZone(long id, JsonNode body, String user) {
        try (Connection c = dataSource.getConnection()) {
            long setId = lockZone(c, id, body);
            update(c, "DELETE FROM zone WHERE id = ?", id);
            snapshot(c, setId, "delete", user, "zone " + id, true);
        } catch (SQLException e) {
            throw sqlFailure(e);
        }
    }

    /** ST_Split along a drawn line: the largest piece keeps the zone, each other piece becomes a new zone. */
    @Transactional
    public ObjectNode split(long id, JsonNode body, String user) {
        try (Connection c = dataSource.getConnection()) {
            long setId = lockZone(c, id, body);
            Geometry line;
            try {
                line = GeoJson.parse(body.get("line"), "line");
            } catch (IllegalArgumentException e) {
                throw ApiException.invalid("line", e.getMessage());
            }
            if (!(line instanceof org.locationtech.jts.geom.LineString) && !(line instanceof org.locationtech.jts.geom.MultiLineString)) {
                throw ApiException.invalid("line", Messages.of("zone.lineType", line.getGeometryType()));
            }
            List<byte[]> pieces = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT ST_AsBinary(ST_Multi(d.geom)) FROM zone z,
                           ST_Dump(ST_CollectionExtract(ST_Split(z.geom, ST_GeomFromWKB(?, 4326)), 3)) d
                     WHERE z.id = ? ORDER BY ST_Area(d.geom::geography) DESC, ST_XMin(d.geom), ST_YMin(d.geom)""")) {
                ps.setBytes(1, new WKBWriter().write(line));
                ps.setLong(2, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        pieces.add(rs.getBytes(1));
                    }
                }
            }
            if (pieces.size() < 2) {
                throw ApiException.invalid("line", Messages.of("zone.lineNotCut"));
            }
            String name = one(c, "SELECT name FROM zone WHERE id = ?", id);
            Long team = one(c, "SELECT team_id FROM zone WHERE id = ?", id);
            update(c, "UPDATE zone SET geom = ST_GeomFromWKB(?, 4326) WHERE id = ?", pieces.get(0), id);
            touch(c, id, user);
            ObjectNode out = MAPPER.createObjectNode();
            ArrayNode zones = out.putArray("zones");
            zones.add(zone(c, id));
            for (int i = 1; i < pieces.size(); i++) {
                long nid = insertZone(c, setId, name + "-" + (i + 1), pieces.get(i), team, user);
                zones.add(zone(c, nid));
            }
            snapshot(c, setId, "split", user, "zone " + id + " into " + pieces.size(), true);
            out.put("zoneSetVersion", setVersion(c, setId));
            return out;
        } catch (SQLException e) {
            throw sqlFailure(e);
        }
    }

    /** Two adjacent zones of one set become one (the first keeps its id, name unless given, and team). */
    @Transactional
    public ObjectNode merge(JsonNode body, String user) {
        JsonNode ids = body == null ? null : body.get("zoneIds");
        if (ids == null || !ids.isArray() || ids.size() != 2 || ids.get(0).asLong() == ids.get(1).asLong()) {
            throw ApiException.invalid("zoneIds", Messages.of("zone.twoIds"));
        }
        long a = ids.get(0).asLong();
        long b = ids.get(1).asLong();
        try (Connection c = dataSource.getConnection()) {
            Long sa = one(c, "SELECT zone_set_id FROM zone WHERE id = ?", a);
            Long sb = one(c, "SELECT zone_set_id FROM zone WHERE id = ?", b);
            if (sa == null || sb == null) {
                throw ApiException.notFound(Messages.of("zone.zone", sa == null ? a : b));
            }
            if (!sa.equals(sb)) {
                throw ApiException.invalid("zoneIds", Messages.of("zone.differentSets"));
            }
            lockSet(c, sa);
            Boolean adjacent = one(c, """
                    SELECT ST_Length(ST_CollectionExtract(ST_Intersection(x.geom, y.geom), 2)::geography) > 0.01
                           OR ST_Area(ST_Intersection(x.geom, y.geom)::geography) > 0
                      FROM zone x, zone y WHERE x.id = ? AND y.id = ?""", a, b);
            if (!Boolean.TRUE.equals(adjacent)) {
                throw ApiException.invalid("zoneIds", Messages.of("zone.notAdjacent", a, b));
            }
            update(c, """
                    UPDATE zone SET geom = (SELECT ST_Multi(ST_CollectionExtract(ST_Union(g, 1e-9), 3))
                                              FROM (SELECT geom g FROM zone WHERE id IN (?, ?)) u)
                     WHERE id = ?""", a, b, a);
            if (text(body, "name") != null) {
                update(c, "UPDATE zone SET name = ? WHERE id = ?", text(body, "name"), a);
            }
            update(c, "DELETE FROM zone WHERE id = ?", b);
            touch(c, a, user);
            snapshot(c, sa, "merge", user, "zone " + b + " into " + a, true);
            return change(c, a, null);
        } catch (SQLException e) {
            throw sqlFailure(e);
        }
    }

    public ObjectNode getZone(long id) {
        try (Connection c = dataSource.getConnection()) {
            return zone(c, id);
        } catch (SQLException e) {
            throw sqlFailure(e);
        }
    }

    // ---- helpers: rows ----

    private long insertZone(Connection c, long setId, String name, byte[] wkb, Long team, String user) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO zone (zone_set_id, name, geom, team_id, updated_by)
                VALUES (?, ?, ST_Multi(ST_GeomFromWKB(?, 4326)), ?, ?) RETURNING id""")) {
            ps.setLong(1, setId);
            ps.setString(2, name);
            ps.setBytes(3, wkb);
            ps.setObject(4, team);
            ps.setString(5, user);
            return longResult(ps);
        }
    }

    private Long teamOf(Connection c, JsonNode body) throws SQLException {
        if (!body.hasNonNull("teamId")) {
            return null;
        }
        long t = body.get("teamId").asLong();
        if (one(c, "SELECT t.id FROM team t WHERE t.id = ? AND " + jurisdiction.scope().sql("t.unit_id"), t) == null) {
            throw ApiException.invalid("teamId", Messages.of("zone.noTeam", t));
        }
        return t;
    }

    private void lockSet(Connection c, long setId) throws SQLException {
        if (one(c, "SELECT s.id FROM zone_set s WHERE s.id = ? AND " + inScope("s") + " FOR UPDATE", setId) == null) {
            throw ApiException.notFound(Messages.of("zone.set", setId));
        }
    }

    private void requireSet(Connection c, long setId) throws SQLException {
        if (one(c, "SELECT s.id FROM zone_set s WHERE s.id = ? AND " + inScope("s"), setId) == null) {
            throw ApiException.notFound(Messages.of("zone.set", setId));
        }
    }

    /** Locks the zone's set and checks the client's {@code version} of the zone (required): stale → 409. */
    private long lockZone(Connection c, long id, JsonNode body) throws SQLException {
        Long setId = one(c, "SELECT zone_set_id FROM zone WHERE id = ?", id);
        if (setId == null) {
            throw ApiException.notFound(Messages.of("zone.zone", id));
        }
        lockSet(c, setId);
        Integer current = one(c, "SELECT version FROM zone WHERE id = ?", id);
        if (body == null || !body.hasNonNull("version")) {
            throw ApiException.invalid("version", Messages.of("zone.versionRequired", current));
        }
        long given = body.get("version").asLong();
        if (given != current) {
            throw ApiException.staleVersion(Messages.of("zone.zone", id), given, current);
        }
        return setId;
    }

    private void touch(Connection c, long id, String user) throws SQLException {
        update(c, "UPDATE zone SET version = version + 1, updated_at = now(), updated_by = ? WHERE id = ?", user, id);
    }

    private void snapshot(Connection c, long setId, String action, String user, String detail, boolean bump) throws SQLException {
        if (bump) {
            update(c, "UPDATE zone_set SET version = version + 1, updated_at = now(), updated_by = ? WHERE id = ?", user, setId);
        }
        update(c, """
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

    private int setVersion(Connection c, long setId) throws SQLException {
        Integer v = one(c, "SELECT version FROM zone_set WHERE id = ?", setId);
        return v == null ? 0 : v;
    }

    private ObjectNode change(Connection c, long id, ObjectNode repair) throws SQLException {
        ObjectNode out = MAPPER.createObjectNode();
        ObjectNode z = zone(c, id);
        out.set("zone", z);
        if (repair != null) {
            out.set("repair", repair);
        }
        long setId = z.get("properties").get("zoneSetId").asLong();
        out.setAll(ZoneGeometry.uncovered(c, setId));
        out.put("zoneSetVersion", setVersion(c, setId));
        return out;
    }

    static final String ZONE_SQL = """
            SELECT z.id, z.zone_set_id, z.name, ST_AsGeoJSON(z.geom, 7), z.team_id, t.name, z.version, z.updated_at,
                   z.updated_by, ST_Area(z.geom::geography), ST_NumGeometries(z.geom)
              FROM zone z LEFT JOIN team t ON t.id = z.team_id""";

    private ObjectNode zone(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(ZONE_SQL + " WHERE z.id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw ApiException.notFound(Messages.of("zone.zone", id));
                }
                return zoneFeature(rs);
            }
        }
    }

    private static ObjectNode zoneFeature(ResultSet rs) throws SQLException {
        ObjectNode f = MAPPER.createObjectNode();
        f.put("type", "Feature");
        f.put("id", rs.getLong(1));
        f.set("geometry", json(rs.getString(4)));
        ObjectNode p = f.putObject("properties");
        p.put("id", rs.getLong(1));
        p.put("zoneSetId", rs.getLong(2));
        p.put("name", rs.getString(3));
        long team = rs.getLong(5);
        if (rs.wasNull()) {
            p.putNull("teamId");
        } else {
            p.put("teamId", team);
        }
        p.put("teamName", rs.getString(6));
        p.put("version", rs.getInt(7));
        p.put("updatedAt", rs.getTimestamp(8).toInstant().toString());
        p.put("updatedBy", rs.getString(9));
        p.put("areaKm2", Math.round(rs.getDouble(10) / 1e3) / 1e3);
        p.put("parts", rs.getInt(11));
        return f;
    }

    private ObjectNode setSummary(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT s.id, s.name, s.district_code, s.active, s.version, s.author, s.created_at, s.updated_at, s.updated_by,
                       s.params::text, (SELECT count(*) FROM zone z WHERE z.zone_set_id = s.id)
                  FROM zone_set s WHERE s.id = ?""")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw ApiException.notFound(Messages.of("zone.set", id));
                }
                ObjectNode o = MAPPER.createObjectNode();
                o.put("id", rs.getLong(1));
                o.put("name", rs.getString(2));
                o.put("district", rs.getString(3));
                o.put("active", rs.getBoolean(4));
                o.put("version", rs.getInt(5));
                o.put("author", rs.getString(6));
                o.put("createdAt", rs.getTimestamp(7).toInstant().toString());
                o.put("updatedAt", rs.getTimestamp(8).toInstant().toString());
                o.put("updatedBy", rs.getString(9));
                o.set("params", rs.getString(10) == null ? null : json(rs.getString(10)));
                o.put("zoneCount", rs.getInt(11));
                return o;
            }
        }
    }

    private ObjectNode set(Connection c, long id) throws SQLException {
        ObjectNode o = setSummary(c, id);
        ObjectNode fc = o.putObject("zones");
        fc.put("type", "FeatureCollection");
        ArrayNode features = fc.putArray("features");
        try (PreparedStatement ps = c.prepareStatement(ZONE_SQL + " WHERE z.zone_set_id = ? ORDER BY z.id")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    features.add(zoneFeature(rs));
                }
            }
        }
        o.set("boundary", json(one(c, "SELECT ST_AsGeoJSON(boundary, 7) FROM zone_set WHERE id = ?", id)));
        o.setAll(ZoneGeometry.uncovered(c, id));
        return o;
    }

    byte[] boundaryOf(Connection c, long setId) throws SQLException {
        byte[] b = one(c, "SELECT ST_AsBinary(boundary) FROM zone_set WHERE id = ?", setId);
        if (b == null) {
            throw ApiException.notFound(Messages.of("zone.set", setId));
        }
        return b;
    }
}
