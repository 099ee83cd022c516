package com.patrolplanner.zoning;

import com.patrolplanner.sql.Conn;
import com.patrolplanner.sql.Cursor;
import com.patrolplanner.sql.Stmt;
import com.patrolplanner.i18n.Messages;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.patrolplanner.geo.GeoJson;
import com.patrolplanner.web.ApiException;
import com.patrolplanner.web.Problem;
import java.util.ArrayList;
import java.util.List;
import static com.patrolplanner.zoning.ZoneJson.json;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;

/**
 * Geometry checks of hand-drawn zones: parse and repair (ST_MakeValid, clipped to the set's area), overlaps with the
 * other zones of the set (422 naming them, with the overlap geometry), and the part of the area no zone covers.
 *
 * <p>PostGIS only sees bounded input: at most {@link GeoJson#MAX_VERTICES} positions, and an outline that crosses
 * itself at most {@link #MAX_SELF_CROSSINGS} times (a self-crossing star of a few thousand points has millions of
 * crossings and kept ST_MakeValid busy for minutes). Both are counted in Java before any SQL runs.
 */
final class ZoneGeometry {
    /** Self-crossings a drawn outline may have and still be repaired: a few slips of the mouse, not a scribble. */
    static final int MAX_SELF_CROSSINGS = 1_000;

    private ZoneGeometry() {
    }

    static Geometry parsePolygon(JsonNode g, String field) {
        Geometry out;
        try {
            out = GeoJson.toMultiPolygon(GeoJson.parse(g, field), field);
        } catch (IllegalArgumentException e) {
            String msg = e.getMessage();
            throw ApiException.invalid(field, msg.startsWith(field + ":") ? msg.substring(field.length() + 1).trim() : msg);
        }
        if (!out.isValid() && selfCrossings(out, MAX_SELF_CROSSINGS + 1) > MAX_SELF_CROSSINGS) {
            throw ApiException.invalid(field, Messages.of("zone.selfCrossings", MAX_SELF_CROSSINGS));
        }
        return out;
    }

    /** 413 naming {@code field} when the request's geometries together hold more positions than one request may. */
    static void checkRequestVertices(JsonNode body, String field) {
        try {
            GeoJson.checkRequestVertices(body, field);
        } catch (GeoJson.TooManyVertices e) {
            throw new ApiException(413, "Content too large", e.getMessage(),
                    List.of(Problem.FieldError.of(field, Messages.of("zone.maxVertices", e.limit))));
        }
    }

