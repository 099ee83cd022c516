package com.patrolplanner.zoning;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.patrolplanner.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Statistics of a zone: venues by category with their workload ({@link Workload}), schools, and open violations.
 * Violations come from the compliance capability's table {@code pp.venue_verdict} when that table exists at run time
 * (read only, its columns discovered); without it they are null — zoning does not depend on compliance code.
 */
@ApplicationScoped
public class ZoneStats {
    @Inject
    DataSource dataSource;

    public ObjectNode zone(long id) {
        try (Connection c = dataSource.getConnection()) {
            if (Jdbc.one(c, "SELECT id FROM zone WHERE id = ?", id) == null) {
                throw ApiException.notFound("zone " + id);
            }
            return stats(c, id, violationCondition(c));
        } catch (SQLException e) {
            throw Jdbc.sqlFailure(e);
        }
    }

    public ArrayNode set(long setId) {
        try (Connection c = dataSource.getConnection()) {
            if (Jdbc.one(c, "SELECT id FROM zone_set WHERE id = ?", setId) == null) {
                throw ApiException.notFound("zone set " + setId);
            }
            String cond = violationCondition(c);
            ArrayNode out = ZoneService.MAPPER.createArrayNode();
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM zone WHERE zone_set_id = ? ORDER BY id")) {
                ps.setLong(1, setId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(stats(c, rs.getLong(1), cond));
                    }
                }
            }
            return out;
        } catch (SQLException e) {
            throw Jdbc.sqlFailure(e);
        }
    }

    private ObjectNode stats(Connection c, long id, String violation) throws SQLException {
        ObjectNode o = ZoneService.MAPPER.createObjectNode();
        o.put("zoneId", id);
        o.put("name", (String) Jdbc.one(c, "SELECT name FROM zone WHERE id = ?", id));
        Long team = Jdbc.one(c, "SELECT team_id FROM zone WHERE id = ?", id);
        if (team == null) {
            o.putNull("teamId");
        } else {
            o.put("teamId", team);
        }
        ObjectNode byCat = o.putObject("venuesByCategory");
        int venues = 0;
        double workload = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT v.category, count(*), sum(" + Workload.SQL + ")"
                + " FROM zone z JOIN venue v ON v.geom && z.geom AND ST_Covers(z.geom, v.geom) WHERE z.id = ?"
                + " GROUP BY v.category ORDER BY v.category")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byCat.put(rs.getString(1), rs.getInt(2));
                    venues += rs.getInt(2);
                    workload += rs.getDouble(3);
                }
            }
        }
        o.put("venues", venues);
        o.put("workloadMin", Math.round(workload * 10) / 10.0);
        Long schools = Jdbc.one(c, """
                SELECT count(*) FROM zone z JOIN school s
                  ON ST_Covers(z.geom, coalesce(s.geom, ST_PointOnSurface(s.campus))) WHERE z.id = ?""", id);
        o.put("schools", schools == null ? 0 : schools);
        if (violation == null) {
            o.putNull("openViolations");
        } else {
            Long n = Jdbc.one(c, "SELECT count(DISTINCT vv.venue_id) FROM zone z JOIN venue v ON v.geom && z.geom"
                    + " AND ST_Covers(z.geom, v.geom) JOIN pp.venue_verdict vv ON vv.venue_id = v.id WHERE z.id = ? AND ("
                    + violation + ")", id);
            o.put("openViolations", n == null ? 0 : n);
        }
        return o;
    }

    /**
     * The SQL condition that marks an open violation in pp.venue_verdict, from the columns it has; null when the table
     * is missing or has no column we can read as a violation.
     */
    static String violationCondition(Connection c) throws SQLException {
        if (Jdbc.one(c, "SELECT to_regclass('pp.venue_verdict')::text") == null) {
            return null;
        }
        Map<String, String> cols = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT column_name, data_type FROM information_schema.columns
                 WHERE table_schema = 'pp' AND table_name = 'venue_verdict'""");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                cols.put(rs.getString(1), rs.getString(2));
            }
        }
        if (!cols.containsKey("venue_id")) {
            return null;
        }
        String cond;
        if ("boolean".equals(cols.get("violating"))) {
            cond = "vv.violating";
        } else if ("boolean".equals(cols.get("violation"))) {
            cond = "vv.violation";
        } else if ("boolean".equals(cols.get("compliant"))) {
            cond = "NOT vv.compliant";
        } else if (cols.containsKey("verdict")) {
            cond = "vv.verdict::text IN ('violation', 'violating', 'VIOLATION', 'VIOLATING')";
        } else if (cols.containsKey("status")) {
            cond = "vv.status::text IN ('violation', 'violating', 'open', 'VIOLATION', 'VIOLATING', 'OPEN')";
        } else if (cols.containsKey("rule_id") && cols.containsKey("distance_m")) {
            // compliance stores one row per (venue, school, rule) within the rule's distance: each is a violation while
            // the rule is in force today
            cond = "EXISTS (SELECT 1 FROM compliance_rule cr WHERE cr.id = vv.rule_id AND cr.distance_m IS NOT NULL "
                    + "AND (cr.effective_from IS NULL OR cr.effective_from <= current_date) "
                    + "AND (cr.effective_to IS NULL OR cr.effective_to > current_date))";
        } else {
            return null;
        }
        if ("boolean".equals(cols.get("resolved"))) {
            cond += " AND NOT vv.resolved";
        }
        if (cols.containsKey("resolved_at")) {
            cond += " AND vv.resolved_at IS NULL";
        }
        return cond;
    }
}
