package com.patrolplanner.sql;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A result being read, row by row ({@code while (rs.next()) {…}}); itself the current {@link Row}. Close it (or the
 * {@link Stmt} that made it) when done.
 */
public final class Cursor implements Row, AutoCloseable {
    private final ResultSet rs;
    private final AutoCloseable owner;

    Cursor(ResultSet rs) {
        this(rs, null);
    }

    /** A cursor that closes {@code owner} (its statement) with itself. */
    Cursor(ResultSet rs, AutoCloseable owner) {
        this.rs = rs;
        this.owner = owner;
    }

    /** How many columns a row has. */
    public int columnCount() {
        return read(() -> rs.getMetaData().getColumnCount());
    }

    /** A column converted by the driver ({@code OffsetDateTime}, {@code LocalDate}, …), as JDBC's typed getObject. */
    public <T> T getObject(int column, Class<T> type) {
        return read(() -> rs.getObject(column, type));
    }

    /** Moves to the next row; false after the last. */
    public boolean next() {
        return read(rs::next);
    }

    @Override
    public void close() {
        read(() -> {
            rs.close();
            return null;
        });
        if (owner != null) {
            try {
                owner.close();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @FunctionalInterface
    interface Get<T> {
        T get() throws SQLException;
    }

    private static <T> T read(Get<T> g) {
        try {
            return g.get();
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
    }

    @Override
    public Object getObject(int c) {
        return read(() -> rs.getObject(c));
    }

    @Override
    public Object getObject(String l) {
        return read(() -> rs.getObject(l));
    }

    @Override
    public String getString(int c) {
        return read(() -> rs.getString(c));
    }

    @Override
    public String getString(String l) {
        return read(() -> rs.getString(l));
    }

    @Override
    public long getLong(int c) {
        return read(() -> rs.getLong(c));
    }

    @Override
    public long getLong(String l) {
        return read(() -> rs.getLong(l));
    }

    @Override
    public int getInt(int c) {
        return read(() -> rs.getInt(c));
    }

    @Override
    public int getInt(String l) {
        return read(() -> rs.getInt(l));
    }

    @Override
    public double getDouble(int c) {
        return read(() -> rs.getDouble(c));
    }

    @Override
    public double getDouble(String l) {
        return read(() -> rs.getDouble(l));
    }

    @Override
    public boolean getBoolean(int c) {
        return read(() -> rs.getBoolean(c));
    }

    @Override
    public boolean getBoolean(String l) {
        return read(() -> rs.getBoolean(l));
    }

    @Override
    public BigDecimal getBigDecimal(int c) {
        return read(() -> rs.getBigDecimal(c));
    }

    @Override
    public BigDecimal getBigDecimal(String l) {
        return read(() -> rs.getBigDecimal(l));
    }

    @Override
    public byte[] getBytes(int c) {
        return read(() -> rs.getBytes(c));
    }

    @Override
    public Instant getInstant(int c) {
        Timestamp t = read(() -> rs.getTimestamp(c));
        return t == null ? null : t.toInstant();
    }

    @Override
    public Instant getInstant(String l) {
        Timestamp t = read(() -> rs.getTimestamp(l));
        return t == null ? null : t.toInstant();
    }

    @Override
    public LocalDate getLocalDate(int c) {
        return read(() -> rs.getObject(c, LocalDate.class));
    }

    @Override
    public Object getArray(int c) {
        return read(() -> {
            Array a = rs.getArray(c);
            return a == null ? null : a.getArray();
        });
    }

    @Override
    public boolean wasNull() {
        return read(rs::wasNull);
    }
}
