package com.patrolplanner.inspection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.postgresql.PGStatement;

/**
 * Prepares statistics SQL so that PostgreSQL plans every execution with its actual parameters. After five executions
 * the JDBC driver would switch to a named server-side statement and PostgreSQL to a generic plan, which cannot see how
 * large a view box or a period is: on the coverage benchmark a generic plan chose a nested loop over 5,576 cells × a
 * half year of inspections and ran for minutes instead of 0.1 s.
 */
public final class CustomPlan {
    private CustomPlan() {
    }

    public static PreparedStatement prepare(Connection c, String sql) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        if (ps.isWrapperFor(PGStatement.class)) {
            ps.unwrap(PGStatement.class).setPrepareThreshold(0);
        }
        return ps;
    }
}
