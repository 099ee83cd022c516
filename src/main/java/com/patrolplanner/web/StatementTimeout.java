package com.patrolplanner.web;

import io.agroal.api.AgroalPoolInterceptor;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Bounds how long one SQL statement may run: {@code patrol.db.request-statement-timeout} (15 s) for a connection taken
 * while an HTTP request is being served, {@code patrol.db.job-statement-timeout} (30 min) for everything else (jobs,
 * imports, start-up, CLI commands). A statement PostgreSQL cancels (SQLState 57014) becomes a 503 problem
 * ({@link StatementTimeoutMapper}), never a 500, and its transaction is rolled back.
 *
 * <p>Without a round trip per borrow: a new connection gets the request limit when the pool creates it (outside any
 * transaction, so it sticks), and the connections known to carry it are remembered. A request borrowing one of those
 * sends nothing; a job borrowing any connection sets its own limit (and the connection is forgotten: a {@code SET} in a
 * transaction that rolls back reverts); a request borrowing a forgotten connection sets the request limit again and
 * remembers it only when that {@code SET} ran outside a transaction. Code that needs another limit for a while uses
 * {@code SET LOCAL} (it ends with the transaction), never a session {@code SET} on a pooled connection.
 */
@ApplicationScoped
public class StatementTimeout implements AgroalPoolInterceptor {
    /** PostgreSQL's "canceling statement due to statement timeout". */
    public static final String QUERY_CANCELED = "57014";

    @ConfigProperty(name = "patrol.db.request-statement-timeout", defaultValue = "15S")
    Duration request;
    @ConfigProperty(name = "patrol.db.job-statement-timeout", defaultValue = "30M")
    Duration job;

    /** The physical connections (the driver's, not the pool's per-borrow wrappers) known to carry the request limit. */
    private final Map<Object, Boolean> atRequestLimit = Collections.synchronizedMap(new WeakHashMap<>());
    /** {@code SET statement_timeout} statements sent, for the test that borrows cost no round trip. */
    static final AtomicLong SETS = new AtomicLong();

    /** How many {@code SET statement_timeout} this process has sent (tests). */
    public static long setsSent() {
        return SETS.get();
    }

    @Override
    public void onConnectionCreate(Connection c) {
        set(c, request.toMillis(), true);
    }

    @Override
    public void onConnectionAcquire(Connection c) {
        Object key = physical(c);
        if (inHttpRequest()) {
            if (key != null && atRequestLimit.containsKey(key)) {
                return;
            }
            set(c, request.toMillis(), true);
        } else {
            if (key != null) {
                atRequestLimit.remove(key);
            }
            set(c, job.toMillis(), false);
        }
    }

    private void set(Connection c, long ms, boolean remember) {
        try (Statement s = c.createStatement()) {
            boolean sticks = c.getAutoCommit();
            s.execute("SET statement_timeout = " + ms);
            SETS.incrementAndGet();
            Object key = physical(c);
            if (remember && sticks && key != null) {
                atRequestLimit.put(key, Boolean.TRUE);
            }
        } catch (SQLException e) {
            // a broken connection: the caller's own first statement reports it properly
        }
    }

    private static Object physical(Connection c) {
        try {
            return c.unwrap(org.postgresql.PGConnection.class);
        } catch (SQLException | RuntimeException e) {
            return null;
        }
    }

    static boolean inHttpRequest() {
        ManagedContext rc = Arc.container() == null ? null : Arc.container().requestContext();
        if (rc == null || !rc.isActive()) {
            return false;
        }
        CurrentVertxRequest current = Arc.container().instance(CurrentVertxRequest.class).get();
        return current != null && current.getCurrent() != null;
    }

    /** True when {@code t} or one of its causes is a statement PostgreSQL cancelled for running too long. */
    public static boolean cancelled(Throwable t) {
        for (Throwable e = t; e != null; e = e.getCause()) {
            if (e instanceof SQLException se && QUERY_CANCELED.equals(se.getSQLState())) {
                return true;
            }
            if (e instanceof org.hibernate.QueryTimeoutException || e instanceof jakarta.persistence.QueryTimeoutException) {
                return true;
            }
            if (e.getCause() == e) {
                break;
            }
        }
        return false;
    }
}
