package com.patrolplanner.campaign.domain;

import java.util.Map;

/** How long a check of a venue category takes and what it covers (the items published with a 双随机 draw). */
public final class CategoryProfile {
    private static final Map<String, Integer> SERVICE_MINUTES = Map.of("internet_cafe", 30, "song_dance", 40,
            "game_arcade", 30, "publication", 15, "hotel", 20, "satellite_equipment", 20, "printing", 30,
            "performance", 40, "other", 20);

    private static final Map<String, String> CHECK_ITEMS = Map.of(
            "internet_cafe", "营业时间；未成年人入内及禁入标志；身份证件核对登记；经营管理技术措施；许可证悬挂",
            "song_dance", "营业时间；未成年人入内；曲库及演出内容；许可证悬挂",
            "game_arcade", "营业时间；未成年人入内；游戏游艺设备内容；许可证悬挂",
            "publication", "非法出版物；侵权盗版；校园周边有害出版物",
            "hotel", "卫星地面接收设施；IPTV 节目来源",
            "satellite_equipment", "卫星地面接收设施销售安装资质",
            "printing", "印刷许可证；承印验证及登记制度",
            "performance", "营业性演出许可；演出内容",
            "other", "经营资质；经营内容");

    private CategoryProfile() {
    }

    public static int serviceMinutes(String category) {
        return SERVICE_MINUTES.getOrDefault(category, 20);
    }

    public static String checkItems(String category) {
        return CHECK_ITEMS.getOrDefault(category, CHECK_ITEMS.get("other"));
    }
}
