package com.patrolplanner.sql;

/** Statements run on one connection ({@link Db#work}). */
@FunctionalInterface
public interface Work<T> {
    T run(Conn c);
}
