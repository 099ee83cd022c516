package com.patrolplanner.sql;

/** Reads one result row into a value (usually a record). */
@FunctionalInterface
public interface RowMapper<T> {
    T map(Row row);
}
