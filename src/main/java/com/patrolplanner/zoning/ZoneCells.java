package com.patrolplanner.zoning;

import com.patrolplanner.geo.GeoJson;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * Auto-zoning's cells and their adjacency graph: the hexagons clipped to the district; per piece its hexagon id,
 * hexagon centre (UTM), geometry (WGS-84), area and a point inside (UTM).
 */
final class ZoneCells {
    private static final int SAMPLES = 8;

    final List<Integer> hex = new ArrayList<>();
    final List<double[]> hexCentre = new ArrayList<>();
    final List<Boolean> inside = new ArrayList<>();
    final List<byte[]> wkb = new ArrayList<>();
    final List<Geometry> geom = new ArrayList<>();
    final List<Double> area = new ArrayList<>();
    final List<double[]> at = new ArrayList<>();
    final List<double[]> hexLonLat = new ArrayList<>();
    double[] weight;
    final Map<Integer, List<Integer>> piecesOfHex = new HashMap<>();
    final Map<Long, List<Integer>> bucket = new HashMap<>();
    double bucketSize;

    int n() {
        return wkb.size();
    }

    Partitioner.Graph graph(double edge, double lat) {
        int n = n();
        List<List<Integer>> nb = new ArrayList<>();
        List<List<Double>> sh = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            nb.add(new ArrayList<>());
            sh.add(new ArrayList<>());
        }
        double cosLat = Math.cos(Math.toRadians(lat));
        double reach = 1.2 * Math.sqrt(3) * edge;
        for (Map.Entry<Integer, List<Integer>> e : piecesOfHex.entrySet()) {
            int h = e.getKey();
            double[] ch = hexCentre.get(e.getValue().get(0));
            for (int other : nearHexes(ch[0], ch[1])) {
                if (other <= h) {
                    continue;
                }
                List<Integer> po = piecesOfHex.get(other);
                double[] co = hexCentre.get(po.get(0));
                if (Math.hypot(ch[0] - co[0], ch[1] - co[1]) > reach) {
                    continue;
                }
                for (int a : e.getValue()) {
                    for (int b : po) {
                        double s = inside.get(a) && inside.get(b) ? edge
                                : sampledShared(a, b, hexLonLat.get(a), hexLonLat.get(b), edge, cosLat);
                        if (s > 0) {
                            link(nb, sh, a, b, s);
                        }
                    }
                }
            }
        }
        // A piece that sampling left alone (it meets its neighbours along a short stretch only): measure exactly.
        for (int a = 0; a < n && n > 1; a++) {
            if (nb.get(a).isEmpty()) {
                double[] ch = hexCentre.get(a);
                for (int other : nearHexes(ch[0], ch[1])) {
                    for (int b : piecesOfHex.get(other)) {
                        double s = b == a ? 0 : sharedMetres(geom.get(a), geom.get(b), cosLat);
                        if (s > 0.01) {
                            link(nb, sh, a, b, s);
                        }
                    }
                }
            }
        }
        double lon0 = hexLonLat.isEmpty() ? 0 : hexLonLat.get(0)[0];
        double lat0 = hexLonLat.isEmpty() ? 0 : hexLonLat.get(0)[1];
        double[] x = new double[n];
        double[] y = new double[n];
        double[] ar = new double[n];
        int[][] nbr = new int[n][];
        double[][] shared = new double[n][];
        for (int i = 0; i < n; i++) {
            x[i] = (at.get(i)[0] - lon0) * cosLat * 111_320;
            y[i] = (at.get(i)[1] - lat0) * 111_320;
            ar[i] = area.get(i);
            nbr[i] = nb.get(i).stream().mapToInt(Integer::intValue).toArray();
            shared[i] = sh.get(i).stream().mapToDouble(Double::doubleValue).toArray();
        }
        return new Partitioner.Graph(weight, ar, x, y, nbr, shared);
    }

    private static void link(List<List<Integer>> nb, List<List<Double>> sh, int a, int b, double s) {
        if (nb.get(a).contains(b)) {
            return;
        }
        nb.get(a).add(b);
        sh.get(a).add(s);
        nb.get(b).add(a);
        sh.get(b).add(s);
    }

    private final Map<Integer, PreparedGeometry> prepared = new HashMap<>();

    PreparedGeometry prepared(int i) {
        return prepared.computeIfAbsent(i, j -> PreparedGeometryFactory.prepare(geom.get(j)));
    }

    /**
     * Shared edge length of two pieces of neighbouring hexagons: points along the hexagons' common edge, each
     * nudged 2 % towards either centre, are tested against both pieces.
     */
    double sampledShared(int a, int b, double[] ca, double[] cb, double edge, double cosLat) {
        double mx = (ca[0] + cb[0]) / 2;
        double my = (ca[1] + cb[1]) / 2;
        double dx = (cb[0] - ca[0]) * cosLat;
        double dy = cb[1] - ca[1];
        double len = Math.hypot(dx, dy);
        double ux = -dy / len;
        double uy = dx / len;
        double half = edge / 111_320;
        int hits = 0;
        for (int k = 0; k < SAMPLES; k++) {
            double t = ((k + 0.5) / SAMPLES - 0.5) * half;
            double px = mx + ux * t / cosLat;
            double py = my + uy * t;
            Point pa = GeoJson.FACTORY.createPoint(new Coordinate(px + (ca[0] - px) * 0.02, py + (ca[1] - py) * 0.02));
            Point pb = GeoJson.FACTORY.createPoint(new Coordinate(px + (cb[0] - px) * 0.02, py + (cb[1] - py) * 0.02));
            if (prepared(a).covers(pa) && prepared(b).covers(pb)) {
                hits++;
            }
        }
        return edge * hits / SAMPLES;
    }

    List<Integer> nearHexes(double x, double y) {
        long bx = (long) Math.floor(x / bucketSize);
        long by = (long) Math.floor(y / bucketSize);
        List<Integer> out = new ArrayList<>();
        for (long dx = -1; dx <= 1; dx++) {
            for (long dy = -1; dy <= 1; dy++) {
                List<Integer> l = bucket.get(key(bx + dx, by + dy));
                if (l != null) {
                    out.addAll(l);
                }
            }
        }
        return out;
    }

    static long key(long bx, long by) {
        return (bx << 32) ^ (by & 0xffffffffL);
    }

    /** Length (m) of the boundary the two pieces share, tolerant to sub-millimetre gaps. */
    static double sharedMetres(Geometry a, Geometry b, double cosLat) {
        if (a.distance(b) > 1e-8) {
            return 0;
        }
        Geometry near = b.getBoundary().intersection(a.getBoundary().buffer(1e-8, 2));
        double len = 0;
        for (int i = 0; i < near.getNumGeometries(); i++) {
            if (near.getGeometryN(i) instanceof LineString ls) {
                Coordinate[] cs = ls.getCoordinates();
                for (int j = 1; j < cs.length; j++) {
                    len += Math.hypot((cs[j].x - cs[j - 1].x) * cosLat, cs[j].y - cs[j - 1].y) * 111_320;
                }
            }
        }
        return len;
    }
}
