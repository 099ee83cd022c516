package com.patrolplanner.campaign.routing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Test fixture for the routing core: small random instances from a seeded generator, and a brute-force replay of
 * routes written from the definitions (it reads the plan's {@link Visit}s, {@link Vehicle}s and matrix, never the
 * core's arrays or bookkeeping), against which the core's O(1) evaluations and incremental updates are checked.
 *
 * <p>Travel time is the Euclidean distance plus a random asymmetric detour of up to 3, so that time and distance
 * differ, are asymmetric and need not satisfy the triangle inequality.
 */
final class RandomRouting {

    /** Slack of the replay's window tests; random data puts nothing this close to a boundary. */
    static final double EPS = 1e-7;

    final RoutingPlan plan;
    final RoutingArrays arrays;
    private final List<Visit> visits;
    private final List<Vehicle> vehicles;
    private final TravelMatrix m;

    RandomRouting(RoutingPlan plan) {
        this(plan, RoutingRules.CORE);
    }

    RandomRouting(RoutingPlan plan, RoutingRules rules) {
        this.plan = plan;
        this.arrays = new RoutingArrays(plan, rules);
        this.visits = plan.getVisits();
        this.vehicles = plan.getVehicles();
        this.m = plan.getMatrix();
    }

    /** A travel matrix given as tables. */
    record Table(double[][] time, double[][] dist) implements TravelMatrix {
        @Override
        public int size() {
            return time.length;
        }

        @Override
        public double travelTime(int from, int to) {
            return time[from][to];
        }

        @Override
        public double distance(int from, int to) {
            return dist[from][to];
        }
    }

    /**
     * A random instance: {@code n} visits in a 100 × 100 square, {@code k} vehicles. {@code alike}: one base, shift
     * [0, 400], capacity 40 for all (Solomon-like); else three bases and vehicles with their own shift and capacity.
     * {@code width} scales the time windows (small: tight windows, routes break easily).
     */
    static RandomRouting random(SplittableRandom rnd, int n, int k, boolean alike, double width) {
        int bases = alike ? 1 : 3;
        int size = bases + n;
        double[] x = new double[size];
        double[] y = new double[size];
        for (int i = 0; i < size; i++) {
            x[i] = rnd.nextDouble(100.0);
            y[i] = rnd.nextDouble(100.0);
        }
        double[][] time = new double[size][size];
        double[][] dist = new double[size][size];
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                dist[i][j] = Math.hypot(x[i] - x[j], y[i] - y[j]);
                time[i][j] = i == j ? 0.0 : dist[i][j] + rnd.nextDouble(3.0);
            }
        }
        TravelMatrix matrix = new Table(time, dist);
        List<Vehicle> fleet = new ArrayList<>();
        for (int r = 0; r < k; r++) {
            int base = alike ? 0 : rnd.nextInt(bases);
            double start = alike ? 0.0 : rnd.nextDouble(50.0);
            double end = alike ? 400.0 : 300.0 + rnd.nextDouble(150.0);
            int capacity = alike ? 40 : 20 + rnd.nextInt(40);
            fleet.add(new Vehicle("v" + r, base, matrix, start, end, capacity, 1L));
        }
        List<Visit> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double ready = rnd.nextDouble(300.0);
            double due = ready + width * (0.2 + rnd.nextDouble());
            all.add(new Visit("c" + i, bases + i, matrix, ready, due, rnd.nextInt(16), 1 + rnd.nextInt(10),
                    1 + rnd.nextInt(5)));
        }
        return new RandomRouting(new RoutingPlan("random", matrix, fleet, all));
    }

    // ---------------------------------------------------------------- brute-force replay

    int loc(int v) {
        return visits.get(v).getLocation();
    }

    Vehicle vehicle(int r) {
        return vehicles.get(r);
    }

    Visit visit(int v) {
        return visits.get(v);
    }

    /** Service start at each position when vehicle r drives the sequence (waiting when early, never warping). */
    double[] starts(int r, int[] seq) {
        Vehicle k = vehicles.get(r);
        double[] out = new double[seq.length];
        double t = k.getShiftStart();
        int at = k.getLocation();
        for (int i = 0; i < seq.length; i++) {
            Visit v = visits.get(seq[i]);
            t = Math.max(t + m.travelTime(at, v.getLocation()), v.getReady());
            out[i] = t;
            t += v.getServiceDuration();
            at = v.getLocation();
        }
        return out;
    }

    int load(int[] seq) {
        int l = 0;
        for (int v : seq) {
            l += visits.get(v).getDemand();
        }
        return l;
    }

    double distance(int r, int[] seq) {
        if (seq.length == 0) {
            return 0.0;
        }
        int base = vehicles.get(r).getLocation();
        int at = base;
        double d = 0.0;
        for (int v : seq) {
            d += m.distance(at, loc(v));
            at = loc(v);
        }
        return d + m.distance(at, base);
    }

    /** Whether vehicle r can serve the sequence: every window, the shift end and the load limit. */
    boolean feasible(int r, int[] seq) {
        return load(seq) <= vehicles.get(r).getCapacity() && timeFeasible(r, seq);
    }

    boolean timeFeasible(int r, int[] seq) {
        return suffixFeasible(r, seq, 0, Double.NaN);
    }

    /**
     * Whether the sequence from position i on keeps its windows and the shift end when service at position i starts at
     * time t (NaN, with i = 0: the vehicle leaves its base at shift start).
     */
    boolean suffixFeasible(int r, int[] seq, int i, double t) {
        Vehicle k = vehicles.get(r);
        int at;
        double time;
        if (Double.isNaN(t)) {
            at = k.getLocation();
            time = k.getShiftStart();
        } else {
            Visit first = visits.get(seq[i]);
            if (t > first.getDue() + EPS) {
                return false;
            }
            at = first.getLocation();
            time = Math.max(t, first.getReady()) + first.getServiceDuration();
            i++;
        }
        for (; i < seq.length; i++) {
            Visit v = visits.get(seq[i]);
            time = Math.max(time + m.travelTime(at, v.getLocation()), v.getReady());
            if (time > v.getDue() + EPS) {
                return false;
            }
            time += v.getServiceDuration();
            at = v.getLocation();
        }
        return time + m.travelTime(at, k.getLocation()) <= k.getShiftEnd() + EPS;
    }

    /**
     * Time warp of the sequence as route r (Vidal et al. 2013): drive from the base at shift start, wait when early;
     * arriving after a window closes, travel back in time to its due time and count the minutes; the same for a
     * return after shift end.
     */
    double warp(int r, int[] seq) {
        Vehicle k = vehicles.get(r);
        double t = k.getShiftStart();
        double w = 0.0;
        int at = k.getLocation();
        for (int v : seq) {
            Visit visit = visits.get(v);
            t = Math.max(t + m.travelTime(at, visit.getLocation()), visit.getReady());
            if (t > visit.getDue()) {
                w += t - visit.getDue();
                t = visit.getDue();
            }
            t += visit.getServiceDuration();
            at = visit.getLocation();
        }
        t += m.travelTime(at, k.getLocation());
        return w + Math.max(0.0, t - k.getShiftEnd());
    }

    /** Travel plus service of route r, waiting excluded (zero for an empty route). */
    double workTime(int r, int[] seq) {
        if (seq.length == 0) {
            return 0.0;
        }
        int base = vehicles.get(r).getLocation();
        int at = base;
        double t = 0.0;
        for (int v : seq) {
            t += m.travelTime(at, loc(v)) + visits.get(v).getServiceDuration();
            at = loc(v);
        }
        return t + m.travelTime(at, base);
    }

    static int[] insert(int[] seq, int pos, int v) {
        int[] out = new int[seq.length + 1];
        System.arraycopy(seq, 0, out, 0, pos);
        out[pos] = v;
        System.arraycopy(seq, pos, out, pos + 1, seq.length - pos);
        return out;
    }

    static int[] without(int[] seq, int pos) {
        int[] out = new int[seq.length - 1];
        System.arraycopy(seq, 0, out, 0, pos);
        System.arraycopy(seq, pos + 1, out, pos, seq.length - pos - 1);
        return out;
    }

    static int[] concat(int[] a, int[] b) {
        int[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static int[] route(RouteState s, int r) {
        return Arrays.copyOf(s.seq[r], s.len[r]);
    }

    // ---------------------------------------------------------------- states

    /**
     * A state whose routes are feasible per the replay: each visit, in random order, goes to a random feasible
     * position of a random route, or stays unplanned when there is none; {@code share} of the visits are tried.
     */
    RouteState feasibleState(SplittableRandom rnd, double share) {
        RouteState s = new RouteState(arrays);
        int[] order = shuffled(rnd, arrays.visitCount);
        for (int v : order) {
            if (rnd.nextDouble() >= share) {
                continue;
            }
            List<int[]> places = new ArrayList<>();
            for (int r = 0; r < arrays.vehicleCount; r++) {
                int[] seq = route(s, r);
                for (int pos = 0; pos <= seq.length; pos++) {
                    if (feasible(r, insert(seq, pos, v))) {
                        places.add(new int[] {r, pos});
                    }
                }
            }
            if (!places.isEmpty()) {
                int[] at = places.get(rnd.nextInt(places.size()));
                int[] seq = insert(route(s, at[0]), at[1], v);
                s.setRoute(at[0], seq, seq.length);
            }
        }
        return s;
    }

    /** Routes of random visits in random order, feasible or not; about {@code share} of the visits planned. */
    RouteState anyState(SplittableRandom rnd, double share) {
        RouteState s = new RouteState(arrays);
        List<List<Integer>> routes = new ArrayList<>();
        for (int r = 0; r < arrays.vehicleCount; r++) {
            routes.add(new ArrayList<>());
        }
        for (int v : shuffled(rnd, arrays.visitCount)) {
            if (rnd.nextDouble() < share) {
                routes.get(rnd.nextInt(arrays.vehicleCount)).add(v);
            }
        }
        for (int r = 0; r < arrays.vehicleCount; r++) {
            int[] seq = routes.get(r).stream().mapToInt(Integer::intValue).toArray();
            s.setRoute(r, seq, seq.length);
        }
        return s;
    }

    static int[] shuffled(SplittableRandom rnd, int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = out[i];
            out[i] = out[j];
            out[j] = t;
        }
        return out;
    }

    /** The state's routes written into a fresh copy of the plan's vehicles, for the {@link FeasibilityChecker}. */
    RoutingPlan toPlan(RouteState s) {
        List<Vehicle> fleet = new ArrayList<>();
        for (int r = 0; r < arrays.vehicleCount; r++) {
            Vehicle k = vehicles.get(r);
            Vehicle copy = new Vehicle(k.getId(), k.getLocation(), k.getMatrix(), k.getShiftStart(), k.getShiftEnd(),
                    k.getCapacity(), k.getUsageCost());
            for (int i = 0; i < s.len[r]; i++) {
                copy.getVisits().add(visits.get(s.seq[r][i]));
            }
            fleet.add(copy);
        }
        return new RoutingPlan(plan.getName(), m, fleet, visits);
    }

    // ---------------------------------------------------------------- assertions

    /** Every planned visit's bookkeeping (route, position, start, latest, load, distance) equals the replay's. */
    void assertBookkeeping(RouteState s) {
        int[] seen = new int[arrays.visitCount];
        for (int r = 0; r < arrays.vehicleCount; r++) {
            int[] seq = route(s, r);
            assertEquals(load(seq), s.load[r], "load of route " + r);
            assertEquals(distance(r, seq), s.routeDistance[r], 1e-9, "distance of route " + r);
            double[] starts = starts(r, seq);
            for (int i = 0; i < seq.length; i++) {
                int v = seq[i];
                seen[v]++;
                assertEquals(r, s.routeOf[v], "route of visit " + v);
                assertEquals(i, s.posOf[v], "position of visit " + v);
                assertEquals(starts[i], s.start[r][i], 1e-9, "start at position " + i + " of route " + r);
            }
            if (timeFeasible(r, seq)) {
                for (int i = 0; i < seq.length; i++) {
                    double latest = s.latest[r][i];
                    assertTrue(suffixFeasible(r, seq, i, latest - 1e-9),
                            "route " + r + " breaks when position " + i + " starts at its latest " + latest);
                    assertTrue(!suffixFeasible(r, seq, i, latest + 1e-4),
                            "route " + r + " still holds when position " + i + " starts after its latest " + latest);
                }
            }
        }
        for (int v = 0; v < arrays.visitCount; v++) {
            assertTrue(seen[v] <= 1, "visit " + v + " planned " + seen[v] + " times");
            if (seen[v] == 0) {
                assertEquals(-1, s.routeOf[v], "unplanned visit " + v + " still has a route");
            }
        }
    }

    /** Every route feasible per the replay, and every visit planned exactly once. */
    void assertCompleteAndFeasible(RouteState s) {
        int[] seen = new int[arrays.visitCount];
        for (int r = 0; r < arrays.vehicleCount; r++) {
            int[] seq = route(s, r);
            assertTrue(feasible(r, seq), "route " + r + " infeasible: " + Arrays.toString(seq));
            for (int v : seq) {
                seen[v]++;
            }
        }
        int[] once = new int[arrays.visitCount];
        Arrays.fill(once, 1);
        assertArrayEquals(once, seen, "times each visit is planned");
    }

    /** The routes (sequences) of a state, for comparing states. */
    static List<List<Integer>> routes(RouteState s) {
        List<List<Integer>> out = new ArrayList<>();
        for (int r = 0; r < s.len.length; r++) {
            out.add(Arrays.stream(route(s, r)).boxed().toList());
        }
        return out;
    }

    double totalDistance(RouteState s) {
        double d = 0.0;
        for (int r = 0; r < arrays.vehicleCount; r++) {
            d += distance(r, route(s, r));
        }
        return d;
    }
}
