package com.patrolplanner.compliance;

/**
 * Codes of the rules seeded by migration V20 (texts in the rule rows). Each has a test of the same name in
 * {@code SeededRulesTest}.
 */
public final class SeededRules {
    /** 《互联网上网服务营业场所管理条例》第九条 + 文市函[2003]560号: 200 m from the campus boundary of 中学、小学, national. */
    public static final String ICAFE_SCHOOL_200M = "ICAFE_SCHOOL_200M";
    /** 《娱乐场所管理条例》第七条, distance set by the province: Shandong 200 m for song-and-dance venues. */
    public static final String SONG_DANCE_SCHOOL_SHANDONG_200M = "SONG_DANCE_SCHOOL_SHANDONG_200M";
    /** 《娱乐场所管理条例》第七条, distance set by the province: Shandong 200 m for game arcades. */
    public static final String GAME_ARCADE_SCHOOL_SHANDONG_200M = "GAME_ARCADE_SCHOOL_SHANDONG_200M";
    /** 《未成年人保护法》第五十八条, no distance: note for song-and-dance venues where no province rule exists. */
    public static final String MINORS_ENTERTAINMENT_NEAR_SCHOOL = "MINORS_ENTERTAINMENT_NEAR_SCHOOL";
    /** 《未成年人保护法》第五十八条, no distance: note for game arcades. */
    public static final String MINORS_ARCADE_NEAR_SCHOOL = "MINORS_ARCADE_NEAR_SCHOOL";
    /** 《未成年人保护法》第五十八条: internet cafés near kindergartens (第九条's 200 m covers only 中学、小学). */
    public static final String MINORS_ICAFE_NEAR_KINDERGARTEN = "MINORS_ICAFE_NEAR_KINDERGARTEN";

    private SeededRules() {
    }
}
