package com.patrolplanner.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Rounding as the source summary writes it: "120余人次", "40多家次", "3000余册(盘)", "150余家次", "320余本". */
class ChineseNumbersTest {
    @Test
    void approximateFlowsLikeTheHalfYearSummary() {
        assertEquals("120余", ChineseNumbers.approx(126));
        assertEquals("40多", ChineseNumbers.approx(43));
        assertEquals("3000余", ChineseNumbers.approx(3040));
        assertEquals("150余", ChineseNumbers.approx(157));
        assertEquals("320余", ChineseNumbers.approx(327));
        assertEquals("1300余", ChineseNumbers.approx(1342));
        assertEquals("10多", ChineseNumbers.approx(15));
    }

    /** "将近年来查缴的1.2万件非法光盘": from ten thousand in 万, one decimal, 余 when cut. */
    @Test
    void tenThousandsAreWrittenIn万() {
        assertEquals("1.2万", ChineseNumbers.approx(12000));
        assertEquals("1.2万余", ChineseNumbers.approx(12345));
        assertEquals("1万", ChineseNumbers.approx(10000));
        assertEquals("9900余", ChineseNumbers.approx(9999));
        assertEquals("12万余", ChineseNumbers.approx(120500));
        assertEquals("3500元", ChineseNumbers.yuan(new java.math.BigDecimal("3500.00")));
        assertEquals("1.25万元", ChineseNumbers.yuan(new java.math.BigDecimal("12500.00")));
    }

    @Test
    void halvesAndDatesAsHeadingsWriteThem() {
        assertEquals("2026年上半年", ChineseNumbers.half(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30)));
        assertEquals("2026年上半年", ChineseNumbers.half(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 20)));
        assertEquals("2026年下半年", ChineseNumbers.half(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 12, 31)));
        assertEquals("2026年", ChineseNumbers.half(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)));
        assertEquals("3月份", ChineseNumbers.half(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31)));
        assertEquals("2026年7月1日", ChineseNumbers.date(LocalDate.of(2026, 7, 1)));
    }

    @Test
    void smallAndRoundNumbersStayExact() {
        assertEquals("7", ChineseNumbers.approx(7));
        assertEquals("0", ChineseNumbers.approx(0));
        assertEquals("40", ChineseNumbers.approx(40));
        assertEquals("200", ChineseNumbers.approx(200));
        assertEquals("3000", ChineseNumbers.approx(3000));
    }

    @Test
    void periodsAsTheSummariesName_them() {
        assertEquals("1-6月份", ChineseNumbers.period(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 6, 30)));
        assertEquals("3月份", ChineseNumbers.period(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 31)));
        assertEquals("2024年3月5日至6月30日", ChineseNumbers.period(LocalDate.of(2024, 3, 5), LocalDate.of(2024, 6, 30)));
        assertEquals("2024年9月1日至2025年1月20日", ChineseNumbers.period(LocalDate.of(2024, 9, 1), LocalDate.of(2025, 1, 20)));
    }
}
