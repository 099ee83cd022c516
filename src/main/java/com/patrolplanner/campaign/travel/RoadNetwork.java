package com.patrolplanner.campaign.travel;

import com.patrolplanner.i18n.Messages;
import com.patrolplanner.geo.Geodesy;
import com.patrolplanner.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Travel minutes over the imported road network (import kind {@code roads}, tables {@code road_node}/{@code road_edge}).
 * Each point snaps to its nearest road node of the network's largest strongly connected part (PostGIS KNN on
 * geography, then the exact spheroid distance among the first candidates); the graph is loaded from the edges inside the bounding box of the points and their nodes, widened
 * by {@link #MARGIN_M} so that a shortest path may leave the box a little; one Dijkstra per distinct source node fills
 * the matrix. A pair with no path (a one-way trap at the box edge), or with a point more than
 * {@link RoadTravel#MAX_SNAP_M} from the network, takes the great-circle model instead and is counted in
 * {@link Matrix#fallbackPairs()}.
 */
@ApplicationScoped
public class RoadNetwork {
    /** Roads this far beyond the points' box are loaded: a detour rarely leaves the box by more in a city. */
    public static final double MARGIN_M = 5000;
    /** Snap candidates fetched by the KNN (sphere) before the exact spheroid distance picks one. */
    private static final int KNN_CANDIDATES = 8;

    @Inject
    EntityManager em;

    public record Snap(long nodeId, double lon, double lat, double metres) {
    }

    /** The solver's matrix and the graph behind it (for the replay). */
    public record Matrix(double[][] minutes, RoadTravel travel, int fallbackPairs, double maxSnapM) {
    }

    /** Whether any road network is imported. */
    public boolean imported() {
        return !em.createNativeQuery("SELECT 1 FROM road_edge LIMIT 1").getResultList().isEmpty();
    }

    /** The bounding box of one imported network's nodes (degrees, WGS-84) and its node count. */
    public record Extent(double minLon, double minLat, double maxLon, double maxLat, long nodes) {
    }

    /** The extent of the nodes of network {@code source} (a key of {@link #sources()}). */
    public Extent extent(String source) {
        Object[] box = (Object[]) em.createNativeQuery("SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e), n FROM "
                + "(SELECT ST_Extent(geom)::geometry e, count(*) n FROM road_node WHERE source = ?1) t")
                .setParameter(1, source).getSingleResult();
        if (box[0] == null) {
            throw new IllegalArgumentException("no road network " + source);
        }
        return new Extent(((Number) box[0]).doubleValue(), ((Number) box[1]).doubleValue(),
                ((Number) box[2]).doubleValue(), ((Number) box[3]).doubleValue(), ((Number) box[4]).longValue());
    }

    /** The size of one imported network. */
    public record SourceSize(long nodes, long edges) {
    }

    /** Road nodes and edges per source, for listings and the bench. */
    @SuppressWarnings("unchecked")
    public Map<String, SourceSize> sources() {
        Map<String, SourceSize> out = new LinkedHashMap<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery("SELECT source, (SELECT count(*) FROM road_node n "
                + "WHERE n.source = e.source), count(*) FROM road_edge e GROUP BY source ORDER BY source").getResultList()) {
            out.put((String) r[0], new SourceSize(((Number) r[1]).longValue(), ((Number) r[2]).longValue()));
        }
        return out;
    }

    /** The nearest road node to a point, or null when no network is imported. */
    @SuppressWarnings("unchecked")
    public Snap snap(double lon, double lat) {
        List<Object[]> rows = em.createNativeQuery("""
                WITH p AS (SELECT ST_SetSRID(ST_MakePoint(?1, ?2), 4326) AS g),
                     c AS (SELECT n.id, n.geom FROM road_node n, p WHERE n.connected ORDER BY n.geom::geography <-> p.g::geography LIMIT ?3)
                SELECT c.id, ST_X(c.geom), ST_Y(c.geom), ST_Distance(c.geom::geography, p.g::geography, true) AS m
                FROM c, p ORDER BY m, c.id LIMIT 1""")
                .setParameter(1, lon).setParameter(2, lat).setParameter(3, KNN_CANDIDATES).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] r = rows.get(0);
        return new Snap(((Number) r[0]).longValue(), ((Number) r[1]).doubleValue(), ((Number) r[2]).doubleValue(),
                ((Number) r[3]).doubleValue());
    }

    /** The drivable graph of the edges touching a box (degrees), arcs weighted in seconds. */
    public RoadGraph load(double minLon, double minLat, double maxLon, double maxLat) {
        return load(minLon, minLat, maxLon, maxLat, false);
    }

    /**
     * As {@link #load(double, double, double, double)}; with {@code byLength} the arc weights are metres instead of
     * seconds (shortest rather than fastest paths: for tests and the bench, which compare with great-circle metres).
     */
    @SuppressWarnings("unchecked")
    public RoadGraph load(double minLon, double minLat, double maxLon, double maxLat, boolean byLength) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT e.from_node, ST_X(a.geom), ST_Y(a.geom), e.to_node, ST_X(b.geom), ST_Y(b.geom),
                       CASE WHEN ?5 THEN e.length_m ELSE e.length_m / (e.speed_kmh / 3.6) END, e.oneway,
                       a.connected, b.connected
                FROM road_edge e
                JOIN road_node a ON a.source = e.source AND a.id = e.from_node
                JOIN road_node b ON b.source = e.source AND b.id = e.to_node
                WHERE e.geom && ST_MakeEnvelope(?1, ?2, ?3, ?4, 4326)""")
                .setParameter(1, minLon).setParameter(2, minLat).setParameter(3, maxLon).setParameter(4, maxLat)
                .setParameter(5, byLength).getResultList();
        RoadGraph.Builder b = RoadGraph.builder();
        for (Object[] r : rows) {
            long from = ((Number) r[0]).longValue();
            long to = ((Number) r[3]).longValue();
            b.node(from, ((Number) r[1]).doubleValue(), ((Number) r[2]).doubleValue(), Boolean.TRUE.equals(r[8]));
            b.node(to, ((Number) r[4]).doubleValue(), ((Number) r[5]).doubleValue(), Boolean.TRUE.equals(r[9]));
            b.road(from, to, ((Number) r[6]).doubleValue(), Boolean.TRUE.equals(r[7]));
        }
        return b.build();
    }

    /**
     * All-pairs minutes between points (lon/lat WGS-84) over the road network; the diagonal and pairs of the same
     * point are zero. Throws 422 (field {@code travel}) when no network is imported.
     */
    public Matrix matrix(double[] lon, double[] lat, TravelModel model, boolean night) {
        int n = lon.length;
        long t0 = System.nanoTime();
        Snap[] snaps = new Snap[n];
        Map<String, Snap> byPoint = new HashMap<>();
        double minLon = Double.POSITIVE_INFINITY;
        double minLat = Double.POSITIVE_INFINITY;
        double maxLon = Double.NEGATIVE_INFINITY;
        double maxLat = Double.NEGATIVE_INFINITY;
        double maxSnap = 0;
        double sumSnap = 0;
        int offNetwork = 0;
        for (int i = 0; i < n; i++) {
            final int k = i;
            snaps[i] = byPoint.computeIfAbsent(lon[i] + "," + lat[i], p -> snap(lon[k], lat[k]));
            if (snaps[i] == null) {
                throw ApiException.invalid("travel", Messages.of("campaign.noRoads"));
            }
            maxSnap = Math.max(maxSnap, snaps[i].metres());
            sumSnap += snaps[i].metres();
            if (snaps[i].metres() > RoadTravel.MAX_SNAP_M) {
                offNetwork++;
                continue; // its trips take the great circle: it must not widen the graph's box
            }
            for (double[] p : List.of(new double[] {lon[i], lat[i]}, new double[] {snaps[i].lon(), snaps[i].lat()})) {
                minLon = Math.min(minLon, p[0]);
                maxLon = Math.max(maxLon, p[0]);
                minLat = Math.min(minLat, p[1]);
                maxLat = Math.max(maxLat, p[1]);
            }
        }
        double[][] minutes = new double[n][n];
        if (n == 0 || offNetwork == n) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    minutes[i][j] = i == j ? 0.0 : model.minutes(lon[i], lat[i], lon[j], lat[j], night);
                }
            }
            Map<String, Object> built = Map.of("offNetworkPoints", offNetwork, "fallbackPairs", n * (n - 1));
            return new Matrix(minutes, new RoadTravel(RoadGraph.builder().build(), model, night, built), n * (n - 1),
                    maxSnap);
        }
        double dLat = MARGIN_M / 111_320.0;
        double dLon = dLat / Math.max(0.05, Math.cos(Math.toRadians((minLat + maxLat) / 2)));
        RoadGraph g = load(minLon - dLon, minLat - dLat, maxLon + dLon, maxLat + dLat);
        Map<Integer, double[]> fromNode = new HashMap<>();
        int fallbacks = 0;
        for (int i = 0; i < n; i++) {
            int a = g.index(snaps[i].nodeId());
            double[] dist = a < 0 || snaps[i].metres() > RoadTravel.MAX_SNAP_M ? null
                    : fromNode.computeIfAbsent(a, g::secondsFrom);
            for (int j = 0; j < n; j++) {
                if (i == j || Geodesy.distance(lon[i], lat[i], lon[j], lat[j]) < 1.0) {
                    continue;
                }
                int b = g.index(snaps[j].nodeId());
                boolean off = snaps[i].metres() > RoadTravel.MAX_SNAP_M || snaps[j].metres() > RoadTravel.MAX_SNAP_M;
                double path = off || dist == null || b < 0 ? Double.POSITIVE_INFINITY : dist[b];
                if (Double.isInfinite(path)) {
                    fallbacks++;
                    minutes[i][j] = model.minutes(lon[i], lat[i], lon[j], lat[j], night);
                } else {
                    minutes[i][j] = RoadTravel.minutes(model, night, snaps[i].metres(), path, snaps[j].metres());
                }
            }
        }
        Map<String, Object> built = new LinkedHashMap<>();
        built.put("graphNodes", g.nodes());
        built.put("graphArcs", g.arcs());
        built.put("marginM", MARGIN_M);
        built.put("crawlKmh", RoadTravel.CRAWL_KMH);
        built.put("fixedSeconds", night ? model.nightFixedS() : model.dayFixedS());
        built.put("maxSnapM", Math.round(maxSnap * 10) / 10.0);
        built.put("meanSnapM", Math.round(sumSnap / n * 10) / 10.0);
        built.put("pairs", (long) n * (n - 1));
        built.put("offNetworkPoints", offNetwork);
        built.put("maxSnapForRoadM", RoadTravel.MAX_SNAP_M);
        built.put("fallbackPairs", fallbacks);
        built.put("fallback", Messages.of("plan.travel.fallback"));
        built.put("buildMs", (System.nanoTime() - t0) / 1_000_000);
        return new Matrix(minutes, new RoadTravel(g, model, night, built), fallbacks, maxSnap);
    }

    /** For validation: metres from a point to the nearest road node; infinite when no network is imported. */
    public double distanceToNetwork(double lon, double lat) {
        Snap s = snap(lon, lat);
        return s == null ? Double.POSITIVE_INFINITY : s.metres();
    }

    /** Points as lists, for callers that collect them one by one. */
    public Matrix matrix(List<double[]> points, TravelModel model, boolean night) {
        return matrix(points.stream().mapToDouble(p -> p[0]).toArray(), points.stream().mapToDouble(p -> p[1]).toArray(),
                model, night);
    }
}
