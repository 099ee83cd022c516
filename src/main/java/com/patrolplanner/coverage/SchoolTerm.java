package com.patrolplanner.coverage;

import com.patrolplanner.i18n.Messages;
import java.time.LocalDate;
import java.time.MonthDay;

/**
 * School terms used by the gap analysis ("not inspected this school term"). Spring term 15 Feb – 15 Jul, autumn term
 * 1 Sep – 20 Jan of the following year (typical for Shandong; provinces publish their own calendars). During a holiday
 * "this term" is the term that has just ended, so that the gaps of a term stay visible until the next one starts.
 */
/** {@code name} is a message reference ("2026年秋季学期" / "autumn term 2026"): it reads in the request's language. */
public record SchoolTerm(String name, LocalDate start, LocalDate end) {
    public static final MonthDay SPRING_START = MonthDay.of(2, 15);
    public static final MonthDay SPRING_END = MonthDay.of(7, 15);
    public static final MonthDay AUTUMN_START = MonthDay.of(9, 1);
    /** In the calendar year after the term began. */
    public static final MonthDay AUTUMN_END = MonthDay.of(1, 20);

    /** The term containing {@code d}, or in a holiday the latest term that started before it. */
    public static SchoolTerm of(LocalDate d) {
        int y = d.getYear();
        LocalDate autumnStart = AUTUMN_START.atYear(y);
        LocalDate springStart = SPRING_START.atYear(y);
        if (!d.isBefore(autumnStart)) {
            return autumn(y);
        }
        if (!d.isBefore(springStart)) {
            return new SchoolTerm(Messages.of("gap.term.spring", y), springStart, SPRING_END.atYear(y));
        }
        return autumn(y - 1);
    }

    private static SchoolTerm autumn(int y) {
        return new SchoolTerm(Messages.of("gap.term.autumn", y), AUTUMN_START.atYear(y), AUTUMN_END.atYear(y + 1));
    }

    public boolean inSession(LocalDate d) {
        return !d.isBefore(start) && !d.isAfter(end);
    }
}
