package com.patrolplanner.registry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * What a register write left behind, read by SQL: its change_history rows ("action:field,field" in order, the fields
 * those the row's {@code changes} names) and its audit_log rows ("action by actor").
 */
public final class HistorySql {
    private HistorySql() {
    }

    /** "action:changed,fields" per change_history row of the entity, oldest first. */
    public static List<String> history(DataSource db, String type, long id) throws Exception {
        return strings(db, """
                SELECT action || ':' || coalesce((SELECT string_agg(k, ',' ORDER BY k) FROM jsonb_object_keys(changes) k), '')
                FROM change_history WHERE entity_type = ? AND entity_id = ? ORDER BY id""", type, id);
    }

    /** The new (or, for a deletion, old) value of one field in the entity's last change_history row, as text. */
    public static String lastValue(DataSource db, String type, long id, String field, String side) throws Exception {
        List<String> r = strings(db, "SELECT changes -> ? ->> ? FROM change_history WHERE entity_type = ? AND entity_id = ? "
                + "ORDER BY id DESC LIMIT 1", field, side, type, id);
        return r.isEmpty() ? null : r.get(0);
    }

    /** "action by actor" per audit_log record of the entity, in chain order. */
    public static List<String> audit(DataSource db, String type, long id) throws Exception {
        return strings(db, "SELECT action || ' by ' || actor FROM audit_log WHERE entity_type = ? AND entity_id = ? ORDER BY seq",
                type, Long.toString(id));
    }

    public static long id(DataSource db, String sql, Object... args) throws Exception {
        return Long.parseLong(strings(db, sql, args).get(0));
    }

    static List<String> strings(DataSource db, String sql, Object... args) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }
}
