package com.patrolplanner.campaign.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A window in which a campaign's checks start, in minutes from the plan day's midnight ({@code to} may pass 1440 for
 * a night running into the next day), for some categories (empty = all) on some days. {@code name} and
 * {@code basis} say where the window comes from so that a planner can see why a visit is at that hour.
 */
public record TimeWindowRule(String name, int from, int to, Set<String> categories, DayKind days, String basis) {

    public TimeWindowRule {
        categories = categories == null ? Set.of() : Set.copyOf(categories);
        days = days == null ? DayKind.ANY : days;
        if (to <= from) {
            throw new IllegalArgumentException(com.patrolplanner.i18n.Messages.of("time.window", name));
        }
    }

    public boolean appliesTo(String category, boolean schoolDay) {
        return (categories.isEmpty() || categories.contains(category)) && days.matches(schoolDay);
    }

    /** Staggered hours: the noon break and after school on school days, all day on rest days. */
    public static final TimeWindowRule NOON_BREAK = new TimeWindowRule("NOON_BREAK", 12 * 60, 14 * 60, Set.of(),
            DayKind.SCHOOL_DAY, "错时检查：午间休息时段（未成年人易进入网吧）");
    public static final TimeWindowRule AFTER_SCHOOL = new TimeWindowRule("AFTER_SCHOOL", 16 * 60 + 30, 19 * 60, Set.of(),
            DayKind.SCHOOL_DAY, "错时检查：放学后时段");
    public static final TimeWindowRule REST_DAY_HOURS = new TimeWindowRule("REST_DAY", 9 * 60, 21 * 60, Set.of(),
            DayKind.REST_DAY, "错时检查：周末及学校假期全天");
    /** Night sweep windows sit inside the statutory closing hours of each category. */
    public static final TimeWindowRule CAFE_AFTER_MIDNIGHT = new TimeWindowRule("CAFE_AFTER_MIDNIGHT", 0, 2 * 60,
            ClosingHoursRule.INTERNET_CAFE_CLOSED_0_TO_8.categories, DayKind.ANY,
            ClosingHoursRule.INTERNET_CAFE_CLOSED_0_TO_8.legalBasis);
    public static final TimeWindowRule ENTERTAINMENT_AFTER_TWO = new TimeWindowRule("ENTERTAINMENT_AFTER_TWO", 2 * 60,
            4 * 60, ClosingHoursRule.ENTERTAINMENT_CLOSED_2_TO_8.categories, DayKind.ANY,
            ClosingHoursRule.ENTERTAINMENT_CLOSED_2_TO_8.legalBasis);
    public static final TimeWindowRule OFFICE_HOURS = new TimeWindowRule("OFFICE_HOURS", 9 * 60, 17 * 60, Set.of(),
            DayKind.ANY, "日常检查：工作时间，且场所营业");
    public static final TimeWindowRule STAKEOUT_AFTER_SCHOOL = new TimeWindowRule("STAKEOUT", 16 * 60 + 30, 18 * 60 + 30,
            Set.of(), DayKind.ANY, "蹲点守候：放学时段");

    /** The windows a campaign of this type gets when it names none. */
    public static List<TimeWindowRule> defaults(CampaignType type) {
        return switch (type) {
            case STAGGERED -> List.of(NOON_BREAK, AFTER_SCHOOL, REST_DAY_HOURS);
            case NIGHT_SWEEP -> List.of(CAFE_AFTER_MIDNIGHT, ENTERTAINMENT_AFTER_TWO);
            case STAKEOUT -> List.of(STAKEOUT_AFTER_SCHOOL);
            default -> List.of(OFFICE_HOURS);
        };
    }

    /** The windows that apply to a category on a day, in start order. */
    public static List<TimeWindowRule> applicable(List<TimeWindowRule> rules, String category, boolean schoolDay) {
        List<TimeWindowRule> out = new ArrayList<>();
        for (TimeWindowRule r : rules) {
            if (r.appliesTo(category, schoolDay)) {
                out.add(r);
            }
        }
        out.sort((a, b) -> Integer.compare(a.from, b.from));
        return out;
    }

    /** Shift of a staggered-hours team on a rest day (weekend, school holiday), around {@link #REST_DAY_HOURS}. */
    public static final int[] REST_DAY_SHIFT = {8 * 60 + 30, 21 * 60 + 30};

    /** Default shift of a team for a campaign type: [start, end] minutes from the plan day's midnight. */
    public static int[] defaultShift(CampaignType type) {
        return switch (type) {
            case STAGGERED -> new int[] {11 * 60 + 30, 19 * 60 + 30};
            case NIGHT_SWEEP -> new int[] {-30, 4 * 60 + 30};
            case STAKEOUT -> new int[] {15 * 60 + 30, 19 * 60 + 30};
            default -> new int[] {8 * 60 + 30, 17 * 60 + 30};
        };
    }
}
