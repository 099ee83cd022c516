package com.patrolplanner.registry;

import com.patrolplanner.i18n.Messages;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Opening hours per weekday, in minutes from that day's midnight. An interval may run past midnight (close up to
 * 48:00): "20:00-02:00" on Friday means open Friday 20:00 until Saturday 02:00 — the case night sweeps look for.
 *
 * <p>Text forms accepted: {@code 08:00-24:00} (every day), {@code Mo-Fr 09:00-22:00; Sa,Su 09:00-02:00},
 * {@code 周一至周五 9:00-22:00；周六,周日 9:00-02:00}, {@code 24h} / {@code 24小时}, several intervals separated by commas.
 * JSON form: {@code {"mon":"09:00-22:00","sat":"09:00-02:00","sun":"closed"}}.
 */
@com.fasterxml.jackson.databind.annotation.JsonDeserialize(using = InputJson.Hours.class)
public final class OpeningHours {
    /** One interval: open and close minute from the day's midnight, close > open, close ≤ 2880. */
    public record Interval(int open, int close) {
        public boolean pastMidnight() {
            return close > 1440;
        }
    }

    private static final String[] KEYS = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
    private static final Pattern TIME_RANGE = Pattern.compile("(\\d{1,2})[:：](\\d{2})\\s*[-–~至到]\\s*(\\d{1,2})[:：](\\d{2})");
    private final Map<DayOfWeek, List<Interval>> days;

    private OpeningHours(Map<DayOfWeek, List<Interval>> days) {
        this.days = days;
    }

    public List<Interval> on(DayOfWeek d) {
        return days.getOrDefault(d, List.of());
    }

    /** True if the venue is open at minute {@code m} (0..1439) of day {@code d}, counting the previous day's late hours. */
    public boolean isOpenAt(DayOfWeek d, int m) {
        for (Interval i : on(d)) {
            if (m >= i.open() && m < i.close()) {
                return true;
            }
        }
        for (Interval i : on(d.minus(1))) {
            if (i.close() > 1440 && m < i.close() - 1440) {
                return true;
            }
        }
        return false;
    }

