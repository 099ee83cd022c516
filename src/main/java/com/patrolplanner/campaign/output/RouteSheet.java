package com.patrolplanner.campaign.output;

import com.patrolplanner.campaign.domain.ShiftLabel;
import com.patrolplanner.registry.VenueCategory;

/** A team's route as a printable A4 page (Chinese first, English second): who, when, the ordered stops, signatures. */
public final class RouteSheet {
    private RouteSheet() {
    }

    public static String of(PlanView plan, PlanView.Route route) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">\n<title>")
                .append(esc(plan.campaignName())).append(" · ").append(esc(route.teamName())).append(" 路线单</title>\n")
                .append("""
                        <style>
                        @page { size: A4 portrait; margin: 15mm 12mm; }
                        body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif; font-size: 10.5pt; }
                        h1 { font-size: 15pt; margin: 0 0 4mm; } .en { color: #555; font-size: 8.5pt; }
                        table { width: 100%; border-collapse: collapse; } th, td { border: 0.3mm solid #333; padding: 1.5mm; vertical-align: top; }
                        th { background: #eee; } tr { page-break-inside: avoid; } .sign { margin-top: 10mm; display: flex; gap: 20mm; }
                        @media screen { body { max-width: 186mm; margin: 10mm auto; } }
                        </style></head><body>
                        """);
        sb.append("<h1>").append(esc(plan.campaignName())).append(" — 检查路线单 <span class=\"en\">Route sheet</span></h1>\n");
        ShiftLabel shift = ShiftLabel.of(route.shiftStart(), route.shiftEnd());
        sb.append("<p>班次 <span class=\"en\">Shift</span>: ").append(esc(shift.zh()))
                .append(" <span class=\"en\">").append(esc(shift.en())).append("</span>")
                .append(" &nbsp; 小组 <span class=\"en\">Team</span>: ").append(esc(route.teamName()))
                .append(" &nbsp; 出发 <span class=\"en\">Leave base</span>: ").append(leave(route))
                .append(" &nbsp; 返回 <span class=\"en\">Back</span>: ").append(hm(route.backAtBase())).append("</p>\n");
        sb.append("<p>执法人员 <span class=\"en\">Officers</span>: ");
        for (PlanView.Member m : route.members()) {
            sb.append(esc(m.name())).append(m.certified() ? "（执法证 " + esc(m.certificateNo()) + "）" : "（无执法证）").append(" ");
        }
        sb.append("</p>\n<table><thead><tr><th>序<br><span class=\"en\">#</span></th><th>检查对象 / 地址<br><span class=\"en\">Venue / address</span></th>"
                + "<th>类别<br><span class=\"en\">Category</span></th><th>到达<br><span class=\"en\">Arrive</span></th>"
                + "<th>检查<br><span class=\"en\">Check</span></th><th>离开<br><span class=\"en\">Leave</span></th>"
                + "<th>路程(分)<br><span class=\"en\">Drive min</span></th><th>结果 / 签名<br><span class=\"en\">Result / signature</span></th></tr></thead><tbody>\n");
        for (PlanView.Stop s : route.stops()) {
            sb.append("<tr><td>").append(s.seq()).append("</td><td>").append(esc(s.name())).append("<br><small>")
                    .append(esc(s.address() == null ? "" : s.address())).append("</small></td><td>").append(esc(zh(s.category())))
                    .append("</td><td>").append(hm(s.arrival())).append("</td><td>").append(hm(s.start())).append("</td><td>")
                    .append(hm(s.departure())).append("</td><td>").append(s.travelMinutes()).append("</td><td></td></tr>\n");
        }
        sb.append("</tbody></table>\n<p>全程行车约 <span class=\"en\">Total driving</span> ").append(route.travelMinutes())
                .append(" 分钟 min。依《行政处罚法》第五十五条，检查时出示执法证件并制作笔录。</p>\n")
                .append("<div class=\"sign\"><div>带队人员签字 <span class=\"en\">Team leader</span>: ________</div>"
                        + "<div>执法人员签字 <span class=\"en\">Officers</span>: ________</div></div>\n</body></html>\n");
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
