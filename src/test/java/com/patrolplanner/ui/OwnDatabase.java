package com.patrolplanner.ui;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The browser tests get a database of their own ({@code <test db>_ui}, created by ./planner), so that what they see on
 * the map does not depend on which other test classes ran before them in the same run.
 */
public class OwnDatabase implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        String port = System.getenv().getOrDefault("PP_PGPORT", "55432");
        String db = System.getenv().getOrDefault("PP_TEST_DB", "patrol_test") + "_ui";
        return Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + port + "/" + db);
    }
}
