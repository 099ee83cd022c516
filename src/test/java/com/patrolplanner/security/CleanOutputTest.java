package com.patrolplanner.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.patrolplanner.campaign.output.ICalendar;
import com.patrolplanner.campaign.output.PlanView;
import com.patrolplanner.web.CsvCells;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 15, point 5, without a server: the CSV cell rule and the iCalendar text escaping. */
class CleanOutputTest {

    @Test
    void formulaCellsGetALeadingQuoteAndNumbersStayNumbers() {
        assertEquals("'=cmd|' /C calc'!A0", CsvCells.cell("=cmd|' /C calc'!A0"));
        assertEquals("'=HYPERLINK(\"http://x\")", CsvCells.cell("=HYPERLINK(\"http://x\")"));
        assertEquals("'@SUM(1)", CsvCells.cell("@SUM(1)"));
        assertEquals("'+1", CsvCells.cell("+1"));
        assertEquals("'-1+1", CsvCells.cell("-1+1"));
        assertEquals("'\tX", CsvCells.cell("\tX"));
        assertEquals("'\rX", CsvCells.cell("\rX"));
        assertEquals("'-1", CsvCells.cell("-1"), "a minus in a text column is text");
        assertEquals(-1, CsvCells.cell(-1), "a numeric column keeps its negative numbers");
        assertEquals(-2.5, CsvCells.cell(-2.5));
        assertEquals("网吧 = 3", CsvCells.cell("网吧 = 3"));
        assertEquals(null, CsvCells.cell(null));
    }

    static PlanView.Stop stop(int seq, String name, String address) {
        return new PlanView.Stop(1L, seq, "v" + seq, 7L, name, "internet_cafe", address, 119.61, 36.51,
                "2026-11-02T21:00:00+08:00", "2026-11-02T21:05:00+08:00", "2026-11-02T21:25:00+08:00", 5.0,
                "2026-11-02T20:00:00+08:00", "2026-11-03T02:00:00+08:00", "20:00-02:00", 1, null, false, false);
    }

    @Test
    void aBareCrInAVenueNameStaysOnItsFoldedLine() {
        String name = "夜色网吧\rATTENDEE:mailto:evil@example.com\nX-INJECTED:1\r\nEND:VEVENT\u2028"
                + "很长的名字".repeat(12) + ";,\\";
        PlanView.Route route = new PlanView.Route(3, "一组", List.of(), "2026-11-02T20:00:00+08:00",
                "2026-11-03T02:00:00+08:00", null, 119.6, 36.5, 5.0,
                List.of(stop(1, name, "测试路\r1号")), null);
        PlanView plan = new PlanView(9, "夜查\r行动", "NIGHT_SWEEP", 11L, "2026-11-02", "solved", null, true, List.of(),
                null, List.of(route), List.of());
        String ics = ICalendar.of(plan, route, "localhost");

        assertTrue(ics.endsWith("\r\n"));
        String[] physical = ics.substring(0, ics.length() - 2).split("\r\n", -1);
        for (String line : physical) {
            assertFalse(line.contains("\r") || line.contains("\n"), "a bare line break: " + line);
            assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, "longer than 75 octets: " + line);
        }
        // unfolded: every logical line is one of ours; the payload's "properties" stay inside the SUMMARY text
        String unfolded = ics.replace("\r\n ", "");
        List<String> logical = List.of(unfolded.substring(0, unfolded.length() - 2).split("\r\n", -1));
        // two events: the shift, then the one stop
        assertEquals(2, logical.stream().filter(l -> l.startsWith("END:VEVENT")).count());
        assertFalse(logical.stream().anyMatch(l -> l.startsWith("ATTENDEE") || l.startsWith("X-INJECTED")), unfolded);
        String summary = logical.stream().filter(l -> l.startsWith("SUMMARY:1. ")).findFirst().orElseThrow();
        assertEquals("SUMMARY:1. 检查 夜色网吧\\nATTENDEE:mailto:evil@example.com\\nX-INJECTED:1\\nEND:VEVENT\\n"
                + "很长的名字".repeat(12) + "\\;\\,\\\\ · 11月2日夜—11月3日凌晨 (20:00–02:00)", summary);
        assertTrue(logical.contains("SUMMARY:班次 11月2日夜—11月3日凌晨 (20:00–02:00) · 夜查\\n行动"), unfolded);
        assertTrue(logical.contains("LOCATION:测试路\\n1号"));
        assertTrue(logical.contains("X-WR-CALNAME:夜查\\n行动 · 一组"));
    }
}
