package com.patrolplanner.report;

import java.time.LocalDate;

/**
 * Numbers and periods the way bureau summaries write them. Cumulative flows (人次, 家次, 册) are rounded down and marked
 * approximate: below 10 exact; 10–99 to the ten with 多 ("40多家次" for 43); from 100 to two significant digits with
 * 余 ("120余人次" for 126, "3000余册" for 3040). A round number stays exact ("40家次", "200人次"). Counts of
 * distinct things (查处 30 家, 取缔 10 个, 立案 3 起) are written exactly, as the source summaries do. From ten thousand
 * on, flows are written in 万 with one decimal ("1.2万件" for 12,000, "1.2万余件" for 12,345).
 */
public final class ChineseNumbers {
    private ChineseNumbers() {
    }

    public static String approx(long n) {
        if (n < 10) {
            return Long.toString(n);
        }
        if (n < 100) {
            long t = n / 10 * 10;
            return t == n ? Long.toString(n) : t + "多";
        }
        if (n >= 10_000) {
            long tenths = n / 1000; // 12,345 → 12 → "1.2万"
            String w = tenths % 10 == 0 ? Long.toString(tenths / 10) : tenths / 10 + "." + tenths % 10;
            return w + "万" + (tenths * 1000 == n ? "" : "余");
        }
        long p = 1;
        while (n / p >= 100) {
            p *= 10;
        }
        long t = n / p * p;
        return t == n ? Long.toString(n) : t + "余";
    }

    /**
     * "1-6月份" for whole months of one year, "3月份" for one month, else "2025年3月5日至6月30日"; {@code to} is the
     * last day included.
     */
    public static String period(LocalDate from, LocalDate to) {
        boolean wholeMonths = from.getDayOfMonth() == 1 && to.plusDays(1).getDayOfMonth() == 1 && from.getYear() == to.getYear();
        if (wholeMonths) {
            return from.getMonthValue() == to.getMonthValue() ? from.getMonthValue() + "月份"
                    : from.getMonthValue() + "-" + to.getMonthValue() + "月份";
        }
        String end = (to.getYear() == from.getYear() ? "" : to.getYear() + "年") + to.getMonthValue() + "月" + to.getDayOfMonth() + "日";
        return from.getYear() + "年" + from.getMonthValue() + "月" + from.getDayOfMonth() + "日至" + end;
    }

    /** "上半年" (1 January to a day of June), "下半年" (1 July to a day of December), "全年", else {@link #period}. */
    public static String half(LocalDate from, LocalDate to) {
        if (from.getYear() == to.getYear() && from.getDayOfMonth() == 1) {
            if (from.getMonthValue() == 1 && to.getMonthValue() <= 6) {
                return from.getYear() + "年上半年";
            }
            if (from.getMonthValue() == 7) {
                return from.getYear() + "年下半年";
            }
            if (from.getMonthValue() == 1 && to.getMonthValue() == 12 && to.getDayOfMonth() == 31) {
                return from.getYear() + "年";
            }
        }
        return period(from, to);
    }

    /** "2026年7月1日". */
    public static String date(LocalDate d) {
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    /** Money as summaries write it: "800元", "1.25万元" from ten thousand (exact, trailing zeros dropped). */
    public static String yuan(java.math.BigDecimal y) {
        if (y == null) {
            return "0元";
        }
        if (y.compareTo(java.math.BigDecimal.valueOf(10_000)) >= 0) {
            return y.movePointLeft(4).stripTrailingZeros().toPlainString() + "万元";
        }
        return y.stripTrailingZeros().toPlainString() + "元";
    }
}
