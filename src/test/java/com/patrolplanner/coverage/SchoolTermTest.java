package com.patrolplanner.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SchoolTermTest {
    @Test
    void springTermFeb15ToJul15() {
        SchoolTerm t = SchoolTerm.of(LocalDate.of(2025, 4, 1));
        assertEquals(LocalDate.of(2025, 2, 15), t.start());
        assertEquals(LocalDate.of(2025, 7, 15), t.end());
    }

    @Test
    void autumnTermSep1ToJan20CrossesTheYear() {
        SchoolTerm t = SchoolTerm.of(LocalDate.of(2026, 1, 10));
        assertEquals(LocalDate.of(2025, 9, 1), t.start());
        assertEquals(LocalDate.of(2026, 1, 20), t.end());
        assertEquals(LocalDate.of(2025, 9, 1), SchoolTerm.of(LocalDate.of(2025, 9, 1)).start());
    }

    @Test
    void inAHolidayTheTermJustEnded() {
        // summer holiday → spring term; winter holiday (Jan 21 – Feb 14) → the autumn term before it
        assertEquals(LocalDate.of(2025, 2, 15), SchoolTerm.of(LocalDate.of(2025, 8, 10)).start());
        assertEquals(LocalDate.of(2024, 9, 1), SchoolTerm.of(LocalDate.of(2025, 2, 1)).start());
        assertEquals(false, SchoolTerm.of(LocalDate.of(2025, 8, 10)).inSession(LocalDate.of(2025, 8, 10)));
    }
}
