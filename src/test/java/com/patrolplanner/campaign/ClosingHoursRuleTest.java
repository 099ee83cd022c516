package com.patrolplanner.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.patrolplanner.campaign.domain.ClosingHoursRule;
import com.patrolplanner.campaign.domain.TimeWindowRule;
import com.patrolplanner.registry.OpeningHours;
import org.junit.jupiter.api.Test;

/** One test per statutory closing-hours rule, named after it. */
class ClosingHoursRuleTest {

    @Test
    void INTERNET_CAFE_CLOSED_0_TO_8() {
        ClosingHoursRule r = ClosingHoursRule.INTERNET_CAFE_CLOSED_0_TO_8;
        assertTrue(r.legalBasis.contains("《互联网上网服务营业场所管理条例》第二十二条"));
        assertEquals(r, ClosingHoursRule.forCategory("internet_cafe"));
        assertFalse(r.violatedBy(OpeningHours.parse("08:00-24:00")), "08:00–24:00 is the lawful maximum");
        assertTrue(r.violatedBy(OpeningHours.parse("Mo-Fr 08:00-24:00; Sa 08:00-00:30")), "open past midnight on Saturday");
        assertTrue(r.violatedBy(OpeningHours.parse("07:30-22:00")), "opens before 08:00");
        // the night sweep's café window lies inside the closed period
        assertTrue(TimeWindowRule.CAFE_AFTER_MIDNIGHT.from() >= r.closedFrom && TimeWindowRule.CAFE_AFTER_MIDNIGHT.to() <= r.closedTo);
    }

    @Test
    void ENTERTAINMENT_CLOSED_2_TO_8() {
        ClosingHoursRule r = ClosingHoursRule.ENTERTAINMENT_CLOSED_2_TO_8;
        assertTrue(r.legalBasis.contains("《娱乐场所管理条例》第二十八条"));
        assertEquals(r, ClosingHoursRule.forCategory("song_dance"));
        assertEquals(r, ClosingHoursRule.forCategory("game_arcade"));
        assertFalse(r.violatedBy(OpeningHours.parse("18:00-02:00")), "closing at 02:00 is lawful");
        assertTrue(r.violatedBy(OpeningHours.parse("18:00-03:00")));
        assertTrue(TimeWindowRule.ENTERTAINMENT_AFTER_TWO.from() >= r.closedFrom
                && TimeWindowRule.ENTERTAINMENT_AFTER_TWO.to() <= r.closedTo);
        assertEquals(null, ClosingHoursRule.forCategory("publication"));
    }
}
