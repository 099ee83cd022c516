package com.patrolplanner.sql;

import java.sql.SQLException;

/** A statement failed: the driver's {@link SQLException} as an unchecked exception, kept as the cause. */
public class SqlFailure extends RuntimeException {
    SqlFailure(SQLException cause) {
        super(cause.getMessage(), cause);
    }

    /** The five-character SQLSTATE of the failure (e.g. {@code 23505}, {@code 57014}), or null. */
    public String sqlState() {
        return ((SQLException) getCause()).getSQLState();
    }
}
