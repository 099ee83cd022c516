package com.patrolplanner.campaign.domain;

import java.util.Map;

/** How long a check of a venue category takes and what it covers (the items published with a 双随机 draw). */
public final class CategoryProfile {
    private static final Map<String, Integer> SERVICE_MINUTES = Map.ofEntries(Map.entry("internet_cafe", 30),
            Map.entry("song_dance", 40), Map.entry("game_arcade", 30), Map.entry("publication", 15), Map.entry("hotel", 20),
            Map.entry("satellite_equipment", 20), Map.entry("printing", 30), Map.entry("performance", 40),
            Map.entry("art", 25), Map.entry("cultural_relics", 30), Map.entry("other", 20));

    private static final Map<String, String> CHECK_ITEMS = Map.ofEntries(
            Map.entry("internet_cafe", "营业时间；未成年人入内及禁入标志；身份证件核对登记；经营管理技术措施；场内巡查制度；许可证悬挂"),
            Map.entry("song_dance", "营业时间；未成年人入内；曲库及演出内容；警示标志；许可证悬挂"),
            Map.entry("game_arcade", "营业时间；未成年人入内；游戏游艺设备内容；许可证悬挂"),
            Map.entry("publication", "非法出版物；侵权盗版；校园周边有害出版物"),
            Map.entry("hotel", "卫星地面接收设施；IPTV 节目来源"),
            Map.entry("satellite_equipment", "卫星地面接收设施销售安装资质"),
            Map.entry("printing", "印刷许可证；承印验证及登记制度；印刷内容"),
            Map.entry("performance", "营业性演出许可；演出内容；假唱假演奏"),
            Map.entry("art", "备案；经营的艺术品内容；标明艺术品信息；交易记录"),
            Map.entry("cultural_relics", "文物经营许可；经营的文物来源；购销记录"),
            Map.entry("online_culture", "网络文化经营许可；经营内容（网上检查）"),
            Map.entry("other", "经营资质；经营内容"));

    private CategoryProfile() {
    }

    public static int serviceMinutes(String category) {
        return SERVICE_MINUTES.getOrDefault(category, 20);
    }

    public static String checkItems(String category) {
        return CHECK_ITEMS.getOrDefault(category, CHECK_ITEMS.get("other"));
    }
}
