package com.patrolplanner.campaign.output;

import com.patrolplanner.campaign.domain.ShiftLabel;
import com.patrolplanner.registry.VenueCategory;

/**
 * A team's route as a printable A4 page (Chinese first, English second): who, when, the ordered stops, and a block
 * for the officers', the team leader's signatures and the date. Styled by {@link #CSS}.
 */
public final class RouteSheet {
    /** Its style sheet, a static file of the map UI (A4 page, ruled table, signature block). */
    public static final String CSS = "/css/route-sheet.css";

    private RouteSheet() {
    }

    public static String of(PlanView plan, PlanView.Route route) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">\n<title>")
                .append(esc(plan.campaignName())).append(" · ").append(esc(route.teamName())).append(" 路线单</title>\n")
                // the CSS is a file: the service's CSP (style-src 'self') blocks an inline <style>
                .append("<link rel=\"stylesheet\" href=\"").append(CSS).append("\"></head><body>\n");
        sb.append("<h1>").append(esc(plan.campaignName())).append(" — 检查路线单 <span class=\"en\">Route sheet</span></h1>\n");
        ShiftLabel shift = ShiftLabel.of(route.shiftStart(), route.shiftEnd());
        sb.append("<p class=\"facts\"><span>班次 <span class=\"en\">Shift</span>: ").append(esc(shift.zh()))
                .append(" <span class=\"en\">").append(esc(shift.en())).append("</span>")
                .append("</span><span>小组 <span class=\"en\">Team</span>: ").append(esc(route.teamName()))
                .append("</span><span>出发 <span class=\"en\">Leave base</span>: ").append(leave(route))
                .append("</span><span>返回 <span class=\"en\">Back</span>: ").append(hm(route.backAtBase())).append("</span></p>\n");
        sb.append("<p class=\"facts\">执法人员 <span class=\"en\">Officers</span>: ");
        for (PlanView.Member m : route.members()) {
            sb.append(esc(m.name())).append(m.certified() ? "（执法证 " + esc(m.certificateNo()) + "）" : "（无执法证）").append(" ");
        }
        sb.append("</p>\n<table class=\"stops\"><thead><tr><th>序<br><span class=\"en\">#</span></th><th>检查对象 / 地址<br><span class=\"en\">Venue / address</span></th>"
                + "<th>类别<br><span class=\"en\">Category</span></th><th>到达<br><span class=\"en\">Arrive</span></th>"
                + "<th>检查<br><span class=\"en\">Check</span></th><th>离开<br><span class=\"en\">Leave</span></th>"
                + "<th>路程(分)<br><span class=\"en\">Drive min</span></th><th>结果 / 签名<br><span class=\"en\">Result / signature</span></th></tr></thead><tbody>\n");
        for (PlanView.Stop s : route.stops()) {
            sb.append("<tr><td>").append(s.seq()).append("</td><td>").append(esc(s.name())).append("<br><small>")
                    .append(esc(s.address() == null ? "" : s.address())).append("</small></td><td>").append(esc(zh(s.category())))
                    .append("</td><td class=\"num\">").append(hm(s.arrival())).append("</td><td class=\"num\">").append(hm(s.start()))
                    .append("</td><td class=\"num\">").append(hm(s.departure())).append("</td><td class=\"num\">")
                    .append(s.travelMinutes()).append("</td><td class=\"result\"></td></tr>\n");
        }
        sb.append("</tbody></table>\n<p class=\"note\">全程行车约 <span class=\"en\">Total driving</span> ").append(route.travelMinutes())
                .append(" 分钟 min。依《行政处罚法》第五十五条，检查时出示执法证件并制作笔录。</p>\n")
                .append("<table class=\"sign\"><thead><tr><th>检查人员签名 <span class=\"en\">Officers' signatures</span></th>"
                        + "<th>带队人签名 <span class=\"en\">Team leader's signature</span></th>"
                        + "<th>日期 <span class=\"en\">Date</span></th></tr></thead>"
                        + "<tbody><tr><td></td><td></td><td></td></tr></tbody></table>\n</body></html>\n");
        return sb.toString();
    }

    /** When the team leaves base: the shift start, or later when the first stop's window opens later. */
    private static String leave(PlanView.Route route) {
        if (route.stops().isEmpty()) {
            return hm(route.shiftStart());
        }
        PlanView.Stop first = route.stops().get(0);
        return hm(java.time.OffsetDateTime.parse(first.arrival()).minusSeconds(Math.round(first.travelMinutes() * 60))
                .toString());
    }

    private static String zh(String category) {
        try {
            return VenueCategory.parse(category).zh;
        } catch (IllegalArgumentException e) {
            return category;
        }
    }

    private static String hm(String iso) {
        return iso == null ? "—" : iso.substring(11, 16);
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
