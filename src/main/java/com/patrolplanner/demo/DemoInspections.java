package com.patrolplanner.demo;

import com.patrolplanner.inspection.EnforcementAction;
import com.patrolplanner.inspection.Outcome;
import com.patrolplanner.inspection.SeizedKind;
import com.patrolplanner.inspection.SyntheticInspections;
import com.patrolplanner.inspection.ViolationItem;
import com.patrolplanner.registry.TwoOfficerRule;
import com.patrolplanner.registry.VenueCategory;
import com.patrolplanner.time.BureauClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * A plausible, reproducible half year of inspections for the demo, over the venues, certified inspectors and teams
 * already registered, written through {@link SyntheticInspections}. Marked {@code synthetic = true}, author "demo". Idempotent: when synthetic inspections already
 * exist in [from, to], nothing is written and their count is returned.
 *
 * <p>Shape: visits per venue follow the category's usual rhythm (internet cafés about every two to three weeks,
 * publication sellers monthly, hotels a few times), internet cafés and song-and-dance venues are often visited at night
 * or after school; violations are more frequent around one "trouble spot" chosen by the seed, so that hot-spot
 * analysis has something to find; every visit has two or three certified officers of one team.
 */
@ApplicationScoped
public class DemoInspections {
    public static final String AUTHOR = "demo";

    @Inject
    EntityManager em;
    @Inject
    SyntheticInspections inspections;

    public record Result(int created, int existing, int venues, String note) {
    }

    /** Visits per half year by category. */
    static double rate(String category) {
        return switch (category) {
            case "internet_cafe" -> 9;
            case "song_dance" -> 6;
            case "game_arcade" -> 4;
            case "publication" -> 3;
            case "hotel", "satellite_equipment" -> 2;
            default -> 1.5;
        };
    }

    @Transactional
    @io.quarkus.narayana.jta.runtime.TransactionConfiguration(timeout = 1800) // two districts' half year on a loaded machine
    public Result generate(long seed, LocalDate from, LocalDate to) {
        OffsetDateTime f = from.atStartOfDay(BureauClock.ZONE).toOffsetDateTime();
        OffsetDateTime t = to.plusDays(1).atStartOfDay(BureauClock.ZONE).toOffsetDateTime();
        long existing = inspections.count(f, t);
        if (existing > 0) {
            return new Result(0, (int) existing, 0, "synthetic inspections already present in the period: nothing written");
        }
        @SuppressWarnings("unchecked")
        List<Object[]> venues = em.createNativeQuery("SELECT id, category, ST_X(geom), ST_Y(geom), district_code, status, "
                + "complaint_count FROM venue WHERE geom IS NOT NULL AND status IN ('open','suspended','unlicensed') ORDER BY id")
                .getResultList();
        @SuppressWarnings("unchecked")
        List<Object[]> officers = em.createNativeQuery("SELECT i.id, i.certificate_no, i.team_id, (SELECT d.adcode FROM "
                + "team t JOIN district d ON d.level = 'district' AND ST_Covers(d.geom, t.base) WHERE t.id = i.team_id "
                + "ORDER BY d.adcode LIMIT 1) FROM inspector i WHERE i.active AND i.certificate_no IS NOT NULL "
                + "AND i.certificate_no <> '' ORDER BY i.id").getResultList();
        Map<Long, List<Object[]>> byTeam = new TreeMap<>();
        Map<Long, String> districtOfTeam = new java.util.HashMap<>();
        for (Object[] o : officers) {
            long team = o[2] == null ? -1L : ((Number) o[2]).longValue();
            byTeam.computeIfAbsent(team, k -> new ArrayList<>()).add(o);
            if (o[3] != null) {
                districtOfTeam.put(team, (String) o[3]);
            }
        }
        byTeam.values().removeIf(l -> l.size() < TwoOfficerRule.MIN_CERTIFIED_OFFICERS);
        if (byTeam.isEmpty() && officers.size() >= TwoOfficerRule.MIN_CERTIFIED_OFFICERS) {
            byTeam.put(-1L, officers);
        }
        // 属地: a venue is inspected by the teams based in its district (奎文区's by 奎文区's, 潍城区's by 潍城区's); a
        // district without teams of its own falls back to all teams
        Map<String, List<Long>> teamsIn = new java.util.HashMap<>();
        for (Long team : byTeam.keySet()) {
            String d = districtOfTeam.get(team);
            if (d != null) {
                teamsIn.computeIfAbsent(d, k -> new ArrayList<>()).add(team);
            }
        }
        if (venues.isEmpty() || byTeam.isEmpty()) {
            return new Result(0, 0, venues.size(), "needs venues with a position and at least two certified inspectors");
        }
        List<Long> teams = new ArrayList<>(byTeam.keySet());
        Random rnd = new Random(seed);
        Object[] trouble = venues.get(rnd.nextInt(venues.size()));
        double tLon = ((Number) trouble[2]).doubleValue();
        double tLat = ((Number) trouble[3]).doubleValue();
        long days = Math.max(1, java.time.temporal.ChronoUnit.DAYS.between(from, to) + 1);
        double halfYears = days / 182.0;
        int created = 0;
        for (Object[] v : venues) {
            long venueId = ((Number) v[0]).longValue();
            String category = (String) v[1];
            double lon = ((Number) v[2]).doubleValue();
            double lat = ((Number) v[3]).doubleValue();
            int visits = poisson(rnd, rate(category) * halfYears * (((Number) v[6]).intValue() > 0 ? 1.5 : 1));
            double km = distanceKm(lon, lat, tLon, tLat);
            double pViolation = 0.07 + 0.35 * Math.exp(-(km * km) / (2 * 1.2 * 1.2));
            for (int k = 0; k < visits; k++) {
                OffsetDateTime at = time(rnd, from, days, category);
                if (!at.isBefore(t) || at.isAfter(OffsetDateTime.now())) {
                    continue;
                }
                List<Long> local = teamsIn.getOrDefault((String) v[4], teams);
                long team = local.get((int) (venueId % local.size()));
                List<Object[]> pool = byTeam.get(team);
                int n = Math.min(pool.size(), 2 + (rnd.nextDouble() < 0.3 ? 1 : 0));
                List<Object[]> chosen = pick(rnd, pool, n);
                write(rnd, venueId, category, lon, lat, (String) v[4], (String) v[5], team < 0 ? null : team, at, chosen,
                        pViolation);
                created++;
            }
        }
        return new Result(created, 0, venues.size(), null);
    }

