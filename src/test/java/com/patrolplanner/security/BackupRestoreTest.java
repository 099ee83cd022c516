package com.patrolplanner.security;

import static com.patrolplanner.TestSupport.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.patrolplanner.audit.AuditService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue #15, backups that restore: {@code ./planner backup FILE} of a database with data, {@code ./planner restore FILE}
 * into a fresh database, and the copy has every table's rows and an audit chain that verifies. A restore into a
 * database that is not empty is refused.
 */
@QuarkusTest
class BackupRestoreTest {
    static final String PORT = ProductionProfile.PORT;
    static final String SOURCE = System.getenv().getOrDefault("PP_TEST_DB", "patrol_test");
    static final String TARGET = SOURCE + "_restore";

    @Test
    void aBackupRestoresIntoAFreshDatabaseWithEveryRowAndAnIntactAuditChain() throws Exception {
        // some data and audit records of every kind this test database has: register writes, user administration
        as("planner").contentType(ContentType.JSON).body(Map.of("name", "备份书店", "category", "出版物"))
                .post("/api/venues").then().statusCode(201);
        as("admin").contentType(ContentType.JSON)
                .body(Map.of("username", "backedup", "password", "Backed-up-2026", "roles", List.of("manager")))
                .post("/api/users").then().statusCode(201);
        Logins.session("planner", "planner");

        Path dump = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "backup").resolve("patrol.dump");
        assertEquals(0, planner(SOURCE, "backup", dump.toString()), "backup");
        assertTrue(Files.size(dump) > 1000, "a dump was written");

        try (Connection admin = connect("postgres"); Statement s = admin.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS \"" + TARGET + "\" WITH (FORCE)");
        }
        assertEquals(0, planner(TARGET, "restore", dump.toString()), "restore into a new database");

        Map<String, Long> before;
        Map<String, Long> after;
        try (Connection src = connect(SOURCE); Connection dst = connect(TARGET)) {
            before = counts(src);
            after = counts(dst);
            assertTrue(before.size() > 20, "the schema's tables: " + before.keySet());
            assertTrue(before.get("audit_log") > 0 && before.get("app_user") > 0 && before.get("venue") > 0, before.toString());
            assertEquals(before, after, "rows per table after the restore");
            AuditService.Verification v = AuditService.verify(com.patrolplanner.sql.Conn.over(dst));
            assertTrue(v.intact(), "audit chain of the restored copy: " + v);
            assertEquals(before.get("audit_log"), v.checked());
        }
        // a second restore into the now non-empty database is refused, and leaves it as it was
        assertNotEquals(0, planner(TARGET, "restore", dump.toString()), "restore into a database that is not empty");
        try (Connection dst = connect(TARGET)) {
            assertEquals(after, counts(dst));
        }
        try (Connection admin = connect("postgres"); Statement s = admin.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS \"" + TARGET + "\" WITH (FORCE)");
        }
    }

    /** Rows of every table of schema pp, counted one by one (not from statistics). */
    static Map<String, Long> counts(Connection c) throws Exception {
        List<String> tables = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'pp' ORDER BY 1")) {
            while (r.next()) {
                tables.add(r.getString(1));
            }
        }
        Map<String, Long> out = new TreeMap<>();
        for (String t : tables) {
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM pp.\"" + t + "\"")) {
                r.next();
                out.put(t, r.getLong(1));
            }
        }
        return out;
    }

    static Connection connect(String db) throws Exception {
        // the schema path the service uses (quarkus.datasource.jdbc.additional-jdbc-properties.currentSchema)
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + PORT + "/" + db + "?currentSchema=pp,public", "postgres", "");
    }

    /** Runs the repository's ./planner script against database {@code db}; returns its exit code. */
    static int planner(String db, String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(new File("planner").getAbsolutePath());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(new File("target/planner-" + args[0] + ".log"));
        pb.environment().put("PP_DB", db);
        pb.environment().put("PP_PGPORT", PORT);
        Process p = pb.start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "./planner " + args[0] + " finished");
        return p.exitValue();
    }
}
