package com.patrolplanner.registry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The field-level changes of one register write, the {@code changes} of a change-history row: each field whose value
 * differs, with its value before and after (null: none on that side), in the order of the writer's snapshot. Built by
 * {@link ChangeHistory#diff}; {@link RegistryService#history} stores it.
 *
 * <p>A value is what a snapshot holds: a text, a number (as the writer's type: 120, 119.161), a flag, a list of values
 * (violation codes, officers' certificates) or a map of them (opening hours per weekday, seized goods per kind). Stored
 * and audited as {@code {"field": {"old": …, "new": …}}} ({@link #toJson}), the very text the untyped diff wrote.
 */
public record Changes(List<FieldChange> fields) {
    /** Nothing changed. */
    public static final Changes NONE = new Changes(List.of());

    public Changes {
        fields = List.copyOf(fields);
    }

    /** One field: its value before and after the write. */
    public record FieldChange(String field, Value before, Value after) {
    }

    /** A value held by a snapshot (see the class comment). */
    public sealed interface Value permits Text, Num, Flag, Items, Entries {
        /** The plain Java value Jackson writes (String, the Number as given, Boolean, List, Map). */
        Object plain();

        /**
         * The value of a snapshot entry: null stays null; texts, numbers, flags, collections, arrays and string-keyed maps
         * (in their order) are kept as such. Anything else is refused: a snapshot holds what its history shows.
         */
        static Value of(Object o) {
            if (o == null) {
                return null;
            }
            if (o instanceof CharSequence || o instanceof Character || o instanceof Enum<?>) {
                return new Text(o instanceof Enum<?> e ? e.name() : o.toString());
            }
            if (o instanceof Number n) {
                return new Num(n);
            }
            if (o instanceof Boolean b) {
                return new Flag(b);
            }
            if (o instanceof Collection<?> c) {
                List<Value> out = new ArrayList<>(c.size());
                c.forEach(x -> out.add(of(x)));
                return new Items(Collections.unmodifiableList(out));
            }
            if (o instanceof Object[] a) {
                return of(java.util.Arrays.asList(a));
            }
            if (o instanceof Map<?, ?> m) {
                Map<String, Value> out = new LinkedHashMap<>();
                m.forEach((k, v) -> out.put(String.valueOf(k), of(v)));
                return new Entries(Collections.unmodifiableMap(out));
            }
            throw new IllegalStateException("a change-history value is a text, number, flag, list or map, not "
                    + o.getClass().getName());
        }
    }

    public record Text(String value) implements Value {
        @Override
        public Object plain() {
            return value;
        }
    }

    /** A number as the snapshot gave it (Integer, Long, Double): its type decides how it is written (120 or 120.0). */
    public record Num(Number value) implements Value {
        @Override
        public Object plain() {
            return value;
        }
    }

    public record Flag(boolean value) implements Value {
        @Override
        public Object plain() {
            return value;
        }
    }

    public record Items(List<Value> values) implements Value {
        @Override
        public Object plain() {
            List<Object> out = new ArrayList<>(values.size());
            values.forEach(v -> out.add(v == null ? null : v.plain()));
            return out;
        }
    }

    public record Entries(Map<String, Value> values) implements Value {
        @Override
        public Object plain() {
            Map<String, Object> out = new LinkedHashMap<>();
            values.forEach((k, v) -> out.put(k, v == null ? null : v.plain()));
            return out;
        }
    }

    public boolean isEmpty() {
        return fields.isEmpty();
    }

    /** The change of {@code field}, if it changed. */
    public Optional<FieldChange> of(String field) {
        return fields.stream().filter(f -> f.field().equals(field)).findFirst();
    }

    /**
     * The stored form, {@code {"field": {"old": …, "new": …}}} in field order, for the {@code changes} column and the
     * audit record's details (the storage edge: nothing else reads it).
     */
    public Map<String, Map<String, Object>> toJson() {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (FieldChange f : fields) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("old", f.before() == null ? null : f.before().plain());
            c.put("new", f.after() == null ? null : f.after().plain());
            out.put(f.field(), c);
        }
        return out;
    }
}