    private void write(Random rnd, long venueId, String category, double lon, double lat, String district, String status,
            Long team, OffsetDateTime at, List<Object[]> officers, double pViolation) {
        double u = rnd.nextDouble();
        Outcome outcome = u < pViolation ? Outcome.VIOLATION : u < pViolation + 0.05 ? Outcome.NOT_OPERATING
                : u < pViolation + 0.065 ? Outcome.REFUSED_ENTRY : Outcome.COMPLIANT;
        List<String> violations = new ArrayList<>();
        List<String> actions = new ArrayList<>();
        Map<String, Integer> seized = new LinkedHashMap<>();
        if (outcome == Outcome.VIOLATION) {
            List<ViolationItem> items = new ArrayList<>(ViolationItem.checklist(VenueCategory.parse(category)));
            items.remove(ViolationItem.OTHER);
            if (items.isEmpty()) {
                items.add(ViolationItem.OTHER);
            }
            int m = 1 + (rnd.nextDouble() < 0.25 && items.size() > 1 ? 1 : 0);
            for (Object it : pick(rnd, items.stream().map(x -> (Object) x).toList(), m)) {
                violations.add(((ViolationItem) it).code());
            }
            actions.add(rnd.nextDouble() < 0.6 ? EnforcementAction.RECTIFICATION_ORDER.code : EnforcementAction.WARNING.code);
            if (rnd.nextDouble() < 0.25) {
                actions.add(EnforcementAction.CASE_FILED.code);
            }
            if ("unlicensed".equals(status) && rnd.nextDouble() < 0.4) {
                actions.add(EnforcementAction.CLOSED.code);
            }
            switch (category) {
                case "publication" -> seized.put(SeizedKind.ILLEGAL_PUBLICATIONS.code, 10 + rnd.nextInt(300));
                case "hotel", "satellite_equipment" -> seized.put(SeizedKind.SATELLITE_RECEIVERS.code, 1 + rnd.nextInt(3));
                default -> {
                    if (rnd.nextDouble() < 0.15) {
                        seized.put(SeizedKind.DISCS.code, 5 + rnd.nextInt(60));
                    }
                }
            }
        }
        String notes = violations.contains(ViolationItem.OTHER.code()) ? "演示数据：其他违规" : null;
        inspections.write(new SyntheticInspections.Visit(venueId, team, at, outcome, violations, actions, seized,
                officers.stream().map(o -> new SyntheticInspections.Officer(((Number) o[0]).longValue(), (String) o[1]))
                        .toList(), notes, lon, lat, category, district, AUTHOR));
    }

    /** Internet cafés and KTVs: a third at night (22:00–01:00), a quarter after school (16:30–19:00); others by day. */
    private static OffsetDateTime time(Random rnd, LocalDate from, long days, String category) {
        LocalDate d = from.plusDays(rnd.nextInt((int) days));
        int minute;
        double u = rnd.nextDouble();
        boolean nightly = "internet_cafe".equals(category) || "song_dance".equals(category);
        if (nightly && u < 0.33) {
            minute = 22 * 60 + rnd.nextInt(180);
        } else if (nightly && u < 0.58) {
            minute = 16 * 60 + 30 + rnd.nextInt(150);
        } else {
            minute = 9 * 60 + rnd.nextInt(8 * 60);
        }
        return d.atStartOfDay(BureauClock.ZONE).plusMinutes(minute).toOffsetDateTime();
    }

    private static <T> List<T> pick(Random rnd, List<T> from, int n) {
        List<T> copy = new ArrayList<>(from);
        List<T> out = new ArrayList<>(n);
        for (int i = 0; i < n && !copy.isEmpty(); i++) {
            out.add(copy.remove(rnd.nextInt(copy.size())));
        }
        return out;
    }

    private static int poisson(Random rnd, double lambda) {
        double l = Math.exp(-lambda);
        int k = 0;
        double p = 1;
        do {
            k++;
            p *= rnd.nextDouble();
        } while (p > l);
        return k - 1;
    }

    private static double distanceKm(double lon1, double lat1, double lon2, double lat2) {
        double kx = 111.32 * Math.cos(Math.toRadians((lat1 + lat2) / 2));
        double dx = (lon1 - lon2) * kx;
        double dy = (lat1 - lat2) * 110.57;
        return Math.sqrt(dx * dx + dy * dy);
    }
}
