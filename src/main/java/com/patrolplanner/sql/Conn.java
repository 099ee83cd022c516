package com.patrolplanner.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.postgresql.PGStatement;

/**
 * One database connection, lent by {@link Db} for a block of statements: positional {@code ?} parameters (see
 * {@link Param} for bindings), rows read as {@link Row}. Failures are {@link SqlFailure}s.
 */
public final class Conn implements AutoCloseable {
    private final Connection c;
    private final boolean customPlan;
    private final boolean owned;

    Conn(Connection c, boolean customPlan) {
        this(c, customPlan, !customPlan);
    }

    private Conn(Connection c, boolean customPlan, boolean owned) {
        this.c = c;
        this.customPlan = customPlan;
        this.owned = owned;
    }

    /**
     * Statements on a JDBC connection the caller opened and closes (a tool reading a restored backup, a test):
     * closing the returned {@code Conn} leaves {@code connection} open.
     */
    public static Conn over(Connection connection) {
        return new Conn(connection, false, false);
    }

    /**
     * The same connection, its statements planned by PostgreSQL for every execution with the actual parameters. After
     * five executions the JDBC driver would switch to a named server-side statement and PostgreSQL to a generic plan,
     * which cannot see how large a view box or a period is: on the coverage benchmark a generic plan chose a nested
     * loop over 5,576 cells × a half year of inspections and ran for minutes instead of 0.1 s.
     */
    public Conn customPlan() {
        return customPlan ? this : new Conn(c, true, false);
    }

    /** The first column of the first row (as the driver returns it: Long for bigint, Integer for int …), or null. */
    @SuppressWarnings("unchecked")
    public <T> T value(String sql, Object... args) {
        return first(sql, r -> (T) r.getObject(1), args);
    }

