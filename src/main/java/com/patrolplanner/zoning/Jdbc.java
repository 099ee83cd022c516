package com.patrolplanner.zoning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Small JDBC and JSON helpers of the zoning capability (its SQL runs on the request's enlisted connection). */
final class Jdbc {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Jdbc() {
    }


    @SuppressWarnings("unchecked")
    static <T> T one(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? (T) rs.getObject(1) : null;
            }
        }
    }

    static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        }
    }

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof byte[] b) {
                ps.setBytes(i + 1, b);
            } else {
                ps.setObject(i + 1, args[i]);
            }
        }
    }

    static long longResult(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static final int MAX_NAME = 200;

    static String text(JsonNode n, String field) {
        if (n == null || !n.hasNonNull(field)) {
            return null;
        }
        String s = n.get(field).asText().trim();
        if (field.equals("name") && s.length() > MAX_NAME) {
            // zone and zone-set names are varchar(200): longer ones failed in SQL as a 500
            throw com.patrolplanner.web.ApiException.invalid(field, com.patrolplanner.i18n.Messages.of("import.tooLong", MAX_NAME));
        }
        return s.isEmpty() ? null : s;
    }

    static JsonNode json(String s) {
        try {
            return s == null ? null : MAPPER.readTree(s);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static RuntimeException sqlFailure(Exception e) {
        return new IllegalStateException("zone storage failed: " + e.getMessage(), e);
    }
}
