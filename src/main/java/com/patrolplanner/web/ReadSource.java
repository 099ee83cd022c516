package com.patrolplanner.web;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Where a read that tolerates a little lag goes: the streaming replica (named datasource {@code replica}) when one is
 * configured ({@code quarkus.datasource.replica.active=true}), up, and has replayed the caller's own last write;
 * otherwise the primary. Read-your-writes: every successful write through the API leaves the primary's WAL position in
 * the cookie {@value #COOKIE} ({@link WriteMark}); a read carrying it goes to the replica only when
 * {@code pg_last_wal_replay_lsn()} has reached it, so the writer sees what it wrote on either service process (the
 * cookie travels with the browser, nothing is kept in a process). Callers that cache answers must not use it.
 */
@ApplicationScoped
public class ReadSource {
    private static final Logger LOG = Logger.getLogger(ReadSource.class);
    public static final String COOKIE = "pp_lsn";
    static final Pattern LSN = Pattern.compile("[0-9A-F]{1,8}/[0-9A-F]{1,8}");
    /** After a failed replica connection the primary serves alone this long. */
    static final long DOWN_MS = 10_000;

    @Inject
    AgroalDataSource primary;
    @Inject
    @DataSource("replica")
    InjectableInstance<AgroalDataSource> replica;
    @ConfigProperty(name = "quarkus.datasource.replica.active", defaultValue = "false")
    boolean replicaActive;
    @ConfigProperty(name = "patrol.db.request-statement-timeout", defaultValue = "15S")
    Duration requestTimeout;

    private volatile long downUntil;

    /** True when a replica is configured. */
    public boolean replicaConfigured() {
        return replicaActive && replica.isResolvable();
    }

    /** A connection for a lag-tolerant read: the replica when it may answer, else the primary. The caller closes it. */
    public Connection lagTolerant() throws SQLException {
        return lagTolerant(requestLsn());
    }

    /** As {@link #lagTolerant()}, the replica only once it has replayed {@code minLsn} (null: any position). */
    public Connection lagTolerant(String minLsn) throws SQLException {
        if (!replicaConfigured() || System.currentTimeMillis() < downUntil) {
            return primary.getConnection();
        }
        return choose(() -> replica.get().getConnection(), primary::getConnection, minLsn, requestTimeout.toMillis(),
                () -> downUntil = System.currentTimeMillis() + DOWN_MS);
    }

    /** Opens a connection. */
    @FunctionalInterface
    public interface Opener {
        Connection open() throws SQLException;
    }

    /**
     * The routing rule: the replica's connection when it opens and has replayed {@code minLsn}, else the primary's
     * ({@code onReplicaDown} runs when the replica would not open).
     */
    static Connection choose(Opener replica, Opener primary, String minLsn, long statementTimeoutMs, Runnable onReplicaDown)
            throws SQLException {
        Connection c;
        try {
            c = replica.open();
        } catch (SQLException | RuntimeException e) {
            onReplicaDown.run();
            LOG.warn("replica unavailable, reading from the primary for " + DOWN_MS / 1000 + " s: " + e.getMessage());
            return primary.open();
        }
        try {
            try (Statement s = c.createStatement()) {
                s.execute("SET statement_timeout = " + statementTimeoutMs);
            }
            if (minLsn != null && !replayed(c, minLsn)) {
                c.close();
                return primary.open();
            }
            return c;
        } catch (SQLException e) {
            c.close();
            return primary.open();
        }
    }

    /** True when the connection is a standby that has replayed {@code lsn}, or a primary (which has it). */
    static boolean replayed(Connection c, String lsn) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT coalesce(pg_last_wal_replay_lsn() >= CAST(? AS pg_lsn), NOT pg_is_in_recovery())")) {
            ps.setString(1, lsn);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** The primary's current WAL position (where a write just committed is at most), as text, e.g. 0/3000148. */
    public String primaryLsn() throws SQLException {
        try (Connection c = primary.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT CASE WHEN pg_is_in_recovery() THEN NULL ELSE pg_current_wal_lsn()::text END")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** The WAL position the current HTTP request's cookie names, or null. */
    static String requestLsn() {
        if (!StatementTimeout.inHttpRequest()) {
            return null;
        }
        CurrentVertxRequest current = Arc.container().instance(CurrentVertxRequest.class).get();
        io.vertx.core.http.Cookie cookie = current.getCurrent().request().getCookie(COOKIE);
        return cookie == null ? null : valid(cookie.getValue());
    }

    static String valid(String lsn) {
        return lsn != null && LSN.matcher(lsn).matches() ? lsn : null;
    }
}
