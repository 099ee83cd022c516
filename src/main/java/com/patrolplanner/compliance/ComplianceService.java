package com.patrolplanner.compliance;

import com.patrolplanner.sql.Conn;
import com.patrolplanner.sql.Cursor;
import com.patrolplanner.sql.Db;
import com.patrolplanner.sql.RowMapper;
import com.patrolplanner.sql.Stmt;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.patrolplanner.geo.GeoJson;
import com.patrolplanner.registry.Jurisdiction;
import com.patrolplanner.registry.RegistryService;
import com.patrolplanner.registry.Scope;
import com.patrolplanner.time.BureauClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The read side of compliance: the violations scan (streamed), the site check for a prospective licence, and the
 * display buffers. All distances come from {@link ComplianceSql}; none from a drawn buffer.
 */
@ApplicationScoped
public class ComplianceService {
    /** Rows per round trip of a streamed scan. */
    public static final int FETCH = 2000;

    @Inject
    Db db;
    @Inject
    RegistryService registry;
    @Inject
    Jurisdiction jurisdiction;

    /** A statement as text and positional parameters (dates as {@link LocalDate}). */
    public record Statement(String sql, List<Object> params) {
    }

    /** The SQL of the violations scan the endpoint streams as GeoJSON (the benchmark prints its EXPLAIN). */
    public Statement violationsStatement(ViolationQuery q) {
        Sql sql = violationsSql(q, false);
        return new Statement(sql.text(), List.copyOf(sql.params()));
    }

    /**
     * The raw PostGIS join (columns venue id, school id, rule id, distance) that the benchmark times the violations scan
     * against; kept here because it reads compliance's own rule table.
     */
    public Statement plainJoinStatement() {
        return new Statement(ComplianceSql.PLAIN_JOIN.text(), List.of());
    }

    Sql violationsSql(ViolationQuery q, boolean ordered) {
        LocalDate date = q.date() == null ? BureauClock.today() : q.date();
        Sql candidates;
        if (q.live()) {
            Sql rules = q.ruleCode() == null ? ComplianceSql.NONE : Sql.of(" AND r.code = ?", q.ruleCode());
            Sql venues = venueFilter(q, "");
            candidates = ComplianceSql.candidates(ComplianceSql.venuesWhere(venues.text(), venues.params().toArray()),
                    rules, ComplianceSql.NONE);
        } else {
            candidates = ComplianceSql.storedCandidates(venueFilter(q, "v."));
        }
        Sql filter = q.ruleCode() == null ? ComplianceSql.NONE : Sql.of(" AND x.rule_code = ?", q.ruleCode());
        return ComplianceSql.violations(ComplianceSql.resolved(candidates, date), filter, ordered);
    }

    /** The one place the violations scan is scoped: the caller's units on {@code venue.unit_id} (属地管理), then the query's filters. */
    private Sql venueFilter(ViolationQuery q, String alias) {
        StringBuilder w = new StringBuilder();
        List<Object> ps = new ArrayList<>();
        Scope scope = jurisdiction.scope();
        if (!scope.all()) {
            w.append(" AND ").append(scope.sql(alias + "unit_id"));
        }
        if (q.category() != null) {
            w.append(" AND ").append(alias).append("category = ?");
            ps.add(q.category());
        }
        if (q.district() != null) {
            w.append(" AND starts_with(coalesce(").append(alias).append("district_code, ''), ?)");
            ps.add(ComplianceRule.prefixOf(q.district()));
        }
        return new Sql(w.toString(), ps);
    }