    /** Proper crossings between the rings' segments, counted up to {@code stopAt} (the spatial index keeps it fast). */
    static int selfCrossings(Geometry g, int stopAt) {
        List<org.locationtech.jts.noding.SegmentString> rings = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            org.locationtech.jts.geom.Polygon p = (org.locationtech.jts.geom.Polygon) g.getGeometryN(i);
            rings.add(new org.locationtech.jts.noding.NodedSegmentString(p.getExteriorRing().getCoordinates(), null));
            for (int h = 0; h < p.getNumInteriorRing(); h++) {
                rings.add(new org.locationtech.jts.noding.NodedSegmentString(p.getInteriorRingN(h).getCoordinates(), null));
            }
        }
        org.locationtech.jts.algorithm.RobustLineIntersector li = new org.locationtech.jts.algorithm.RobustLineIntersector();
        int[] found = {0};
        org.locationtech.jts.noding.SegmentIntersector counter = new org.locationtech.jts.noding.SegmentIntersector() {
            @Override
            public void processIntersections(org.locationtech.jts.noding.SegmentString a, int i,
                    org.locationtech.jts.noding.SegmentString b, int j) {
                if (a == b && i == j) {
                    return;
                }
                li.computeIntersection(a.getCoordinate(i), a.getCoordinate(i + 1), b.getCoordinate(j), b.getCoordinate(j + 1));
                if (li.isProper()) {
                    found[0]++;
                }
            }

            @Override
            public boolean isDone() {
                return found[0] >= stopAt;
            }
        };
        org.locationtech.jts.noding.MCIndexNoder noder = new org.locationtech.jts.noding.MCIndexNoder();
        noder.setSegmentIntersector(counter);
        noder.computeNodes(rings);
        return found[0];
    }

    /** ST_MakeValid when needed (reported with the reason), then clipped to the set's area (the cut reported). */
    static ZoneService.Prepared repair(Conn c, Geometry g, byte[] boundary, String field) {
        ObjectNode rep = ZoneJson.MAPPER.createObjectNode();
        try (Stmt ps = c.prepare("""
                WITH i AS (SELECT ST_GeomFromWKB(?, 4326) g, ST_GeomFromWKB(?, 4326) b),
                 v AS (SELECT g, b, ST_IsValid(g) ok, ST_IsValidReason(g) why,
                              ST_Multi(ST_CollectionExtract(ST_MakeValid(g), 3)) mv FROM i),
                 c AS (SELECT *, CASE WHEN b IS NULL THEN mv ELSE ST_Multi(ST_CollectionExtract(ST_Intersection(mv, b), 3)) END cg FROM v)
                SELECT ok, why, ST_AsBinary(cg), ST_Area(mv::geography) - ST_Area(cg::geography), ST_Area(cg::geography),
                       abs(ST_Area(g::geography) - ST_Area(mv::geography)) FROM c""")) {
            ps.setBytes(1, new WKBWriter().write(g));
            ps.setBytes(2, boundary);
            try (Cursor rs = ps.executeQuery()) {
                rs.next();
                boolean ok = rs.getBoolean(1);
                rep.put("repaired", !ok);
                if (!ok) {
                    rep.put("reason", rs.getString(2));
                    rep.put("method", "ST_MakeValid");
                }
                double outside = rs.getDouble(4);
                rep.put("clippedOutsideM2", Math.round(Math.max(outside, 0) * 10) / 10.0);
                if (rs.getDouble(5) <= 0) {
                    throw ApiException.invalid(field, boundary == null ? Messages.of("zone.noArea")
                            : Messages.of("zone.outsideArea"));
                }
                return new ZoneService.Prepared(rs.getBytes(3), rep);
            }
        }
    }

    /**
     * "Clip to free space": the zone minus every other zone of its set (ST_Difference against their union), so a new
     * zone drawn over its neighbours keeps only the ground nobody covers. The cut area (m², geodesic) is reported as
     * {@code clippedOverlapM2}; a zone that lies wholly under others is a 422.
     */
    static ZoneService.Prepared clipToFreeSpace(Conn c, long setId, Long self, ZoneService.Prepared p, String field) {
        try (Stmt ps = c.prepare("""
                WITH n AS (SELECT ST_GeomFromWKB(?, 4326) g),
                 o AS (SELECT ST_Union(z.geom) u FROM zone z, n
                        WHERE z.zone_set_id = ? AND z.id <> ? AND ST_Intersects(z.geom, n.g)),
                 d AS (SELECT n.g, CASE WHEN o.u IS NULL THEN n.g
                                        ELSE ST_Multi(ST_CollectionExtract(ST_Difference(n.g, o.u), 3)) END cg FROM n, o)
                SELECT ST_AsBinary(cg), ST_Area(g::geography) - ST_Area(cg::geography), ST_Area(cg::geography) FROM d""")) {
            ps.setBytes(1, p.wkb());
            ps.setLong(2, setId);
            ps.setLong(3, self == null ? -1 : self);
            try (Cursor rs = ps.executeQuery()) {
                rs.next();
                if (rs.getDouble(3) <= ZoneService.OVERLAP_TOLERANCE_M2) {
                    throw ApiException.invalid(field, Messages.of("zone.clipEmpty"));
                }
                ObjectNode rep = p.repair().deepCopy();
                rep.put("clippedOverlapM2", Math.round(Math.max(rs.getDouble(2), 0) * 10) / 10.0);
                return new ZoneService.Prepared(rs.getBytes(1), rep);
            }
        }
    }

    static void checkOverlaps(Conn c, long setId, Long self, byte[] wkb, String field) {
        ArrayNode overlaps = ZoneJson.MAPPER.createArrayNode();
        List<Problem.FieldError> errors = new ArrayList<>();
        try (Stmt ps = c.prepare("""
                WITH n AS (SELECT ST_GeomFromWKB(?, 4326) g),
                 o AS (SELECT z.id, z.name, ST_CollectionExtract(ST_Intersection(z.geom, n.g), 3) ov
                         FROM zone z, n WHERE z.zone_set_id = ? AND z.id <> ? AND ST_Intersects(z.geom, n.g))
                SELECT id, name, ST_Area(ov::geography), ST_AsGeoJSON(ov, 7) FROM o
                 WHERE ST_Area(ov::geography) > ? ORDER BY id""")) {
            ps.setBytes(1, wkb);
            ps.setLong(2, setId);
            ps.setLong(3, self == null ? -1 : self);
            ps.setDouble(4, ZoneService.OVERLAP_TOLERANCE_M2);
            try (Cursor rs = ps.executeQuery()) {
                while (rs.next()) {
                    ObjectNode o = overlaps.addObject();
                    o.put("zoneId", rs.getLong(1));
                    o.put("zoneName", rs.getString(2));
                    o.put("areaM2", Math.round(rs.getDouble(3) * 10) / 10.0);
                    o.set("geometry", json(rs.getString(4)));
                    errors.add(Problem.FieldError.of(field, Messages.of("zone.overlapsOne", rs.getLong(1), rs.getString(2),
                            Math.round(rs.getDouble(3)))));
                }
            }
        }
        if (!overlaps.isEmpty()) {
            throw new ZoneOverlapException(Messages.of("zone.overlaps", overlaps.size()), errors, overlaps);
        }
    }

    static ZoneViews.Uncovered uncovered(Conn c, long setId) {
        try (Stmt ps = c.prepare("""
                WITH u AS (SELECT s.boundary b, (SELECT ST_Union(z.geom) FROM zone z WHERE z.zone_set_id = s.id) zs
                             FROM zone_set s WHERE s.id = ?),
                 d AS (SELECT CASE WHEN zs IS NULL THEN b ELSE ST_CollectionExtract(ST_Difference(b, zs), 3) END g FROM u)
                SELECT ST_Area(g::geography), ST_AsGeoJSON(g, 7) FROM d""")) {
            ps.setLong(1, setId);
            try (Cursor rs = ps.executeQuery()) {
                rs.next();
                double a = rs.getDouble(1);
                return new ZoneViews.Uncovered(Math.round(a * 10) / 10.0,
                        a > ZoneService.OVERLAP_TOLERANCE_M2 ? json(rs.getString(2)) : null);
            }
        }
    }
}
