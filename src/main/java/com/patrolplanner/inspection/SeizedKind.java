package com.patrolplanner.inspection;

import com.patrolplanner.i18n.Messages;
import java.util.Arrays;

/** Kinds of item seized (收缴/查没), with the unit the half-year summaries count them in. */
public enum SeizedKind {
    /** 非法出版物 (books, magazines), 册. */
    ILLEGAL_PUBLICATIONS("illegal_publications", "非法出版物", "册"),
    /** 非法音像制品 / 光盘, 盘. */
    DISCS("discs", "非法音像制品", "盘"),
    /** 卫星地面接收设施, 台(套). */
    SATELLITE_RECEIVERS("satellite_receivers", "卫星地面接收设施", "台(套)"),
    /** 电脑主机 (扣押), 台. */
    COMPUTERS("computers", "电脑主机", "台"),
    /** 其他物品, 件. */
    OTHER("other", "其他物品", "件");

    public final String code;
    public final String zh;
    public final String unit;

    SeizedKind(String code, String zh, String unit) {
        this.code = code;
        this.zh = zh;
        this.unit = unit;
    }

    public static SeizedKind parse(String s) {
        for (SeizedKind k : values()) {
            if (k.code.equalsIgnoreCase(s == null ? "" : s.trim()) || k.zh.equals(s)) {
                return k;
            }
        }
        throw new IllegalArgumentException(Messages.of("inspection.unknown.kind", s,
                String.join(", ", Arrays.stream(values()).map(k -> k.code).toList())));
    }
}
