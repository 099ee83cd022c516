package com.patrolplanner.importer;

import com.patrolplanner.i18n.Messages;
import com.patrolplanner.web.ApiException;
import com.patrolplanner.web.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Collects every bad cell of a file during the validation pass (before anything is written), and parses the cell types
 * imports share. {@link #throwIfAny} ends an all-or-nothing import with one 422 listing the rows.
 */
public final class RowErrors {
    /** A file with more bad rows than this is listed only this far (the detail says how many there were). */
    public static final int MAX_LISTED = 1000;

    private final List<Problem.FieldError> errors = new ArrayList<>();
    private int count;

    public void add(int row, String field, String reason) {
        count++;
        if (errors.size() < MAX_LISTED) {
            errors.add(new Problem.FieldError(row, field, reason));
        }
    }

    /** Counts {@code n} more problems without listing them (the list is already full). */
    public void addUnlisted(long n) {
        count += (int) Math.min(n, Integer.MAX_VALUE - count);
    }

    /** Orders the listed problems by row (stable: a row's problems keep their order), after a second pass added some. */
    public void sortByRow() {
        errors.sort(java.util.Comparator.comparing(Problem.FieldError::row,
                java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())));
    }

    /** How many problems so far: compare before and after a row to know whether that row was bad. */
    public int mark() {
        return count;
    }

    public boolean isEmpty() {
        return count == 0;
    }

    /** A number, or null for an empty cell; a bad number is recorded and gives null. */
    public Double number(TabularReader.Row row, Columns c, String field) {
        String v = c.get(row, field);
        if (v.isEmpty()) {
            return null;
        }
        try {
            double d = Double.parseDouble(v.replace('，', '.').replace("°", ""));
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            add(row.number(), field, Messages.of("import.notNumber", v));
            return null;
        }
    }

    /** A whole number ≥ 0, or null for an empty cell. "120.0" (Excel) is accepted as 120. */
    public Integer count(TabularReader.Row row, Columns c, String field) {
        String v = c.get(row, field);
        if (v.isEmpty()) {
            return null;
        }
        try {
            double d = Double.parseDouble(v);
            if (d != Math.rint(d) || d < 0 || d > Integer.MAX_VALUE) {
                throw new NumberFormatException();
            }
            return (int) d;
        } catch (NumberFormatException e) {
            add(row.number(), field, Messages.of("import.notCount", v));
            return null;
        }
    }

    /** Yes/no: true/false, yes/no, y/n, 1/0, 是/否, 有/无; empty gives {@code dflt}. */
    public boolean flag(TabularReader.Row row, Columns c, String field, boolean dflt) {
        String v = c.get(row, field).toLowerCase(Locale.ROOT);
        return switch (v) {
            case "" -> dflt;
            case "true", "yes", "y", "1", "是", "有", "t", "在岗", "合成" -> true;
            case "false", "no", "n", "0", "否", "无", "f", "离岗", "真实" -> false;
            default -> {
                add(row.number(), field, Messages.of("import.notFlag", v));
                yield dflt;
            }
        };
    }

    /** Records a cell longer than {@code max} characters. */
    public void maxLength(TabularReader.Row row, String field, String value, int max) {
        if (value != null && value.length() > max) {
            add(row.number(), field, Messages.of("import.tooLong", max));
        }
    }

    /** 422 listing every bad row; nothing has been written yet. */
    public void throwIfAny(int rows) {
        if (count == 0) {
            return;
        }
        long badRows = errors.stream().map(Problem.FieldError::row).distinct().count();
        String detail = count > errors.size() ? Messages.of("import.rowsBadMany", count, badRows, rows, MAX_LISTED)
                : Messages.of("import.rowsBad", count, badRows, rows);
        throw ApiException.unprocessable(detail, errors);
    }
}
