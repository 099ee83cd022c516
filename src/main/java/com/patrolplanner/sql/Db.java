package com.patrolplanner.sql;

import com.patrolplanner.web.ReadSource;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Statements a Hibernate native query cannot run well (see the package documentation): on the default datasource (the
 * transaction's connection inside one) or, for lag-tolerant reads, on the replica that {@link ReadSource} chooses.
 */
@ApplicationScoped
public class Db {
    @Inject
    AgroalDataSource dataSource;
    @Inject
    ReadSource reads;

    /**
     * A connection for a block of statements, closed by the caller ({@code try (Conn c = db.open()) {…}}): the
     * transaction's when one is active.
     */
    public Conn open() {
        try {
            return new Conn(dataSource.getConnection(), false);
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
    }

    /** As {@link #open()}, where a read that tolerates a little lag goes ({@link ReadSource#lagTolerant()}). */
    public Conn openLagTolerant() {
        try {
            return new Conn(reads.lagTolerant(), false);
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
    }

    /** Runs {@code work} on one connection (the transaction's, when one is active). */
    public <T> T work(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(new Conn(c, false));
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
    }

    /** {@link #work} without a result. */
    public void run(Consumer<Conn> work) {
        work(c -> {
            work.accept(c);
            return null;
        });
    }

    /** Runs {@code work} where a read that tolerates a little lag goes ({@link ReadSource#lagTolerant()}). */
    public <T> T lagTolerant(Work<T> work) {
        try (Connection c = reads.lagTolerant()) {
            return work.run(new Conn(c, false));
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
    }

    /** The primary's current WAL position as text ({@link ReadSource#primaryLsn()}). */
    public String primaryLsn() {
        try {
            return reads.primaryLsn();
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
    }

    /** {@link Conn#value} on a connection of its own (the transaction's inside one). */
    public <T> T value(String sql, Object... args) {
        return work(c -> c.value(sql, args));
    }

    /** {@link Conn#first} on a connection of its own. */
    public <T> T first(String sql, RowMapper<T> mapper, Object... args) {
        return work(c -> c.first(sql, mapper, args));
    }

    /** {@link Conn#list} on a connection of its own. */
    public <T> List<T> list(String sql, RowMapper<T> mapper, Object... args) {
        return work(c -> c.list(sql, Arrays.asList(args), mapper));
    }

    /** {@link Conn#update} on a connection of its own. */
    public int update(String sql, Object... args) {
        return work(c -> c.update(sql, args));
    }
}