    /** JSON form: weekday key → "HH:MM-HH:MM[,…]" or "closed" (also how Jackson writes it). */
    @com.fasterxml.jackson.annotation.JsonValue
    public Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            List<Interval> l = on(d);
            m.put(KEYS[d.ordinal()], l.isEmpty() ? "closed"
                    : String.join(",", l.stream().map(i -> fmt(i.open()) + "-" + fmt(i.close() > 1440 ? i.close() - 1440 : i.close())).toList()));
        }
        return m;
    }

    private static String fmt(int minutes) {
        return String.format("%02d:%02d", minutes / 60, minutes % 60);
    }

    public static OpeningHours fromMap(Map<String, ?> map) {
        Map<DayOfWeek, List<Interval>> days = new EnumMap<>(DayOfWeek.class);
        for (Map.Entry<String, ?> e : map.entrySet()) {
            int idx = dayIndex(e.getKey());
            if (idx < 0) {
                throw new IllegalArgumentException(Messages.of("registry.hoursWeekday", e.getKey()));
            }
            days.put(DayOfWeek.of(idx + 1), intervals(String.valueOf(e.getValue())));
        }
        return new OpeningHours(days);
    }

    /** Parses the text forms described in the class comment; throws IllegalArgumentException naming the problem. */
    public static OpeningHours parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim().replace('；', ';').replace('，', ',').replace('　', ' ');
        Map<DayOfWeek, List<Interval>> days = new EnumMap<>(DayOfWeek.class);
        for (String part : t.split(";")) {
            part = part.trim();
            if (part.isEmpty()) {
                continue;
            }
            Matcher m = TIME_RANGE.matcher(part);
            String dayPart;
            String timePart;
            if (part.matches("(?i).*(24\\s*h|24\\s*小时|全天).*")) {
                int cut = part.toLowerCase().indexOf("24");
                dayPart = part.substring(0, Math.max(0, cut)).trim();
                timePart = "00:00-24:00";
            } else if (m.find()) {
                dayPart = part.substring(0, m.start()).trim();
                timePart = part.substring(m.start()).trim();
            } else if (part.matches("(?i).*(closed|休息|不营业).*")) {
                dayPart = part.replaceAll("(?i)closed|休息|不营业", "").trim();
                timePart = "closed";
            } else {
                throw new IllegalArgumentException(Messages.of("registry.hoursUnreadable", part));
            }
            List<Interval> iv = intervals(timePart);
            for (DayOfWeek d : dayRange(dayPart)) {
                days.put(d, iv);
            }
        }
        return new OpeningHours(days);
    }

    private static List<Interval> intervals(String s) {
        String v = s.trim();
        if (v.isEmpty() || v.equalsIgnoreCase("closed") || v.equals("休息")) {
            return List.of();
        }
        List<Interval> out = new ArrayList<>();
        Matcher m = TIME_RANGE.matcher(v);
        while (m.find()) {
            int h1 = Integer.parseInt(m.group(1));
            int m1 = Integer.parseInt(m.group(2));
            int h2 = Integer.parseInt(m.group(3));
            int m2 = Integer.parseInt(m.group(4));
            if (h1 > 24 || h2 > 24 || m1 > 59 || m2 > 59 || (h1 == 24 && m1 > 0) || (h2 == 24 && m2 > 0)) {
                throw new IllegalArgumentException(Messages.of("registry.hoursBadTime", m.group()));
            }
            int open = h1 * 60 + m1;
            int close = h2 * 60 + m2;
            if (open >= 1440) {
                throw new IllegalArgumentException(Messages.of("registry.hours2400", m.group()));
            }
            if (close <= open) {
                close += 1440; // runs past midnight
            }
            out.add(new Interval(open, close));
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(Messages.of("registry.hoursUnreadable", s));
        }
        return List.copyOf(out);
    }

    private static List<DayOfWeek> dayRange(String spec) {
        String s = spec.trim().replace("，", ",").replace("、", ",");
        if (s.isEmpty() || s.equals("每天") || s.equalsIgnoreCase("daily") || s.equals("全周")) {
            return List.of(DayOfWeek.values());
        }
        List<DayOfWeek> out = new ArrayList<>();
        for (String piece : s.split(",")) {
            String p = piece.trim();
            if (p.isEmpty()) {
                continue;
            }
            String[] ends = p.split("\\s*(-|–|至|到|~)\\s*");
            int a = dayIndex(ends[0]);
            int b = ends.length > 1 ? dayIndex(ends[1]) : a;
            if (a < 0 || b < 0) {
                throw new IllegalArgumentException(Messages.of("registry.hoursWeekday", spec));
            }
            for (int i = a; ; i = (i + 1) % 7) {
                out.add(DayOfWeek.of(i + 1));
                if (i == b) {
                    break;
                }
            }
        }
        return out;
    }

    private static int dayIndex(String raw) {
        String s = raw.trim().toLowerCase();
        String[][] names = {
                {"mo", "mon", "monday", "周一", "星期一", "礼拜一"}, {"tu", "tue", "tuesday", "周二", "星期二", "礼拜二"},
                {"we", "wed", "wednesday", "周三", "星期三", "礼拜三"}, {"th", "thu", "thursday", "周四", "星期四", "礼拜四"},
                {"fr", "fri", "friday", "周五", "星期五", "礼拜五"}, {"sa", "sat", "saturday", "周六", "星期六", "礼拜六"},
                {"su", "sun", "sunday", "周日", "星期日", "周天", "星期天", "礼拜天", "礼拜日"}};
        for (int i = 0; i < 7; i++) {
            for (String n : names[i]) {
                if (n.equals(s)) {
                    return i;
                }
            }
        }
        return -1;
    }
}
