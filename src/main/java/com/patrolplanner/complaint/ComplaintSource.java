package com.patrolplanner.complaint;

import com.patrolplanner.i18n.Messages;
import java.util.Locale;

/** Where a complaint came in (举报来源). */
public enum ComplaintSource {
    /** 12318 全国文化市场举报电话 / 举报平台. */
    HOTLINE_12318("12318举报热线/平台", "12318 hotline / platform"),
    PHONE("电话举报", "phone"),
    WEB("网络举报", "web"),
    LETTER("来信来访", "letter or visit"),
    /** 上级交办 (the city bureau, the ministry's platform, the district government). */
    REFERRAL_SUPERIOR("上级交办", "referral from a superior"),
    /** 部门转办 (公安, 教育, 市场监管, 12345 …). */
    REFERRAL_DEPARTMENT("部门转办", "referral from another department");

    public final String zh;
    public final String en;

    ComplaintSource(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ComplaintSource parse(String s) {
        String k = s == null ? "" : s.trim();
        for (ComplaintSource c : values()) {
            if (c.name().equalsIgnoreCase(k) || c.zh.equals(k) || ("12318".equals(k) && c == HOTLINE_12318)) {
                return c;
            }
        }
        throw new IllegalArgumentException(Messages.of("complaint.sourceOneOf"));
    }
}
