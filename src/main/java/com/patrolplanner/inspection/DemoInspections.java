package com.patrolplanner.inspection;

import com.patrolplanner.registry.VenueCategory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * A plausible, reproducible half year of inspections for the demo, over the venues, certified inspectors and teams
 * already registered. Marked {@code synthetic = true}, author "demo". Idempotent: when synthetic inspections already
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
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Inject
    EntityManager em;

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
    public Result generate(long seed, LocalDate from, LocalDate to) {
        OffsetDateTime f = from.atStartOfDay(ZONE).toOffsetDateTime();
        OffsetDateTime t = to.plusDays(1).atStartOfDay(ZONE).toOffsetDateTime();
        long existing = ((Number) em.createNativeQuery("SELECT count(*) FROM inspection WHERE synthetic AND inspected_at >= ?1 "
                + "AND inspected_at < ?2").setParameter(1, f).setParameter(2, t).getSingleResult()).longValue();
        if (existing > 0) {
            return new Result(0, (int) existing, 0, "synthetic inspections already present in the period: nothing written");
        }
        @SuppressWarnings("unchecked")
        List<Object[]> venues = em.createNativeQuery("SELECT id, category, ST_X(geom), ST_Y(geom), district_code, status, "
                + "complaint_count FROM venue WHERE geom IS NOT NULL AND status IN ('open','suspended','unlicensed') ORDER BY id")
                .getResultList();
        @SuppressWarnings("unchecked")
        List<Object[]> officers = em.createNativeQuery("SELECT id, certificate_no, team_id FROM inspector WHERE active AND "
                + "certificate_no IS NOT NULL AND certificate_no <> '' ORDER BY id").getResultList();
        Map<Long, List<Object[]>> byTeam = new TreeMap<>();
        for (Object[] o : officers) {
            byTeam.computeIfAbsent(o[2] == null ? -1L : ((Number) o[2]).longValue(), k -> new ArrayList<>()).add(o);
        }
        byTeam.values().removeIf(l -> l.size() < OfficerRule.MIN_CERTIFIED_OFFICERS);
        if (byTeam.isEmpty() && officers.size() >= OfficerRule.MIN_CERTIFIED_OFFICERS) {
            byTeam.put(-1L, officers);
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
                long team = teams.get((int) (venueId % teams.size()));
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
        Number id = (Number) em.createNativeQuery("""
                INSERT INTO inspection (venue_id, team_id, inspected_at, outcome, violations, violation_count, actions, seized,
                    officer_count, notes, geom, category, district_code, synthetic, created_by, created_at, updated_at)
                VALUES (?1, ?2, ?3, ?4, CAST(?5 AS text[]), ?6, CAST(?7 AS text[]), CAST(?8 AS jsonb), ?9, ?10,
                    ST_SetSRID(ST_MakePoint(?11, ?12), 4326), ?13, ?14, true, ?15, ?3, ?3)
                RETURNING id""")
                .setParameter(1, venueId).setParameter(2, team).setParameter(3, at).setParameter(4, outcome.code)
                .setParameter(5, "{" + String.join(",", violations) + "}").setParameter(6, violations.size())
                .setParameter(7, "{" + String.join(",", actions) + "}").setParameter(8, json(seized))
                .setParameter(9, officers.size()).setParameter(10, notes).setParameter(11, lon).setParameter(12, lat)
                .setParameter(13, category).setParameter(14, district).setParameter(15, AUTHOR).getSingleResult();
        for (Object[] o : officers) {
            em.createNativeQuery("INSERT INTO inspection_officer (inspection_id, inspector_id, certificate_no) VALUES (?1, ?2, ?3)")
                    .setParameter(1, id.longValue()).setParameter(2, ((Number) o[0]).longValue()).setParameter(3, o[1])
                    .executeUpdate();
        }
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
        return d.atStartOfDay(ZONE).plusMinutes(minute).toOffsetDateTime();
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

    private static String json(Map<String, Integer> m) {
        StringBuilder b = new StringBuilder("{");
        m.forEach((k, v) -> b.append(b.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
        return b.append('}').toString();
    }
}
