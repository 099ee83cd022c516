package com.patrolplanner.campaign.domain;

import com.patrolplanner.i18n.Messages;

/** The kinds of campaign a bureau runs, with the names used in its work summaries. */
public enum CampaignType {
    /** 日常巡查: routine inspection of a zone in office hours. */
    ROUTINE("日常巡查"),
    /** 错时检查: at the hours minors go to cafés (noon break, after school, weekends, school holidays). */
    STAGGERED("错时检查"),
    /** 夜间突查 / 零点行动: venues that should be closed, hit after midnight. */
    NIGHT_SWEEP("夜间突查"),
    /** 蹲点守候: a stake-out at one venue at a set time. */
    STAKEOUT("蹲点守候"),
    /** 双随机抽查: targets and inspectors drawn at random, results published. */
    RANDOM("双随机抽查"),
    /** 专项整治: special campaigns (扫黄打非, 暑期整治, 百日集中整治). */
    SPECIAL("专项整治");

    public final String zh;

    CampaignType(String zh) {
        this.zh = zh;
    }

    /** Accepts the enum name (any case) or the Chinese name. */
    public static CampaignType parse(String s) {
        if (s == null || s.isBlank()) {
            throw new IllegalArgumentException(Messages.of("campaign.typeRequired"));
        }
        String k = s.trim();
        for (CampaignType t : values()) {
            if (t.name().equalsIgnoreCase(k) || t.zh.equals(k)) {
                return t;
            }
        }
        if (k.equals("零点行动") || k.equals("夜查")) {
            return NIGHT_SWEEP;
        }
        throw new IllegalArgumentException(Messages.of("campaign.unknownType", s));
    }
}
