package com.patrolplanner.campaign.domain;

/** Times of day as minutes from midnight ({@code HH:MM}); the bureau's time zone is {@code time.BureauClock.ZONE}. */
public final class Clock {
    private Clock() {
    }

    /** "HH:MM" (00:00–24:00) → minutes; throws IllegalArgumentException. */
    public static int parse(String hhmm) {
        if (hhmm == null || !hhmm.trim().matches("\\d{1,2}[:：]\\d{2}")) {
            throw new IllegalArgumentException(com.patrolplanner.i18n.Messages.of("time.hhmm", hhmm));
        }
        String[] p = hhmm.trim().split("[:：]");
        int h = Integer.parseInt(p[0]);
        int m = Integer.parseInt(p[1]);
        if (h > 24 || m > 59 || (h == 24 && m > 0)) {
            throw new IllegalArgumentException(com.patrolplanner.i18n.Messages.of("time.notTime", hhmm));
        }
        return h * 60 + m;
    }

    public static String format(int minutes) {
        int m = ((minutes % 1440) + 1440) % 1440;
        return String.format("%02d:%02d", m / 60, m % 60);
    }
}
