package com.patrolplanner.zoning;

import com.patrolplanner.sql.Conn;
import com.patrolplanner.sql.Cursor;
import com.patrolplanner.sql.Db;
import com.patrolplanner.sql.Stmt;
import com.patrolplanner.i18n.Messages;
import com.fasterxml.jackson.databind.JsonNode;
import com.patrolplanner.geo.GeoJson;
import com.patrolplanner.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.operation.overlayng.CoverageUnion;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/**
 * Automatic zoning (自动划片): a district (or a drawn polygon) → {@code zoneCount} zones that tile it exactly, each one
 * polygon, with balanced workload ({@link Workload}). The proposal is computed, not saved.
 *
 * <p>ZoneCells: {@code ST_HexagonGrid} in the district's UTM zone (metres), each hexagon brought back to WGS-84 and clipped
 * against the district in WGS-84, so that the pieces share the district's own vertices and their union is the district
 * (snapped to a 1e-9° grid, about 0.1 mm). ZoneCells without venues still carry area. The cells are split by
 * {@link Partitioner} and dissolved with {@code ST_Union}.
 *
 * <p>Multi-part districts (islands, exclaves): each part gets zones in proportion to its workload; a part with less
 * than one zone's share joins the zone nearest to it. Zones are contiguous within a part; only such a zone is a
 * MultiPolygon, and it is reported with {@code exclave: true}.
 */
@ApplicationScoped
public class AutoZoning {
    public static final int MAX_ZONES = 200;
    /** About this many cells over the district: fine enough for a 10 % balance of 12 zones, fast enough for 2 s. */
    public static final int TARGET_CELLS = 1800;
    public static final double MIN_CELL_EDGE_M = 50;
    /** Snapping grid of clipping and dissolving, degrees (≈ 0.1 mm): makes shared edges match exactly. */
    public static final double GRID = 1e-9;
    private static final double HEX_AREA_FACTOR = 3 * Math.sqrt(3) / 2;

    /** Boundary pieces: every hexagon of the UTM grid that meets the boundary, clipped in WGS-84 (SRID 4326). */
    static final String CELLS_SQL = """
            WITH b AS (SELECT ST_GeomFromWKB(?, 4326) g),
             p AS (SELECT b.g, ST_Transform(b.g, ?) gm, ST_Boundary(b.g) bd FROM b),
             hex AS (SELECT row_number() OVER (ORDER BY h.i, h.j) hid, ST_Transform(h.geom, 4326) hg,
                            ST_X(ST_Centroid(h.geom)) cx, ST_Y(ST_Centroid(h.geom)) cy
                       FROM p, ST_HexagonGrid(?, p.gm) h WHERE ST_Intersects(h.geom, p.gm)),
             cl AS (SELECT hid, cx, cy, hg, NOT ST_Intersects(hg, p.bd) inside,
                           CASE WHEN NOT ST_Intersects(hg, p.bd) THEN hg
                                ELSE ST_CollectionExtract(ST_Intersection(hg, p.g, ?), 3) END pg FROM hex, p),
             d AS (SELECT hid, cx, cy, hg, inside, (ST_Dump(pg)).geom pc FROM cl WHERE NOT ST_IsEmpty(pg))
            SELECT hid, cx, cy, inside, ST_AsBinary(pc), ST_X(ST_Centroid(hg)), ST_Y(ST_Centroid(hg))
              FROM d WHERE ST_Area(pc) > 0 ORDER BY hid, ST_XMin(pc), ST_YMin(pc)""";

    /** Venues inside the boundary, in metres (UTM) and lon/lat. */
    static final String VENUES_SQL = """
            SELECT v.id, v.category, v.status, v.complaint_count, ST_X(ST_Transform(v.geom, ?)), ST_Y(ST_Transform(v.geom, ?)),
                   ST_X(v.geom), ST_Y(v.geom)
              FROM venue v, (SELECT ST_GeomFromWKB(?, 4326) g) b
             WHERE v.geom IS NOT NULL AND v.geom && b.g AND ST_Covers(b.g, v.geom) ORDER BY v.id""";

