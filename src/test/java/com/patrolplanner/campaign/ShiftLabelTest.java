package com.patrolplanner.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.patrolplanner.campaign.domain.ShiftLabel;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The night in words: a shift's date is the morning its midnight windows fall on; the label names the evening too. */
class ShiftLabelTest {

    @Test
    void nightSweepDatedTheSecondStartsOnTheEveningOfTheFirst() {
        ShiftLabel l = ShiftLabel.of(LocalDate.of(2026, 12, 2), -30, 270);
        assertEquals("12月1日夜—12月2日凌晨 (23:30–04:30)", l.zh());
        assertEquals("Night of 1–2 Dec (23:30–04:30)", l.en());
        assertEquals("2026-12-01T23:30+08:00[Asia/Shanghai]", l.start().toString());
        assertTrue(l.overnight());
    }

    @Test
    void nightAcrossTheMonthNamesBothMonths() {
        ShiftLabel l = ShiftLabel.of("2026-11-30T23:30:00+08:00", "2026-12-01T04:30:00+08:00");
        assertEquals("11月30日夜—12月1日凌晨 (23:30–04:30)", l.zh());
        assertEquals("Night of 30 Nov–1 Dec (23:30–04:30)", l.en());
    }

    @Test
    void dayShiftAndOneEndingAtMidnightAreOneDay() {
        assertEquals("12月2日 (08:30–17:30)", ShiftLabel.of(LocalDate.of(2026, 12, 2), 510, 1050).zh());
        assertEquals("2 Dec (08:30–17:30)", ShiftLabel.of(LocalDate.of(2026, 12, 2), 510, 1050).en());
        ShiftLabel toMidnight = ShiftLabel.of(LocalDate.of(2026, 12, 2), 1080, 1440);
        assertFalse(toMidnight.overnight());
        assertEquals("12月2日 (18:00–00:00)", toMidnight.zh());
    }

    @Test
    void utcInstantsAreReadInChinaStandardTime() {
        assertEquals("12月1日夜—12月2日凌晨 (23:30–04:30)",
                ShiftLabel.of("2026-12-01T15:30:00Z", "2026-12-01T20:30:00Z").zh());
    }
}
