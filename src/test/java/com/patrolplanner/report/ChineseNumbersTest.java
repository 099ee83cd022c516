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
