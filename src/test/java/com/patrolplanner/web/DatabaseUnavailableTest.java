package com.patrolplanner.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.hibernate.exception.GenericJDBCException;
import org.junit.jupiter.api.Test;

/**
 * A primary restarted under the service ends its connections with "FATAL: terminating connection due to administrator
 * command" (SQLState 57P01), which Hibernate wraps as a GenericJDBCException: the failover bench of session 6 saw two
 * such requests answered 500. They are the database being unavailable (503), not a fault of the service.
 */
class DatabaseUnavailableTest {

    static boolean anyLink(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (ProblemMappers.databaseUnavailable(t)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void serverShutdownsAndConnectionFailuresAreUnavailable() {
        for (String state : new String[] {"57P01", "57P02", "57P03", "08006", "08001"}) {
            assertTrue(anyLink(new GenericJDBCException("JDBC exception executing SQL",
                    new SQLException("FATAL: terminating connection", state))), state);
        }
    }

    @Test
    void otherDatabaseErrorsAreNot() {
        // 57014 is a statement timeout (web.StatementTimeout answers it 503 with its own text), 23505 a unique violation, 42P01 a missing table
        for (String state : new String[] {"57014", "23505", "42P01", "XX000"}) {
            assertFalse(anyLink(new GenericJDBCException("JDBC exception executing SQL", new SQLException("x", state))),
                    state);
        }
        assertFalse(anyLink(new IllegalStateException("no database here")));
    }
}
