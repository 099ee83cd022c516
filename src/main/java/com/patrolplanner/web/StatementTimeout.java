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
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Bounds how long one SQL statement may run: {@code patrol.db.request-statement-timeout} (15 s) for a connection taken
 * while an HTTP request is being served, {@code patrol.db.job-statement-timeout} (30 min) for everything else (jobs,
 * imports, start-up, CLI commands). Set on every borrow from the pool, so a connection used by a job and then by a
 * request carries the request's limit. A statement PostgreSQL cancels (SQLState 57014) becomes a 503 problem
 * ({@link StatementTimeoutMapper}), never a 500, and its transaction is rolled back.
 */
@ApplicationScoped
public class StatementTimeout implements AgroalPoolInterceptor {
    /** PostgreSQL's "canceling statement due to statement timeout". */
    public static final String QUERY_CANCELED = "57014";

    @ConfigProperty(name = "patrol.db.request-statement-timeout", defaultValue = "15S")
    Duration request;
    @ConfigProperty(name = "patrol.db.job-statement-timeout", defaultValue = "30M")
    Duration job;

    @Override
    public void onConnectionAcquire(Connection c) {
        long ms = (inHttpRequest() ? request : job).toMillis();
        try (Statement s = c.createStatement()) {
            s.execute("SET statement_timeout = " + ms);
        } catch (SQLException e) {
            // a broken connection: the caller's own first statement reports it properly
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
