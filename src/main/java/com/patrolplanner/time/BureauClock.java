package com.patrolplanner.time;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The bureau's clock: every date a user sees or sends (a campaign day, a report period, an inspection date) is a date in
 * China Standard Time. The one home of the zone constant.
 */
public final class BureauClock {
    /** China Standard Time (UTC+8, no daylight saving). */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private BureauClock() {
    }

    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    public static ZonedDateTime now() {
        return ZonedDateTime.now(ZONE);
    }
}
