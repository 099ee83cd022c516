package com.patrolplanner.report;

import java.time.LocalDate;

/**
 * Numbers and periods the way bureau summaries write them. Cumulative flows (人次, 家次, 册) are rounded down and marked
 * approximate: below 10 exact; 10–99 to the ten with 多 ("40多家次" for 43); from 100 to two significant digits with
 * 余 ("120余人次" for 126, "3000余册" for 3040). A round number stays exact ("40家次", "200人次"). Counts of
 * distinct things (查处 30 家, 取缔 10 个, 立案 3 起) are written exactly, as the source summaries do.
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
}
