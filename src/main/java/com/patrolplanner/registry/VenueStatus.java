package com.patrolplanner.registry;

import com.patrolplanner.i18n.Messages;
import java.util.Map;

/** Licence status of a venue. */
public enum VenueStatus {
    OPEN("open", "营业"), SUSPENDED("suspended", "停业整顿"), REVOKED("revoked", "吊销"), UNLICENSED("unlicensed", "无证"),
    CLOSED("closed", "关闭");

    private static final Map<String, VenueStatus> ALIASES = Map.of("正常", OPEN, "在营", OPEN, "停业", SUSPENDED,
            "已吊销", REVOKED, "无照", UNLICENSED, "注销", CLOSED, "已关闭", CLOSED, "歇业", CLOSED);

    public final String code;
    public final String zh;

    VenueStatus(String code, String zh) {
        this.code = code;
        this.zh = zh;
    }

    public static VenueStatus parse(String s) {
        if (s == null || s.isBlank()) {
            return OPEN;
        }
        String k = s.trim();
        for (VenueStatus v : values()) {
            if (v.code.equalsIgnoreCase(k) || v.zh.equals(k) || v.name().equalsIgnoreCase(k)) {
                return v;
            }
        }
        VenueStatus v = ALIASES.get(k);
        if (v == null) {
            throw new IllegalArgumentException(Messages.of("registry.unknownStatus", s));
        }
        return v;
    }
}
