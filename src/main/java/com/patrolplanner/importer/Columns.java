package com.patrolplanner.importer;

import com.patrolplanner.i18n.Messages;
import com.patrolplanner.web.ApiException;
import com.patrolplanner.web.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which column of a {@link TabularReader.Table} holds which of our fields. A field is found by the client's mapping
 * (our field → the file's header) first, else by its known headers (English and Chinese). Headers compare ignoring case,
 * spaces, underscores and hyphens, so {@code Licence No}, {@code licence_no} and {@code licenceNo} are the same.
 */
public final class Columns {
    private final List<String> header;
    private final Map<String, Integer> index = new LinkedHashMap<>();
    private final Map<String, List<String>> aliases;

    Columns(List<String> header, Map<String, List<String>> aliases, Map<String, String> mapping) {
        this.header = header;
        this.aliases = aliases;
        Map<String, String> byNorm = new LinkedHashMap<>();
        aliases.keySet().forEach(f -> byNorm.put(normalise(f), f));
        List<Problem.FieldError> errors = new ArrayList<>();
        Map<String, String> explicit = new LinkedHashMap<>();
        if (mapping != null) {
            for (Map.Entry<String, String> e : mapping.entrySet()) {
                String field = byNorm.get(normalise(e.getKey()));
                if (field == null) {
                    errors.add(Problem.FieldError.of("mapping." + e.getKey(),
                            Messages.of("import.unknownField", String.join(", ", aliases.keySet()))));
                } else if (e.getValue() != null && !e.getValue().isBlank()) {
                    explicit.put(field, e.getValue());
                }
            }
        }
        for (String field : aliases.keySet()) {
            String wanted = explicit.get(field);
            if (wanted != null) {
                int i = find(List.of(wanted));
                if (i < 0) {
                    errors.add(Problem.FieldError.of("mapping." + field,
                            Messages.of("import.noColumn", wanted, String.join(", ", header))));
                } else {
                    index.put(field, i);
                }
            } else {
                List<String> names = new ArrayList<>(aliases.get(field));
                names.add(0, field);
                int i = find(names);
                if (i >= 0 && !index.containsValue(i)) {
                    index.put(field, i);
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiException(400, "Bad request", Messages.of("import.mappingBad", errors.get(0).reason()), errors);
        }
    }

    private int find(List<String> names) {
        for (String n : names) {
            String k = normalise(n);
            for (int i = 0; i < header.size(); i++) {
                if (normalise(header.get(i)).equals(k)) {
                    return i;
                }
            }
        }
        return -1;
    }

    static String normalise(String s) {
        return s == null ? "" : s.trim().toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-（）()]", "");
    }

    public boolean has(String field) {
        return index.containsKey(field);
    }

    /** The trimmed cell of {@code field} in {@code row}; "" when the column is absent or the cell empty. */
    public String get(TabularReader.Row row, String field) {
        Integer i = index.get(field);
        return i == null ? "" : row.cell(i).trim();
    }

    /** Null instead of "". */
    public String opt(TabularReader.Row row, String field) {
        String v = get(row, field);
        return v.isEmpty() ? null : v;
    }

    /** Throws a 422 naming every required column the file lacks (with the headers it would accept). */
    public void require(String... fields) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (String f : fields) {
            if (!has(f)) {
                errors.add(Problem.FieldError.of(f, Messages.of("import.missingColumn",
                        f + ", " + String.join(", ", aliases.get(f)), String.join(", ", header))));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.unprocessable(Messages.of("import.missingColumns",
                    String.join(", ", errors.stream().map(Problem.FieldError::field).toList())), errors);
        }
    }
}
