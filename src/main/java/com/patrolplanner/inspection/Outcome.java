package com.patrolplanner.inspection;

import com.patrolplanner.i18n.Messages;
import java.util.Arrays;

/** What the officers found when they arrived. */
public enum Outcome {
    /** 检查合格. */
    COMPLIANT("compliant", "检查合格"),
    /** 发现违规: at least one checklist item is ticked. */
    VIOLATION("violation", "发现违规"),
    /** 未营业 (closed at the time of the visit). */
    NOT_OPERATING("not_operating", "未营业"),
    /** 拒绝检查. */
    REFUSED_ENTRY("refused_entry", "拒绝检查"),
    /** 查无此场所: the venue is not at its registered address; not counted as a venue checked. */
    NOT_FOUND("not_found", "查无此场所");

    public final String code;
    public final String zh;

    Outcome(String code, String zh) {
        this.code = code;
        this.zh = zh;
    }

    public static Outcome parse(String s) {
        for (Outcome o : values()) {
            if (o.code.equalsIgnoreCase(s == null ? "" : s.trim()) || o.zh.equals(s)) {
                return o;
            }
        }
        throw new IllegalArgumentException(Messages.of("inspection.unknown.outcome", s,
                String.join(", ", Arrays.stream(values()).map(o -> o.code).toList())));
    }
}