    /** The first row mapped, or null when there is none. */
    public <T> T first(String sql, RowMapper<T> mapper, Object... args) {
        try (PreparedStatement ps = prepare(sql, Arrays.asList(args)); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? mapper.map(new Cursor(rs)) : null;
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
    }

    /** Every row mapped, in order. */
    public <T> List<T> list(String sql, RowMapper<T> mapper, Object... args) {
        return list(sql, Arrays.asList(args), mapper);
    }

    public <T> List<T> list(String sql, List<?> args, RowMapper<T> mapper) {
        List<T> out = new ArrayList<>();
        each(sql, args, r -> out.add(mapper.map(r)));
        return out;
    }

    /** Hands every row to {@code handler}, in order (nothing collected). */
    public void each(String sql, List<?> args, Consumer<Row> handler) {
        try (PreparedStatement ps = prepare(sql, args); ResultSet rs = ps.executeQuery()) {
            Row row = new Cursor(rs);
            while (rs.next()) {
                handler.accept(row);
            }
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
    }

    /** Runs an INSERT / UPDATE / DELETE; the number of rows changed. */
    public int update(String sql, Object... args) {
        return update(sql, Arrays.asList(args));
    }

    public int update(String sql, List<?> args) {
        try (PreparedStatement ps = prepare(sql, args)) {
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
    }

    /** Runs one statement as a JDBC batch, one parameter list per execution. */
    public int[] batch(String sql, Iterable<? extends List<?>> rows) {
        try (PreparedStatement ps = prepare(sql, List.of())) {
            for (List<?> args : rows) {
                bind(ps, 1, args);
                ps.addBatch();
            }
            return ps.executeBatch();
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
    }

    /** Runs a statement without parameters (SET, DDL, …). */
    public void execute(String sql) {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
    }

    /**
     * Streams the rows from a server-side cursor, {@code fetch} at a time (PgJDBC streams with a fetch size only inside
     * a transaction: the connection leaves auto-commit, read-only, and is rolled back and restored after). Returns the
     * number of rows handled.
     */
    public long stream(String sql, List<?> args, int fetch, Consumer<Row> handler) {
        try {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            long n = 0;
            try (PreparedStatement ps = prepare(sql, args)) {
                ps.setFetchSize(fetch);
                try (ResultSet rs = ps.executeQuery()) {
                    Row row = new Cursor(rs);
                    while (rs.next()) {
                        handler.accept(row);
                        n++;
                    }
                }
            } finally {
                c.rollback();
                c.setReadOnly(false);
                c.setAutoCommit(true);
            }
            return n;
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
    }

    /**
     * Starts {@code COPY … FROM STDIN (FORMAT text)} ({@code copySql}) on this connection: the rows are streamed as they
     * are added (see {@link CopyIn}); inside a transaction they are part of it. The one place COPY goes through the
     * driver.
     */
    public CopyIn copyIn(String copySql) {
        try {
            return new CopyIn(c.unwrap(org.postgresql.PGConnection.class).getCopyAPI().copyIn(copySql));
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
    }

    /** {@code COPY … FROM STDIN (FORMAT text)} of rows already in COPY's text format (a spooled file); returns the rows. */
    public long copyIn(String copySql, java.io.Reader text) {
        try {
            return c.unwrap(org.postgresql.PGConnection.class).getCopyAPI().copyIn(copySql, text);
        } catch (SQLException e) {
            throw new SqlFailure(e);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Every row of a query, in order, read {@code fetch} at a time from a server-side cursor (inside the caller's
     * transaction: PgJDBC streams only when auto-commit is off, which a JTA transaction's connection is).
     */
    public long eachFetched(String sql, int fetch, Consumer<Row> handler, Object... args) {
        try (PreparedStatement ps = prepare(sql, Arrays.asList(args))) {
            ps.setFetchSize(fetch);
            long n = 0;
            try (ResultSet rs = ps.executeQuery()) {
                Row row = new Cursor(rs);
                while (rs.next()) {
                    handler.accept(row);
                    n++;
                }
            }
            return n;
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
    }

    /** Prepares {@code sql} for parameters set one by one (see {@link Stmt}); the caller closes it. */
    public Stmt prepare(String sql) {
        try {
            return new Stmt(prepare(sql, List.of()), c);
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
    }

    /** A statement without parameters, read with a cursor ({@code createStatement().executeQuery(sql)}). */
    public Cursor query(String sql) {
        Stmt st = prepare(sql);
        try {
            return st.executeQueryOwning();
        } catch (RuntimeException e) {
            st.close();
            throw e;
        }
    }

    /** Sets auto-commit (a server-side cursor streams only inside a transaction). */
    public void setAutoCommit(boolean on) {
        try {
            c.setAutoCommit(on);
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
    }

    /** Marks the connection read-only (or not). */
    public void setReadOnly(boolean on) {
        try {
            c.setReadOnly(on);
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
    }

    /** Rolls the connection's own transaction back (after {@code setAutoCommit(false)}). */
    public void rollback() {
        try {
            c.rollback();
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
    }

    /** Commits the connection's own transaction (after {@code setAutoCommit(false)}). */
    public void commit() {
        try {
            c.commit();
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
    }

    /** Gives the connection back (a transaction's stays open until it ends). */
    @Override
    public void close() {
        if (!owned) {
            return; // a view of a connection its opener closes
        }
        try {
            c.close();
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
    }

    private PreparedStatement prepare(String sql, List<?> args) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        try {
            if (customPlan && ps.isWrapperFor(PGStatement.class)) {
                ps.unwrap(PGStatement.class).setPrepareThreshold(0);
            }
            bind(ps, 1, args);
            return ps;
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
    }

    private void bind(PreparedStatement ps, int from, List<?> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            int at = from + i;
            Object a = args.get(i);
            if (a instanceof byte[] b) {
                ps.setBytes(at, b);
            } else if (a instanceof Instant t) {
                ps.setTimestamp(at, Timestamp.from(t));
            } else if (a instanceof Param p) {
                switch (p.kind()) {
                    case TEXT -> ps.setString(at, (String) p.value());
                    case DATE -> ps.setDate(at, p.value() == null ? null : java.sql.Date.valueOf((LocalDate) p.value()));
                    case ARRAY -> {
                        Object[] typeAndElements = (Object[]) p.value();
                        ps.setArray(at, c.createArrayOf((String) typeAndElements[0], (Object[]) typeAndElements[1]));
                    }
                    case NULL_BIGINT -> ps.setNull(at, Types.BIGINT);
                    case NULL_DOUBLE -> ps.setNull(at, Types.DOUBLE);
                }
            } else {
                ps.setObject(at, a);
            }
        }
    }
}
