package com.patrolplanner.campaign.draw;

import com.patrolplanner.i18n.Messages;
import com.patrolplanner.campaign.domain.Candidate;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * The 双随机 draw as a pure function of (seed, candidate venues, eligible inspectors, recusals, request), so that anyone
 * holding the seed and a register with the same snapshot hash gets the same draw.
 *
 * <p>Randomness is {@link java.util.Random}, whose algorithm (a 48-bit LCG) is fixed by its specification, so the
 * draw does not depend on the JVM. Order of use: (1) inspectors are shuffled and cut into teams of {@code teamSize};
 * (2) strata are visited in key order, each stratum's venues shuffled and taken in that order, a venue being skipped
 * when every team has a member recused from it (回避).
 */
public final class DrawAlgorithm {

    /** 《行政处罚法》第四十二条: an inspection needs at least two officers holding enforcement certificates. */
    public static final int MIN_TEAM_SIZE = 2;

    public record Inspector(long id, int version, String name) {
    }

    public record Request(Double ratio, Integer count, List<String> strata, int teams, int teamSize) {
    }

    public record DrawnVenue(Candidate venue, String stratum, int order, int teamNo) {
    }

    public record Result(List<DrawnVenue> venues, List<List<Inspector>> teams, int skippedForRecusal,
            Map<String, int[]> strata) {
    }

    private DrawAlgorithm() {
    }

    /**
     * @param recusals inspector id → venue ids the inspector must not inspect
     * @throws IllegalArgumentException naming the field when the request cannot be met
     */
    public static Result draw(long seed, List<Candidate> candidates, List<Inspector> inspectors,
            Map<Long, Set<Long>> recusals, Request req) {
        if (req.teamSize() < MIN_TEAM_SIZE) {
            throw new IllegalArgumentException("teamSize: " + Messages.of("draw.teamSize", MIN_TEAM_SIZE));
        }
        if (req.teams() < 1) {
            throw new IllegalArgumentException("teams: " + Messages.of("draw.teamsAtLeast"));
        }
        if (inspectors.size() < req.teams() * req.teamSize()) {
            throw new IllegalArgumentException("teams: " + Messages.of("draw.notEnough", req.teams(), req.teamSize(),
                    req.teams() * req.teamSize(), inspectors.size()));
        }
        Random rng = new Random(seed);
        List<Inspector> pool = new ArrayList<>(inspectors);
        pool.sort((a, b) -> Long.compare(a.id(), b.id()));
        Collections.shuffle(pool, rng);
        List<List<Inspector>> teams = new ArrayList<>();
        for (int t = 0; t < req.teams(); t++) {
            teams.add(List.copyOf(pool.subList(t * req.teamSize(), (t + 1) * req.teamSize())));
        }

        TreeMap<String, List<Candidate>> strata = new TreeMap<>();
        for (Candidate c : candidates) {
            strata.computeIfAbsent(stratum(c, req.strata()), k -> new ArrayList<>()).add(c);
        }
        Map<String, Integer> quota = quota(strata, req);
        List<DrawnVenue> drawn = new ArrayList<>();
        Map<String, int[]> report = new LinkedHashMap<>();
        int skipped = 0;
        int order = 0;
        for (Map.Entry<String, List<Candidate>> e : strata.entrySet()) {
            List<Candidate> list = new ArrayList<>(e.getValue());
            list.sort((a, b) -> Long.compare(a.id(), b.id()));
            Collections.shuffle(list, rng);
            int want = quota.get(e.getKey());
            int got = 0;
            for (Candidate c : list) {
                if (got == want) {
                    break;
                }
                int team = team(order, c.id(), teams, recusals);
                if (team < 0) {
                    skipped++;
                    continue;
                }
                drawn.add(new DrawnVenue(c, e.getKey(), ++order, team + 1));
                got++;
            }
            report.put(e.getKey(), new int[] {e.getValue().size(), got});
        }
        return new Result(drawn, teams, skipped, report);
    }

    /** Round robin over teams from the draw position, passing over teams with a recused member. */
    private static int team(int order, long venueId, List<List<Inspector>> teams, Map<Long, Set<Long>> recusals) {
        for (int k = 0; k < teams.size(); k++) {
            int t = (order + k) % teams.size();
            boolean clear = true;
            for (Inspector i : teams.get(t)) {
                if (recusals.getOrDefault(i.id(), Set.of()).contains(venueId)) {
                    clear = false;
                    break;
                }
            }
            if (clear) {
                return t;
            }
        }
        return -1;
    }

    /** Ratio: ⌈ratio·n⌉ per stratum. Count: split in proportion to stratum size, largest remainders first. */
    private static Map<String, Integer> quota(TreeMap<String, List<Candidate>> strata, Request req) {
        Map<String, Integer> q = new LinkedHashMap<>();
        int total = strata.values().stream().mapToInt(List::size).sum();
        if (req.ratio() != null) {
            strata.forEach((k, v) -> q.put(k, (int) Math.min(v.size(), Math.ceil(req.ratio() * v.size() - 1e-9))));
            return q;
        }
        int count = Math.min(req.count(), total);
        List<String> keys = new ArrayList<>(strata.keySet());
        double[] rem = new double[keys.size()];
        int given = 0;
        for (int i = 0; i < keys.size(); i++) {
            double exact = (double) count * strata.get(keys.get(i)).size() / total;
            int floor = (int) Math.floor(exact);
            q.put(keys.get(i), floor);
            rem[i] = exact - floor;
            given += floor;
        }
        while (given < count) {
            int best = -1;
            for (int i = 0; i < keys.size(); i++) {
                if (q.get(keys.get(i)) < strata.get(keys.get(i)).size() && (best < 0 || rem[i] > rem[best])) {
                    best = i;
                }
            }
            q.merge(keys.get(best), 1, Integer::sum);
            rem[best] = -1;
            given++;
        }
        return q;
    }

    static String stratum(Candidate c, List<String> strata) {
        if (strata == null || strata.isEmpty()) {
            return "all";
        }
        List<String> parts = new ArrayList<>();
        for (String s : strata) {
            parts.add(switch (s) {
                case "category" -> c.category();
                case "zone" -> c.zoneKey() == null ? "-" : c.zoneKey();
                default -> throw new IllegalArgumentException("strata: " + Messages.of("draw.unknownStratum", s));
            });
        }
        return String.join("/", parts);
    }

    /** SHA-256 of "id:version" lines in id order: what the register looked like to the draw. */
    public static String snapshotHash(List<long[]> idVersions) {
        List<long[]> sorted = new ArrayList<>(idVersions);
        sorted.sort((a, b) -> Long.compare(a[0], b[0]));
        StringBuilder sb = new StringBuilder();
        for (long[] iv : sorted) {
            sb.append(iv[0]).append(':').append(iv[1]).append('\n');
        }
        return sha256(sb.toString());
    }

    public static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