    @Inject
    Db db;
    @Inject
    ZoneService zones;

    /** What to zone: a district adcode or a drawn polygon (GeoJSON), how many zones, the random seed. */
    public record Request(String district, JsonNode polygon, Integer zoneCount, Long seed) {
    }

    record Boundary(String district, String name, byte[] wkb, Geometry geom) {
    }

    /** A proposed zoning (not saved): the zones as GeoJSON features with their figures, and how well they tile the area. */
    public record Proposal(WorkloadFigures workload, Coverage coverage, int contiguousZones, boolean contiguous, int parts,
            ProposedZones zones, Timings timingsMs, String district, String districtName, int zoneCount, long seed,
            int cells, double cellEdgeM, int venues, String contiguityRule, long elapsedMs) {
    }

    /** Workload minutes per zone: total, target (total / k), largest, smallest, and their ratio (null without venues). */
    public record WorkloadFigures(double totalMin, double targetMin, double maxMin, double minMin, Double maxOverMin) {
    }

    /** How the zones cover the boundary (geodesic m²; the symmetric difference as a share of the area in %). */
    public record Coverage(double boundaryAreaM2, double symmetricDifferenceM2, double areaErrorPct, double overlapM2) {
    }

    public record ProposedZones(String type, List<ProposedZone> features) {
    }

    /** A proposed zone as a GeoJSON Feature. */
    public record ProposedZone(String type, JsonNode geometry, ZoneFigures properties) {
    }

    public record ZoneFigures(int index, String name, double workloadMin, int cells, double areaKm2, double perimeterKm,
            double polsbyPopper, int parts, boolean contiguous, boolean exclave) {
    }

    /** Milliseconds per step. */
    public record Timings(long boundary, long cells, long venues, long graph, long partition, long dissolve) {
    }

    /** What {@link #dissolve} measured, before the run's own figures are added. */
    private record Dissolved(WorkloadFigures workload, Coverage coverage, int contiguousZones, boolean contiguous, int parts,
            ProposedZones zones) {
    }

    public Proposal generate(Request req) {
        long t0 = System.nanoTime();
        if (req == null) {
            throw ApiException.invalid("zoneCount", Messages.of("zone.bodyRequired"));
        }
        if (req.district() != null && !req.district().isBlank()) {
            zones.unitOfNewSet(req.district().trim(), null); // another unit's district: 422 naming it
        }
        Integer k = req.zoneCount();
        if (k == null) {
            throw ApiException.invalid("zoneCount", Messages.of("error.required"));
        }
        if (k < 1 || k > MAX_ZONES) {
            throw ApiException.invalid("zoneCount", Messages.of("zone.countRange", MAX_ZONES, k));
        }
        long seed = req.seed() == null ? 1L : req.seed();
        try (Conn c = db.open()) {
            Boundary b = boundary(c, req);
            Point centre = b.geom.getInteriorPoint();
            int utm = utmSrid(centre.getX(), centre.getY());
            double areaM2 = scalar(c, "SELECT ST_Area(ST_GeomFromWKB(?, 4326)::geography)", b.wkb);
            double edge = Math.max(MIN_CELL_EDGE_M, Math.sqrt(areaM2 / (TARGET_CELLS * HEX_AREA_FACTOR)));
            long tb = System.nanoTime();
            ZoneCells cells = cells(c, b, utm, edge);
            long tc = System.nanoTime();
            if (k > cells.n()) {
                throw ApiException.invalid("zoneCount", Messages.of("zone.moreThanCells", cells.n()));
            }
            int venues = assignVenues(c, b, utm, edge, cells);
            long tv = System.nanoTime();
            Partitioner.Graph graph = cells.graph(edge, centre.getY());
            long tg = System.nanoTime();
            Partitioner.Result r = Partitioner.partition(graph, k, seed, 1_000_000_000L);
            long tp = System.nanoTime();
            Dissolved out = dissolve(b, cells, r, k);
            long td = System.nanoTime();
            Timings tm = new Timings((tb - t0) / 1_000_000, (tc - tb) / 1_000_000, (tv - tc) / 1_000_000,
                    (tg - tv) / 1_000_000, (tp - tg) / 1_000_000, (td - tp) / 1_000_000);
            return new Proposal(out.workload(), out.coverage(), out.contiguousZones(), out.contiguous(), out.parts(),
                    out.zones(), tm, b.district, b.name, k, seed, cells.n(), Math.round(edge * 10) / 10.0, venues,
                    Messages.of("zoning.contiguityRule"),
                    (System.nanoTime() - t0) / 1_000_000);
        }
    }

