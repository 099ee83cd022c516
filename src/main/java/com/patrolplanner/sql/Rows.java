package com.patrolplanner.sql;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows of a Hibernate native query ({@code Object[]} per row, or a bare value for a one-column select) read as
 * {@link Row}s, so native queries and {@link Db} statements map to records the same way. By column only (no labels).
 */
public final class Rows {
    private Rows() {
    }

    /** Maps every row of a native query's {@code getResultList()}. */
    public static <T> List<T> map(List<?> results, RowMapper<T> mapper) {
        List<T> out = new ArrayList<>(results.size());
        for (Object r : results) {
            out.add(mapper.map(of(r)));
        }
        return out;
    }

    /** One native-query row ({@code Object[]}, or the single value of a one-column select). */
    public static Row of(Object result) {
        return new ArrayRow(result instanceof Object[] a ? a : new Object[] {result});
    }

    /** Any temporal value a driver or Hibernate hands back, as an instant (null stays null). */
    public static Instant instant(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof Instant t) {
            return t;
        }
        if (o instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        if (o instanceof java.time.ZonedDateTime t) {
            return t.toInstant();
        }
        if (o instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (o instanceof java.util.Date d) {
            return d.toInstant();
        }
        throw new IllegalStateException("not a time: " + o.getClass().getName());
    }

    /** A date value a driver or Hibernate hands back ({@code java.sql.Date}, {@link LocalDate}, ISO text), or null. */
    public static LocalDate localDate(Object o) {
        if (o == null || o instanceof LocalDate) {
            return (LocalDate) o;
        }
        if (o instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        return LocalDate.parse(o.toString());
    }

    /** {@link #instant} at UTC, or null. */
    public static OffsetDateTime utc(Object o) {
        if (o instanceof OffsetDateTime t) {
            return t;
        }
        Instant t = instant(o);
        return t == null ? null : t.atOffset(java.time.ZoneOffset.UTC);
    }

    private static final class ArrayRow implements Row {
        private final Object[] values;
        private boolean wasNull;

        ArrayRow(Object[] values) {
            this.values = values;
        }

        private Object at(int column) {
            Object v = values[column - 1];
            wasNull = v == null;
            return v;
        }

        @Override
        public Object getObject(int column) {
            return at(column);
        }

        @Override
        public String getString(int column) {
            Object v = at(column);
            return v == null ? null : v.toString();
        }

        @Override
        public long getLong(int column) {
            Object v = at(column);
            return v == null ? 0 : ((Number) v).longValue();
        }

        @Override
        public int getInt(int column) {
            Object v = at(column);
            return v == null ? 0 : ((Number) v).intValue();
        }

        @Override
        public double getDouble(int column) {
            Object v = at(column);
            return v == null ? 0 : ((Number) v).doubleValue();
        }

        @Override
        public boolean getBoolean(int column) {
            Object v = at(column);
            return v != null && (Boolean) v;
        }

        @Override
        public BigDecimal getBigDecimal(int column) {
            Object v = at(column);
            return v == null ? null : v instanceof BigDecimal b ? b : new BigDecimal(v.toString());
        }

        @Override
        public byte[] getBytes(int column) {
            return (byte[]) at(column);
        }

        @Override
        public Instant getInstant(int column) {
            return instant(at(column));
        }

        @Override
        public LocalDate getLocalDate(int column) {
            Object v = at(column);
            return localDate(v);
        }

        @Override
        public Object getArray(int column) {
            return at(column);
        }

        @Override
        public boolean wasNull() {
            return wasNull;
        }
    }
}
