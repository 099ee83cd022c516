package com.patrolplanner.compliance;

import com.patrolplanner.sql.Conn;
import com.patrolplanner.sql.Stmt;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A SQL text with its positional ({@code ?}) parameters, composed by {@link ComplianceSql}. */
record Sql(String text, List<Object> params) {
    static Sql of(String text, Object... params) {
        return new Sql(text, java.util.Arrays.asList(params)); // parameters may be null
    }

    /** Replaces each {@code {}} in {@code template} by the next part, parameters in text order. */
    static Sql compose(String template, Sql... parts) {
        StringBuilder out = new StringBuilder();
        List<Object> ps = new ArrayList<>();
        int from = 0;
        int i = 0;
        while (true) {
            int at = template.indexOf("{}", from);
            if (at < 0) {
                break;
            }
            out.append(template, from, at).append(parts[i].text());
            ps.addAll(parts[i].params());
            i++;
            from = at + 2;
        }
        if (i != parts.length) {
            throw new IllegalArgumentException("template has " + i + " holes, " + parts.length + " parts given");
        }
        out.append(template.substring(from));
        return new Sql(out.toString(), ps);
    }

    Stmt prepare(Conn c) {
        Stmt st = c.prepare(text);
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            if (p instanceof LocalDate d) {
                st.setDate(i + 1, d);
            } else {
                st.setObject(i + 1, p);
            }
        }
        return st;
    }
}
