package com.patrolplanner.casework;

import java.time.LocalDate;

/**
 * The term of a temporary seizure (查封、扣押 are 行政强制措施): at most 30 days, extendable once by at most 30 days
 * with the approval of the head of the bureau; the goods are returned when no penalty follows. The article numbers are
 * those commonly cited (DOMAIN.md): confirm against the published text.
 */
public final class SeizureTermRule {
    public static final String CODE = "SEIZURE_30_DAYS";
    public static final int DAYS = 30;
    public static final int EXTENSION_DAYS = 30;
    public static final String LEGAL_BASIS = "《中华人民共和国行政强制法》第二十五条：查封、扣押的期限不得超过三十日；情况复杂的，经行政机关负责人批准，"
            + "可以延长，但是延长期限不得超过三十日。法律、行政法规另有规定的除外。";

    private SeizureTermRule() {
    }

    public static LocalDate returnDue(LocalDate seized, boolean extended) {
        return seized.plusDays(DAYS + (extended ? EXTENSION_DAYS : 0));
    }
}
