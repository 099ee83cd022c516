package com.patrolplanner.geocode;

import com.patrolplanner.sql.Cursor;
import com.patrolplanner.sql.Stmt;
import com.patrolplanner.geocode.Candidate.Level;
import com.patrolplanner.geocode.GazetteerIndex.Admin;
import com.patrolplanner.geocode.GazetteerIndex.Fuzzy;
import com.patrolplanner.geocode.GazetteerIndex.Ladder;
import com.patrolplanner.geocode.GazetteerIndex.Place;
import com.patrolplanner.geocode.GazetteerIndex.Point;
import com.patrolplanner.geocode.GazetteerIndex.Street;
import com.patrolplanner.geocode.parse.AddressParser;
import com.patrolplanner.geocode.parse.ParsedAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The offline matching chain (离线地理编码): exact address point → interpolation between the nearest known house numbers
 * on the same side of the street (odd/even) → fuzzy street and place names (pg_trgm similarity) → street → admin area
 * (district, then city). Works on a {@link GazetteerIndex} loaded for many addresses at once, so a batch costs a few
 * queries per few thousand addresses.
 *
 * <p>Confidence: 1.0 for an exact point; 0.7–0.9 for interpolation between two known numbers (lower for wider gaps);
 * 0.5–0.65 beyond the last known number; 0.45–0.6 for a street centre; ≤ 0.8 for a place (× name similarity); 0.3 for a
 * district and 0.2 for a city centre. A fuzzy street multiplies by its similarity; 附近/对面 multiply by 0.9.
 */
@ApplicationScoped
public class GeocodeEngine {
    static final double STREET_SIMILARITY = 0.5;
    static final double PLACE_SIMILARITY = 0.45;

    @Inject
    GazetteerStore store;
    @Inject
    io.micrometer.core.instrument.MeterRegistry metrics;

    /** {@code pp_geocode_hits_total{level}}: the best candidate's level per address looked up ({@code none}: no match). */
    private void hit(Candidate best) {
        io.micrometer.core.instrument.Counter.builder("pp.geocode.hits").description("addresses geocoded, by the level of the best candidate")
                .tag("level", best == null ? "none" : best.level().name()).register(metrics).increment();
    }

    /** The best candidate for each address (null where nothing matched), in input order. */
    public List<Candidate> geocodeAll(List<String> addresses, String district, GazetteerIndex index) {
        List<ParsedAddress> parsed = new ArrayList<>(addresses.size());
        for (String a : addresses) {
            parsed.add(AddressParser.parse(a));
        }
        load(parsed, district, index, 1);
        List<Candidate> out = new ArrayList<>(parsed.size());
        for (ParsedAddress p : parsed) {
            List<Candidate> c = candidates(p, index, 1);
            out.add(c.isEmpty() ? null : c.get(0));
            hit(c.isEmpty() ? null : c.get(0));
        }
        return out;
    }

    /** Up to {@code limit} candidates for one address, best first. */
    public List<Candidate> geocode(String address, String district, int limit) {
        ParsedAddress p = AddressParser.parse(address);
        GazetteerIndex index = new GazetteerIndex();
        load(List.of(p), district, index, Math.max(3, limit));
        List<Candidate> c = candidates(p, index, limit);
        hit(c.isEmpty() ? null : c.get(0));
        return c.size() > limit ? c.subList(0, limit) : c;
    }

    GazetteerIndex newIndex() {
        return new GazetteerIndex();
    }

    // ------------------------------------------------------------------ matching

