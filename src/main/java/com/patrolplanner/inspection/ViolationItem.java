package com.patrolplanner.inspection;

import com.patrolplanner.i18n.Messages;
import com.patrolplanner.registry.VenueCategory;
import java.util.Arrays;
import java.util.List;

/**
 * The inspection checklist (检查清单): per venue category, the violations an officer can tick, each with the legal
 * article it breaches. Articles of 《互联网上网服务营业场所管理条例》 and 《娱乐场所管理条例》 are those named in
 * issue #7 and DOMAIN.md; 第三十一条 of the internet-café regulation is the article listing the penalised acts. The
 * articles for publications and satellite dishes were not given in the issue and should be confirmed by the bureau's
 * legal section before production.
 */
public enum ViolationItem {
    // ---- 网吧 互联网上网服务营业场所
    CAFE_MINORS_ADMITTED(VenueCategory.INTERNET_CAFE, "接纳未成年人进入营业场所",
            "《互联网上网服务营业场所管理条例》第二十一条：不得接纳未成年人进入营业场所；应当在营业场所入口处的显著位置悬挂未成年人禁入标志。罚则见第三十一条。"),
    CAFE_OUTSIDE_HOURS(VenueCategory.INTERNET_CAFE, "在规定的营业时间以外营业（每日0时至8时）",
            "《互联网上网服务营业场所管理条例》第二十二条：每日0时至8时，不得向上网消费者提供上网服务。罚则见第三十一条。"),
    CAFE_ID_NOT_CHECKED(VenueCategory.INTERNET_CAFE, "未按规定核对、登记上网消费者有效身份证件",
            "《互联网上网服务营业场所管理条例》第二十三条：应当对上网消费者的身份证等有效证件进行核对、登记，并记录有关上网信息。"),
    CAFE_MANAGEMENT_SOFTWARE_OFF(VenueCategory.INTERNET_CAFE, "擅自停止实施经营管理技术措施",
            "《互联网上网服务营业场所管理条例》第三十一条：擅自停止实施经营管理技术措施的，给予警告，可以并处罚款。"),
    CAFE_LICENCE_OR_SIGN_MISSING(VenueCategory.INTERNET_CAFE, "未悬挂《网络文化经营许可证》或者未成年人禁入标志",
            "《互联网上网服务营业场所管理条例》第三十一条：未悬挂《网络文化经营许可证》或者未成年人禁入标志的，给予警告，可以并处罚款。"),
    // ---- 歌舞娱乐场所
    SONG_DANCE_MINORS_ADMITTED(VenueCategory.SONG_DANCE, "歌舞娱乐场所接纳未成年人",
            "《娱乐场所管理条例》第二十三条：歌舞娱乐场所不得接纳未成年人。"),
    SONG_DANCE_AFTER_HOURS(VenueCategory.SONG_DANCE, "每日凌晨2时至上午8时营业",
            "《娱乐场所管理条例》第二十八条：每日凌晨2时至上午8时，娱乐场所不得营业。"),
    // ---- 游艺娱乐场所
    ARCADE_MINORS_ON_NON_HOLIDAY(VenueCategory.GAME_ARCADE, "非国家法定节假日向未成年人提供游戏设施设备",
            "《娱乐场所管理条例》第二十三条：游艺娱乐场所设置的电子游戏机不得向未成年人提供，国家法定节假日外。"),
    ARCADE_AFTER_HOURS(VenueCategory.GAME_ARCADE, "每日凌晨2时至上午8时营业",
            "《娱乐场所管理条例》第二十八条：每日凌晨2时至上午8时，娱乐场所不得营业。"),
    // ---- 出版物经营
    PUBLICATION_ILLEGAL(VenueCategory.PUBLICATION, "经营非法出版物（盗版、非法进口、无出版单位）",
            "《出版管理条例》第二十五条、第二十六条；《出版物市场管理规定》：不得发行非法出版物及含有禁止内容的出版物。（条款待法制科室确认）"),
    PUBLICATION_UNHEALTHY_FOR_MINORS(VenueCategory.PUBLICATION, "经营含恐怖、色情、暴力等妨害未成年人身心健康内容的出版物",
            "《出版管理条例》第二十六条：以未成年人为对象的出版物不得含有妨害未成年人身心健康的内容；《未成年人保护法》第五十条。（条款待法制科室确认）"),
    // ---- 宾馆酒店
    HOTEL_UNLICENSED_SATELLITE_DISH(VenueCategory.HOTEL, "未经批准擅自安装、使用卫星地面接收设施",
            "《卫星电视广播地面接收设施管理规定》：单位设置卫星地面接收设施须经广播电视行政部门批准，擅自安装使用的依法没收并处罚款。（条款待法制科室确认）"),
    // ---- 卫星设施销售/安装
    SATELLITE_UNLICENSED_SALE(VenueCategory.SATELLITE_EQUIPMENT, "未经许可销售、安装卫星地面接收设施",
            "《卫星电视广播地面接收设施管理规定》：生产、销售、安装卫星地面接收设施须经许可。（条款待法制科室确认）"),
    // ---- any category
    OTHER(null, "其他违规行为（须在备注中说明）", "见备注");

    public final VenueCategory category;
    public final String zh;
    public final String legalBasis;

    ViolationItem(VenueCategory category, String zh, String legalBasis) {
        this.category = category;
        this.zh = zh;
        this.legalBasis = legalBasis;
    }

    /** The code stored in {@code inspection.violations}: the lower-case name. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The checklist for a category: its own items, then {@link #OTHER}. */
    public static List<ViolationItem> checklist(VenueCategory c) {
        return Arrays.stream(values()).filter(v -> v.category == c || v.category == null).toList();
    }

    public boolean appliesTo(VenueCategory c) {
        return category == null || category == c;
    }

    public static ViolationItem parse(String s) {
        String k = s == null ? "" : s.trim();
        for (ViolationItem v : values()) {
            if (v.name().equalsIgnoreCase(k)) {
                return v;
            }
        }
        throw new IllegalArgumentException(Messages.of("inspection.unknownItem", s));
    }
}
