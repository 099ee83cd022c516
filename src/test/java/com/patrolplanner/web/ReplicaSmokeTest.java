package com.patrolplanner.web;

import com.patrolplanner.reliability.PrivatePostgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The cluster's short version for the suite (the whole cluster is {@code ./planner bench failover}): a throw-away
 * PostgreSQL 15 primary and a streaming replica made with {@code pg_basebackup -R} under target/, and the routing rule of
 * {@link ReadSource}: a write is read back through the replica once the replica has replayed its WAL position; before
 * that (a position the replica has not reached) and when the replica is down, the read goes to the primary.
 */
class ReplicaSmokeTest {
    static final String BIN = "/usr/lib/postgresql/15/bin";
    static Path root;
    static int primaryPort;
    static int replicaPort;

    @BeforeAll
    static void start() throws Exception {
        root = Path.of("target", "pg-replica-smoke").toAbsolutePath();
        run(List.of("rm", "-rf", root.toString()), false);
        Files.createDirectories(root);
        if (isRoot()) {
            run(List.of("chown", "postgres:postgres", root.toString()), false);
            for (Path p = root.getParent(); p != null && !p.toString().equals("/"); p = p.getParent()) {
                p.toFile().setExecutable(true, false);
            }
        }
        primaryPort = freePort();
        replicaPort = freePort();
        Path primary = root.resolve("primary");
        run(List.of(BIN + "/initdb", "-D", primary.toString(), "-U", "postgres", "--auth=trust", "-E", "UTF8",
                "--locale=C.UTF-8"), true);
        append(primary.resolve("postgresql.conf"), "\nlisten_addresses='127.0.0.1'\nport=" + primaryPort
                + "\nunix_socket_directories=''\nshared_buffers=16MB\nmax_connections=20\n");
        run(List.of(BIN + "/pg_ctl", "-D", primary.toString(), "-l", root.resolve("primary.log").toString(), "-w", "start"), true);
        Path replica = root.resolve("replica");
        run(List.of(BIN + "/pg_basebackup", "-h", "127.0.0.1", "-p", String.valueOf(primaryPort), "-U", "postgres", "-D",
                replica.toString(), "-R", "-X", "stream", "-c", "fast"), true);
        append(replica.resolve("postgresql.auto.conf"), "\nport=" + replicaPort + "\n");
        run(List.of(BIN + "/pg_ctl", "-D", replica.toString(), "-l", root.resolve("replica.log").toString(), "-w", "start"), true);
    }

    @AfterAll
    static void stop() throws Exception {
        for (String d : List.of("replica", "primary")) {
            try {
                run(List.of(BIN + "/pg_ctl", "-D", root.resolve(d).toString(), "-m", "immediate", "-w", "stop"), true);
            } catch (IOException ignored) {
                // not running
            }
        }
    }

    static Connection open(int port) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres");
    }

    static boolean standby(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_is_in_recovery()")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    @Test
    void aWriteIsReadBackThroughTheReplicaOnceReplayedAndFromThePrimaryBefore() throws Exception {
        String lsn;
        try (Connection p = open(primaryPort); Statement s = p.createStatement()) {
            s.execute("CREATE TABLE written (x int)");
            s.execute("INSERT INTO written VALUES (42)");
            try (ResultSet rs = s.executeQuery("SELECT pg_current_wal_lsn()::text")) {
                rs.next();
                lsn = rs.getString(1);
            }
        }
        assertTrue(ReadSource.LSN.matcher(lsn).matches(), lsn);
        // the replica catches up within seconds on loopback
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        Connection routed;
        while (true) {
            routed = ReadSource.choose(() -> open(replicaPort), () -> open(primaryPort), lsn, 5000, () -> { });
            if (standby(routed) || System.nanoTime() > until) {
                break;
            }
            routed.close();
            Thread.sleep(50);
        }
        try (Connection c = routed; Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT x FROM written")) {
            assertTrue(standby(c), "after replay the read goes to the replica");
            rs.next();
            assertEquals(42, rs.getInt(1), "the write, read back on the replica");
        }
        // a position the replica has not replayed (far ahead): the primary answers
        try (Connection c = ReadSource.choose(() -> open(replicaPort), () -> open(primaryPort), "FFFFFFFF/0", 5000, () -> { })) {
            assertFalse(standby(c));
        }
        // no position (a reader who wrote nothing): the replica
        try (Connection c = ReadSource.choose(() -> open(replicaPort), () -> open(primaryPort), null, 5000, () -> { })) {
            assertTrue(standby(c));
        }
        // the replica down: the primary, and the caller is told
        boolean[] told = {false};
        try (Connection c = ReadSource.choose(() -> {
            throw new SQLException("connection refused");
        }, () -> open(primaryPort), null, 5000, () -> told[0] = true)) {
            assertFalse(standby(c));
            assertTrue(told[0]);
        }
        assertEquals(null, ReadSource.valid("0/1; DROP"), "only a WAL position is taken from the cookie");
    }

    private static void append(Path f, String s) throws IOException, InterruptedException {
        run(List.of("sh", "-c", "printf '%s' \"$0\" >> \"$1\"", s, f.toString()), true);
    }

    private static void run(List<String> cmd, boolean asPostgres) throws IOException, InterruptedException {
        PrivatePostgres.run(cmd, asPostgres, "target/pg-replica-smoke.log");
    }

    private static boolean isRoot() {
        return PrivatePostgres.isRoot();
    }

    private static int freePort() throws IOException {
        return PrivatePostgres.freePort();
    }
}