    private Boundary boundary(Conn c, Request req) {
        byte[] wkb;
        String name = null;
        String district = null;
        if (req.polygon() != null && !req.polygon().isNull()) {
            Geometry g;
            try {
                g = GeoJson.toMultiPolygon(GeoJson.parse(req.polygon(), "polygon"), "polygon");
            } catch (IllegalArgumentException e) {
                throw ApiException.invalid("polygon", e.getMessage());
            }
            wkb = bytes(c, "SELECT ST_AsBinary(ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_GeomFromWKB(?, 4326)), 3)))",
                    new WKBWriter().write(g));
        } else if (req.district() != null && !req.district().isBlank()) {
            district = req.district().trim();
            try (Stmt ps = c.prepare("SELECT ST_AsBinary(ST_Multi(geom)), name FROM district WHERE adcode = ?")) {
                ps.setString(1, district);
                try (Cursor rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw ApiException.invalid("district", Messages.of("zone.noDistrict", district));
                    }
                    wkb = rs.getBytes(1);
                    name = rs.getString(2);
                }
            }
        } else {
            throw ApiException.invalid("district", Messages.of("zone.districtOrPolygon"));
        }
        Geometry g = read(wkb);
        if (g.isEmpty() || g.getArea() <= 0) {
            throw ApiException.invalid(district == null ? "polygon" : "district", Messages.of("zone.areaEmpty"));
        }
        return new Boundary(district, name, wkb, g);
    }

    static int utmSrid(double lon, double lat) {
        int zone = (int) Math.floor((lon + 180) / 6) + 1;
        return (lat >= 0 ? 32600 : 32700) + Math.min(Math.max(zone, 1), 60);
    }


    private ZoneCells cells(Conn c, Boundary b, int utm, double edge) {
        ZoneCells cells = new ZoneCells();
        cells.bucketSize = 2 * edge;
        try (Stmt ps = c.prepare(CELLS_SQL)) {
            ps.setBytes(1, b.wkb);
            ps.setInt(2, utm);
            ps.setDouble(3, edge);
            ps.setDouble(4, GRID);
            try (Cursor rs = ps.executeQuery()) {
                while (rs.next()) {
                    int i = cells.n();
                    int hid = rs.getInt(1);
                    double[] centre = {rs.getDouble(2), rs.getDouble(3)};
                    cells.hex.add(hid);
                    cells.hexCentre.add(centre);
                    cells.inside.add(rs.getBoolean(4));
                    byte[] w = rs.getBytes(5);
                    Geometry pg = snap(read(w));
                    w = new WKBWriter().write(pg);
                    cells.geom.add(pg);
                    cells.wkb.add(w);
                    cells.area.add(GeodesicMeasure.area(pg));
                    Coordinate ip = pg.getInteriorPoint().getCoordinate();
                    cells.at.add(new double[] {ip.x, ip.y});
                    cells.hexLonLat.add(new double[] {rs.getDouble(6), rs.getDouble(7)});
                    List<Integer> pieces = cells.piecesOfHex.computeIfAbsent(hid, h -> new ArrayList<>());
                    if (pieces.isEmpty()) {
                        cells.bucket.computeIfAbsent(ZoneCells.key((long) Math.floor(centre[0] / cells.bucketSize),
                                (long) Math.floor(centre[1] / cells.bucketSize)), kk -> new ArrayList<>()).add(hid);
                    }
                    pieces.add(i);
                }
            }
        }
        cells.weight = new double[cells.n()];
        return cells;
    }

    /** Adds each venue's expected minutes to the piece it lies in; returns how many venues. */
    private int assignVenues(Conn c, Boundary b, int utm, double edge, ZoneCells cells) {
        int count = 0;
        try (Stmt ps = c.prepare(VENUES_SQL)) {
            ps.setInt(1, utm);
            ps.setInt(2, utm);
            ps.setBytes(3, b.wkb);
            try (Cursor rs = ps.executeQuery()) {
                while (rs.next()) {
                    count++;
                    double w = Workload.of(rs.getString(2), rs.getString(3), rs.getInt(4));
                    double x = rs.getDouble(5);
                    double y = rs.getDouble(6);
                    // A point lies in the hexagon whose centre is nearest (hexagons are the Voronoi cells of their centres).
                    int bestHex = -1;
                    double bd = Double.MAX_VALUE;
                    for (int h : cells.nearHexes(x, y)) {
                        double[] ch = cells.hexCentre.get(cells.piecesOfHex.get(h).get(0));
                        double d = Math.hypot(ch[0] - x, ch[1] - y);
                        if (d < bd) {
                            bd = d;
                            bestHex = h;
                        }
                    }
                    int piece = -1;
                    List<Integer> pieces = bestHex < 0 ? List.of() : cells.piecesOfHex.get(bestHex);
                    if (pieces.size() == 1) {
                        piece = pieces.get(0);
                    } else {
                        Point pt = GeoJson.FACTORY.createPoint(new Coordinate(rs.getDouble(7), rs.getDouble(8)));
                        double best = Double.MAX_VALUE;
                        List<Integer> look = pieces.isEmpty() ? range(cells.n()) : pieces;
                        for (int i : look) {
                            if (cells.prepared(i).covers(pt)) {
                                piece = i;
                                break;
                            }
                            double d = cells.geom.get(i).distance(pt);
                            if (d < best) {
                                best = d;
                                piece = i;
                            }
                        }
                    }
                    cells.weight[piece] += w;
                }
            }
        }
        return count;
    }

    private static List<Integer> range(int n) {
        List<Integer> l = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            l.add(i);
        }
        return l;
    }

    private Dissolved dissolve(Boundary b, ZoneCells cells, Partitioner.Result r, int k) {
        Integer[] zs = new Integer[cells.n()];
        double[] load = new double[k];
        int[] cellCount = new int[k];
        for (int i = 0; i < cells.n(); i++) {
            zs[i] = r.zoneOf()[i];
            load[zs[i]] += cells.weight[i];
            cellCount[zs[i]]++;
        }
        List<ProposedZone> features = new ArrayList<>();
        List<List<Geometry>> pieces = new ArrayList<>();
        for (int z = 0; z < k; z++) {
            pieces.add(new ArrayList<>());
        }
        for (int i = 0; i < cells.n(); i++) {
            pieces.get(zs[i]).add(cells.geom.get(i));
        }
        Geometry[] zoneGeom = new Geometry[k];
        for (int z = 0; z < k; z++) {
            zoneGeom[z] = GeoJson.toMultiPolygon(dissolve(pieces.get(z)), "zone");
        }
        Geometry all = dissolve(List.of(zoneGeom));
        double area = GeodesicMeasure.area(b.geom);
        double symdiff = GeodesicMeasure.area(OverlayNGRobust.overlay(all, b.geom, OverlayNG.SYMDIFFERENCE));
        double overlap = 0;
        for (int i = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++) {
                if (zoneGeom[i].getEnvelopeInternal().intersects(zoneGeom[j].getEnvelopeInternal())) {
                    overlap += GeodesicMeasure.area(OverlayNGRobust.overlay(zoneGeom[i], zoneGeom[j], OverlayNG.INTERSECTION));
                }
            }
        }
        int contiguous = 0;
        for (int z = 0; z < k; z++) {
            Geometry g = zoneGeom[z];
            double[] ap = GeodesicMeasure.areaPerimeter(g);
            double a = ap[0];
            double per = ap[1];
            int parts = g.getNumGeometries();
            boolean exclave = r.zonesWithExclaves().contains(z);
            if (parts == 1 || exclave) {
                contiguous++;
            }
            if (parts > 1 && Boolean.getBoolean("pp.zoning.trace")) {
                for (int q = 0; q < parts; q++) {
                    System.err.println("zone " + z + " part " + q + " area " + GeodesicMeasure.area(g.getGeometryN(q)));
                }
            }
            features.add(new ProposedZone("Feature", GeoJson.writeNode(g), new ZoneFigures(z + 1, "片区" + (z + 1),
                    round1(load[z]), cellCount[z], Math.round(a / 1e3) / 1e3, Math.round(per) / 1e3,
                    Math.round(4 * Math.PI * a / (per * per) * 1e4) / 1e4, parts, parts == 1, exclave && parts > 1)));
        }
        double max = 0;
        double min = Double.MAX_VALUE;
        double total = 0;
        for (double l : load) {
            max = Math.max(max, l);
            min = Math.min(min, l);
            total += l;
        }
        WorkloadFigures w = new WorkloadFigures(round1(total), round1(total / k), round1(max), round1(min),
                min > 0 ? Math.round(max / min * 1e4) / 1e4 : null);
        Coverage cov = new Coverage(round1(area), Math.round(symdiff * 1e3) / 1e3, area > 0 ? symdiff / area * 100 : 0,
                Math.round(overlap * 1e3) / 1e3);
        return new Dissolved(w, cov, contiguous, contiguous == k, r.parts(), new ProposedZones("FeatureCollection", features));
    }

    /**
     * Union of pieces that tile without overlap: the fast coverage union when the shared edges match exactly, else
     * the robust overlay union.
     */
    static Geometry dissolve(List<Geometry> pieces) {
        Geometry coll = GeoJson.FACTORY.buildGeometry(pieces);
        Geometry u;
        try {
            u = CoverageUnion.union(coll);
            if (u == null || !u.isValid()) {
                if (Boolean.getBoolean("pp.zoning.trace")) {
                    System.err.println("coverage union invalid");
                }
                u = OverlayNGRobust.union(coll);
            }
        } catch (RuntimeException e) {
            if (Boolean.getBoolean("pp.zoning.trace")) {
                System.err.println("coverage union failed: " + e);
            }
            u = OverlayNGRobust.union(coll);
        }
        u.setSRID(GeoJson.WGS84_SRID);
        return u;
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    /**
     * Rounds every vertex to the {@link #GRID} the way GEOS's fixed precision model does (round(x·scale)/scale), so
     * that unclipped hexagons and clipped pieces carry bit-identical shared vertices and the coverage union applies.
     */
    static Geometry snap(Geometry g) {
        double scale = 1 / GRID;
        g.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                seq.setOrdinate(i, 0, Math.round(seq.getX(i) * scale) / scale);
                seq.setOrdinate(i, 1, Math.round(seq.getY(i) * scale) / scale);
            }

            @Override
            public boolean isDone() {
                return false;
            }

            @Override
            public boolean isGeometryChanged() {
                return true;
            }
        });
        g.geometryChanged();
        return g;
    }

    static Geometry read(byte[] wkb) {
        try {
            Geometry g = new WKBReader(GeoJson.FACTORY).read(wkb);
            g.setSRID(GeoJson.WGS84_SRID);
            return g;
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double scalar(Conn c, String sql, byte[] arg) {
        try (Stmt ps = c.prepare(sql)) {
            ps.setBytes(1, arg);
            try (Cursor rs = ps.executeQuery()) {
                rs.next();
                return rs.getDouble(1);
            }
        }
    }

    private static byte[] bytes(Conn c, String sql, byte[] arg) {
        try (Stmt ps = c.prepare(sql)) {
            ps.setBytes(1, arg);
            try (Cursor rs = ps.executeQuery()) {
                rs.next();
                return rs.getBytes(1);
            }
        }
    }

}
