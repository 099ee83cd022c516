package com.patrolplanner.geocode;

import crosby.binary.osmosis.OsmosisReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openstreetmap.osmosis.core.container.v0_6.EntityContainer;
import org.openstreetmap.osmosis.core.domain.v0_6.Entity;
import org.openstreetmap.osmosis.core.domain.v0_6.Node;
import org.openstreetmap.osmosis.core.domain.v0_6.Tag;
import org.openstreetmap.osmosis.core.domain.v0_6.Way;
import org.openstreetmap.osmosis.core.domain.v0_6.WayNode;
import org.openstreetmap.osmosis.core.task.v0_6.Sink;

/**
 * Ground truth read straight from an {@code .osm.pbf} with the Osmosis reader, without the importer: node and way counts,
 * named nodes carrying a tourism tag (with their exact positions), and the node positions of every named highway way.
 */
final class OsmTruth {
    long nodes;
    long ways;
    /** Named nodes tagged tourism=*, by name (a name used by several such nodes maps to null). */
    final Map<String, double[]> tourismNodes = new TreeMap<>();
    /** For each name of a highway way: the polylines (lon/lat pairs) of all ways of that name. */
    final Map<String, List<double[][]>> highways = new TreeMap<>();
    /** How many named entities (nodes or ways, any tags) use a name: to pick names that are unambiguous. */
    final Map<String, Integer> nameUse = new HashMap<>();

    static OsmTruth read(Path pbf) {
        OsmTruth t = new OsmTruth();
        Map<Long, double[]> pos = new HashMap<>();
        OsmosisReader reader = new OsmosisReader(pbf.toFile());
        reader.setSink(new Sink() {
            @Override
            public void initialize(Map<String, Object> metaData) {
            }

            @Override
            public void process(EntityContainer c) {
                Entity e = c.getEntity();
                Map<String, String> tags = new HashMap<>();
                for (Tag tag : e.getTags()) {
                    tags.put(tag.getKey(), tag.getValue());
                }
                String name = tags.get("name");
                if (name != null) {
                    t.nameUse.merge(name.trim(), 1, Integer::sum);
                }
                if (e instanceof Node n) {
                    t.nodes++;
                    pos.put(n.getId(), new double[] {n.getLongitude(), n.getLatitude()});
                    if (name != null && tags.containsKey("tourism") && !"no".equals(tags.get("tourism"))) {
                        t.tourismNodes.merge(name.trim(), new double[] {n.getLongitude(), n.getLatitude()}, (a, b) -> null);
                    }
                } else if (e instanceof Way w) {
                    t.ways++;
                    if (name != null && tags.containsKey("highway")) {
                        List<double[]> line = new ArrayList<>();
                        for (WayNode wn : w.getWayNodes()) {
                            double[] p = pos.get(wn.getNodeId());
                            if (p != null) {
                                line.add(p);
                            }
                        }
                        t.highways.computeIfAbsent(name, k -> new ArrayList<>()).add(line.toArray(new double[0][]));
                    }
                }
            }

            @Override
            public void complete() {
            }

            @Override
            public void close() {
            }
        });
        reader.run();
        return t;
    }

    /** The first (by name) tourism node whose name is used by nothing else in the file and starts with {@code prefix}. */
    Map.Entry<String, double[]> uniqueTourismNode(String prefix) {
        return tourismNodes.entrySet().stream()
                .filter(e -> e.getValue() != null && e.getKey().startsWith(prefix) && nameUse.get(e.getKey()) == 1)
                .findFirst().orElseThrow(() -> new AssertionError("no tourism node named " + prefix + "… in the file"));
    }

    /** Metres from (lon, lat) to the nearest segment of the ways named {@code name} (equirectangular, fine at street scale). */
    double metresToHighway(String name, double lon, double lat) {
        double best = Double.MAX_VALUE;
        double kx = 111_320 * Math.cos(Math.toRadians(lat));
        double ky = 110_574;
        for (double[][] line : highways.get(name)) {
            for (int i = 0; i + 1 < line.length; i++) {
                double ax = (line[i][0] - lon) * kx;
                double ay = (line[i][1] - lat) * ky;
                double bx = (line[i + 1][0] - lon) * kx;
                double by = (line[i + 1][1] - lat) * ky;
                double dx = bx - ax;
                double dy = by - ay;
                double len2 = dx * dx + dy * dy;
                double u = len2 == 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
                best = Math.min(best, Math.hypot(ax + u * dx, ay + u * dy));
            }
        }
        return best;
    }
}
