package com.patrolplanner.zoning;

import com.patrolplanner.sql.Conn;
import com.patrolplanner.sql.Cursor;
import com.patrolplanner.sql.Db;
import com.patrolplanner.sql.Stmt;
import com.patrolplanner.i18n.Messages;
import com.patrolplanner.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Statistics of a zone: venues by category with their workload ({@link Workload}), schools, and open violations (venues
 * with at least one verdict in force today, read from compliance's published view {@code open_violation}).
 */
@ApplicationScoped
public class ZoneStats {
    @Inject
    Db db;

    /**
     * The figures of one zone. {@code workloadMin}: minutes, one decimal; {@code schools}: schools whose point (or a
     * point on the campus) the zone covers; {@code openViolations}: venues of the zone with a verdict in force today.
     */
    public record Figures(long zoneId, String name, Long teamId, Map<String, Integer> venuesByCategory, int venues,
            double workloadMin, long schools, long openViolations) {
    }

    public Figures zone(long id) {
        try (Conn c = db.open()) {
            if (c.value("SELECT id FROM zone WHERE id = ?", id) == null) {
                throw ApiException.notFound(Messages.of("zone.zone", id));
            }
            return stats(c, id);
        }
    }

    public List<Figures> set(long setId) {
        try (Conn c = db.open()) {
            if (c.value("SELECT id FROM zone_set WHERE id = ?", setId) == null) {
                throw ApiException.notFound(Messages.of("zone.set", setId));
            }
            List<Long> ids = new ArrayList<>();
            try (Stmt ps = c.prepare("SELECT id FROM zone WHERE zone_set_id = ? ORDER BY id")) {
                ps.setLong(1, setId);
                try (Cursor rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
            List<Figures> out = new ArrayList<>(ids.size());
            for (long id : ids) {
                out.add(stats(c, id));
            }
            return out;
        }
    }

    private Figures stats(Conn c, long id) {
        String name = c.value("SELECT name FROM zone WHERE id = ?", id);
        Long team = c.value("SELECT team_id FROM zone WHERE id = ?", id);
        Map<String, Integer> byCat = new LinkedHashMap<>();
        int venues = 0;
        double workload = 0;
        try (Stmt ps = c.prepare("SELECT v.category, count(*), sum(" + Workload.SQL + ")"
                + " FROM zone z JOIN venue v ON v.geom && z.geom AND ST_Covers(z.geom, v.geom) WHERE z.id = ?"
                + " GROUP BY v.category ORDER BY v.category")) {
            ps.setLong(1, id);
            try (Cursor rs = ps.executeQuery()) {
                while (rs.next()) {
                    byCat.put(rs.getString(1), rs.getInt(2));
                    venues += rs.getInt(2);
                    workload += rs.getDouble(3);
                }
            }
        }
        Long schools = c.value("""
                SELECT count(*) FROM zone z JOIN school s
                  ON ST_Covers(z.geom, coalesce(s.geom, ST_PointOnSurface(s.campus))) WHERE z.id = ?""", id);
        Long open = c.value("""
                SELECT count(DISTINCT v.id) FROM zone z
                JOIN venue v ON v.geom && z.geom AND ST_Covers(z.geom, v.geom)
                WHERE z.id = ? AND EXISTS (SELECT 1 FROM open_violation ov WHERE ov.venue_id = v.id)""", id);
        return new Figures(id, name, team, byCat, venues, Math.round(workload * 10) / 10.0, schools == null ? 0 : schools,
                open == null ? 0 : open);
    }
}
