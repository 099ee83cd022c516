package com.patrolplanner.sql;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One result row, read by column (1-based) or, for rows {@link Db} reads, by label. The getters mean what the JDBC ones
 * of the same name mean (a SQL NULL reads as 0 / false / null, then {@link #wasNull()} is true); times come as
 * {@link Instant} or {@link OffsetDateTime}, never as {@code java.sql} types; the {@code …OrNull} getters box.
 */
public interface Row {
    Object getObject(int column);

    Object getObject(String label);

    String getString(int column);

    String getString(String label);

    long getLong(int column);

    long getLong(String label);

    int getInt(int column);

    int getInt(String label);

    double getDouble(int column);

    double getDouble(String label);

    boolean getBoolean(int column);

    boolean getBoolean(String label);

    BigDecimal getBigDecimal(int column);

    BigDecimal getBigDecimal(String label);

    byte[] getBytes(int column);

    /** A timestamp / timestamptz column as an instant, or null. */
    Instant getInstant(int column);

    Instant getInstant(String label);

    /** A timestamptz column at UTC, or null. */
    default OffsetDateTime getOffsetDateTime(int column) {
        Instant t = getInstant(column);
        return t == null ? null : t.atOffset(java.time.ZoneOffset.UTC);
    }

    LocalDate getLocalDate(int column);

    /** A SQL array column as a Java array ({@code String[]}, {@code Long[]}, …), or null. */
    Object getArray(int column);

    /** True when the last column read was SQL NULL. */
    boolean wasNull();

    default Long getLongOrNull(int column) {
        long v = getLong(column);
        return wasNull() ? null : v;
    }

    default Integer getIntOrNull(int column) {
        int v = getInt(column);
        return wasNull() ? null : v;
    }

    default Double getDoubleOrNull(int column) {
        double v = getDouble(column);
        return wasNull() ? null : v;
    }
}
