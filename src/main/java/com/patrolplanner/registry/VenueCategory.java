package com.patrolplanner.registry;

import com.patrolplanner.i18n.Messages;
import java.util.Locale;
import java.util.Map;

/** Kinds of licensed cultural venue a bureau inspects, with the Chinese names found in registers. */
public enum VenueCategory {
    /** 互联网上网服务营业场所 (网吧). */
    INTERNET_CAFE("internet_cafe", "网吧"),
    /** 歌舞娱乐场所 (KTV, nightclubs). */
    SONG_DANCE("song_dance", "歌舞娱乐"),
    /** 游艺娱乐场所 (game arcades). */
    GAME_ARCADE("game_arcade", "游艺娱乐"),
    /** 出版物经营 (bookstores, stationery and toy shops, newsstands). */
    PUBLICATION("publication", "出版物"),
    /** 宾馆/酒店 (satellite dishes, IPTV). */
    HOTEL("hotel", "宾馆酒店"),
    /** 卫星地面接收设施销售/安装. */
    SATELLITE_EQUIPMENT("satellite_equipment", "卫星设施"),
    /** 印刷企业. */
    PRINTING("printing", "印刷"),
    /** 演出场所. */
    PERFORMANCE("performance", "演出场所"),
    /** 艺术品经营单位 (galleries, art dealers; 《艺术品经营管理办法》). */
    ART("art", "艺术品经营"),
    /** 文物经营 (文物商店, antiques shops; 《文物保护法》). */
    CULTURAL_RELICS("cultural_relics", "文物经营"),
    /**
     * 网络文化经营单位 (online games, live streaming, online performance; 《互联网文化管理暂行规定》): operated online,
     * so without a venue position; listed in the register, never planned or mapped ({@link #online}).
     */
    ONLINE_CULTURE("online_culture", "网络文化", true),
    OTHER("other", "其他");

    private static final Map<String, VenueCategory> ALIASES = Map.ofEntries(
            Map.entry("网吧", INTERNET_CAFE), Map.entry("网咖", INTERNET_CAFE), Map.entry("互联网上网服务营业场所", INTERNET_CAFE),
            Map.entry("上网服务", INTERNET_CAFE), Map.entry("internet cafe", INTERNET_CAFE),
            Map.entry("歌舞娱乐", SONG_DANCE), Map.entry("歌舞娱乐场所", SONG_DANCE), Map.entry("ktv", SONG_DANCE),
            Map.entry("歌厅", SONG_DANCE), Map.entry("夜总会", SONG_DANCE), Map.entry("酒吧", SONG_DANCE), Map.entry("歌舞厅", SONG_DANCE),
            Map.entry("游艺娱乐", GAME_ARCADE), Map.entry("游艺娱乐场所", GAME_ARCADE), Map.entry("游戏厅", GAME_ARCADE),
            Map.entry("电玩城", GAME_ARCADE), Map.entry("游艺厅", GAME_ARCADE), Map.entry("arcade", GAME_ARCADE),
            Map.entry("出版物", PUBLICATION), Map.entry("出版物经营", PUBLICATION), Map.entry("书店", PUBLICATION),
            Map.entry("书报亭", PUBLICATION), Map.entry("文具店", PUBLICATION), Map.entry("文具玩具店", PUBLICATION),
            Map.entry("音像店", PUBLICATION), Map.entry("bookstore", PUBLICATION),
            Map.entry("宾馆", HOTEL), Map.entry("酒店", HOTEL), Map.entry("宾馆酒店", HOTEL), Map.entry("宾馆/酒店", HOTEL),
            Map.entry("旅馆", HOTEL), Map.entry("招待所", HOTEL), Map.entry("旅店", HOTEL),
            Map.entry("卫星设施", SATELLITE_EQUIPMENT), Map.entry("卫星地面接收设施", SATELLITE_EQUIPMENT),
            Map.entry("印刷", PRINTING), Map.entry("印刷企业", PRINTING), Map.entry("印刷厂", PRINTING),
            Map.entry("演出场所", PERFORMANCE), Map.entry("剧场", PERFORMANCE),
            Map.entry("艺术品", ART), Map.entry("艺术品经营单位", ART), Map.entry("画廊", ART), Map.entry("art dealer", ART),
            Map.entry("文物", CULTURAL_RELICS), Map.entry("文物商店", CULTURAL_RELICS), Map.entry("古玩", CULTURAL_RELICS),
            Map.entry("古玩店", CULTURAL_RELICS), Map.entry("antiques", CULTURAL_RELICS),
            Map.entry("网络文化经营", ONLINE_CULTURE), Map.entry("互联网文化", ONLINE_CULTURE), Map.entry("网络表演", ONLINE_CULTURE),
            Map.entry("网络游戏", ONLINE_CULTURE), Map.entry("online", ONLINE_CULTURE),
            Map.entry("其他", OTHER));

    public final String code;
    public final String zh;
    /** Operated online: no venue position, not planned, not on the map. */
    public final boolean online;

    VenueCategory(String code, String zh) {
        this(code, zh, false);
    }

    VenueCategory(String code, String zh, boolean online) {
        this.code = code;
        this.zh = zh;
        this.online = online;
    }

    /** Accepts the code (internet_cafe), the enum name, or a Chinese name (网吧, 歌舞娱乐/KTV, …). */
    public static VenueCategory parse(String s) {
        if (s == null || s.isBlank()) {
            throw new IllegalArgumentException(Messages.of("registry.categoryRequired"));
        }
        String k = s.trim();
        for (VenueCategory c : values()) {
            if (c.code.equalsIgnoreCase(k) || c.name().equalsIgnoreCase(k) || c.zh.equals(k)) {
                return c;
            }
        }
        VenueCategory c = ALIASES.get(k.toLowerCase(Locale.ROOT));
        if (c == null) {
            throw new IllegalArgumentException(Messages.of("registry.unknownCategory", s));
        }
        return c;
    }
}
