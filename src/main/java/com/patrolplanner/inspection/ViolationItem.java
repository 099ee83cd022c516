package com.patrolplanner.inspection;

import com.patrolplanner.i18n.Messages;
import com.patrolplanner.registry.VenueCategory;
import java.util.Arrays;
import java.util.List;

/**
 * The inspection checklist (检查清单), the one home of checklists: per venue category, the violations an officer can
 * tick, each with the legal article it breaches, as {@code GET /api/inspections/checklist} and the printed route sheet
 * show them. Articles of 《互联网上网服务营业场所管理条例》 and 《娱乐场所管理条例》 are those named in issues #7 and #16 and
 * DOMAIN.md and are quoted in the regulations' words (第三十一条 and 第三十二条 list the penalised acts of internet
 * cafés). Every item whose article number or wording was not given to us says so in its basis ("待法制科室确认 /
 * 核对"): the bureau's legal section confirms those before production.
 */
public enum ViolationItem {
    // ---- 网吧 互联网上网服务营业场所 (《互联网上网服务营业场所管理条例》; the penalties of 第三十一条 are the culture
    // department's, those of 第三十二条 the culture department's and the police's by their remits)
    CAFE_MINORS_ADMITTED(VenueCategory.INTERNET_CAFE, "接纳未成年人进入营业场所",
            "《互联网上网服务营业场所管理条例》第二十一条：互联网上网服务营业场所经营单位不得接纳未成年人进入营业场所。罚则见第三十一条第（二）项。"),
    CAFE_OUTSIDE_HOURS(VenueCategory.INTERNET_CAFE, "在规定的营业时间以外营业（每日营业时间限于8时至24时）",
            "《互联网上网服务营业场所管理条例》第二十二条：互联网上网服务营业场所每日营业时间限于8时至24时。罚则见第三十一条第（一）项。"),
    CAFE_NON_NETWORK_GAMES(VenueCategory.INTERNET_CAFE, "经营非网络游戏",
            "《互联网上网服务营业场所管理条例》第三十一条第（三）项：经营非网络游戏的，给予警告，可以并处罚款。"),
    CAFE_MANAGEMENT_SOFTWARE_OFF(VenueCategory.INTERNET_CAFE, "擅自停止实施经营管理技术措施",
            "《互联网上网服务营业场所管理条例》第十九条：应当实施经营管理技术措施。罚则见第三十一条第（四）项。"),
    CAFE_LICENCE_OR_SIGN_MISSING(VenueCategory.INTERNET_CAFE, "未悬挂《网络文化经营许可证》或者未成年人禁入标志",
            "《互联网上网服务营业场所管理条例》第二十条：应当在营业场所的显著位置悬挂《网络文化经营许可证》和营业执照；"
            + "第二十一条：应当在营业场所入口处的显著位置悬挂未成年人禁入标志。罚则见第三十一条第（五）项。"),
    CAFE_NO_IN_HOUSE_PATROL(VenueCategory.INTERNET_CAFE, "未建立场内巡查制度，或者发现上网消费者的违法行为未予制止并举报",
            "《互联网上网服务营业场所管理条例》第十九条：应当建立场内巡查制度，发现上网消费者有本条例第十四条、第十五条、第十八条所列行为"
            + "或者有其他违法行为的，应当立即予以制止并向文化行政部门、公安机关举报。罚则见第三十二条第（二）项。"),
    CAFE_ID_NOT_CHECKED(VenueCategory.INTERNET_CAFE, "未按规定核对、登记上网消费者的有效身份证件或者记录有关上网信息",
            "《互联网上网服务营业场所管理条例》第二十三条：应当对上网消费者的身份证等有效证件进行核对、登记，并记录有关上网信息。"
            + "罚则见第三十二条第（三）项。"),
    CAFE_RECORDS_NOT_KEPT(VenueCategory.INTERNET_CAFE, "未按规定时间保存登记内容、记录备份，或者在保存期内修改、删除",
            "《互联网上网服务营业场所管理条例》第二十三条：登记内容和记录备份保存时间不得少于60日，在保存期内不得修改或者删除。"
            + "罚则见第三十二条第（四）项。"),
    // ---- 歌舞娱乐场所 (《娱乐场所管理条例》)
    SONG_DANCE_MINORS_ADMITTED(VenueCategory.SONG_DANCE, "歌舞娱乐场所接纳未成年人",
            "《娱乐场所管理条例》第二十三条：歌舞娱乐场所不得接纳未成年人。"),
    SONG_DANCE_AFTER_HOURS(VenueCategory.SONG_DANCE, "每日凌晨2时至上午8时营业",
            "《娱乐场所管理条例》第二十八条：每日凌晨2时至上午8时，娱乐场所不得营业。"),
    SONG_DANCE_WARNING_SIGNS_MISSING(VenueCategory.SONG_DANCE, "未按规定悬挂警示标志、未成年人禁入或者限入标志",
            "《娱乐场所管理条例》第三十条：娱乐场所应当在营业场所的大厅、包厢、包间内的显著位置悬挂含有禁毒、禁赌、禁止卖淫嫖娼等内容的"
            + "警示标志、未成年人禁入或者限入标志。（罚则条款待法制科室确认）"),
    SONG_DANCE_PROHIBITED_CONTENT(VenueCategory.SONG_DANCE, "曲库或者娱乐活动含有禁止内容",
            "《娱乐场所管理条例》第十三条：娱乐场所内的娱乐活动不得含有该条所列禁止内容。（罚则条款待法制科室确认）"),
    // ---- 游艺娱乐场所 (《娱乐场所管理条例》)
    ARCADE_MINORS_ON_NON_HOLIDAY(VenueCategory.GAME_ARCADE, "除国家法定节假日外，向未成年人提供电子游戏机",
            "《娱乐场所管理条例》第二十三条：除国家法定节假日外，游艺娱乐场所设置的电子游戏机不得向未成年人提供。"),
    ARCADE_AFTER_HOURS(VenueCategory.GAME_ARCADE, "每日凌晨2时至上午8时营业",
            "《娱乐场所管理条例》第二十八条：每日凌晨2时至上午8时，娱乐场所不得营业。"),
    ARCADE_GAMBLING_MACHINES(VenueCategory.GAME_ARCADE, "设置具有赌博功能的游戏设施设备，或者以现金、有价证券作为奖品、回购奖品",
            "《娱乐场所管理条例》第十九条：游艺娱乐场所不得设置具有赌博功能的电子游戏机机型、机种、电路板等游戏设施设备，"
            + "不得以现金或者有价证券作为奖品，不得回购奖品。（条款序号待法制科室核对）"),
    // ---- 出版物经营
    PUBLICATION_ILLEGAL(VenueCategory.PUBLICATION, "经营非法出版物（盗版、非法进口、无出版单位）",
            "《出版管理条例》第二十五条、第二十六条；《出版物市场管理规定》：不得发行非法出版物及含有禁止内容的出版物。（条款待法制科室确认）"),
    PUBLICATION_UNHEALTHY_FOR_MINORS(VenueCategory.PUBLICATION, "经营含恐怖、色情、暴力等妨害未成年人身心健康内容的出版物",
            "《出版管理条例》第二十六条：以未成年人为对象的出版物不得含有妨害未成年人身心健康的内容；《未成年人保护法》第五十条。（条款待法制科室确认）"),
    // ---- 宾馆酒店 (卫星电视 and IPTV)
    HOTEL_UNLICENSED_SATELLITE_DISH(VenueCategory.HOTEL, "未经批准擅自安装、使用卫星地面接收设施",
            "《卫星电视广播地面接收设施管理规定》：单位设置卫星地面接收设施须经广播电视行政部门批准，擅自安装使用的依法没收并处罚款。（条款待法制科室确认）"),
    HOTEL_ILLEGAL_SATELLITE_PROGRAMMES(VenueCategory.HOTEL, "向客房传送未经批准的境外卫星电视节目",
            "《卫星电视广播地面接收设施管理规定》及其实施细则：经批准设置的卫星地面接收设施只能收转批准的节目。（条款序号待法制科室确认）"),
    HOTEL_UNLICENSED_IPTV(VenueCategory.HOTEL, "客房电视（IPTV、网络电视机顶盒）传送未经许可的视听节目或者擅自开办视频点播",
            "《广播电视管理条例》；《专网及定向传播视听节目服务管理规定》；《广播电视视频点播业务管理办法》：宾馆饭店向客房提供视频点播等"
            + "视听节目服务须经许可，节目来源须合法。（条款序号待法制科室确认）"),
    // ---- 卫星设施销售/安装
    SATELLITE_UNLICENSED_SALE(VenueCategory.SATELLITE_EQUIPMENT, "未经许可销售、安装卫星地面接收设施",
            "《卫星电视广播地面接收设施管理规定》：生产、销售、安装卫星地面接收设施须经许可。（条款待法制科室确认）"),
    // ---- 印刷企业 (《印刷业管理条例》)
    PRINTING_UNLICENSED(VenueCategory.PRINTING, "未取得印刷经营许可证从事印刷经营活动",
            "《印刷业管理条例》：从事印刷经营活动须取得《印刷经营许可证》。（条款序号待法制科室确认）"),
    PRINTING_PROHIBITED_CONTENT(VenueCategory.PRINTING, "印刷含有反动、淫秽、迷信内容或者国家明令禁止印刷内容的印刷品",
            "《印刷业管理条例》第三条：禁止印刷含有反动、淫秽、迷信内容和国家明令禁止印刷的其他内容的出版物、包装装潢印刷品和其他印刷品。"),
    PRINTING_NO_ORDER_VERIFICATION(VenueCategory.PRINTING, "未执行承印验证、承印登记、印刷品保管、交付、残次品销毁等制度",
            "《印刷业管理条例》：印刷企业应当建立、健全承印验证制度、承印登记制度、印刷品保管制度、印刷品交付制度、印刷活动残次品销毁制度等。"
            + "（条款序号待法制科室确认）"),
    PRINTING_PUBLICATION_WITHOUT_ORDER(VenueCategory.PRINTING, "印刷出版物未验证、收存出版单位的印刷委托书",
            "《印刷业管理条例》：印刷企业接受出版单位委托印刷图书、期刊的，必须验证并收存出版单位盖章的印刷委托书。（条款序号待法制科室确认）"),
    // ---- 演出场所 (《营业性演出管理条例》)
    PERFORMANCE_UNAPPROVED(VenueCategory.PERFORMANCE, "举办未经批准的营业性演出",
            "《营业性演出管理条例》：举办营业性演出须经文化主管部门批准。（条款序号待法制科室确认）"),
    PERFORMANCE_PROHIBITED_CONTENT(VenueCategory.PERFORMANCE, "演出含有禁止内容",
            "《营业性演出管理条例》第二十五条：营业性演出不得有该条所列情形。（条款序号待法制科室核对）"),
    PERFORMANCE_LIP_SYNC(VenueCategory.PERFORMANCE, "以假唱、假演奏等手段欺骗观众",
            "《营业性演出管理条例》第二十八条：演员不得以假唱欺骗观众，演出举办单位不得组织演员假唱。（条款序号待法制科室核对）"),
    PERFORMANCE_OVER_CAPACITY(VenueCategory.PERFORMANCE, "超过核定人数售票、观众超员",
            "《营业性演出管理条例》：演出举办单位应当按照核定的观众数量售票，不得超员。（条款序号待法制科室确认）"),
    // ---- 艺术品经营 (《艺术品经营管理办法》，文化部令第56号)
    ART_NOT_FILED(VenueCategory.ART, "未按规定向文化行政部门备案",
            "《艺术品经营管理办法》第五条：艺术品经营单位应当自领取营业执照之日起15日内，到其住所地县级以上人民政府文化行政部门备案。"
            + "（原文待法制科室核对）"),
    ART_PROHIBITED_ITEMS(VenueCategory.ART, "经营禁止经营的艺术品（走私、盗窃、侵权、含禁止内容等）",
            "《艺术品经营管理办法》第六条：禁止经营该条所列艺术品。（原文待法制科室核对）"),
    ART_NO_RECORDS(VenueCategory.ART, "未标明艺术品作者、年代、尺寸、材料等信息，或者未保存交易记录",
            "《艺术品经营管理办法》第九条：对所经营的艺术品应当标明作者、年代、尺寸、材料、保存状况和销售价格等信息；保留交易有关的"
            + "原始凭证、销售合同、台账、账簿等销售记录。（原文待法制科室核对）"),
    // ---- 文物经营 (《中华人民共和国文物保护法》，2024年修订后条款序号有变)
    RELICS_UNLICENSED(VenueCategory.CULTURAL_RELICS, "未经许可经营文物（设立文物商店、从事文物拍卖）",
            "《中华人民共和国文物保护法》：文物商店的设立、文物拍卖的经营须经文物行政部门许可。（2024年修订后的条款序号待法制科室确认）"),
    RELICS_PROHIBITED_TRADE(VenueCategory.CULTURAL_RELICS, "经营禁止买卖的文物或者来源不合法的文物",
            "《中华人民共和国文物保护法》：国有文物、非国有馆藏珍贵文物等不得买卖；经营的文物应当来源合法。（条款序号待法制科室确认）"),
    RELICS_NO_RECORDS(VenueCategory.CULTURAL_RELICS, "未按规定记录购销文物并报送备案",
            "《中华人民共和国文物保护法》及其实施条例：文物商店购买、销售文物应当作出记录并报文物行政部门备案。（条款序号待法制科室确认）"),
    // ---- 网络文化 (《互联网文化管理暂行规定》; checked online: the operator has no venue to visit)
    ONLINE_UNLICENSED(VenueCategory.ONLINE_CULTURE, "未取得《网络文化经营许可证》从事经营性互联网文化活动",
            "《互联网文化管理暂行规定》：从事经营性互联网文化活动须取得《网络文化经营许可证》。（条款序号待法制科室确认）"),
    ONLINE_PROHIBITED_CONTENT(VenueCategory.ONLINE_CULTURE, "提供含有禁止内容的互联网文化产品",
            "《互联网文化管理暂行规定》第十六条：互联网文化单位不得提供载有该条所列内容的文化产品。（条款序号待法制科室核对）"),
    ONLINE_LICENCE_NOT_SHOWN(VenueCategory.ONLINE_CULTURE, "未在网站主页显著位置标明许可证编号",
            "《互联网文化管理暂行规定》：应当在其网站主页的显著位置标明《网络文化经营许可证》编号。（条款序号待法制科室确认）"),
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
