package com.patrolplanner.coverage;

import com.patrolplanner.sql.Conn;
import com.patrolplanner.sql.Cursor;
import com.patrolplanner.sql.Db;
import com.patrolplanner.sql.Stmt;
import com.patrolplanner.i18n.Messages;
import com.patrolplanner.compliance.RuleService;
import com.patrolplanner.compliance.SchoolPerimeter;
import com.patrolplanner.time.BureauClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the bureau has not been: active venues not inspected for N days, venues near a school not inspected this school
 * term, zones (of each district's active zone set) under a target coverage, and schools near such a venue — one list
 * ranked by a risk score (0–100) a manager can read: {@link #venueRisk}. "Near a school" is compliance's school
 * perimeter on the as-of date ({@link RuleService#schoolPerimeter}: its distance, school levels and legal basis).
 */
@ApplicationScoped
public class GapService {
    public static final int DEFAULT_DAYS = 90;
    public static final double DEFAULT_TARGET = 0.8;

    public enum Kind {
        /** 超过N天未检查的场所. */
        VENUE_NOT_INSPECTED,
        /** 校园周边（学校周边距离内）本学期未检查的场所. */
        SCHOOL_BUFFER_VENUE,
        /** 低于目标覆盖率的片区. */
        ZONE_UNDER_TARGET,
        /** 周边有未检查场所的学校. */
        SCHOOL_WITH_UNCHECKED_VENUE;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** One gap; {@code entity} is venue, school or zone. */
    public record Gap(int rank, String kind, String entity, String id, String name, String category, String district,
            Double lon, Double lat, OffsetDateTime lastInspectedAt, Long daysSince, int risk, String reason) {
        Gap ranked(int r) {
            return new Gap(r, kind, entity, id, name, category, district, lon, lat, lastInspectedAt, daysSince, risk, reason);
        }
    }

    /** The gaps as of a date; {@code schoolPerimeter} is the rule that defined "near a school" for them. */
    public record Result(LocalDate asOf, int days, SchoolTerm term, double target, SchoolPerimeter schoolPerimeter,
            Map<String, Integer> counts, List<Gap> items) {
    }

    @Inject
    Db db;
    @Inject
    CoverageService coverage;
    @Inject
    RuleService rules;

    public Result gaps(LocalDate asOf, int days, double target, Integer limit) {
        if (days < 1 || days > 3660) {
            throw com.patrolplanner.web.ApiException.badRequest("days", Messages.of("common.mustRange", 1, 3660));
        }
        if (target <= 0 || target > 1) {
            throw com.patrolplanner.web.ApiException.badRequest("target", Messages.of("coverage.target"));
        }
        OffsetDateTime now = asOf.plusDays(1).atStartOfDay(BureauClock.ZONE).toOffsetDateTime();
        SchoolTerm term = SchoolTerm.of(asOf);
        SchoolPerimeter perimeter = rules.schoolPerimeter(asOf);
        List<Gap> items = new ArrayList<>();
        try (Conn c = db.open()) {
            notInspected(c, now, days, perimeter, items);
            nearSchools(c, now, term, perimeter, items);
        }
        CoverageQuery q = new CoverageQuery(now.minusDays(days), now, null);
        for (CoverageService.AreaStats z : coverage.zones(q)) {
            Double cov = z.stats().coverage();
            if (cov != null && cov < target) {
                int risk = (int) Math.round(Math.min(100, 100 * (target - cov) / target));
                items.add(new Gap(0, Kind.ZONE_UNDER_TARGET.code(), "zone", z.id(), z.name(), null, null, null, null, null,
                        null, risk, Messages.of("gap.zoneUnderTarget", Math.round(cov * 100),
                                z.stats().venuesInspected(), z.stats().venues(), Math.round(target * 100), days)));
            }
        }
        items.sort(Comparator.comparingInt(Gap::risk).reversed()
                .thenComparing(g -> g.daysSince() == null ? Long.MAX_VALUE : g.daysSince(), Comparator.reverseOrder())
                .thenComparing(Gap::kind).thenComparing(Gap::id));
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Kind k : Kind.values()) {
            counts.put(k.code(), (int) items.stream().filter(g -> g.kind().equals(k.code())).count());
        }
        int n = limit == null ? items.size() : Math.min(limit, items.size());
        List<Gap> ranked = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ranked.add(items.get(i).ranked(i + 1));
        }
        return new Result(asOf, days, term, target, perimeter, counts, ranked);
    }

    private static final String LAST = """
            LEFT JOIN LATERAL (SELECT max(i.inspected_at) AS last FROM inspection i
                               WHERE i.venue_id = v.id AND i.outcome <> 'not_found' AND i.inspected_at < ?) l ON true
            LEFT JOIN LATERAL (SELECT count(*) AS n FROM inspection i
                               WHERE i.venue_id = v.id AND i.outcome = 'violation' AND i.inspected_at < ?) pv ON true""";

    /** Parameters: the school levels (varchar[]), the distance twice (metres). */
    private static final String NEAR_SCHOOL = """
            s.level = ANY (CAST(? AS varchar[]))
            AND ((s.campus IS NOT NULL AND ST_DWithin(s.campus::geography, v.geom::geography, ?))
              OR (s.campus IS NULL AND ST_DWithin(s.geom::geography, v.geom::geography, ?)))""";

    private static int bindPerimeter(Conn c, Stmt ps, SchoolPerimeter p) {
        ps.setArray(1, "varchar", p.levelArray());
        ps.setDouble(2, p.distanceM());
        ps.setDouble(3, p.distanceM());
        return 4;
    }

    private static String metres(double m) {
        return m == Math.rint(m) ? String.valueOf((long) m) : String.valueOf(m);
    }

    private void notInspected(Conn c, OffsetDateTime now, int days, SchoolPerimeter perimeter, List<Gap> out) {
        String sql = """
                SELECT v.id, v.name, v.category, v.district_code, ST_X(v.geom), ST_Y(v.geom), l.last, v.complaint_count, pv.n,
                       v.geom IS NOT NULL AND EXISTS (SELECT 1 FROM school s WHERE %s) AS near_school
                FROM venue v %s
                WHERE v.status = ANY(%s) AND (l.last IS NULL OR l.last < ?) AND %s""".formatted(NEAR_SCHOOL, LAST,
                CoverageSql.ACTIVE, coverage.venueScope());
        try (Stmt ps = c.customPlan().prepare(sql)) {
            int i = bindPerimeter(c, ps, perimeter);
            ps.setInstant(i, CoverageService.instant(now));
            ps.setInstant(i + 1, CoverageService.instant(now));
            ps.setInstant(i + 2, CoverageService.instant(now.minusDays(days)));
            try (Cursor rs = ps.executeQuery()) {
                while (rs.next()) {
                    OffsetDateTime last = odt(rs.getInstant(7));
                    Long since = last == null ? null : daysBetween(last, now);
                    int risk = venueRisk(rs.getString(3), since, rs.getBoolean(10), rs.getInt(8), rs.getInt(9));
                    out.add(new Gap(0, Kind.VENUE_NOT_INSPECTED.code(), "venue", rs.getString(1), rs.getString(2),
                            rs.getString(3), rs.getString(4), num(rs, 5), num(rs, 6), last, since, risk,
                            last == null ? Messages.of("gap.neverInspected") : Messages.of("gap.daysSince", since,
                                    days)));
                }
            }
        }
    }

    private void nearSchools(Conn c, OffsetDateTime now, SchoolTerm term, SchoolPerimeter perimeter, List<Gap> out) {
        String sql = """
                SELECT v.id, v.name, v.category, v.district_code, ST_X(v.geom), ST_Y(v.geom), l.last, v.complaint_count, pv.n,
                       s.id, s.name, s.level, s.district_code, ST_X(s.geom), ST_Y(s.geom)
                FROM venue v JOIN school s ON v.geom IS NOT NULL AND %s %s
                WHERE v.status = ANY(%s) AND (l.last IS NULL OR l.last < ?) AND %s AND %s
                ORDER BY v.id, s.id""".formatted(NEAR_SCHOOL, LAST, CoverageSql.ACTIVE, coverage.venueScope(),
                coverage.venueScope().replace("v.unit_id", "s.unit_id"));
        OffsetDateTime termStart = term.start().atStartOfDay(BureauClock.ZONE).toOffsetDateTime();
        Map<String, Gap> venues = new LinkedHashMap<>();
        Map<String, List<String>> schoolsOfVenue = new LinkedHashMap<>();
        Map<String, School> schools = new LinkedHashMap<>();
        Map<String, List<String>> venuesOfSchool = new LinkedHashMap<>();
        try (Stmt ps = c.customPlan().prepare(sql)) {
            int i = bindPerimeter(c, ps, perimeter);
            ps.setInstant(i, CoverageService.instant(now));
            ps.setInstant(i + 1, CoverageService.instant(now));
            ps.setInstant(i + 2, CoverageService.instant(termStart));
            try (Cursor rs = ps.executeQuery()) {
                while (rs.next()) {
                    String vid = rs.getString(1);
                    OffsetDateTime last = odt(rs.getInstant(7));
                    Long since = last == null ? null : daysBetween(last, now);
                    venues.computeIfAbsent(vid, k -> new Gap(0, Kind.SCHOOL_BUFFER_VENUE.code(), "venue", vid, rs.getString(2),
                            rs.getString(3), rs.getString(4), num(rs, 5), num(rs, 6), last, since,
                            venueRisk(rs.getString(3), since, true, rs.getInt(8), rs.getInt(9)), null));
                    schoolsOfVenue.computeIfAbsent(vid, k -> new ArrayList<>()).add(rs.getString(11));
                    String sid = rs.getString(10);
                    schools.putIfAbsent(sid, new School(rs.getString(11), rs.getString(12), rs.getString(13), num(rs, 14),
                            num(rs, 15)));
                    venuesOfSchool.computeIfAbsent(sid, k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
        }
        String within = metres(perimeter.distanceM());
        for (Gap g : venues.values()) {
            out.add(new Gap(0, g.kind(), g.entity(), g.id(), g.name(), g.category(), g.district(), g.lon(), g.lat(),
                    g.lastInspectedAt(), g.daysSince(), g.risk(), Messages.of("gap.nearSchool", String.join(Messages.of("common.listSeparator"),
                            schoolsOfVenue.get(g.id())), within,
                            term.name(), term.start())));
        }
        for (Map.Entry<String, School> e : schools.entrySet()) {
            School s = e.getValue();
            List<String> vs = venuesOfSchool.get(e.getKey());
            out.add(new Gap(0, Kind.SCHOOL_WITH_UNCHECKED_VENUE.code(), "school", e.getKey(), s.name(), s.level(),
                    s.district(), s.lon(), s.lat(), null, null, Math.min(100, 40 + 15 * vs.size()),
                    Messages.of("gap.schoolVenues", within, vs.size(), term.name(), String.join(Messages.of("common.listSeparator"), vs))));
        }
    }

    private record School(String name, String level, String district, Double lon, Double lat) {
    }

    /**
     * Risk of an unchecked venue, 0–100: category (internet café, song-and-dance 25; arcade 20; publications 15; other
     * 10) + staleness (never inspected 30, else 30 × days/365, at most 30) + near a school 20 + complaints
     * (2 each, at most 10) + earlier violations (5 each, at most 15).
     */
    public static int venueRisk(String category, Long daysSince, boolean nearSchool, int complaints, int priorViolations) {
        double r = switch (category == null ? "" : category) {
            case "internet_cafe", "song_dance" -> 25;
            case "game_arcade" -> 20;
            case "publication" -> 15;
            default -> 10;
        };
        r += daysSince == null ? 30 : Math.min(30, 30.0 * daysSince / 365);
        r += nearSchool ? 20 : 0;
        r += Math.min(10, 2 * complaints);
        r += Math.min(15, 5 * priorViolations);
        return (int) Math.round(Math.min(100, r));
    }

    private static OffsetDateTime odt(java.time.Instant t) {
        return t == null ? null : t.atOffset(ZoneOffset.ofHours(8));
    }

    private static long daysBetween(OffsetDateTime a, OffsetDateTime b) {
        return Math.max(0, (b.toInstant().toEpochMilli() - a.toInstant().toEpochMilli()) / 86_400_000L);
    }

    private static Double num(Cursor rs, int col) {
        double v = rs.getDouble(col);
        return rs.wasNull() ? null : CoverageService.round6(v);
    }
}
