package com.patrolplanner.web;

import java.util.ArrayList;
import java.util.List;

/**
 * Values made safe for a CSV cell that a spreadsheet will open (OWASP, "CSV Injection"): a text that begins with
 * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return would be read as a formula
 * ({@code =HYPERLINK(…)}, {@code =cmd|' /C calc'!A0}), so it gets a leading single quote, which spreadsheets show as
 * text and do not evaluate. Numbers ({@link Number} values, the numeric columns) are left as they are, negative ones
 * too; a minus sign inside a text column is neutralised like any other. Every CSV writer of the service passes its
 * cells through here.
 */
public final class CsvCells {
    private CsvCells() {
    }

    /** The cell value to print: text neutralised, numbers, booleans and null unchanged. */
    public static Object cell(Object value) {
        if (value == null || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        String s = value.toString();
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            return "'" + s;
        }
        return s;
    }

    /** A whole record, each value through {@link #cell(Object)}. */
    public static List<Object> row(Iterable<?> values) {
        List<Object> out = new ArrayList<>();
        for (Object v : values) {
            out.add(cell(v));
        }
        return out;
    }

    public static List<Object> row(Object... values) {
        return row(java.util.Arrays.asList(values));
    }
}
