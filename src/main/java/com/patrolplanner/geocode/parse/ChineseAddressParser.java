package com.patrolplanner.geocode.parse;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a Chinese address into 省 / 市 / 区县 / 街道·镇·乡 / 路街巷 + 号 (弄) / 栋 / 单元 / 室, left to right, each part
 * optional. Province names are recognised with or without 省 (山东济南市…); the four municipalities are both province
 * and city (北京市朝阳区 → province 北京市, city 北京市). 附近, 旁边, 对面 mark a relation, not part of a name.
 *
 * <p>Limits: development zones (高新区, 经济技术开发区) are returned as the district they are written as, though the
 * registers file them under a regular district; a county-level city written straight after the province is taken as
 * the city.
 */
final class ChineseAddressParser {
    private static final List<String> MUNICIPALITIES = List.of("北京", "天津", "上海", "重庆");
    /** Full names of the provincial-level divisions that do not end in 省. */
    private static final List<String> AUTONOMOUS = List.of("内蒙古自治区", "广西壮族自治区", "西藏自治区", "宁夏回族自治区",
            "新疆维吾尔自治区", "香港特别行政区", "澳门特别行政区");
    private static final List<String> PROVINCES = List.of("河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽",
            "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西", "甘肃", "青海", "台湾");
    private static final List<String> AUTONOMOUS_SHORT = List.of("内蒙古", "广西", "西藏", "宁夏", "新疆", "香港", "澳门");

    private static final String NOT_ROAD = "[^路街巷道号弄\\d,，、]";
    private static final Pattern CITY = Pattern.compile("^(" + NOT_ROAD.replace("]", "市省]") + "{1,12}?(?:市|自治州|地区|盟))");
    private static final Pattern DISTRICT = Pattern.compile("^(" + NOT_ROAD + "{1,12}?(?:自治县|自治旗|新区|林区|特区|区|县|市|旗))");
    private static final Pattern TOWN = Pattern.compile("^(" + NOT_ROAD + "{1,10}?(?:街道办事处|街道|镇|乡))");
    private static final String STREET_SUFFIX = "(?:大街|大道|胡同|路|街|巷|道)";
    /** A street followed by a house number (or a lane number, 弄) somewhere in the rest. */
    private static final Pattern STREET_NUMBER = Pattern.compile(
            "([^\\d号路街巷道弄,，、]{1,20}?(?:\\d+号)?[^\\d号路街巷道弄,，、]{0,10}?" + STREET_SUFFIX
                    + "(?:[东西南北中]段)?)(\\d+(?:-\\d+)?[A-Za-z]?)(号|弄)");
    private static final Pattern STREET = Pattern.compile("([^,，、]{1,20}?" + STREET_SUFFIX + "(?:[东西南北中]段)?)");
    private static final Pattern AREA_PREFIX = Pattern.compile("^.*(?:开发区|新区|园区|社区|小区|区|园|村|城)");
    private static final Pattern BUILDING = Pattern.compile("(\\d+|[A-Za-z])(?:号楼|栋|幢|座)");
    private static final Pattern HOUSE = Pattern.compile("^(\\d+)号");
    private static final Pattern UNIT = Pattern.compile("(\\d+)单元");
    private static final Pattern ROOM = Pattern.compile("(\\d+)(?:室|房|户)");
    private static final Pattern RELATION = Pattern.compile("(附近|旁边|旁|周边|对面|交叉口|东侧|西侧|南侧|北侧|东北角|西北角|东南角|西南角)");

    private ChineseAddressParser() {
    }

