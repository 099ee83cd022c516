package com.patrolplanner.campaign.domain;

import com.patrolplanner.time.BureauClock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * When a team's shift really runs, in words (the one home of that wording; map-ui's {@code shiftLabel} is its client
 * twin). A plan date is the day the shift's windows are counted from; a night sweep dated 12-02 with the shift
 * 23:30–04:30 starts on the evening of 12-01, so it reads "12月1日夜—12月2日凌晨 (23:30–04:30)" /
 * "Night of 1–2 Dec (23:30–04:30)". A shift within one day reads "12月2日 (08:30–17:30)" / "2 Dec (08:30–17:30)".
 *
 * @param start when the shift starts (China Standard Time)
 * @param end when it ends
 */
public record ShiftLabel(ZonedDateTime start, ZonedDateTime end) {
    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter EN_DAY_MONTH = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    /** The shift of plan date {@code date} given as minutes from its midnight (start &lt; 0: the evening before). */
    public static ShiftLabel of(LocalDate date, int startMinute, int endMinute) {
        ZonedDateTime midnight = date.atStartOfDay(BureauClock.ZONE);
        return new ShiftLabel(midnight.plusMinutes(startMinute), midnight.plusMinutes(endMinute));
    }

    /** The shift between two ISO-8601 instants (a plan route's {@code shiftStart}, {@code shiftEnd}). */
    public static ShiftLabel of(String startIso, String endIso) {
        return new ShiftLabel(OffsetDateTime.parse(startIso).atZoneSameInstant(BureauClock.ZONE),
                OffsetDateTime.parse(endIso).atZoneSameInstant(BureauClock.ZONE));
    }

    /** Whether the shift runs past midnight (an end at exactly 24:00 does not). */
    public boolean overnight() {
        return !start.toLocalDate().equals(end.minusMinutes(1).toLocalDate());
    }

    private String hours() {
        return "(" + HM.format(start) + "–" + HM.format(end) + ")";
    }

    /** "12月1日夜—12月2日凌晨 (23:30–04:30)", or "12月2日 (08:30–17:30)". */
    public String zh() {
        if (!overnight()) {
            return zhDay(start) + " " + hours();
        }
        String morning = end.truncatedTo(ChronoUnit.DAYS).plusHours(6).isBefore(end) ? "晨" : "凌晨";
        return zhDay(start) + "夜—" + zhDay(end) + morning + " " + hours();
    }

    /** "Night of 1–2 Dec (23:30–04:30)", or "2 Dec (08:30–17:30)". */
    public String en() {
        if (!overnight()) {
            return EN_DAY_MONTH.format(start) + " " + hours();
        }
        String from = start.getMonth() == end.getMonth() ? String.valueOf(start.getDayOfMonth()) : EN_DAY_MONTH.format(start);
        return "Night of " + from + "–" + EN_DAY_MONTH.format(end) + " " + hours();
    }

    /** {@link #en()} for an English locale, else {@link #zh()} (the bureau's language is the default). */
    public String in(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? en() : zh();
    }

    private static String zhDay(ZonedDateTime t) {
        return t.getMonthValue() + "月" + t.getDayOfMonth() + "日";
    }
}