    List<Candidate> candidates(ParsedAddress p, GazetteerIndex index, int want) {
        List<Candidate> out = new ArrayList<>();
        double relation = p.relation() == null ? 1.0 : 0.9;
        if (p.hasStreet()) {
            Street s = index.streets.get(p.streetKey());
            if (s != null) {
                onStreet(p, s, 1.0, out);
            }
            if (s == null || (want > 1 && out.size() < want)) {
                for (Fuzzy f : index.fuzzyStreets.getOrDefault(p.streetKey(), List.of())) {
                    Street fs = index.streets.get(f.key());
                    if (fs != null && fs != s) {
                        onStreet(p, fs, f.similarity(), out);
                    }
                }
            }
        }
        String placeKey = p.placeKey();
        if (placeKey != null) {
            for (Place pl : index.places.getOrDefault(placeKey, List.of())) {
                double conf = (pl.similarity() >= 0.999 ? 0.8 : 0.75 * pl.similarity());
                out.add(new Candidate(pl.lon(), pl.lat(), Level.place, conf, pl.name(), pl.source(), pl.districtCode()));
            }
        }
        if (out.isEmpty() || want > 1) {
            admin(p, index, out);
        }
        if (relation != 1.0) {
            out.replaceAll(c -> c.withConfidence(c.confidence() * relation));
        }
        out.sort(Comparator.comparingDouble(Candidate::confidence).reversed()
                .thenComparing(c -> c.level().ordinal()));
        return out;
    }

    private void onStreet(ParsedAddress p, Street s, double similarity, List<Candidate> out) {
        if (p.hasNumber() && !s.points.isEmpty()) {
            List<Point> exact = s.exact(p.number());
            if (!exact.isEmpty()) {
                List<Point> chosen = exact;
                double conf = 1.0;
                if (p.unit() != null) {
                    List<Point> withUnit = exact.stream().filter(e -> p.unit().equalsIgnoreCase(e.unit())).toList();
                    if (!withUnit.isEmpty()) {
                        chosen = withUnit;
                    } else {
                        conf = 0.95;
                    }
                } else {
                    List<Point> plain = exact.stream().filter(e -> e.unit() == null).toList();
                    chosen = plain.isEmpty() ? exact : plain;
                }
                double x = 0;
                double y = 0;
                for (Point e : chosen) {
                    x += e.lon();
                    y += e.lat();
                }
                Point first = chosen.get(0);
                out.add(new Candidate(x / chosen.size(), y / chosen.size(), Level.point, conf * similarity,
                        text(p, s.name, first.number()), first.source(), first.districtCode()));
                return;
            }
            Candidate c = interpolate(p, s, s.oddEvenSides);
            if (c == null && s.oddEvenSides) {
                c = interpolate(p, s, false);
                if (c != null) {
                    c = c.withConfidence(c.confidence() * 0.8);
                }
            }
            if (c != null) {
                out.add(c.withConfidence(c.confidence() * similarity));
                return;
            }
        }
        if (!Double.isNaN(s.centerLon)) {
            double conf = p.hasNumber() ? 0.45 : 0.6;
            out.add(new Candidate(s.centerLon, s.centerLat, Level.street, conf * similarity, s.name, s.source,
                    s.districtCode));
        }
    }

