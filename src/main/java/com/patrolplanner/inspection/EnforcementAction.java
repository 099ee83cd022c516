package com.patrolplanner.inspection;

import com.patrolplanner.i18n.Messages;
import java.util.Arrays;

/** What the officers did on the spot. Items seized (收缴) are recorded separately, with counts by {@link SeizedKind}. */
public enum EnforcementAction {
    /** 警告. */
    WARNING("warning", "警告"),
    /** 责令整改. */
    RECTIFICATION_ORDER("rectification_order", "责令整改"),
    /** 立案查处: a case file is opened. */
    CASE_FILED("case_filed", "立案"),
    /** 取缔: an illegal stall or unlicensed venue is shut down. */
    CLOSED("closed", "取缔");

    public final String code;
    public final String zh;

    EnforcementAction(String code, String zh) {
        this.code = code;
        this.zh = zh;
    }

    public static EnforcementAction parse(String s) {
        for (EnforcementAction a : values()) {
            if (a.code.equalsIgnoreCase(s == null ? "" : s.trim()) || a.zh.equals(s)) {
                return a;
            }
        }
        throw new IllegalArgumentException(Messages.of("inspection.unknown.action", s,
                String.join(", ", Arrays.stream(values()).map(a -> a.code).toList())));
    }
}
