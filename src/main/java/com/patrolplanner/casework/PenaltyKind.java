package com.patrolplanner.casework;

import com.patrolplanner.i18n.Messages;
import java.util.Arrays;

/** Penalty kinds of the cultural-market regulations (《行政处罚法》第九条 lists the kinds); each decision names its article. */
public enum PenaltyKind {
    WARNING("warning", "警告"),
    FINE("fine", "罚款"),
    CONFISCATE_INCOME("confiscate_income", "没收违法所得"),
    CONFISCATE_PROPERTY("confiscate_property", "没收非法财物"),
    SUSPEND("suspend", "责令停业整顿"),
    REVOKE("revoke", "吊销许可证");

    public final String code;
    public final String zh;

    PenaltyKind(String code, String zh) {
        this.code = code;
        this.zh = zh;
    }

    /** Something is left to execute after the decision (a warning alone is served and done). */
    public boolean needsExecution() {
        return this != WARNING;
    }

    public static PenaltyKind parse(String s) {
        for (PenaltyKind k : values()) {
            if (k.code.equalsIgnoreCase(s == null ? "" : s.trim()) || k.zh.equals(s)) {
                return k;
            }
        }
        throw new IllegalArgumentException(Messages.of("casework.unknownPenalty", s, String.join(", ",
                Arrays.stream(values()).map(k -> k.code).toList())));
    }
}