    /** Linear interpolation between the nearest known numbers below and above (same parity when sameSide). */
    private static Candidate interpolate(ParsedAddress p, Street s, boolean sameSide) {
        int n = p.numberInt();
        Ladder l = s.ladder(n, sameSide);
        int len = l.nums().length;
        if (len == 0) {
            return null;
        }
        int hi = l.ceil(n);
        int lo = hi - 1;
        String src = s.points.get(0).source();
        String dc = s.points.get(0).districtCode();
        if (lo >= 0 && hi < len) {
            int a = l.nums()[lo];
            int b = l.nums()[hi];
            double t = p.chinese() ? (n - a) / (double) (b - a) : blockFraction(n, a, b);
            double x = l.xs()[lo] + t * (l.xs()[hi] - l.xs()[lo]);
            double y = l.ys()[lo] + t * (l.ys()[hi] - l.ys()[lo]);
            if (!p.chinese() && a >= 100 && a / 100 != b / 100) {
                // across a block jump: step from the known number of n's own block with that block's own spacing
                double[] e = null;
                if (n / 100 == b / 100 && hi + 1 < len && l.nums()[hi + 1] / 100 == b / 100) {
                    e = step(l, hi, hi + 1, n);
                } else if (n / 100 == a / 100 && lo - 1 >= 0 && l.nums()[lo - 1] / 100 == a / 100) {
                    e = step(l, lo, lo - 1, n);
                }
                double span = dist2(l.xs()[lo], l.ys()[lo], l.xs()[hi], l.ys()[hi]);
                if (e != null && dist2(e[0], e[1], l.xs()[n / 100 == b / 100 ? hi : lo], l.ys()[n / 100 == b / 100 ? hi : lo]) <= span) {
                    x = e[0];
                    y = e[1];
                }
            }
            double conf = Math.max(0.7, Math.min(0.9, 0.92 - 0.0015 * (b - a)));
            return new Candidate(x, y, Level.interpolated, conf, text(p, s.name, p.number()) + " (" + a + "–" + b + ")",
                    src, dc);
        }
        // beyond the known range: extrapolate from the two nearest numbers when they are close enough to trust
        int i1 = lo >= 0 ? lo : hi;
        int i2 = lo >= 0 ? lo - 1 : hi + 1;
        if (i2 >= 0 && i2 < len) {
            int a = l.nums()[i1];
            int b = l.nums()[i2];
            boolean sameBlock = p.chinese() || a < 100 || (n / 100 == a / 100 && b / 100 == a / 100);
            if (sameBlock && Math.abs(n - a) <= 2 * Math.abs(a - b)) {
                double t = (n - a) / (double) (b - a);
                double x = l.xs()[i1] + t * (l.xs()[i2] - l.xs()[i1]);
                double y = l.ys()[i1] + t * (l.ys()[i2] - l.ys()[i1]);
                return new Candidate(x, y, Level.interpolated, 0.65, text(p, s.name, p.number()) + " (beyond " + a + ")",
                        src, dc);
            }
        }
        return new Candidate(l.xs()[i1], l.ys()[i1], Level.interpolated, 0.5,
                text(p, s.name, p.number()) + " (nearest " + l.nums()[i1] + ")", src, dc);
    }

    /** The position of n stepping from ladder entry i with the spacing between entries i and j. */
    private static double[] step(Ladder l, int i, int j, int n) {
        double f = (n - l.nums()[i]) / (double) (l.nums()[j] - l.nums()[i]);
        return new double[] {l.xs()[i] + f * (l.xs()[j] - l.xs()[i]), l.ys()[i] + f * (l.ys()[j] - l.ys()[i])};
    }

    /** Squared planar distance in degrees², only to compare distances at one place. */
    private static double dist2(double x1, double y1, double x2, double y2) {
        double k = Math.cos(Math.toRadians(y1));
        double dx = (x1 - x2) * k;
        double dy = y1 - y2;
        return dx * dx + dy * dy;
    }

    /**
     * Where n lies between known numbers a &lt; n &lt; b, as a fraction. North American numbering jumps at each block
     * (…238 | 300…): when a and b are in different hundred-blocks, n is placed within its own block, the block boundary
     * taken just past the last known number of the other block, instead of spreading the jump over the whole gap.
     */
    static double blockFraction(int n, int a, int b) {
        int ba = a / 100;
        int bb = b / 100;
        if (a < 100 || ba == bb) {
            return (n - a) / (double) (b - a);
        }
        if (n / 100 == bb) {
            double start = Math.max(a, bb * 100 - 1);
            return (n - start) / (b - start) * (1 - FRACTION_AT_BOUNDARY) + FRACTION_AT_BOUNDARY;
        }
        if (n / 100 == ba) {
            double end = Math.min(b, (ba + 1) * 100);
            return (n - a) / (end - a) * FRACTION_AT_BOUNDARY;
        }
        return (n - a) / (double) (b - a);
    }

    /** The block boundary (a cross street) is put halfway between the last known numbers of the two blocks. */
    static final double FRACTION_AT_BOUNDARY = 0.5;

    private static void admin(ParsedAddress p, GazetteerIndex index, List<Candidate> out) {
        if (p.district() != null) {
            Admin best = null;
            for (Admin a : index.admins) {
                if (a.name().equals(p.district()) && !a.level().equals("city") && !a.level().equals("province")) {
                    if (best == null || (p.city() != null && cityOf(index, a) != null && cityOf(index, a).equals(p.city()))) {
                        best = a;
                    }
                }
            }
            if (best != null) {
                out.add(new Candidate(best.lon(), best.lat(), Level.district, 0.3, best.name(), "district", best.adcode()));
                return;
            }
        }
        if (p.city() != null) {
            for (Admin a : index.admins) {
                if (a.name().equals(p.city()) && a.level().equals("city")) {
                    out.add(new Candidate(a.lon(), a.lat(), Level.city, 0.2, a.name(), "district", a.adcode()));
                    return;
                }
            }
        }
    }