    static ParsedAddress parse(String input) {
        String s = ChineseText.numeralsToDigits(ChineseText.normalise(input)).replaceAll("\\s+", "");
        s = s.replaceFirst("^中国", "").replaceFirst("^中华人民共和国", "");
        String normalised = s;
        String province = null;
        String city = null;
        String district = null;
        String town = null;

        for (String a : AUTONOMOUS) {
            if (s.startsWith(a)) {
                province = a;
                s = s.substring(a.length());
                break;
            }
        }
        if (province == null) {
            for (String m : MUNICIPALITIES) {
                if (s.startsWith(m)) {
                    province = m + "市";
                    city = province;
                    s = s.substring(m.length());
                    if (s.startsWith("市")) {
                        s = s.substring(1);
                    }
                    break;
                }
            }
        }
        if (province == null) {
            for (String p : PROVINCES) {
                if (s.startsWith(p + "省")) {
                    province = p + "省";
                    s = s.substring(p.length() + 1);
                    break;
                }
                // 山东济南市 is common; but 吉林市 is a city of 吉林省, so a short name followed by 市 is the city.
                if (s.startsWith(p) && !s.startsWith(p + "市") && s.length() > p.length() + 1) {
                    province = p + "省";
                    s = s.substring(p.length());
                    break;
                }
            }
        }
        if (province == null) {
            for (int i = 0; i < AUTONOMOUS_SHORT.size(); i++) {
                String p = AUTONOMOUS_SHORT.get(i);
                if (s.startsWith(p) && !s.startsWith(p + "市")) {
                    province = AUTONOMOUS.get(i);
                    s = s.substring(p.length());
                    break;
                }
            }
        }
        Matcher m;
        if (city == null && (m = CITY.matcher(s)).find()) {
            city = m.group(1);
            s = s.substring(m.end());
        }
        if ((m = DISTRICT.matcher(s)).find() && !m.group(1).endsWith("小区")) {
            district = m.group(1);
            s = s.substring(m.end());
        }
        if ((m = TOWN.matcher(s)).find()) {
            town = m.group(1);
            s = s.substring(m.end());
        }

        String relation = null;
        Matcher r = RELATION.matcher(s);
        if (r.find()) {
            relation = r.group(1).equals("对面") ? "opposite" : "near";
        }

        String street = null;
        String number = null;
        Integer numberInt = null;
        String lane = null;
        String building = null;
        String unit = null;
        String room = null;
        String place = null;
        String rest;
        String before = "";
        Matcher sn = STREET_NUMBER.matcher(s);
        if (sn.find()) {
            street = sn.group(1);
            before = s.substring(0, sn.start());
            number = sn.group(2);
            if (sn.group(3).equals("弄")) {
                lane = number;
            }
            rest = s.substring(sn.end());
            if (lane != null) {
                Matcher h = HOUSE.matcher(rest);
                if (h.find()) {
                    building = h.group(1);
                    rest = rest.substring(h.end());
                }
            }
        } else {
            Matcher st = STREET.matcher(s);
            if (st.find()) {
                street = st.group(1);
                before = s.substring(0, st.start());
                rest = s.substring(st.end());
            } else {
                rest = s;
            }
        }
        if (street != null) {
            // 经济开发区第十三大街, 大学科技园紫薇路: the area name goes with the place text, not the street key
            Matcher area = AREA_PREFIX.matcher(street);
            if (area.find() && street.length() - area.end() >= 2) {
                before = before + street.substring(0, area.end());
                street = street.substring(area.end());
            }
        }
        Matcher b = BUILDING.matcher(rest);
        if (b.find()) {
            building = b.group(1);
        }
        Matcher u = UNIT.matcher(rest);
        if (u.find()) {
            unit = u.group(1);
        }
        Matcher rm = ROOM.matcher(rest);
        if (rm.find()) {
            room = rm.group(1);
        }
        String leftover = RELATION.matcher(before + rest).replaceAll("");
        leftover = leftover.replaceAll("(\\d+|[A-Za-z])(号楼|栋|幢|座)|\\d+单元|\\d+(室|房|户)|\\d+(层|楼)", "")
                .replaceAll("^[,，、与和]+|[,，、与和]+$", "");
        if (!leftover.isBlank() && ChineseText.hasHan(leftover)) {
            place = leftover;
        }
        if (number != null) {
            String digits = number.replaceAll("^(\\d+).*", "$1");
            numberInt = Integer.valueOf(digits);
        }
        return new ParsedAddress(input, normalised, true, province, city, district, town, street,
                StreetKeys.streetKey(street), number, numberInt, lane, building, unit, room, place,
                StreetKeys.placeKey(place), relation);
    }
}
