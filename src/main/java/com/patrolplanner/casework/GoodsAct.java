package com.patrolplanner.casework;

import com.patrolplanner.i18n.Messages;
import com.patrolplanner.inspection.SeizedKind;
import java.util.Arrays;

/**
 * The acts by which goods are taken or disposed of, counted apart in every figure (DOMAIN.md): 收缴 takes illegal goods
 * from an illegal (unlicensed) operator; 扣押 / 查封 are temporary coercive measures (《行政强制法》) whose goods are
 * returned unless a decision confiscates them; 没收 is a penalty decision's confiscation; 销毁 is destruction, with date,
 * place and witnesses.
 */
public enum GoodsAct {
    COLLECTED("collected", "收缴"),
    DETAINED("detained", "扣押"),
    SEALED("sealed", "查封"),
    CONFISCATED("confiscated", "没收"),
    DESTROYED("destroyed", "销毁");

    /**
     * Rule {@value}: 扣押 is not 收缴. The on-the-spot record of an inspection ({@code inspection.seized}) counts items
     * by kind without naming the act; computers taken from an internet café are detained (扣押电脑主机40台), never
     * collected, so they count as {@link #DETAINED}; the other kinds there are collected.
     */
    public static final String DETENTION_IS_NOT_COLLECTION = "DETENTION_IS_NOT_COLLECTION";

    public final String code;
    public final String zh;

    GoodsAct(String code, String zh) {
        this.code = code;
        this.zh = zh;
    }

    /** Temporary acts, with a return date ({@link SeizureTermRule}). */
    public boolean temporary() {
        return this == DETAINED || this == SEALED;
    }

    /** How an inspection's on-the-spot count of {@code kind} is counted ({@link #DETENTION_IS_NOT_COLLECTION}). */
    public static GoodsAct ofInspectionRecord(SeizedKind kind) {
        return kind == SeizedKind.COMPUTERS ? DETAINED : COLLECTED;
    }

    public static GoodsAct parse(String s) {
        for (GoodsAct a : values()) {
            if (a.code.equalsIgnoreCase(s == null ? "" : s.trim()) || a.zh.equals(s)) {
                return a;
            }
        }
        throw new IllegalArgumentException(Messages.of("goods.unknownAct", s, String.join(", ",
                Arrays.stream(values()).map(a -> a.code).toList())));
    }
}
