package com.patrolplanner.geocode.parse;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text clean-up for Chinese addresses: full-width forms → ASCII (NFKC), traditional → simplified for the characters
 * common in addresses, Chinese numerals before a house/building/unit/room marker → Arabic digits (三十一号 → 31号,
 * 三〇一室 → 301室). Only numerals before such a marker are converted, so names like 二环路 or 第十三大街 stay as they are.
 */
public final class ChineseText {
    /** Traditional → simplified pairs for characters common in addresses and place names. */
    private static final String T2S_PAIRS = "號号區区縣县鎮镇鄉乡東东門门廣广場场園园華华國国莊庄單单樓楼層层灣湾濟济寧宁陽阳內内藥药醫医學学廈厦進进龍龙雲云開开發发經经濱滨長长興兴橋桥臺台濰潍壩坝劉刘蘇苏漢汉馬马黃黄環环鐵铁線线際际豐丰衛卫義义陳陈廟庙頭头灘滩關关對对側侧邊边處处溝沟嶺岭勝胜實实館馆車车業业貨货電电書书網网總总會会廠厂礦矿農农運运動动體体協协貿贸術术藝艺師师範范輕轻紡纺織织職职嚴严眾众裡里樂乐歡欢賓宾飯饭藍蓝綠绿紅红鳳凤鵬鹏貴贵陝陕遼辽吳吴趙赵鄭郑張张楊杨葉叶輝辉齊齐魯鲁營营聯联現现後后與与條条舊旧歷历靈灵羅罗盧卢鳥鸟魚鱼島岛嶼屿團团結结礎础鄰邻築筑屬属鋪铺塊块巿市龜龟測测試试據据點点廳厅覽览戲戏遊游劇剧驛驿禮礼寫写壽寿慶庆瀋沈漁渔鹽盐寶宝鎖锁裝装飾饰當当壇坛碼码萬万個个們们來来時时間间陰阴陸陆隊队雙双雜杂離离風风飛飞養养駐驻驗验麗丽麥麦熱热爾尔牆墙獎奖獅狮瑪玛產产畫画盤盘種种稅税競竞筆笔節节簡简糧粮紀纪約约級级純纯組组統统絲丝維维綜综編编織织繼继續续羅罗習习聖圣聲声臨临舉举蘭兰蟲虫裏里製制複复見见規规視视親亲觀观計计記记設设診诊證证話话誠诚語语說说調调請请論论講讲識识護护讀读變变貝贝財财販贩購购資资賣卖質质軍军軟软輪轮載载輸输轉转辦办遠远鄧邓銀银鋼钢錢钱錦锦鏡镜閣阁閱阅闆板陣阵隨随險险雞鸡靜静頂顶項项順顺預预領领題题顏颜類类顯显飲饮餘余騰腾鮮鲜鳴鸣鴻鸿鶴鹤麵面黨党齡龄廣广滙汇匯汇鑫鑫";
    private static final Map<Character, Character> T2S = new HashMap<>();

    static {
        for (int i = 0; i + 1 < T2S_PAIRS.length(); i += 2) {
            T2S.put(T2S_PAIRS.charAt(i), T2S_PAIRS.charAt(i + 1));
        }
    }

    private static final String DIGITS = "零〇一二两三四五六七八九";
    private static final Pattern NUMERAL_BEFORE_MARKER =
            Pattern.compile("([零〇一二两三四五六七八九十百千]+)(?=号楼|号院|号|栋|幢|单元|室|弄|层|楼|座|户)");

    private ChineseText() {
    }

    /** NFKC (full-width digits, letters and punctuation → ASCII), traditional → simplified, whitespace removed. */
    public static String normalise(String s) {
        if (s == null) {
            return "";
        }
        if (isAscii(s)) {
            return s; // NFKC and the character table change nothing in ASCII: the common Western case stays cheap
        }
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC);
        StringBuilder b = new StringBuilder(n.length());
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            Character m = T2S.get(c);
            b.append(m == null ? c : m);
        }
        return b.toString().replace("胡衕", "胡同");
    }

    /** Converts Chinese numerals that stand before a house, building, unit or room marker into digits. */
    public static String numeralsToDigits(String s) {
        Matcher m = NUMERAL_BEFORE_MARKER.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int v = parseNumeral(m.group(1));
            m.appendReplacement(out, v < 0 ? m.group(1) : Integer.toString(v));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * 三十一 → 31, 一百零八 → 108, 十 → 10, 两千 → 2000; digit strings without positional characters are read digit by
     * digit (三〇一 → 301, 五 → 5). −1 when the text is not a numeral.
     */
    public static int parseNumeral(String s) {
        if (s.isEmpty()) {
            return -1;
        }
        boolean positional = s.indexOf('十') >= 0 || s.indexOf('百') >= 0 || s.indexOf('千') >= 0;
        if (!positional) {
            int v = 0;
            for (char c : s.toCharArray()) {
                int d = digit(c);
                if (d < 0) {
                    return -1;
                }
                v = v * 10 + d;
            }
            return v;
        }
        int total = 0;
        int current = 0;
        for (char c : s.toCharArray()) {
            int d = digit(c);
            if (d >= 0) {
                current = d;
                continue;
            }
            int unit = switch (c) {
                case '十' -> 10;
                case '百' -> 100;
                case '千' -> 1000;
                default -> -1;
            };
            if (unit < 0) {
                return -1;
            }
            total += (current == 0 ? 1 : current) * unit;
            current = 0;
        }
        return total + current;
    }

    private static int digit(char c) {
        if (c == '两') {
            return 2;
        }
        if (c == '〇') {
            return 0;
        }
        int i = DIGITS.indexOf(c);
        if (i < 0) {
            return -1;
        }
        return i <= 1 ? 0 : i - 1 - (i > 3 ? 1 : 0);
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0x7e) {
                return false;
            }
        }
        return true;
    }

    /** True when the text holds at least one CJK ideograph. */
    public static boolean hasHan(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.UnicodeScript.of(s.charAt(i)) == Character.UnicodeScript.HAN) {
                return true;
            }
        }
        return false;
    }
}
