package com.patrolplanner.campaign.travel;

import com.patrolplanner.sql.Columns;
import com.patrolplanner.sql.Conn;
import com.patrolplanner.sql.Stmt;
import com.patrolplanner.i18n.Messages;
import com.patrolplanner.geo.Datum;
import com.patrolplanner.geo.Geodesy;
import com.patrolplanner.importer.ImportHandler;
import com.patrolplanner.importer.NodeStore;
import com.patrolplanner.importer.OsmPbf;
import com.patrolplanner.jobs.JobService;
import com.patrolplanner.web.ApiException;
import com.patrolplanner.web.Problem.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openstreetmap.osmosis.core.container.v0_6.EntityContainer;
import org.openstreetmap.osmosis.core.domain.v0_6.Entity;
import org.openstreetmap.osmosis.core.domain.v0_6.Node;
import org.openstreetmap.osmosis.core.domain.v0_6.Tag;
import org.openstreetmap.osmosis.core.domain.v0_6.Way;
import org.openstreetmap.osmosis.core.task.v0_6.Sink;

/**
 * Kind {@code roads}: the drivable road graph of an OpenStreetMap {@code .osm.pbf}, for campaigns that travel on the
 * road network ({@link RoadNetwork}). A separate kind from {@code osm} (the geocoder's gazetteer) because the two are
 * wanted apart — a city may have a gazetteer from address points and roads from OSM, or the reverse — and because a
 * road import replaces its source whole while the gazetteer upserts row by row.
 *
 * <p>Ways whose {@code highway} is in {@link #DEFAULT_SPEED_KMH} become roads, unless closed to cars
 * ({@code access}/{@code motor_vehicle}/{@code motorcar} = no or private). Each way is split at the nodes it shares
 * with another drivable way (and at its own ends) into edges; an edge keeps the way's shape, its geodesic length,
 * the way's {@code maxspeed} when it parses ("50", "50 km/h", "30 mph"; else the class default) and its direction:
 * {@code oneway=yes|true|1}, {@code junction=roundabout|circular} and {@code highway=motorway} drive forward only,
 * {@code oneway=-1|reverse} backward only (stored reversed, so a one-way edge always runs from → to),
 * {@code oneway=no} both ways. Relations (turn restrictions) are not read.
 *
 * <p>All or nothing: the source's ({@code roads:<file name>}) nodes and edges are deleted and rewritten in the import
 * transaction; a file without any drivable way is a 422 and leaves the stored network as it was. Each node records
 * whether it lies in the largest strongly connected component of the source (points snap only to those).
 */
@ApplicationScoped
public class RoadImportHandler implements ImportHandler {
    public static final String KIND = "roads";

    /**
     * km/h by highway class, used when a way has no parseable {@code maxspeed}: the free-flow speeds of the OSRM car
     * profile (profiles/car.lua, {@code speeds.highway}), which are tuned on real traces rather than posted limits.
     * The calibrated fixed seconds per trip ({@link TravelModel}) carry the time lost at junctions and parking.
     */
    public static final Map<String, Double> DEFAULT_SPEED_KMH = Map.ofEntries(
            Map.entry("motorway", 90.0), Map.entry("motorway_link", 45.0),
            Map.entry("trunk", 85.0), Map.entry("trunk_link", 40.0),
            Map.entry("primary", 65.0), Map.entry("primary_link", 30.0),
            Map.entry("secondary", 55.0), Map.entry("secondary_link", 25.0),
            Map.entry("tertiary", 40.0), Map.entry("tertiary_link", 20.0),
            Map.entry("unclassified", 25.0), Map.entry("residential", 25.0),
            Map.entry("living_street", 10.0), Map.entry("service", 15.0));

    private static final Set<String> CLOSED = Set.of("no", "private");
    private static final Pattern SPEED = Pattern.compile("^\\s*(\\d+(?:\\.\\d+)?)\\s*(km/h|kmh|kph|mph)?\\s*$");
    private static final int CHUNK = 5000;

    @Inject
    EntityManager em;
    @Inject
    com.patrolplanner.sql.Db db;

    @Override
    public Set<String> kinds() {
        return Set.of(KIND);
    }

    @Override
    public Summary importFile(Request request, JobService.Progress progress) throws Exception {
        Collector c = new Collector(request.datum());
        try (NodeStore closing = c.nodeStore) {
            OsmPbf.read(request.file(), c);
            return write(request, progress, c);
        }
    }

