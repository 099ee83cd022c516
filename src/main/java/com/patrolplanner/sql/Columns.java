package com.patrolplanner.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A batch of rows sent to SQL column by column: one array parameter per column, the rows taken apart by the getters
 * given, in the order given ({@code INSERT … SELECT … FROM unnest(?::text[], ?::float8[]) AS t(name, lon)}). One
 * statement writes or joins the whole batch; a null a getter gives is a SQL null in its array.
 *
 * <pre>{@code
 * Columns.of(rows).text(Row::name).float8(Row::lon).float8(Row::lat).bind(stmt, 3); // parameters 3, 4, 5
 * }</pre>
 */
public final class Columns<T> {
    private record Column(String sqlType, Object[] values) {
    }

    private final List<T> rows;
    private final List<Column> columns = new ArrayList<>();

    private Columns(List<T> rows) {
        this.rows = rows;
    }

    public static <T> Columns<T> of(List<T> rows) {
        return new Columns<>(rows);
    }

    /** A {@code text[]} column. */
    public Columns<T> text(Function<? super T, String> get) {
        return add("text", new String[rows.size()], get);
    }

    /** An {@code int4[]} column. */
    public Columns<T> int4(Function<? super T, Integer> get) {
        return add("int4", new Integer[rows.size()], get);
    }

    /** A {@code bigint[]} column. */
    public Columns<T> bigint(Function<? super T, Long> get) {
        return add("bigint", new Long[rows.size()], get);
    }

    /** A {@code float8[]} column. */
    public Columns<T> float8(Function<? super T, Double> get) {
        return add("float8", new Double[rows.size()], get);
    }

    /** A {@code boolean[]} column. */
    public Columns<T> bool(Function<? super T, Boolean> get) {
        return add("boolean", new Boolean[rows.size()], get);
    }

    private <V> Columns<T> add(String sqlType, V[] values, Function<? super T, ? extends V> get) {
        for (int i = 0; i < values.length; i++) {
            values[i] = get.apply(rows.get(i));
        }
        columns.add(new Column(sqlType, values));
        return this;
    }

    /** Sets the columns as parameters {@code first}, {@code first + 1}, …; returns the index after the last. */
    public int bind(Stmt st, int first) {
        int p = first;
        for (Column c : columns) {
            st.setArray(p++, c.sqlType(), c.values());
        }
        return p;
    }
}
