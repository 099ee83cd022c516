package com.patrolplanner.casework;

/** The stages of a penalty case: 立案 → 调查取证 → 告知 → 决定 → 执行 → 结案. */
public enum CaseState {
    FILED("filed", "已立案"),
    INVESTIGATING("investigating", "调查取证"),
    NOTIFIED("notified", "已告知"),
    DECIDED("decided", "已决定"),
    EXECUTED("executed", "已执行"),
    CLOSED("closed", "已结案");

    public final String code;
    public final String zh;

    CaseState(String code, String zh) {
        this.code = code;
        this.zh = zh;
    }

    public static CaseState of(String code) {
        for (CaseState s : values()) {
            if (s.code.equals(code)) {
                return s;
            }
        }
        throw new IllegalArgumentException(code);
    }
}
