package com.patrolplanner.geocode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The part of the gazetteer one request or one batch job needs, held in memory: the address points of the streets its
 * addresses name, those streets, fuzzy street and place matches, and the admin areas. Loaded by {@link GeocodeEngine}
 * with a few array-bound queries per chunk instead of one round trip per address.
 */
final class GazetteerIndex {
    /** A street with its address points sorted by number. */
    static final class Street {
        final String key;
        String name;
        double centerLon = Double.NaN;
        double centerLat = Double.NaN;
        String source;
        String districtCode;
        final List<Point> points = new ArrayList<>();
        private Map<String, List<Point>> byNumber;
        private Ladder[] ladders; // [0] even, [1] odd, [2] all
        /**
         * True where odd and even numbers face each other across the street (the usual rule); false where numbers run
         * consecutively along one side (terraces, townhouse rows, many Chinese 里弄): there n and n+1 stand closer than
         * n and n+2.
         */
        boolean oddEvenSides = true;

        Street(String key) {
            this.key = key;
        }

        void seal() {
            points.sort((a, b) -> Integer.compare(a.numberInt == null ? -1 : a.numberInt, b.numberInt == null ? -1 : b.numberInt));
            byNumber = new HashMap<>();
            for (Point p : points) {
                byNumber.computeIfAbsent(p.number, k -> new ArrayList<>()).add(p);
            }
            ladders = new Ladder[] {ladder(0), ladder(1), ladder(-1)};
            oddEvenSides = detectSides(ladders[2]);
            if (Double.isNaN(centerLon) && !points.isEmpty()) {
                Point mid = points.get(points.size() / 2);
                centerLon = mid.lon;
                centerLat = mid.lat;
                source = mid.source;
            }
        }

        private Ladder ladder(int parity) {
            Map<Integer, double[]> acc = new LinkedHashMap<>();
            for (Point p : points) {
                if (p.numberInt == null || (parity >= 0 && Math.floorMod(p.numberInt, 2) != parity)) {
                    continue;
                }
                double[] a = acc.computeIfAbsent(p.numberInt, k -> new double[3]);
                a[0] += p.lon;
                a[1] += p.lat;
                a[2]++;
            }
            int n = acc.size();
            int[] nums = new int[n];
            double[] xs = new double[n];
            double[] ys = new double[n];
            int i = 0;
            for (var e : acc.entrySet()) {
                nums[i] = e.getKey();
                xs[i] = e.getValue()[0] / e.getValue()[2];
                ys[i] = e.getValue()[1] / e.getValue()[2];
                i++;
            }
            return new Ladder(nums, xs, ys);
        }

        private static boolean detectSides(Ladder all) {
            List<Double> next = new ArrayList<>();
            List<Double> second = new ArrayList<>();
            Map<Integer, Integer> at = new HashMap<>();
            for (int i = 0; i < all.nums().length; i++) {
                at.put(all.nums()[i], i);
            }
            for (int i = 0; i < all.nums().length; i++) {
                Integer j1 = at.get(all.nums()[i] + 1);
                Integer j2 = at.get(all.nums()[i] + 2);
                if (j1 != null) {
                    next.add(metres(all, i, j1));
                }
                if (j2 != null) {
                    second.add(metres(all, i, j2));
                }
            }
            if (next.size() < 3 || second.size() < 3) {
                return true;
            }
            return median(next) > 0.8 * median(second);
        }

        private static double metres(Ladder l, int i, int j) {
            double k = Math.cos(Math.toRadians(l.ys()[i]));
            double dx = (l.xs()[i] - l.xs()[j]) * k * 111_320;
            double dy = (l.ys()[i] - l.ys()[j]) * 110_574;
            return Math.sqrt(dx * dx + dy * dy);
        }

        private static double median(List<Double> v) {
            v.sort(null);
            return v.get(v.size() / 2);
        }

        List<Point> exact(String number) {
            return byNumber == null ? List.of() : byNumber.getOrDefault(number.toUpperCase(Locale.ROOT), List.of());
        }

        Ladder ladder(int number, boolean sameSide) {
            return sameSide ? ladders[Math.floorMod(number, 2)] : ladders[2];
        }
    }

    /** Distinct house numbers of one side of a street, ascending, with the mean position of each. */
    record Ladder(int[] nums, double[] xs, double[] ys) {
        /** Index of the first number ≥ n. */
        int ceil(int n) {
            int i = Arrays.binarySearch(nums, n);
            return i >= 0 ? i : -i - 1;
        }
    }

    record Point(String number, Integer numberInt, String unit, double lon, double lat, String source, String districtCode) {
    }

    record Fuzzy(String key, double similarity) {
    }

    record Place(String name, String kind, double lon, double lat, String source, String districtCode, double similarity) {
    }

    record Admin(String adcode, String name, String level, String parentCode, double lon, double lat) {
    }

    final Map<String, Street> streets = new HashMap<>();
    /** Query street key → best fuzzy street keys (similarity ≥ threshold), for keys with no exact street. */
    final Map<String, List<Fuzzy>> fuzzyStreets = new HashMap<>();
    final Map<String, List<Place>> places = new HashMap<>();
    final java.util.Set<String> lookedUpStreets = new java.util.HashSet<>();
    final java.util.Set<String> lookedUpPlaces = new java.util.HashSet<>();
    List<Admin> admins;
}
