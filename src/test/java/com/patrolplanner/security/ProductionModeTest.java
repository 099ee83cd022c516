package com.patrolplanner.security;

import static com.patrolplanner.TestSupport.anonymous;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue #15: started as in production, the service has no demo login, shows its API description only after a login,
 * and its first administrator is made by {@code ./planner create-admin NAME} with a password read from stdin.
 */
@QuarkusTest
@TestProfile(ProductionProfile.class)
class ProductionModeTest {
    @Inject
    EntityManager em;
    @Inject
    CreateAdminCommand createAdmin;

    @Test
    void theDemoUsersDoNotExist() {
        long users = QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("SELECT count(*) FROM app_user WHERE username IN "
                        + "('planner', 'leader1', 'leader2', 'manager', 'admin')").getSingleResult()).longValue());
        assertEquals(0, users, "a production start creates no demo user");
        for (String demo : List.of("planner", "leader1", "leader2", "manager", "admin")) {
            anonymous().auth().preemptive().basic(demo, demo).get("/api/me").then().statusCode(401);
            assertEquals(401, Logins.form(demo, demo).statusCode(), demo);
        }
    }

    @Test
    void theApiDescriptionNeedsALogin() throws Exception {
        anonymous().get("/q/openapi").then().statusCode(401);
        anonymous().get("/q/swagger-ui/").then().statusCode(401);
        int code = run("chief-prod", "Chief-of-bureau-2026\n");
        assertEquals(0, code);
        anonymous().auth().preemptive().basic("chief-prod", "Chief-of-bureau-2026").get("/q/openapi?format=json")
                .then().statusCode(200);
    }

    @Test
    void theFirstAdministratorComesFromTheCommandLine() throws Exception {
        // a weak password is refused, and no user is made
        assertEquals(1, run("firstadmin", "firstadmin\n"));
        anonymous().auth().preemptive().basic("firstadmin", "firstadmin").get("/api/me").then().statusCode(401);

        assertEquals(0, run("firstadmin", "Weifang-Kuiwen-2026\n"));
        // chosen by the person: no forced change
        anonymous().auth().preemptive().basic("firstadmin", "Weifang-Kuiwen-2026").get("/api/me").then().statusCode(200)
                .body("roles", org.hamcrest.Matchers.contains("admin")).body("mustChangePassword", equalTo(false));
        String token = Logins.session("firstadmin", "Weifang-Kuiwen-2026");
        Logins.withCookie(token).get("/api/users").then().statusCode(200);
        anonymous().auth().preemptive().basic("firstadmin", "Weifang-Kuiwen-2026").queryParam("entityType", "user")
                .get("/api/audit").then().statusCode(200).body("actor", org.hamcrest.Matchers.hasItem("cli"));
        // a second run for the same name is refused
        assertEquals(1, run("firstadmin", "Another-password-2026\n"));
    }

    private int run(String name, String stdin) throws Exception {
        InputStream in = System.in;
        PrintStream err = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            int code = createAdmin.run(new String[] {name}, new PrintStream(out, true, StandardCharsets.UTF_8));
            assertTrue(code != 0 || out.toString(StandardCharsets.UTF_8).contains("created"), out.toString(StandardCharsets.UTF_8));
            return code;
        } finally {
            System.setIn(in);
            System.setErr(err);
        }
    }
}
