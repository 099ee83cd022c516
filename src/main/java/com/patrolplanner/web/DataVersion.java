package com.patrolplanner.web;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * The version of the map layers' data, for answers cached until the data changes (never by time): coverage and heat per
 * (scope, period, resolution), the district outlines. A cached answer is valid while {@link #current()} returns the
 * token it was computed under.
 *
 * <p>The token has three parts. (1) The database sequence {@code data_version}, advanced inside the writing
 * transaction by a statement trigger on inspection, venue, school, district and unit (migration V180): a write that
 * has committed has always advanced it, whichever process or tool wrote (service, bulk import, psql). (2) A local
 * generation, advanced when PostgreSQL delivers the {@code pp_data_changed} notification of a committed write: a reader
 * that read the sequence while the writer had advanced it but not yet committed may have cached the old rows under the
 * new number; the notification, delivered after the commit, retires that entry. (3) A random epoch per process, so an
 * ETag from before a restart or from another process never matches by accident. While the listening connection is
 * down the token is {@code null}: nothing is cached or served from a cache (notifications may be lost).
 *
 * <p>Reading the sequence costs one small query per cached request (a few hundred microseconds; requests asking at the
 * same time share one, {@link #freshRead()}); computing a coverage answer costs 50–400 ms.
 */
@ApplicationScoped
public class DataVersion {
    private static final Logger LOG = Logger.getLogger(DataVersion.class);
    public static final String CHANNEL = "pp_data_changed";
    /** Notified at commit when a user, a session's end or owner, or (through {@link #CHANNEL}) a unit changed (V230). */
    public static final String AUTH_CHANNEL = "pp_auth_changed";

    @Inject
    AgroalDataSource ds;
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;
    @ConfigProperty(name = "quarkus.datasource.username", defaultValue = "postgres")
    String user;
    @ConfigProperty(name = "quarkus.datasource.password", defaultValue = "")
    java.util.Optional<String> password;

    private final String epoch = HexFormat.of().formatHex(new SecureRandom().generateSeed(4));
    private final AtomicLong generation = new AtomicLong();
    private final AtomicLong authGeneration = new AtomicLong();
    /** Connections of the listener so far: a new one means notifications may have been missed. */
    private final AtomicLong connects = new AtomicLong();
    /** Notifications per written table (the trigger's payload: inspection, venue, school, district, unit). */
    private final java.util.concurrent.ConcurrentHashMap<String, AtomicLong> tables = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile boolean listening;
    private volatile boolean stopped;
    private Thread listener;

    void start(@Observes StartupEvent e) {
        listener = new Thread(this::listen, "data-version-listener");
        listener.setDaemon(true);
        listener.start();
    }

    void stop(@Observes ShutdownEvent e) {
        stopped = true;
        if (listener != null) {
            listener.interrupt();
        }
    }

    /** Advances the local generation: every cached answer of this process is retired. */
    public void invalidate() {
        generation.incrementAndGet();
    }

    /** The current token, or null when caching is off (the notification channel is not connected). */
    public String current() {
        if (!listening) {
            return null;
        }
        io.vertx.ext.web.RoutingContext read = readRequest();
        String kept = read == null ? null : read.get(MEMO);
        if (kept != null) {
            return kept;
        }
        Read r = freshRead();
        if (r == null) {
            return null;
        }
        String token = epoch + "." + r.generation() + "." + r.data();
        if (read != null) {
            read.put(MEMO, token);
        }
        return token;
    }

    /**
     * One read of the three sequences ({@code data_version}, {@code data_version_venue}, {@code data_version_school}),
     * with the local counters taken just before it: a notification that arrives after the read only makes a token newer
     * than the rows it was computed from.
     */
    private record Read(long generation, long connects, long venueNotes, long schoolNotes, long data, long venue, long school) {
        long table(String name) {
            return "venue".equals(name) ? venue : school;
        }

        long notes(String name) {
            return "venue".equals(name) ? venueNotes : schoolNotes;
        }
    }

    private final java.util.concurrent.locks.ReentrantLock readLock = new java.util.concurrent.locks.ReentrantLock();
    private final java.util.concurrent.locks.Condition readDone = readLock.newCondition();
    private long readsStarted;
    private long readsDone;
    private boolean reading;
    private Read lastRead;
    /** Sequence reads sent to the database since start. */
    private static final AtomicLong READS = new AtomicLong();

    /** How many sequence reads this process has sent (the load benchmark prints them per request). */
    public static long sequenceReads() {
        return READS.get();
    }

    /**
     * A read of the sequences that <em>started after this call began</em>, so it sees every write committed before the
     * caller's request (read-your-writes, on any process), shared by the requests that ask at the same time: a caller
     * that finds a read in flight waits for the next one, which one of the waiting callers sends for all of them. Under
     * load that is one round trip for many requests instead of one each; alone, exactly one as before. Null when the
     * read failed (then nothing is cached).
     */
    private Read freshRead() {
        readLock.lock();
        try {
            long need = readsStarted + 1;
            while (readsDone < need) {
                if (!reading) {
                    reading = true;
                    long mine = ++readsStarted;
                    Read r = null;
                    readLock.unlock();
                    try {
                        r = readNow();
                    } finally {
                        readLock.lock();
                        reading = false;
                        readsDone = mine;
                        lastRead = r;
                        readDone.signalAll();
                    }
                    return r;
                }
                readDone.awaitUninterruptibly();
            }
            return lastRead;
        } finally {
            readLock.unlock();
        }
    }

    private Read readNow() {
        long g = generation.get();
        long c = connects.get();
        AtomicLong v = tables.get("venue");
        AtomicLong sc = tables.get("school");
        long vn = v == null ? 0 : v.get();
        long sn = sc == null ? 0 : sc.get();
        READS.incrementAndGet();
        try (Connection conn = ds.getConnection(); Statement s = conn.createStatement();
                ResultSet rs = s.executeQuery("SELECT d.last_value, d.is_called, v.last_value, v.is_called, s.last_value, "
                        + "s.is_called FROM data_version d, data_version_venue v, data_version_school s")) {
            rs.next();
            return new Read(g, c, vn, sn, rs.getBoolean(2) ? rs.getLong(1) : 0, rs.getBoolean(4) ? rs.getLong(3) : 0,
                    rs.getBoolean(6) ? rs.getLong(5) : 0);
        } catch (SQLException ex) {
            return null;
        }
    }

    private static final String MEMO = "pp.dataVersion";

    /**
     * The HTTP request being served when it is a GET or HEAD (which writes no map layer), else null. Such a request
     * reads each token once: its ETag, its cache look-ups and its answer then all name the same version (the coverage
     * endpoints asked two or three times, a round trip each).
     */
    static io.vertx.ext.web.RoutingContext readRequest() {
        if (!StatementTimeout.inHttpRequest()) {
            return null;
        }
        io.vertx.ext.web.RoutingContext rc = io.quarkus.arc.Arc.container()
                .instance(io.quarkus.vertx.http.runtime.CurrentVertxRequest.class).get().getCurrent();
        if (rc == null) {
            return null;
        }
        io.vertx.core.http.HttpMethod m = rc.request().method();
        return m == io.vertx.core.http.HttpMethod.GET || m == io.vertx.core.http.HttpMethod.HEAD ? rc : null;
    }

    /**
     * The token under which copies of who a caller is may be kept in memory (a unit scope, a checked session), or null
     * while the notification channel is down (then nothing of it may be kept). It changes, without a database round
     * trip, when any process commits a change to a user, a session's end or a unit ({@link #AUTH_CHANNEL}, V230), when
     * {@link #invalidateAuth()} is called and whenever the listening connection is (re)established.
     */
    public String authToken() {
        return listening ? epoch + "." + authGeneration.get() : null;
    }

    /** Retires every in-memory copy of who a caller is on this process (a local user or unit write, before commit). */
    public void invalidateAuth() {
        authGeneration.incrementAndGet();
    }

    /**
     * A token that changes, without a database round trip, whenever any process commits a write to one of
     * {@code tableNames} (V180's statement triggers notify with the table's name) or the listener reconnects; null while
     * the listener is down. For answers that depend on a few tables only (vector tiles of venues or schools), which an
     * inspection write should not retire. A write committed after the token was read always changes it (its
     * notification arrives after the commit); an answer computed just after such a commit but kept under the old token
     * is retired when the notification arrives.
     */
    public String tablesToken(String... tableNames) {
        if (!listening) {
            return null;
        }
        StringBuilder sb = new StringBuilder(epoch).append('.').append(connects.get());
        for (String t : tableNames) {
            AtomicLong n = tables.get(t);
            sb.append('.').append(n == null ? 0 : n.get());
        }
        return sb.toString();
    }

    /** The tables with a sequence of their own (V270), for {@link #tableVersion(String)}. */
    public static final java.util.Set<String> OWN_SEQUENCE = java.util.Set.of("venue", "school");

    /**
     * A token for answers computed from one table only ({@value #CHANNEL}'s venue or school layer): it changes when any
     * process commits a write to that table, and only then (an inspection write leaves it). Read-your-writes holds as
     * for {@link #current()}: the table's own sequence (V270) is advanced inside the writing transaction, so a reader
     * after the commit always sees the new number, on any process; the table's notification, delivered after the
     * commit, retires an answer computed from the old rows between the writer's {@code nextval} and its commit. One
     * small query; null while the listener is down or the sequence cannot be read (then nothing may be kept).
     */
    public String tableVersion(String table) {
        if (!OWN_SEQUENCE.contains(table) || !listening) {
            return null;
        }
        io.vertx.ext.web.RoutingContext read = readRequest();
        String kept = read == null ? null : read.get(MEMO + "." + table);
        if (kept != null) {
            return kept;
        }
        Read r = freshRead();
        if (r == null) {
            return null;
        }
        String token = epoch + "." + r.connects() + "." + r.notes(table) + "." + r.table(table);
        if (read != null) {
            read.put(MEMO + "." + table, token);
        }
        return token;
    }

    /** True while notifications are received (tests and the benchmark wait for it after a start). */
    public boolean listening() {
        return listening;
    }

    private void listen() {
        long backoff = 200;
        while (!stopped) {
            try (Connection c = connect(); Statement s = c.createStatement()) {
                s.execute("LISTEN " + CHANNEL);
                s.execute("LISTEN " + AUTH_CHANNEL);
                connects.incrementAndGet();
                // anything written while we were not listening is unknown: retire the cache before serving from it
                generation.incrementAndGet();
                authGeneration.incrementAndGet();
                listening = true;
                backoff = 200;
                PGConnection pg = c.unwrap(PGConnection.class);
                while (!stopped) {
                    PGNotification[] n = pg.getNotifications(10_000);
                    if (n != null && n.length > 0) {
                        for (PGNotification one : n) {
                            if (AUTH_CHANNEL.equals(one.getName()) || "unit".equals(one.getParameter())) {
                                authGeneration.incrementAndGet();
                            }
                            if (CHANNEL.equals(one.getName())) {
                                generation.incrementAndGet();
                                if (one.getParameter() != null && !one.getParameter().isEmpty()) {
                                    tables.computeIfAbsent(one.getParameter(), k -> new AtomicLong()).incrementAndGet();
                                }
                            }
                        }
                    } else {
                        // a round trip now and then notices a dead connection even when nobody writes
                        s.execute("SELECT 1");
                    }
                }
            } catch (SQLException ex) {
                if (listening) {
                    LOG.warnf("data-version listener lost its connection (%s): caching off until it is back", ex.getMessage());
                }
            } catch (RuntimeException ex) {
                LOG.warn("data-version listener", ex);
            } finally {
                listening = false;
                generation.incrementAndGet();
                authGeneration.incrementAndGet();
                connects.incrementAndGet();
            }
            try {
                Thread.sleep(backoff);
            } catch (InterruptedException ie) {
                return;
            }
            backoff = Math.min(5_000, backoff * 2);
        }
    }

    private Connection connect() throws SQLException {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("user", user);
        p.setProperty("password", password.orElse(""));
        p.setProperty("ApplicationName", "patrol-planner data-version listener");
        p.setProperty("tcpKeepAlive", "true");
        return DriverManager.getConnection(url, p);
    }
}