    /**
     * Streams every violation matching {@code q} to {@code out} in {@code format}, row by row from a server-side cursor
     * (the endpoint and the benchmark both call this). Returns the number of violations written.
     */
    public long writeViolations(ViolationQuery q, ViolationWriter.Format format, OutputStream out) {
        Sql sql = violationsSql(q, format != ViolationWriter.Format.GEOJSON);
        try (Conn c = db.open()) {
            c.setAutoCommit(false); // PgJDBC streams with a fetch size only inside a transaction
            c.setReadOnly(true);
            long n = 0;
            try (Stmt st = sql.prepare(c); ViolationWriter w = ViolationWriter.open(format, out)) {
                st.setFetchSize(FETCH);
                try (Cursor rs = st.executeQuery()) {
                    while (rs.next()) {
                        w.write(Violation.of(rs));
                        n++;
                    }
                }
            } finally {
                c.rollback();
                c.setReadOnly(false);
                c.setAutoCommit(true);
            }
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@link #writeViolations} as GeoJSON: what the endpoint sends by default. */
    public long writeViolationsGeoJson(ViolationQuery q, OutputStream out) {
        return writeViolations(q, ViolationWriter.Format.GEOJSON, out);
    }

    /** The violations as a list, for tests and small areas. */
    public List<Violation> violations(ViolationQuery q) {
        return query(violationsSql(q, true), Violation::of);
    }

    // ---------------------------------------------------------------- site check

    public record SchoolDistance(long id, String name, String level, double distanceM, boolean approximate) {
    }

    public record SiteViolation(long schoolId, String schoolName, String schoolLevel, double distanceM,
            boolean approximate, String rule, double ruleDistanceM, String legalBasis) {
    }

    public record AppliedRule(String code, Double distanceM, List<String> schoolLevels, String jurisdiction,
            String legalBasis, String interpretation, String note) {
    }

    /**
     * 选址核查: may a venue of {@code category} be licensed at this WGS-84 point? {@code allowed} is false when any rule in
     * force there puts a school within its distance. {@code notes} are the documented rules without a distance that
     * cover school levels no measurable rule covers here (they call for a check by hand).
     */
    public record SiteCheck(boolean allowed, double lon, double lat, String category, String districtCode, LocalDate date,
            List<SiteViolation> violations, List<AppliedRule> rulesApplied, List<AppliedRule> notes,
            List<SchoolDistance> nearestSchools) {
    }

    public SiteCheck siteCheck(double lon, double lat, String category, LocalDate date, int nearest) {
        LocalDate d = date == null ? BureauClock.today() : date;
        String district = registry.districtOf(GeoJson.point(lon, lat));
        Sql candidates = ComplianceSql.candidates(ComplianceSql.hypotheticalVenue(category, lon, lat, district),
                ComplianceSql.NONE, ComplianceSql.NONE);
        Sql sql = Sql.compose("""
                SELECT x.school_id, s.name, s.level, round(x.distance_m::numeric, 1) AS distance_m, x.approximate,
                       x.rule_code, x.rule_distance_m, x.legal_basis
                FROM ({}) x JOIN school s ON s.id = x.school_id ORDER BY x.distance_m, x.rule_code""",
                ComplianceSql.resolved(candidates, d));
        List<SiteViolation> violations = query(sql, rs -> new SiteViolation(rs.getLong(1), rs.getString(2),
                rs.getString(3), rs.getBigDecimal(4).doubleValue(), rs.getBoolean(5), rs.getString(6), rs.getDouble(7),
                rs.getString(8)));
        List<SchoolDistance> near = query(ComplianceSql.nearestSchools(lon, lat, nearest), rs -> new SchoolDistance(
                rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(5).doubleValue(), rs.getBoolean(4)));
        List<AppliedRule> applied = new ArrayList<>();
        List<AppliedRule> notes = new ArrayList<>();
        resolveRules(ComplianceRule.list("venueCategory", category), category, district, d, applied, notes);
        return new SiteCheck(violations.isEmpty(), lon, lat, category, district, d, violations, applied, notes, near);
    }

    /**
     * The rules in force for a venue of {@code category} in {@code district} on {@code date}, per school level the most
     * specific measurable rule (the same resolution as {@link ComplianceSql#resolved}), and the notes for levels that
     * no measurable rule covers.
     */
    static void resolveRules(List<ComplianceRule> rules, String category, String district, LocalDate date,
            List<AppliedRule> applied, List<AppliedRule> notes) {
        List<ComplianceRule> inForce = rules.stream().filter(r -> r.venueCategory.equals(category) && r.effectiveOn(date)
                && r.appliesIn(district)).toList();
        Set<String> covered = new LinkedHashSet<>();
        for (ComplianceRule r : inForce) {
            if (!r.measurable()) {
                continue;
            }
            List<String> levels = new ArrayList<>();
            for (String level : r.schoolLevels) {
                boolean overridden = inForce.stream().anyMatch(o -> o.measurable()
                        && Arrays.asList(o.schoolLevels).contains(level)
                        && o.jurisdictionPrefix().length() > r.jurisdictionPrefix().length());
                if (!overridden) {
                    levels.add(level);
                }
            }
            if (!levels.isEmpty()) {
                covered.addAll(levels);
                applied.add(view(r, levels));
            }
        }
        for (ComplianceRule r : inForce) {
            if (!r.measurable()) {
                List<String> levels = Arrays.stream(r.schoolLevels).filter(l -> !covered.contains(l)).toList();
                if (!levels.isEmpty()) {
                    notes.add(view(r, levels));
                }
            }
        }
    }

    static AppliedRule view(ComplianceRule r, List<String> levels) {
        return new AppliedRule(r.code, r.distanceM, levels, r.jurisdiction, r.legalBasis, r.interpretation, r.note);
    }

    // ---------------------------------------------------------------- buffers

    public static final int MAX_BUFFERS = 5000;

    /** GeoJSON FeatureCollection of the school buffers of rules in force, for display; null when more than the limit. */
    public String buffers(double[] bbox, String ruleCode, LocalDate date) {
        LocalDate d = date == null ? BureauClock.today() : date;
        List<String> features = query(ComplianceSql.buffers(bbox, ruleCode, d, MAX_BUFFERS + 1, jurisdiction.scope().sql("s.unit_id")), rs -> {
            return "{\"type\":\"Feature\",\"geometry\":" + rs.getString("geojson") + ",\"properties\":{"
                    + "\"schoolId\":" + rs.getLong("id") + ",\"schoolName\":" + json(rs.getString("name"))
                    + ",\"schoolLevel\":" + json(rs.getString("level")) + ",\"rule\":" + json(rs.getString("code"))
                    + ",\"distanceM\":" + rs.getDouble("distance_m") + ",\"approximate\":" + rs.getBoolean("approximate")
                    + ",\"legalBasis\":" + json(rs.getString("legal_basis")) + "}}";
        });
        if (features.size() > MAX_BUFFERS) {
            return null;
        }
        return "{\"type\":\"FeatureCollection\",\"numberReturned\":" + features.size() + ",\"features\":["
                + String.join(",", features) + "]}";
    }

    private static String json(String s) {
        return s == null ? "null" : "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
    }

    // ---------------------------------------------------------------- JDBC

    <T> List<T> query(Sql sql, RowMapper<T> mapper) {
        try (Conn c = db.open(); Stmt st = sql.prepare(c); Cursor rs = st.executeQuery()) {
            List<T> out = new ArrayList<>();
            while (rs.next()) {
                out.add(mapper.map(rs));
            }
            return out;
        }
    }
}
