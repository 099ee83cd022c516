package com.patrolplanner.zoning;

import java.util.Locale;

/**
 * Expected inspection minutes of one venue: minutes on site for its category × a risk weight. A zone's workload is the
 * sum over its venues; auto zoning balances it.
 *
 * <p>The minutes are one routine on-site check by a pair of officers (《行政处罚法》第四十二条), record (笔录) included,
 * travel excluded. They follow what the check list of each category asks for; a bureau may tune them, the shape of the
 * balance does not depend on the exact figures.
 */
public final class Workload {
    /** 网吧: licence and minors sign, walk the floor for minors, ID-registration log, management software, PC count. */
    public static final double MINUTES_INTERNET_CAFE = 45;
    /** 歌舞娱乐 (KTV): room-by-room walk for minors and content, hours, licence. */
    public static final double MINUTES_SONG_DANCE = 40;
    /** 演出场所: performance approval, programme against the approved one. */
    public static final double MINUTES_PERFORMANCE = 35;
    /** 游艺娱乐: machine list against the approved list, minors outside statutory holidays. */
    public static final double MINUTES_GAME_ARCADE = 30;
    /** 印刷企业: order register and the five printing records (印刷五项制度). */
    public static final double MINUTES_PRINTING = 30;
    /** 宾馆酒店: satellite dishes and IPTV source, a few rooms sampled. */
    public static final double MINUTES_HOTEL = 20;
    /** 卫星设施销售/安装: stock and installation records. */
    public static final double MINUTES_SATELLITE_EQUIPMENT = 20;
    /** 出版物经营 (bookstore, stationery shop, newsstand): a scan of the shelves for illegal or harmful publications. */
    public static final double MINUTES_PUBLICATION = 15;
    public static final double MINUTES_OTHER = 15;

    /** Each complaint on file adds 10 % (more checks for venues with complaints: 双随机 practice), capped at 10. */
    public static final double WEIGHT_PER_COMPLAINT = 0.10;
    public static final int COMPLAINTS_CAP = 10;
    /** Unlicensed (无证) operation means evidence gathering and a case: half again as long. */
    public static final double WEIGHT_UNLICENSED = 1.5;
    /** Suspended or revoked: a short visit to confirm the venue stays shut. */
    public static final double WEIGHT_SUSPENDED = 0.5;
    /** Closed (注销/关闭): nothing to inspect. */
    public static final double WEIGHT_CLOSED = 0.0;

    private Workload() {
    }

    public static double minutes(String category) {
        return switch (category == null ? "other" : category.toLowerCase(Locale.ROOT)) {
            case "internet_cafe" -> MINUTES_INTERNET_CAFE;
            case "song_dance" -> MINUTES_SONG_DANCE;
            case "performance" -> MINUTES_PERFORMANCE;
            case "game_arcade" -> MINUTES_GAME_ARCADE;
            case "printing" -> MINUTES_PRINTING;
            case "hotel" -> MINUTES_HOTEL;
            case "satellite_equipment" -> MINUTES_SATELLITE_EQUIPMENT;
            case "publication" -> MINUTES_PUBLICATION;
            default -> MINUTES_OTHER;
        };
    }

    public static double riskWeight(String status, int complaints) {
        double s = switch (status == null ? "open" : status) {
            case "unlicensed" -> WEIGHT_UNLICENSED;
            case "suspended", "revoked" -> WEIGHT_SUSPENDED;
            case "closed" -> WEIGHT_CLOSED;
            default -> 1.0;
        };
        return s * (1 + WEIGHT_PER_COMPLAINT * Math.min(Math.max(complaints, 0), COMPLAINTS_CAP));
    }

    /** Expected minutes of one venue. */
    public static double of(String category, String status, int complaints) {
        return minutes(category) * riskWeight(status, complaints);
    }

    /** The same formula in SQL over a row of pp.venue aliased {@code v}, for statistics. */
    public static final String SQL = "(CASE v.category WHEN 'internet_cafe' THEN " + MINUTES_INTERNET_CAFE
            + " WHEN 'song_dance' THEN " + MINUTES_SONG_DANCE + " WHEN 'performance' THEN " + MINUTES_PERFORMANCE
            + " WHEN 'game_arcade' THEN " + MINUTES_GAME_ARCADE + " WHEN 'printing' THEN " + MINUTES_PRINTING
            + " WHEN 'hotel' THEN " + MINUTES_HOTEL + " WHEN 'satellite_equipment' THEN " + MINUTES_SATELLITE_EQUIPMENT
            + " WHEN 'publication' THEN " + MINUTES_PUBLICATION + " ELSE " + MINUTES_OTHER + " END)"
            + " * (CASE v.status WHEN 'unlicensed' THEN " + WEIGHT_UNLICENSED + " WHEN 'suspended' THEN " + WEIGHT_SUSPENDED
            + " WHEN 'revoked' THEN " + WEIGHT_SUSPENDED + " WHEN 'closed' THEN " + WEIGHT_CLOSED + " ELSE 1.0 END)"
            + " * (1 + " + WEIGHT_PER_COMPLAINT + " * LEAST(GREATEST(v.complaint_count, 0), " + COMPLAINTS_CAP + "))";
}
