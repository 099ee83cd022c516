package com.patrolplanner.casework;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reading native-query rows and writing PostgreSQL literals, for the casework services. */
final class Rows {
    private Rows() {
    }

    static Long num(Object o) {
        return o == null ? null : ((Number) o).longValue();
    }

    static OffsetDateTime odt(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof OffsetDateTime t) {
            return t;
        }
        if (o instanceof java.time.Instant t) {
            return t.atOffset(ZoneOffset.UTC);
        }
        return com.patrolplanner.sql.Rows.utc(o);
    }

    static String textArray(List<String> xs) {
        StringBuilder b = new StringBuilder("{");
        for (int k = 0; k < xs.size(); k++) {
            b.append(k == 0 ? "" : ",").append('"').append(xs.get(k).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return b.append('}').toString();
    }

    static Map<String, Object> params(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int k = 0; k < kv.length; k += 2) {
            m.put((String) kv[k], kv[k + 1]);
        }
        return m;
    }
}
