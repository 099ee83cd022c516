package com.patrolplanner.registry;

import com.patrolplanner.i18n.Messages;
import java.util.Map;

/** School levels; 中学、小学 in the regulations covers every school giving primary or secondary education to minors. */
public enum SchoolLevel {
    KINDERGARTEN("kindergarten", "幼儿园"), PRIMARY("primary", "小学"), JUNIOR("junior", "初中"), SENIOR("senior", "高中"),
    NINE_YEAR("nine_year", "九年一贯制"), TWELVE_YEAR("twelve_year", "十二年一贯制"), VOCATIONAL("vocational", "中职");

    private static final Map<String, SchoolLevel> ALIASES = Map.of("初级中学", JUNIOR, "高级中学", SENIOR, "中学", JUNIOR,
            "完全中学", SENIOR, "九年制", NINE_YEAR, "职业学校", VOCATIONAL, "中等职业学校", VOCATIONAL, "职高", VOCATIONAL,
            "十二年制", TWELVE_YEAR);

    public final String code;
    public final String zh;

    SchoolLevel(String code, String zh) {
        this.code = code;
        this.zh = zh;
    }

    public static SchoolLevel parse(String s) {
        if (s == null || s.isBlank()) {
            throw new IllegalArgumentException(Messages.of("registry.levelRequired"));
        }
        String k = s.trim();
        for (SchoolLevel v : values()) {
            if (v.code.equalsIgnoreCase(k) || v.zh.equals(k) || v.name().equalsIgnoreCase(k)) {
                return v;
            }
        }
        SchoolLevel v = ALIASES.get(k);
        if (v == null) {
            throw new IllegalArgumentException(Messages.of("registry.unknownLevel", s));
        }
        return v;
    }
}
