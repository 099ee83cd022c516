package com.patrolplanner.coverage;

import com.patrolplanner.sql.Stmt;
import com.patrolplanner.time.BureauClock;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A period [from, to) cut at month boundaries of China Standard Time, the months of inspection's monthly roll-up: the
 * whole months [firstMonth, endMonth) and the raw ends [from, start of firstMonth) and [start of endMonth, to). A period
 * that holds no whole month is all raw (an empty month range, one raw part).
 */
record PeriodSplit(OffsetDateTime from, OffsetDateTime to, LocalDate firstMonth, LocalDate endMonth,
        OffsetDateTime wholeFrom, OffsetDateTime wholeTo) {

    static PeriodSplit of(OffsetDateTime from, OffsetDateTime to) {
        LocalDate m1 = from.atZoneSameInstant(BureauClock.ZONE).toLocalDate().withDayOfMonth(1);
        if (start(m1).isBefore(from)) {
            m1 = m1.plusMonths(1);
        }
        LocalDate m2 = to.atZoneSameInstant(BureauClock.ZONE).toLocalDate().withDayOfMonth(1);
        if (!m1.isBefore(m2)) {
            return new PeriodSplit(from, to, m1, m1, from, from);
        }
        return new PeriodSplit(from, to, m1, m2, start(m1), start(m2));
    }

    static OffsetDateTime start(LocalDate month) {
        return month.atStartOfDay(BureauClock.ZONE).toOffsetDateTime();
    }

    /** Binds the six parameters of {@link CoverageSql#PERIOD_VENUES} from {@code index}; returns the next index. */
    int bind(Stmt ps, int index) {
        ps.setObject(index, firstMonth);
        ps.setObject(index + 1, endMonth);
        ps.setInstant(index + 2, instant(from));
        ps.setInstant(index + 3, instant(wholeFrom));
        ps.setInstant(index + 4, instant(wholeTo));
        ps.setInstant(index + 5, instant(to));
        return index + 6;
    }

    private static java.time.Instant instant(OffsetDateTime t) {
        return t.toInstant();
    }
}
