package com.patrolplanner.security;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;

/**
 * The service as {@code ./planner serve} starts it: the production configuration profile (no %test settings: no demo
 * logins, the API description behind a login), on a database of its own ({@code <test db>_prod}) that is created empty
 * here, as on a new install.
 */
public class ProductionProfile implements QuarkusTestProfile {
    static final String PORT = System.getenv().getOrDefault("PP_PGPORT", "55432");
    static final String DB = System.getenv().getOrDefault("PP_TEST_DB", "patrol_test") + "_prod";

    @Override
    public String getConfigProfile() {
        return "prod";
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        recreate(DB);
        return Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + PORT + "/" + DB,
                "quarkus.log.level", "WARN");
    }

    /** Drops and creates a database with the extensions ./planner installs. */
    static void recreate(String db) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + PORT + "/postgres", "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS \"" + db + "\" WITH (FORCE)");
            s.execute("CREATE DATABASE \"" + db + "\"");
        } catch (Exception e) {
            throw new IllegalStateException("cannot create database " + db, e);
        }
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + PORT + "/" + db, "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS postgis; CREATE EXTENSION IF NOT EXISTS pg_trgm");
        } catch (Exception e) {
            throw new IllegalStateException("cannot prepare database " + db, e);
        }
    }
}
