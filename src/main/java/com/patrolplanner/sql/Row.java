package com.patrolplanner.sql;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One result row, read by column (1-based) or, for rows {@link Db} reads, by label. The getters mean what the JDBC ones
 * of the same name mean (a SQL NULL reads as 0 / false / null, then {@link #wasNull()} is true); times come as
 * {@link Instant} or {@link OffsetDateTime}, never as {@code java.sql} types; the {@code …OrNull} getters box. A row
 * that has no labels (a native query's, {@link Rows}) keeps the label getters' default: they refuse.
 */
public interface Row {
    /** What a label getter of a row without labels throws. */
    static UnsupportedOperationException byLabel() {
        return new UnsupportedOperationException("this row is read by column number (native-query rows have no labels)");
    }

    Object getObject(int column);

    default Object getObject(String label) {
        throw byLabel();
    }

    String getString(int column);

    default String getString(String label) {
        throw byLabel();
    }

    long getLong(int column);

    default long getLong(String label) {
        throw byLabel();
    }

    int getInt(int column);

    default int getInt(String label) {
        throw byLabel();
    }

    double getDouble(int column);

    default double getDouble(String label) {
        throw byLabel();
    }

    boolean getBoolean(int column);

    default boolean getBoolean(String label) {
        throw byLabel();
    }

    BigDecimal getBigDecimal(int column);

    default BigDecimal getBigDecimal(String label) {
        throw byLabel();
    }

    byte[] getBytes(int column);

    /** A timestamp / timestamptz column as an instant, or null. */
    Instant getInstant(int column);

    default Instant getInstant(String label) {
        throw byLabel();
    }

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
