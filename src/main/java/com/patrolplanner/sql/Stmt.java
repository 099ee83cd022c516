package com.patrolplanner.sql;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A prepared statement of a {@link Conn} ({@code try (Stmt ps = c.prepare(sql)) {…}}), for what the one-call methods of
 * {@link Conn} do not cover: parameters set one by one, batches, fetch sizes, reading with a {@link Cursor}. The setters
 * mean what the JDBC ones of the same name mean; times are {@link Instant}s, dates {@link LocalDate}s.
 */
public final class Stmt implements AutoCloseable {
    private final PreparedStatement ps;
    private final java.sql.Connection c;

    Stmt(PreparedStatement ps, java.sql.Connection c) {
        this.ps = ps;
        this.c = c;
    }

    @FunctionalInterface
    interface Call<T> {
        T call() throws SQLException;
    }

    private static <T> T call(Call<T> f) {
        try {
            return f.call();
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
    }

    @FunctionalInterface
    interface Set {
        void set() throws SQLException;
    }

    private Stmt set(Set f) {
        try {
            f.set();
            return this;
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
    }

    public Stmt setString(int i, String v) {
        return set(() -> ps.setString(i, v));
    }

    public Stmt setLong(int i, long v) {
        return set(() -> ps.setLong(i, v));
    }

    public Stmt setInt(int i, int v) {
        return set(() -> ps.setInt(i, v));
    }

    public Stmt setDouble(int i, double v) {
        return set(() -> ps.setDouble(i, v));
    }

    public Stmt setBoolean(int i, boolean v) {
        return set(() -> ps.setBoolean(i, v));
    }

    public Stmt setBytes(int i, byte[] v) {
        return set(() -> ps.setBytes(i, v));
    }

    public Stmt setObject(int i, Object v) {
        return set(() -> ps.setObject(i, v));
    }

    /** {@code setTimestamp} of the instant (null: SQL NULL). */
    public Stmt setInstant(int i, Instant v) {
        return set(() -> ps.setTimestamp(i, v == null ? null : Timestamp.from(v)));
    }

    /** {@code setDate} of the day (the driver sends it untyped; the server infers date or timestamp). */
    public Stmt setDate(int i, LocalDate v) {
        return set(() -> ps.setDate(i, v == null ? null : java.sql.Date.valueOf(v)));
    }

    /** A SQL array of {@code elementType} ({@code varchar}, {@code bigint}, …). */
    public Stmt setArray(int i, String elementType, Object[] elements) {
        return set(() -> ps.setArray(i, c.createArrayOf(elementType, elements)));
    }

    public Stmt setNullBigint(int i) {
        return set(() -> ps.setNull(i, Types.BIGINT));
    }

    public Stmt setNullDouble(int i) {
        return set(() -> ps.setNull(i, Types.DOUBLE));
    }

    public Stmt setNullInteger(int i) {
        return set(() -> ps.setNull(i, Types.INTEGER));
    }

    public Stmt setNullText(int i) {
        return set(() -> ps.setNull(i, Types.VARCHAR));
    }

    /** Cancels the statement after {@code seconds} (the driver sends a cancel request). */
    public Stmt setQueryTimeout(int seconds) {
        return set(() -> ps.setQueryTimeout(seconds));
    }

    public Stmt setFetchSize(int rows) {
        return set(() -> ps.setFetchSize(rows));
    }

    public Cursor executeQuery() {
        return new Cursor(call(ps::executeQuery));
    }

    /** A cursor that closes this statement with itself. */
    Cursor executeQueryOwning() {
        return new Cursor(call(ps::executeQuery), this);
    }

    /**
     * Runs a statement text of several parts ({@code SELECT set_config(…, true); SELECT …}), which the driver sends in one
     * round trip and PostgreSQL runs in one implicit transaction, and returns the result of the last part that has one.
     */
    public Cursor executeLastQuery() {
        return new Cursor(call(() -> {
            java.sql.ResultSet last = ps.execute() ? ps.getResultSet() : null;
            while (true) {
                if (ps.getMoreResults(java.sql.Statement.KEEP_CURRENT_RESULT)) {
                    last = ps.getResultSet();
                } else if (ps.getUpdateCount() == -1) {
                    break;
                }
            }
            if (last == null) {
                throw new SQLException("no part of the statement returned rows");
            }
            return last;
        }));
    }

    public int executeUpdate() {
        return call(ps::executeUpdate);
    }

    public boolean execute() {
        return call(ps::execute);
    }

    public Stmt addBatch() {
        return set(ps::addBatch);
    }

    public int[] executeBatch() {
        return call(ps::executeBatch);
    }

    /** The first column of the one row a query returns, as a long (as {@code rs.next(); rs.getLong(1)}). */
    public long longResult() {
        try (Cursor rs = executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public void close() {
        call(() -> {
            ps.close();
            return null;
        });
    }
}
