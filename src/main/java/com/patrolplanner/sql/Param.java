package com.patrolplanner.sql;

import java.time.LocalDate;

/**
 * A statement parameter that needs a particular JDBC binding. Plain values bind with {@code setObject} (a
 * {@code byte[]} with {@code setBytes}, an {@link java.time.Instant} as a {@code timestamp}); these say more.
 */
public record Param(Kind kind, Object value) {
    enum Kind {
        /** {@code setString}: a text parameter typed {@code varchar} even when null. */
        TEXT,
        /** {@code setDate(java.sql.Date)}: the driver sends a date of unspecified type (the server infers it). */
        DATE,
        /** {@code setArray}: a SQL array of {@code value = Object[]{typeName, elements}}. */
        ARRAY,
        /** {@code setNull} of a BIGINT. */
        NULL_BIGINT,
        /** {@code setNull} of a DOUBLE. */
        NULL_DOUBLE
    }

    public static Param text(String s) {
        return new Param(Kind.TEXT, s);
    }

    public static Param date(LocalDate d) {
        return new Param(Kind.DATE, d);
    }

    /** A SQL array of {@code elementType} (e.g. {@code varchar}, {@code bigint}). */
    public static Param array(String elementType, Object... elements) {
        return new Param(Kind.ARRAY, new Object[] {elementType, elements});
    }

    public static Param nullBigint() {
        return new Param(Kind.NULL_BIGINT, null);
    }

    public static Param nullDouble() {
        return new Param(Kind.NULL_DOUBLE, null);
    }
}
