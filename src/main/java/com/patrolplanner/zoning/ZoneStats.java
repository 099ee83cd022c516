package com.patrolplanner.zoning;

import com.patrolplanner.i18n.Messages;
import com.patrolplanner.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Statistics of a zone: venues by category with their workload ({@link Workload}), schools, and open violations (venues
 * with at least one verdict in force today, read from compliance's published view {@code open_violation}).
 */
@ApplicationScoped
public class ZoneStats {
    @Inject
    DataSource dataSource;

    /**
     * The figures of one zone. {@code workloadMin}: minutes, one decimal; {@code schools}: schools whose point (or a
     * point on the campus) the zone covers; {@code openViolations}: venues of the zone with a verdict in force today.
     */
    public record Figures(long zoneId, String name, Long teamId, Map<String, Integer> venuesByCategory, int venues,
            double workloadMin, long schools, long openViolations) {
    }

    public Figures zone(long id) {
        try (Connection c = dataSource.getConnection()) {
            if (Jdbc.one(c, "SELECT id FROM zone WHERE id = ?", id) == null) {
                throw ApiException.notFound(Messages.of("zone.zone", id));
            }
            return stats(c, id);
        } catch (SQLException e) {
            throw Jdbc.sqlFailure(e);
        }
    }

    public List<Figures> set(long setId) {
        try (Connection c = dataSource.getConnection()) {
            if (Jdbc.one(c, "SELECT id FROM zone_set WHERE id = ?", setId) == null) {
                throw ApiException.notFound(Messages.of("zone.set", setId));
            }
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM zone WHERE zone_set_id = ? ORDER BY id")) {
                ps.setLong(1, setId);
                try (ResultSet rs = ps.executeQuery()) {
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
        } catch (SQLException e) {
            throw Jdbc.sqlFailure(e);
        }
    }

    private Figures stats(Connection c, long id) throws SQLException {
        String name = Jdbc.one(c, "SELECT name FROM zone WHERE id = ?", id);
        Long team = Jdbc.one(c, "SELECT team_id FROM zone WHERE id = ?", id);
        Map<String, Integer> byCat = new LinkedHashMap<>();
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
        Long schools = Jdbc.one(c, """
                SELECT count(*) FROM zone z JOIN school s
                  ON ST_Covers(z.geom, coalesce(s.geom, ST_PointOnSurface(s.campus))) WHERE z.id = ?""", id);
        Long open = Jdbc.one(c, """
                SELECT count(DISTINCT v.id) FROM zone z
                JOIN venue v ON v.geom && z.geom AND ST_Covers(z.geom, v.geom)
                WHERE z.id = ? AND EXISTS (SELECT 1 FROM open_violation ov WHERE ov.venue_id = v.id)""", id);
        return new Figures(id, name, team, byCat, venues, Math.round(workload * 10) / 10.0, schools == null ? 0 : schools,
                open == null ? 0 : open);
    }
}
