package com.patrolplanner.demo;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Word lists for the synthetic demo register of 奎文区. The streets are real street names of the district (so addresses
 * read naturally); the venue, school and officer names are made up from common words and are not meant to match real
 * businesses or people. Every generated row is flagged synthetic.
 */
final class DemoNames {
    static final String CITY = "潍坊市奎文区";

    /** Real streets of 奎文区 (east–west 街 and north–south 路). */
    static final List<String> STREETS = List.of("胜利东街", "东风东街", "潍州路", "鸢飞路", "北海路", "新华路", "虞河路",
            "文化路", "福寿东街", "健康东街", "樱前街", "北宫东街", "宝通东街", "四平路", "北马路", "金马路", "梨园街",
            "民生东街", "卧龙东街", "东明路", "东方路", "青年路", "虞河东路", "福寿街", "健康街", "玉清东街", "友谊路");

    /** The district's sub-districts (街道), used for the team stations. */
    static final List<String> SUBDISTRICTS = List.of("东关", "大虞", "梨园", "廿里堡", "潍州路", "北苑");

    static final List<String> CAFE_WORDS = List.of("星空", "极速", "风云", "蓝海", "天狼", "梦幻", "零点", "雷霆", "飓风",
            "传奇", "领域", "火狐", "银河", "龙腾", "战神", "英雄", "巅峰", "方舟", "超越", "追风", "疾风", "凌云", "飞翔", "新纪元");
    static final List<String> CAFE_SUFFIXES = List.of("网咖", "网吧", "电竞馆", "网络会所");

    static final List<String> KTV_WORDS = List.of("欢唱", "星光", "金曲", "乐享", "悦唱", "声动", "音悦", "金色年华", "皇朝",
            "魅力", "时代", "凯旋", "红磨坊", "麦霸", "歌友", "唱响", "玫瑰");
    static final List<String> KTV_SUFFIXES = List.of("KTV", "量贩式KTV", "歌厅", "娱乐会所");

    static final List<String> ARCADE_WORDS = List.of("欢乐", "酷玩", "星际", "童梦", "奇幻", "乐游", "动感", "嘉年华", "玩转",
            "开心", "超级玩家", "梦工场");
    static final List<String> ARCADE_SUFFIXES = List.of("电玩城", "游艺厅", "动漫城");

    static final List<String> BOOK_WORDS = List.of("博文", "求知", "书香", "学海", "启智", "文华", "智慧", "墨香", "育英",
            "翰林", "雅文", "知行", "学友", "益智", "蒲公英", "小书虫", "三味", "致远", "鸿儒", "青苗");
    static final List<String> BOOK_SUFFIXES = List.of("书店", "文具店", "书报亭", "文体用品店", "书社", "文具玩具店");

    static final List<String> HOTEL_WORDS = List.of("鸢都", "金都", "鸿运", "顺心", "安泰", "迎宾", "福源", "聚贤", "东方",
            "百福", "嘉禾", "瑞丰", "丽晶", "白浪河", "同和", "和顺", "海岱", "锦程", "怡家", "福满");
    static final List<String> HOTEL_SUFFIXES = List.of("宾馆", "酒店", "快捷酒店", "商务宾馆", "旅馆", "大酒店");

    static final List<String> KINDERGARTEN_WORDS = List.of("阳光", "蓝天", "小太阳", "金色童年", "七彩", "育才", "启明",
            "童趣", "星星", "贝贝", "新苗", "春晖", "童心", "快乐宝贝", "小白鸽", "彩虹", "小天使", "小树苗", "爱心", "绿叶",
            "向日葵", "小博士", "明珠", "晨曦", "百灵鸟", "小海豚", "花朵", "童乐", "未来星", "智慧树");

    /** Place words for school names: the streets without 东/街/路, and the sub-districts. */
    static final List<String> SCHOOL_PLACES = List.of("胜利街", "东风街", "潍州路", "鸢飞路", "北海路", "新华路", "虞河路",
            "文化路", "福寿街", "健康街", "樱前街", "北宫街", "宝通街", "四平路", "金马路", "梨园", "民生街", "卧龙街", "东明路",
            "东关", "大虞", "廿里堡", "北苑", "青年路", "玉清街", "友谊路", "东方路", "北马路", "虞河东路", "南苑");

    static final List<String> SURNAMES = List.of("王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡",
            "朱", "高", "林", "何", "郭", "马", "罗", "于", "韩", "丁", "曹");
    static final List<String> GIVEN = List.of("建国", "志强", "海涛", "晓东", "文博", "立新", "春雨", "红梅", "丽娜", "国栋",
            "明轩", "振华", "雪松", "子涵", "欣怡", "俊杰", "永刚", "淑敏", "晨阳", "雅琴", "宏伟", "玉兰", "浩然", "静怡",
            "德明", "秀英", "凯", "磊", "敏", "娜", "伟", "芳");

    /** 潍城区 (the second demo district): its real streets (east–west 街 and north–south 路) and sub-districts (街道). */
    static final String WC_CITY = "潍坊市潍城区";
    static final List<String> WC_STREETS = List.of("胜利西街", "东风西街", "向阳路", "和平路", "北宫西街", "月河路",
            "健康西街", "福寿西街", "卧龙西街", "清平路", "西环路", "民主街", "仓南街", "四平路", "樱前街", "玉清西街",
            "院校街", "通亭街");
    static final List<String> WC_SUBDISTRICTS = List.of("城关", "南关", "西关", "北关", "于河", "望留");
    static final List<String> WC_SCHOOL_PLACES = List.of("胜利街", "东风街", "向阳路", "和平路", "北宫街", "月河路",
            "健康街", "福寿街", "卧龙街", "清平路", "西环路", "民主街", "仓南街", "城关", "南关", "西关", "北关", "于河",
            "望留", "玉清街", "院校街", "通亭街", "十笏园", "白浪河");

    private DemoNames() {
    }

    static <T> T pick(Random r, List<T> list) {
        return list.get(r.nextInt(list.size()));
    }

    static String address(Random r) {
        return address(r, CITY, STREETS);
    }

    static String address(Random r, String city, List<String> streets) {
        return city + pick(r, streets) + (1 + r.nextInt(399)) + "号";
    }

    /** A name not used yet: word + suffix, with a branch (…店) after a clash. */
    static String unique(Random r, Set<String> used, List<String> words, List<String> suffixes) {
        return unique(r, used, words, suffixes, STREETS);
    }

    static String unique(Random r, Set<String> used, List<String> words, List<String> suffixes, List<String> streets) {
        for (int attempt = 0; ; attempt++) {
            String name = pick(r, words) + pick(r, suffixes);
            if (attempt > 3) {
                name += "（" + pick(r, streets) + "店）";
            }
            if (used.add(name)) {
                return name;
            }
        }
    }

    static String person(Random r, Set<String> used) {
        while (true) {
            String n = pick(r, SURNAMES) + pick(r, GIVEN);
            if (used.add(n)) {
                return n;
            }
        }
    }

    static Set<String> newSet() {
        return new HashSet<>();
    }
}
