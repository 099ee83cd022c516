package com.patrolplanner.campaign.output;

import com.patrolplanner.campaign.domain.ShiftLabel;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A team's route as an RFC 5545 calendar: one VEVENT for the shift (from its real start: a night sweep's is the evening
 * before its date), then one per stop (its summary names the shift in words, so a night's stops read as that night);
 * times in UTC ("Z"), lines ended by CRLF and folded at 75 octets (continuation lines start with a space), text values
 * escaped (backslash, semicolon, comma, every kind of line break).
 */
public final class ICalendar {
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private ICalendar() {
    }

    public static String of(PlanView plan, PlanView.Route route, String host) {
        StringBuilder sb = new StringBuilder();
        line(sb, "BEGIN:VCALENDAR");
        line(sb, "VERSION:2.0");
        line(sb, "PRODID:-//Patrol Planner//Campaign routes//ZH");
        line(sb, "CALSCALE:GREGORIAN");
        line(sb, "METHOD:PUBLISH");
        line(sb, "X-WR-CALNAME:" + text(plan.campaignName() + " · " + route.teamName()));
        String stamp = UTC.format(OffsetDateTime.now(ZoneOffset.UTC));
        ShiftLabel shift = ShiftLabel.of(route.shiftStart(), route.shiftEnd());
        // the shift itself first: a night sweep dated 12-02 shows on the evening of 12-01, when the team sets out
        line(sb, "BEGIN:VEVENT");
        line(sb, "UID:plan-" + plan.planId() + "-team-" + route.teamId() + "-shift@" + host);
        line(sb, "DTSTAMP:" + stamp);
        line(sb, "DTSTART:" + utc(route.shiftStart()));
        line(sb, "DTEND:" + utc(route.shiftEnd()));
        line(sb, "SUMMARY:" + text("班次 " + shift.zh() + " · " + plan.campaignName()));
        line(sb, "DESCRIPTION:" + text(shift.en() + "\n" + route.teamName() + "：" + route.stops().size() + " 个站点"));
        line(sb, "END:VEVENT");
        for (PlanView.Stop s : route.stops()) {
            line(sb, "BEGIN:VEVENT");
            line(sb, "UID:plan-" + plan.planId() + "-team-" + route.teamId() + "-stop-" + s.seq() + "@" + host);
            line(sb, "DTSTAMP:" + stamp);
            line(sb, "DTSTART:" + utc(s.start()));
            line(sb, "DTEND:" + utc(s.departure()));
            line(sb, "SUMMARY:" + text(s.seq() + ". 检查 " + s.name() + " · " + shift.zh()));
            line(sb, "LOCATION:" + text(s.address() == null ? s.name() : s.address()));
            line(sb, "GEO:" + s.lat() + ";" + s.lon());
            line(sb, "DESCRIPTION:" + text("类别 " + s.category() + "；到达 " + s.arrival().substring(11, 16)
                    + "；路程 " + s.travelMinutes() + " 分钟；优先级 " + s.priority() + "\n" + plan.campaignName()));
            line(sb, "END:VEVENT");
        }
        line(sb, "END:VCALENDAR");
        return sb.toString();
    }

    static String utc(String iso) {
        return UTC.format(OffsetDateTime.parse(iso).withOffsetSameInstant(ZoneOffset.UTC));
    }

    /**
     * An RFC 5545 TEXT value (§3.3.11): backslash, semicolon and comma escaped; every line break (CRLF, a bare CR, LF,
     * and the Unicode NEL / line and paragraph separators) becomes the two characters {@code \n}, so that a name can
     * never start a property line of its own; other control characters (not allowed in TEXT) are dropped.
     */
    static String text(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\' -> out.append("\\\\");
                case ';' -> out.append("\\;");
                case ',' -> out.append("\\,");
                case '\r' -> {
                    out.append("\\n");
                    if (i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                        i++;
                    }
                }
                case '\n', '\u0085', '\u2028', '\u2029' -> out.append("\\n");
                default -> {
                    if (ch == '\t' || (ch >= 0x20 && ch != 0x7f)) {
                        out.append(ch);
                    }
                }
            }
        }
        return out.toString();
    }

    /** Appends one content line folded at 75 octets without splitting a UTF-8 character. */
    static void line(StringBuilder sb, String content) {
        int octets = 0;
        int limit = 75;
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            int len = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + len > limit) {
                sb.append("\r\n ");
                octets = 1;
                limit = 75;
            }
            sb.appendCodePoint(cp);
            octets += len;
            i += Character.charCount(cp);
        }
        sb.append("\r\n");
    }
}