    private Summary write(Request request, JobService.Progress progress, Collector c) throws Exception {
        String source = KIND + ":" + (request.filename() == null ? request.file().getFileName() : request.filename());
        Graph g = c.split();
        if (g.edges.isEmpty()) {
            throw ApiException.unprocessable(Messages.of("roads.noHighway"),
                    List.of(new FieldError(null, "file", Messages.of("roads.noHighwayTag"))));
        }
        progress.total(g.nodeIds.size() + g.edges.size());
        long removed = em.createNativeQuery("DELETE FROM road_edge WHERE source = ?1").setParameter(1, source).executeUpdate();
        em.createNativeQuery("DELETE FROM road_node WHERE source = ?1").setParameter(1, source).executeUpdate();
        try (Conn conn = db.open()) { // the import transaction's connection, as Hibernate's
            try (Stmt ps = conn.prepare("""
                    INSERT INTO road_node (source, id, geom, connected)
                    SELECT ?, t.id, ST_SetSRID(ST_MakePoint(t.x, t.y), 4326), t.c
                    FROM unnest(?::bigint[], ?::float8[], ?::float8[], ?::boolean[]) AS t(id, x, y, c)""")) {
                for (int from = 0; from < g.nodeIds.size(); from += CHUNK) {
                    List<Long> ids = g.nodeIds.subList(from, Math.min(g.nodeIds.size(), from + CHUNK));
                    ps.setString(1, source);
                    Columns.of(ids).bigint(id -> id).float8(c::x).float8(c::y).bool(g.connected::contains).bind(ps, 2);
                    ps.executeUpdate();
                    progress.advance(ids.size());
                }
            }
            try (Stmt ps = conn.prepare("""
                    INSERT INTO road_edge (source, way_id, from_node, to_node, length_m, speed_kmh, oneway, highway, geom)
                    SELECT ?, t.w, t.a, t.b, t.len, t.v, t.one, t.hw, ST_GeomFromText(t.wkt, 4326)
                    FROM unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::float8[], ?::float8[], ?::boolean[], ?::text[],
                                ?::text[]) AS t(w, a, b, len, v, one, hw, wkt)""")) {
                for (int from = 0; from < g.edges.size(); from += CHUNK) {
                    List<Edge> es = g.edges.subList(from, Math.min(g.edges.size(), from + CHUNK));
                    ps.setString(1, source);
                    Columns.of(es).bigint(Edge::wayId).bigint(Edge::from).bigint(Edge::to).float8(Edge::lengthM)
                            .float8(Edge::speedKmh).bool(Edge::oneway).text(Edge::highway).text(Edge::wkt).bind(ps, 2);
                    ps.executeUpdate();
                    progress.advance(es.size());
                }
            }
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("source", source);
        extra.put("roadNodes", g.nodeIds.size());
        extra.put("roadEdges", g.edges.size());
        extra.put("connectedNodes", g.connected.size());
        extra.put("oneWayEdges", g.edges.stream().filter(Edge::oneway).count());
        extra.put("roadKm", Math.round(g.edges.stream().mapToDouble(Edge::lengthM).sum() / 100) / 10.0);
        extra.put("drivableWays", c.wayNodes.size());
        extra.put("maxspeedUsed", g.maxspeedUsed);
        extra.put("edgesReplaced", removed);
        extra.put("nodesRead", c.nodes);
        extra.put("waysRead", c.ways);
        return new Summary(g.edges.size(), 0, 0, extra);
    }

    /** km/h from an OSM maxspeed value, or null when it does not parse (e.g. "none", "CN:urban", "signals"). */
    static Double parseMaxspeed(String v) {
        if (v == null) {
            return null;
        }
        String first = v.split(";")[0].trim().toLowerCase(Locale.ROOT);
        Matcher m = SPEED.matcher(first);
        if (!m.matches()) {
            return null;
        }
        double s = Double.parseDouble(m.group(1));
        if ("mph".equals(m.group(2))) {
            s *= 1.609344;
        }
        return s > 0 && s <= 200 ? s : null;
    }

    /** +1 forward only, -1 backward only, 0 both ways. */
    static int direction(Map<String, String> tags) {
        String ow = tags.getOrDefault("oneway", "").trim().toLowerCase(Locale.ROOT);
        switch (ow) {
            case "yes", "true", "1":
                return 1;
            case "-1", "reverse":
                return -1;
            case "no", "false", "0":
                return 0;
            default:
                break;
        }
        String junction = tags.get("junction");
        if ("roundabout".equals(junction) || "circular".equals(junction)) {
            return 1;
        }
        return "motorway".equals(tags.get("highway")) ? 1 : 0; // OSM convention: a motorway implies oneway=yes
    }

    record Edge(long wayId, long from, long to, double lengthM, double speedKmh, boolean oneway, String highway,
            String wkt) {
    }

    /** {@code connected}: the nodes of the largest strongly connected component. */
    private record Graph(List<Long> nodeIds, List<Edge> edges, long maxspeedUsed, Set<Long> connected) {
    }

    private record WayInfo(long id, String highway, double speedKmh, boolean fromMaxspeed, int direction) {
    }

    private static final class Collector implements Sink {
        private final Datum datum;
        /** Node positions on disk (see {@link NodeStore}), not a map of every node. */
        final NodeStore nodeStore = new NodeStore();
        private final double[] xy = new double[2];
        final List<long[]> wayNodes = new ArrayList<>();
        final List<WayInfo> wayInfo = new ArrayList<>();
        long nodes;
        long ways;

        Collector(Datum datum) {
            this.datum = datum;
        }

        double x(long id) {
            nodeStore.get(id, xy);
            return xy[0];
        }

        double y(long id) {
            nodeStore.get(id, xy);
            return xy[1];
        }

        @Override
        public void initialize(Map<String, Object> metaData) {
        }

        @Override
        public void process(EntityContainer container) {
            Entity e = container.getEntity();
            if (e instanceof Node node) {
                nodes++;
                double[] w = datum.toWgs84(node.getLongitude(), node.getLatitude());
                nodeStore.put(node.getId(), w[0], w[1]);
            } else if (e instanceof Way way) {
                ways++;
                Map<String, String> tags = new HashMap<>();
                for (Tag t : way.getTags()) {
                    tags.put(t.getKey(), t.getValue());
                }
                String hw = tags.get("highway");
                Double defaultSpeed = hw == null ? null : DEFAULT_SPEED_KMH.get(hw);
                if (defaultSpeed == null || "yes".equals(tags.get("area"))) {
                    return;
                }
                for (String k : List.of("access", "motor_vehicle", "motorcar")) {
                    if (tags.containsKey(k) && CLOSED.contains(tags.get(k))) {
                        return;
                    }
                }
                // nodes outside the extract (clipped ways) are dropped; the way keeps its nodes that are present
                long[] ids = way.getWayNodes().stream().mapToLong(wn -> wn.getNodeId()).filter(nodeStore::contains)
                        .toArray();
                if (ids.length < 2) {
                    return;
                }
                Double max = parseMaxspeed(tags.get("maxspeed"));
                wayNodes.add(ids);
                wayInfo.add(new WayInfo(way.getId(), hw, max != null ? max : defaultSpeed, max != null, direction(tags)));
            }
        }

        /** Splits every drivable way at the nodes it shares with another (or itself) and at its ends. */
        Graph split() {
            Map<Long, Integer> uses = new HashMap<>();
            for (long[] w : wayNodes) {
                for (long id : w) {
                    uses.merge(id, 1, Integer::sum);
                }
            }
            Map<Long, Boolean> vertex = new LinkedHashMap<>();
            List<Edge> edges = new ArrayList<>();
            long maxspeedUsed = 0;
            for (int k = 0; k < wayNodes.size(); k++) {
                long[] w = wayNodes.get(k);
                WayInfo info = wayInfo.get(k);
                int start = 0;
                double len = 0;
                for (int i = 1; i < w.length; i++) {
                    len += Geodesy.distance(x(w[i - 1]), y(w[i - 1]), x(w[i]), y(w[i]));
                    boolean end = i == w.length - 1 || uses.get(w[i]) > 1;
                    if (!end) {
                        continue;
                    }
                    if (w[start] != w[i] || i - start > 1) {
                        long[] piece = Arrays.copyOfRange(w, start, i + 1);
                        if (info.direction() < 0) {
                            reverse(piece);
                        }
                        StringBuilder wkt = new StringBuilder("LINESTRING(");
                        for (int p = 0; p < piece.length; p++) {
                            wkt.append(p == 0 ? "" : ",").append(x(piece[p])).append(' ').append(y(piece[p]));
                        }
                        wkt.append(')');
                        edges.add(new Edge(info.id(), piece[0], piece[piece.length - 1], len, info.speedKmh(),
                                info.direction() != 0, info.highway(), wkt.toString()));
                        vertex.put(piece[0], true);
                        vertex.put(piece[piece.length - 1], true);
                        if (info.fromMaxspeed()) {
                            maxspeedUsed++;
                        }
                    }
                    start = i;
                    len = 0;
                }
            }
            RoadGraph.Builder b = RoadGraph.builder();
            vertex.keySet().forEach(id -> b.node(id, x(id), y(id)));
            edges.forEach(e -> b.road(e.from(), e.to(), e.lengthM(), e.oneway()));
            RoadGraph rg = b.build();
            boolean[] main = rg.largestComponent();
            Set<Long> connected = new HashSet<>();
            for (int i = 0; i < rg.nodes(); i++) {
                if (main[i]) {
                    connected.add(rg.osmId(i));
                }
            }
            return new Graph(new ArrayList<>(vertex.keySet()), edges, maxspeedUsed, connected);
        }

        private static void reverse(long[] a) {
            for (int i = 0, j = a.length - 1; i < j; i++, j--) {
                long t = a[i];
                a[i] = a[j];
                a[j] = t;
            }
        }

        @Override
        public void complete() {
        }

        @Override
        public void close() {
        }
    }
}
