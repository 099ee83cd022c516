package com.patrolplanner.zoning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Small JSON helpers of the zoning capability (its SQL goes through {@link com.patrolplanner.sql.Db}). */
final class ZoneJson {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private ZoneJson() {
    }


    static final int MAX_NAME = 200;

    static String text(JsonNode n, String field) {
        if (n == null || !n.hasNonNull(field)) {
            return null;
        }
        return text(n.get(field).asText(), field);
    }

    /** A text field as sent ({@code asText()} of the JSON value), trimmed; null when blank; a name at most 200 long. */
    static String text(String raw, String field) {
        if (raw == null) {
            return null;
        }
        String s = raw.trim();
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