    private static String cityOf(GazetteerIndex index, Admin a) {
        for (Admin c : index.admins) {
            if (c.adcode().equals(a.parentCode())) {
                return c.name();
            }
        }
        return null;
    }

    private static String text(ParsedAddress p, String street, String number) {
        return p.chinese() ? street + number + "号" : number + " " + street;
    }

    // ------------------------------------------------------------------ loading

    /** Loads into {@code index} what the parsed addresses need that it does not hold yet. */
    void load(Collection<ParsedAddress> parsed, String district, GazetteerIndex index, int fuzzyPerKey) {
        String prefix = districtPrefix(district);
        Set<String> keys = new LinkedHashSet<>();
        Set<String> placeKeys = new LinkedHashSet<>();
        for (ParsedAddress p : parsed) {
            if (p.hasStreet() && index.lookedUpStreets.add(p.streetKey())) {
                keys.add(p.streetKey());
            }
            if (p.placeKey() != null && !p.placeKey().isBlank() && index.lookedUpPlaces.add(p.placeKey())) {
                placeKeys.add(p.placeKey());
            }
        }
        if (index.admins == null) {
            index.admins = admins();
        }
        if (keys.isEmpty() && placeKeys.isEmpty()) {
            return;
        }
        store.work(c -> {
            Set<String> toLoad = new LinkedHashSet<>();
            if (!keys.isEmpty()) {
                // exact street names
                try (Stmt ps = c.prepare("SELECT name_norm, name, ST_X(center), ST_Y(center), source, "
                        + "district_code, geom IS NOT NULL FROM gz_street WHERE name_norm = ANY(?) "
                        + (prefix == null ? "" : "AND district_code LIKE ? ") + "ORDER BY (geom IS NOT NULL) DESC")) {
                    ps.setArray(1, "text", keys.toArray());
                    if (prefix != null) {
                        ps.setString(2, prefix + "%");
                    }
                    try (Cursor rs = ps.executeQuery()) {
                        while (rs.next()) {
                            addStreet(index, rs);
                            toLoad.add(rs.getString(1));
                        }
                    }
                }
                List<String> missing = keys.stream().filter(k -> !index.streets.containsKey(k)).toList();
                if (!missing.isEmpty() || fuzzyPerKey > 1) {
                    List<String> fuzzyKeys = fuzzyPerKey > 1 ? new ArrayList<>(keys) : missing;
                    try (Stmt ps = c.prepare("SELECT q, s.name_norm, s.name, ST_X(s.center), "
                            + "ST_Y(s.center), s.source, s.district_code, s.geom IS NOT NULL, s.sim FROM unnest(?::text[]) q "
                            + "CROSS JOIN LATERAL (SELECT name_norm, name, center, source, district_code, geom, "
                            + "similarity(name_norm, q) AS sim FROM gz_street WHERE name_norm % q AND name_norm <> q "
                            + (prefix == null ? "" : "AND district_code LIKE ? ")
                            + "ORDER BY sim DESC LIMIT ?) s WHERE s.sim >= ?")) {
                        int i = 1;
                        ps.setArray(i++, "text", fuzzyKeys.toArray());
                        if (prefix != null) {
                            ps.setString(i++, prefix + "%");
                        }
                        ps.setInt(i++, fuzzyPerKey);
                        ps.setDouble(i, STREET_SIMILARITY);
                        try (Cursor rs = ps.executeQuery()) {
                            while (rs.next()) {
                                String q = rs.getString(1);
                                String key = rs.getString(2);
                                index.fuzzyStreets.computeIfAbsent(q, k -> new ArrayList<>())
                                        .add(new Fuzzy(key, rs.getDouble(9)));
                                if (!index.streets.containsKey(key)) {
                                    Street s = new Street(key);
                                    s.name = rs.getString(3);
                                    s.centerLon = rs.getDouble(4);
                                    s.centerLat = rs.getDouble(5);
                                    s.source = rs.getString(6);
                                    s.districtCode = rs.getString(7);
                                    index.streets.put(key, s);
                                    toLoad.add(key);
                                }
                            }
                        }
                    }
                }
            }
            if (!toLoad.isEmpty()) {
                try (Stmt ps = c.prepare("SELECT street_norm, number, number_int, unit, ST_X(geom), "
                        + "ST_Y(geom), source, district_code FROM gz_address WHERE street_norm = ANY(?)"
                        + (prefix == null ? "" : " AND district_code LIKE ?"))) {
                    ps.setArray(1, "text", toLoad.toArray());
                    if (prefix != null) {
                        ps.setString(2, prefix + "%");
                    }
                    ps.setFetchSize(10000);
                    try (Cursor rs = ps.executeQuery()) {
                        while (rs.next()) {
                            Street s = index.streets.get(rs.getString(1));
                            int ni = rs.getInt(3);
                            s.points.add(new Point(rs.getString(2), rs.wasNull() ? null : ni, rs.getString(4),
                                    rs.getDouble(5), rs.getDouble(6), rs.getString(7), rs.getString(8)));
                        }
                    }
                }
                for (String k : toLoad) {
                    index.streets.get(k).seal();
                }
            }
            if (!placeKeys.isEmpty()) {
                try (Stmt ps = c.prepare("SELECT q, p.name, p.kind, ST_X(p.geom), ST_Y(p.geom), "
                        + "p.source, p.district_code, p.sim FROM unnest(?::text[]) q CROSS JOIN LATERAL ("
                        + "SELECT name, kind, geom, source, district_code, similarity(name_norm, q) AS sim FROM gz_place "
                        + "WHERE (name_norm % q OR name_norm = q) " + (prefix == null ? "" : "AND district_code LIKE ? ")
                        + "ORDER BY sim DESC LIMIT ?) p WHERE p.sim >= ?")) {
                    int i = 1;
                    ps.setArray(i++, "text", placeKeys.toArray());
                    if (prefix != null) {
                        ps.setString(i++, prefix + "%");
                    }
                    ps.setInt(i++, fuzzyPerKey);
                    ps.setDouble(i, PLACE_SIMILARITY);
                    try (Cursor rs = ps.executeQuery()) {
                        while (rs.next()) {
                            index.places.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Place(
                                    rs.getString(2), rs.getString(3), rs.getDouble(4), rs.getDouble(5), rs.getString(6),
                                    rs.getString(7), rs.getDouble(8)));
                        }
                    }
                }
            }
            return null;
        });
    }

    private static void addStreet(GazetteerIndex index, Cursor rs) {
        String key = rs.getString(1);
        if (index.streets.containsKey(key)) {
            return; // the row with a line came first
        }
        Street s = new Street(key);
        s.name = rs.getString(2);
        s.centerLon = rs.getDouble(3);
        s.centerLat = rs.getDouble(4);
        s.source = rs.getString(5);
        s.districtCode = rs.getString(6);
        index.streets.put(key, s);
    }

    private List<Admin> admins() {
        return store.work(c -> {
            List<Admin> out = new ArrayList<>();
            try (Stmt ps = c.prepare("SELECT adcode, name, level, parent_code, "
                    + "ST_X(ST_PointOnSurface(geom)), ST_Y(ST_PointOnSurface(geom)) FROM district");
                    Cursor rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Admin(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getDouble(5), rs.getDouble(6)));
                }
            }
            return out;
        });
    }

    /** 370705 → "370705", 370700 → "3707", 370000 → "37"; null for no filter. */
    static String districtPrefix(String district) {
        if (district == null || district.isBlank()) {
            return null;
        }
        String d = district.trim();
        if (!d.matches("\\d{6}")) {
            return d; // a name: resolved by the caller to an adcode
        }
        while (d.endsWith("00") && d.length() > 2) {
            d = d.substring(0, d.length() - 2);
        }
        return d;
    }
}
