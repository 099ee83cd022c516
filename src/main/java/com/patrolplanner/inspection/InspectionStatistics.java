package com.patrolplanner.inspection;

import com.patrolplanner.sql.Conn;
import com.patrolplanner.sql.Cursor;
import com.patrolplanner.sql.Stmt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The enforcement figures of a period, as half-year summaries count them. Every visit dispatches officers (人次 =
 * officers per inspection, summed, not_found visits included); venues checked (家次) are visits whose venue was found;
 * violations handled (查处) are distinct venues found violating; cases filed (立案), venues closed (取缔), warnings and
 * rectification orders count inspections with that action; items seized are summed by kind. The district is the one the
 * venue lay in when the inspection was recorded.
 */
@ApplicationScoped
public class InspectionStatistics {
    /** Lag-tolerant reads: the replica when one is configured (README, Cluster), else the primary. */
    @Inject
    com.patrolplanner.sql.Db db;

    public record Figures(long inspections, long officerVisits, long distinctOfficers, long venuesChecked,
            long distinctVenuesChecked, Map<String, Long> checkedByCategory, long violationInspections,
            long violatingVenues, long violationItems, long warnings, long rectificationOrders, long casesFiled,
            long closed, Map<String, Long> seized) {
    }

    private static final String WHERE = " WHERE i.inspected_at >= ? AND i.inspected_at < ? AND (?::text IS NULL OR i.district_code = ?) ";

    public Figures figures(OffsetDateTime from, OffsetDateTime to, String districtCode) {
        return figures(from, to, districtCode, "TRUE");
    }

    /**
     * The figures of inspections of venues that {@code venueScope} (a predicate on {@code v.unit_id}, registry's
     * {@code Scope.sql}) admits: the jurisdiction of a unit's report (属地管理, the venue's unit as registered now).
     */
    public Figures figures(OffsetDateTime from, OffsetDateTime to, String districtCode, String venueScope) {
        String WHERE = "TRUE".equals(venueScope) ? InspectionStatistics.WHERE : InspectionStatistics.WHERE
                + " AND EXISTS (SELECT 1 FROM venue v WHERE v.id = i.venue_id AND " + venueScope + ") ";
        try (Conn c = db.openLagTolerant()) {
            long[] t = new long[12];
            try (Stmt ps = c.customPlan().prepare("""
                    SELECT count(*), coalesce(sum(i.officer_count), 0),
                           count(*) FILTER (WHERE i.outcome <> 'not_found'),
                           count(DISTINCT i.venue_id) FILTER (WHERE i.outcome <> 'not_found'),
                           count(*) FILTER (WHERE i.outcome = 'violation'),
                           count(DISTINCT i.venue_id) FILTER (WHERE i.outcome = 'violation'),
                           coalesce(sum(i.violation_count), 0),
                           count(*) FILTER (WHERE 'warning' = ANY(i.actions)),
                           count(*) FILTER (WHERE 'rectification_order' = ANY(i.actions)),
                           count(*) FILTER (WHERE 'case_filed' = ANY(i.actions)),
                           count(*) FILTER (WHERE 'closed' = ANY(i.actions)),
                           (SELECT count(DISTINCT o.inspector_id) FROM inspection_officer o JOIN inspection i ON i.id = o.inspection_id
                            """ + WHERE + ")\n FROM inspection i" + WHERE)) {
                bind(ps, 1, from, to, districtCode);
                bind(ps, 5, from, to, districtCode);
                try (Cursor rs = ps.executeQuery()) {
                    rs.next();
                    for (int k = 0; k < 12; k++) {
                        t[k] = rs.getLong(k + 1);
                    }
                }
            }
            Map<String, Long> byCategory = new LinkedHashMap<>();
            try (Stmt ps = c.customPlan().prepare("SELECT i.category, count(*) FROM inspection i" + WHERE
                    + " AND i.outcome <> 'not_found' GROUP BY 1 ORDER BY 2 DESC, 1")) {
                bind(ps, 1, from, to, districtCode);
                try (Cursor rs = ps.executeQuery()) {
                    while (rs.next()) {
                        byCategory.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
            Map<String, Long> seized = new LinkedHashMap<>();
            try (Stmt ps = c.customPlan().prepare("SELECT e.key, sum(e.value::bigint) FROM inspection i, "
                    + "jsonb_each_text(i.seized) e" + WHERE + " GROUP BY 1 ORDER BY 2 DESC, 1")) {
                bind(ps, 1, from, to, districtCode);
                try (Cursor rs = ps.executeQuery()) {
                    while (rs.next()) {
                        seized.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
            return new Figures(t[0], t[1], t[11], t[2], t[3], byCategory, t[4], t[5], t[6], t[7], t[8], t[9], t[10], seized);
        }
    }

    private static void bind(Stmt ps, int at, OffsetDateTime from, OffsetDateTime to, String district) {
        ps.setInstant(at, from.toInstant());
        ps.setInstant(at + 1, to.toInstant());
        ps.setString(at + 2, district);
        ps.setString(at + 3, district);
    }
}
