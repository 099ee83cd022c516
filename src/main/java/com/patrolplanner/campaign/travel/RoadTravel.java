package com.patrolplanner.campaign.travel;

import com.patrolplanner.geo.Geodesy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Travel on a loaded {@link RoadGraph}: from a point to its nearest node at {@link #CRAWL_KMH}, the shortest path in
 * the graph, then from the target's node to the target at the crawl, plus the fixed seconds per trip of the calibrated
 * {@link TravelModel} (day or night: parking, finding the door). A pair with no path, or with a point more than
 * {@link #MAX_SNAP_M} from the network, falls back to the great-circle model. This class snaps in memory and runs one point-to-point Dijkstra per query: the campaign checker replays
 * plans through it, independently of the matrix {@link RoadNetwork} built with PostGIS for the solver.
 *
 * <p>{@code built}: what the solver's matrix was built from (nodes, edges, snaps, fallbacks), for plan outputs.
 */
public final class RoadTravel {
    private final RoadGraph graph;
    private final TravelModel model;
    private final boolean night;
    private final Map<String, Object> built;
    /** Snapped node per point: the scan is over every node, and a checker replays the same stops many times. */
    private final Map<String, Integer> snaps = new ConcurrentHashMap<>();

    public RoadTravel(RoadGraph graph, TravelModel model, boolean night, Map<String, Object> built) {
        this.graph = graph;
        this.model = model;
        this.night = night;
        this.built = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(built));
    }

    public RoadGraph graph() {
        return graph;
    }

    public TravelModel model() {
        return model;
    }

    public boolean night() {
        return night;
    }

    public Map<String, Object> built() {
        return built;
    }

    private int nearest(double lon, double lat) {
        return snaps.computeIfAbsent(lon + "," + lat, k -> graph.nearest(lon, lat));
    }

    /**
     * Speed over the stretch between a point and its snapped node: the venue door is often off the mapped roads
     * (courtyards, market lanes, parking), driven slowly or walked; 10 km/h sits between a walk and a car park crawl.
     */
    public static final double CRAWL_KMH = 10.0;

    /**
     * A point farther than this from every road node is off the network (outside the imported extract, or an unmapped
     * area): its trips take the great-circle model, as a crawl of kilometres would be absurd. 1 km is ten minutes'
     * crawl, more than any venue door is from a mapped road in a city.
     */
    public static final double MAX_SNAP_M = 1000.0;

    /** Minutes from one point to another; zero for the same point (under a metre apart). */
    public double minutes(double lon1, double lat1, double lon2, double lat2) {
        if (Geodesy.distance(lon1, lat1, lon2, lat2) < 1.0) {
            return 0.0;
        }
        int a = nearest(lon1, lat1);
        int b = nearest(lon2, lat2);
        if (a < 0 || b < 0) {
            return model.minutes(lon1, lat1, lon2, lat2, night);
        }
        double path = graph.seconds(a, b);
        if (Double.isInfinite(path)) {
            return model.minutes(lon1, lat1, lon2, lat2, night);
        }
        double snapA = Geodesy.distance(lon1, lat1, graph.lon(a), graph.lat(a));
        double snapB = Geodesy.distance(lon2, lat2, graph.lon(b), graph.lat(b));
        if (snapA > MAX_SNAP_M || snapB > MAX_SNAP_M) {
            return model.minutes(lon1, lat1, lon2, lat2, night);
        }
        return minutes(model, night, snapA, path, snapB);
    }

    /** The formula both the solver's matrix and the replay use: fixed + crawl in + path + crawl out, in minutes. */
    public static double minutes(TravelModel model, boolean night, double snapFromM, double pathSeconds, double snapToM) {
        double fixed = night ? model.nightFixedS() : model.dayFixedS();
        return (fixed + (snapFromM + snapToM) / (CRAWL_KMH / 3.6) + pathSeconds) / 60.0;
    }
}
