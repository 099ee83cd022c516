package com.patrolplanner.reliability;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away PostgreSQL + PostGIS cluster of its own (under target/), so that a test may stop and start the database
 * without disturbing the shared test cluster. Runs the server as user postgres when the tests run as root.
 */
public class PrivatePostgres implements QuarkusTestResourceLifecycleManager {
    static final String BIN = "/usr/lib/postgresql/15/bin";
    static Path dataDir;
    static int port;

    @Override
    public Map<String, String> start() {
        try {
            port = freePort();
            dataDir = Path.of("target", "pg-fault").toAbsolutePath();
            if (Files.exists(dataDir)) {
                run(List.of("rm", "-rf", dataDir.toString()), false);
            }
            Files.createDirectories(dataDir);
            if (isRoot()) {
                run(List.of("chown", "postgres:postgres", dataDir.toString()), false);
                for (Path p = dataDir.getParent(); p != null && !p.toString().equals("/"); p = p.getParent()) {
                    p.toFile().setExecutable(true, false);
                }
            }
            run(List.of(BIN + "/initdb", "-D", dataDir.toString(), "-U", "postgres", "--auth=trust", "-E", "UTF8",
                    "--locale=C.UTF-8"), true);
            Files.writeString(dataDir.resolve("postgresql.conf"), "\nlisten_addresses='127.0.0.1'\nport=" + port
                    + "\nunix_socket_directories=''\n", java.nio.file.StandardOpenOption.APPEND);
            startServer();
            run(List.of("psql", "-h", "127.0.0.1", "-p", String.valueOf(port), "-U", "postgres", "-d", "postgres", "-c",
                    "CREATE EXTENSION postgis; CREATE EXTENSION pg_trgm;"), false);
            return Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + port + "/postgres");
        } catch (Exception e) {
            throw new IllegalStateException("could not start a private PostgreSQL for the fault test", e);
        }
    }

    static void startServer() throws IOException, InterruptedException {
        run(List.of(BIN + "/pg_ctl", "-D", dataDir.toString(), "-l", dataDir.resolve("server.log").toString(), "-w", "-t", "60",
                "start"), true);
    }

    static void stopServer() throws IOException, InterruptedException {
        run(List.of(BIN + "/pg_ctl", "-D", dataDir.toString(), "-m", "immediate", "-w", "stop"), true);
    }

    @Override
    public void stop() {
        try {
            run(List.of(BIN + "/pg_ctl", "-D", dataDir.toString(), "-m", "fast", "-w", "stop"), true);
        } catch (Exception ignored) {
            // already stopped
        }
    }

    public static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void run(List<String> cmd, boolean asPostgres) throws IOException, InterruptedException {
        run(cmd, asPostgres, "target/pg-fault-cmd.log");
    }

    /** Runs a command (as the postgres user when we are root), its output into {@code log}; fails after 90 s or on exit ≠ 0. */
    public static void run(List<String> cmd, boolean asPostgres, String log) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asPostgres && isRoot()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(cmd);
        Process p = new ProcessBuilder(full).redirectErrorStream(true)
                .redirectOutput(new File(log)).start();
        if (!p.waitFor(90, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("failed: " + String.join(" ", full) + " (see " + log + ")");
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
