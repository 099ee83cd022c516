/**
 * The one data-access style for SQL the ORM does not express (issue 13, item 7).
 *
 * <p><b>The decision.</b> Entities go through Hibernate/Panache. Every other statement is a Hibernate native query
 * through the request's {@code EntityManager} ({@code em.createNativeQuery(sql)}, positional {@code ?n} or named
 * parameters), its rows read into records at once ({@link com.patrolplanner.sql.Rows} reads an {@code Object[]} row as
 * a {@link com.patrolplanner.sql.Row}). Only what a native query cannot do goes through {@link com.patrolplanner.sql.Db},
 * the one place in {@code src/main} that touches {@code java.sql}: streaming a large result from a server-side cursor
 * (compliance scan, coverage, tiles), JDBC batches and COPY, per-execution custom plans
 * ({@link com.patrolplanner.sql.Conn#customPlan()}), several statements on one connection outside a transaction, binary
 * geometry (WKB {@code bytea}) round trips in hot loops, and the replica of {@code web.ReadSource}
 * ({@link com.patrolplanner.sql.Db#lagTolerant}). Statements keep their SQL text; callers see {@link
 * com.patrolplanner.sql.Row} and map it to their own records, never a {@code ResultSet}.
 *
 * <p>Inside a JTA transaction {@code Db} gets the transaction's enlisted connection from the same Agroal pool as
 * Hibernate (flush first when the statement must see unflushed entities); outside one it borrows a pooled connection
 * for the duration of a {@link com.patrolplanner.sql.Db#work} block. {@link java.sql.SQLException}s leave as the
 * unchecked {@link com.patrolplanner.sql.SqlFailure}, cause kept (so {@code web.ProblemMappers} still sees the
 * SQLState). {@code architecture/ArchitectureTest} enforces that no other package names {@code java.sql}, {@code
 * javax.sql} or a {@code DataSource} (its allowlist names each exception and why).
 */
package com.patrolplanner.sql;
