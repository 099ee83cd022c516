package com.patrolplanner.campaign.domain;

import com.patrolplanner.registry.OpeningHours;
import java.time.DayOfWeek;
import java.util.Set;

/**
 * Statutory closing hours: a venue of these categories must not do business in {@code [closedFrom, closedTo)} minutes
 * of every day. Night sweeps are scheduled inside these hours, because a venue found open then is violating.
 */
public enum ClosingHoursRule {
    /** Internet cafés may open only 08:00–24:00, so 00:00–08:00 is closed time. */
    INTERNET_CAFE_CLOSED_0_TO_8(0, 8 * 60, Set.of("internet_cafe"),
            "《互联网上网服务营业场所管理条例》第二十二条：互联网上网服务营业场所每日营业时间限于8时至24时。"),
    /** Entertainment venues (song-and-dance, arcades) must not do business 02:00–08:00. */
    ENTERTAINMENT_CLOSED_2_TO_8(2 * 60, 8 * 60, Set.of("song_dance", "game_arcade"),
            "《娱乐场所管理条例》第二十八条：每日凌晨2时至上午8时，娱乐场所不得营业。");

    public final int closedFrom;
    public final int closedTo;
    public final Set<String> categories;
    public final String legalBasis;

    ClosingHoursRule(int closedFrom, int closedTo, Set<String> categories, String legalBasis) {
        this.closedFrom = closedFrom;
        this.closedTo = closedTo;
        this.categories = categories;
        this.legalBasis = legalBasis;
    }

    /** The rule for a venue category, or null when the category has no statutory closing hours. */
    public static ClosingHoursRule forCategory(String category) {
        for (ClosingHoursRule r : values()) {
            if (r.categories.contains(category)) {
                return r;
            }
        }
        return null;
    }

    /** True when the declared hours let the venue be open at some minute of the closed period on some day. */
    public boolean violatedBy(OpeningHours hours) {
        if (hours == null) {
            return false;
        }
        for (DayOfWeek d : DayOfWeek.values()) {
            for (int m = closedFrom; m < closedTo; m++) {
                if (hours.isOpenAt(d, m)) {
                    return true;
                }
            }
        }
        return false;
    }
}
