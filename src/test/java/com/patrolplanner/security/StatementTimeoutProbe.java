package com.patrolplanner.security;

import io.agroal.api.AgroalDataSource;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Test only: what statement limit a request's connection carries, and what a cancelled statement becomes. */
@Path("/test-hardening")
@PermitAll
public class StatementTimeoutProbe {
    @Inject
    AgroalDataSource ds;

    @GET
    @Path("/statement-timeout")
    public String show() throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW statement_timeout")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** A statement over a (here lowered) limit: PostgreSQL cancels it with SQLState 57014. */
    @GET
    @Path("/too-long")
    public String tooLong() {
        // SET LOCAL, as production code lowers or raises the limit for a while: it ends with the transaction
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            try {
                s.execute("SET LOCAL statement_timeout = 100");
                s.execute("SELECT pg_sleep(2)");
                return "not cancelled";
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("storage failed: " + e.getMessage(), e);
        }
    }
}
