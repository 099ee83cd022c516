package com.patrolplanner.report;

import com.patrolplanner.casework.CaseworkStatistics;
import com.patrolplanner.coverage.CoverageService;
import com.patrolplanner.inspection.InspectionStatistics;
import com.patrolplanner.inspection.ViolationItem;
import com.patrolplanner.registry.VenueCategory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The summary's words: a title ("奎文区2026年上半年文化市场综合执法工作统计"), then a paragraph per section in the order
 * and style of the bureaus' half-year summaries. Flows (人次, 家次, 册, 盘) are approximate ({@link ChineseNumbers#approx}),
 * counts of things (家, 起, 份, 期, 套) exact. A section with nothing to say is left out; the complaint section is left
 * out while the complaint figures are not connected (the JSON says null).
 */
final class SummaryText {
    private SummaryText() {
    }

    static String title(String who, LocalDate from, LocalDate to) {
        return who + ChineseNumbers.half(from, to) + "文化市场综合执法工作统计";
    }

    static String plain(String title, String dateLine, List<PeriodReportService.Section> sections) {
        StringBuilder b = new StringBuilder(title).append('\n');
        for (PeriodReportService.Section s : sections) {
            b.append(s.heading()).append('\n').append(s.text()).append('\n');
        }
        return b.append(dateLine).toString();
    }

    static List<PeriodReportService.Section> sections(LocalDate from, LocalDate to, InspectionStatistics.Figures x,
            List<PeriodReportService.CategoryCount> cats, List<String> campaigns, long campaignCount, CoverageService.Stats cov,
            CaseworkStatistics.Figures e, List<PeriodReportService.UnitFigures> lines) {
        String[] numerals = {"一", "二", "三", "四", "五", "六"};
        List<String[]> out = new ArrayList<>();
        out.add(new String[] {"日常检查", inspections(from, to, x, cats, campaigns, campaignCount, cov, e) + PeriodReportService.unitsSentence(lines)});
        out.add(new String[] {"查处违法违规经营", handling(x, e)});
        String goods = goods(e);
        if (!goods.isEmpty()) {
            out.add(new String[] {"查扣物品", goods});
        }
        if (e.complaints() != null) {
            CaseworkStatistics.Complaints c = e.complaints();
            out.add(new String[] {"举报投诉", "受理群众举报投诉" + c.received() + "件，办结" + c.handled() + "件，其中按期办结"
                    + c.handledOnTime() + "件。"});
        }
        String pub = publicity(e);
        if (!pub.isEmpty()) {
            out.add(new String[] {"宣传培训", pub});
        }
        List<PeriodReportService.Section> s = new ArrayList<>();
        for (int k = 0; k < out.size(); k++) {
            s.add(new PeriodReportService.Section(numerals[k] + "、" + out.get(k)[0], out.get(k)[1]));
        }
        return s;
    }

    static String inspections(LocalDate from, LocalDate to, InspectionStatistics.Figures x,
            List<PeriodReportService.CategoryCount> cats, List<String> campaigns, long campaignCount, CoverageService.Stats cov,
            CaseworkStatistics.Figures e) {
        StringBuilder s = new StringBuilder(ChineseNumbers.period(from, to));
        s.append("，共出动执法人员").append(ChineseNumbers.approx(e.officerOutings())).append("人次（按每次出动的执法人员计；按检查家次累计")
                .append(ChineseNumbers.approx(x.officerVisits())).append("人次），检查各类场所")
                .append(ChineseNumbers.approx(x.venuesChecked())).append("家次");
        if (cats.size() > 1) {
            List<String> parts = new ArrayList<>();
            for (PeriodReportService.CategoryCount c : cats) {
                parts.add(PeriodReportService.phrase(c.category()) + ChineseNumbers.approx(c.venueVisits()) + "家次");
            }
            s.append("（其中").append(String.join("、", parts)).append("）");
        }
        if (e.venuesCheckedNearSchools() > 0) {
            s.append("，检查中小学校周边经营门店").append(ChineseNumbers.approx(e.venuesCheckedNearSchools())).append("家");
        }
        if (campaignCount > 0) {
            s.append("，开展").append(campaigns.isEmpty() ? "" : quoted(campaigns) + "等").append("专项行动").append(campaignCount).append("次");
        }
        if (cov.coverage() != null) {
            s.append("，辖区在册场所检查覆盖率").append(Math.round(cov.coverage() * 100)).append("%（")
                    .append(cov.venuesInspected()).append("/").append(cov.venues()).append("家）");
        }
        return s.append("。").toString();
    }

    static String handling(InspectionStatistics.Figures x, CaseworkStatistics.Figures e) {
        List<String> parts = new ArrayList<>();
        if (x.violatingVenues() > 0) {
            StringBuilder p = new StringBuilder("查处违规经营场所").append(x.violatingVenues()).append("家");
            List<String> types = new ArrayList<>();
            for (CaseworkStatistics.Count c : e.violationsByType()) {
                String who = "场所";
                try {
                    ViolationItem v = ViolationItem.parse(c.code());
                    who = v.category == null ? "场所" : PeriodReportService.phrase(v.category.code);
                    // "未按规定核对、登记上网消费者有效身份证件网吧20家" as the seed writes it; other categories read
                    // better with 的: "经营非法出版物的出版物经营单位3家"
                    String what = v.zh.replaceAll("（.*）$", "");
                    types.add(what + ("网吧".equals(who) ? "" : "的") + who + c.count() + "家");
                } catch (IllegalArgumentException ex) {
                    types.add(c.name() + c.count() + "家");
                }
            }
            if (!types.isEmpty()) {
                p.append("，其中").append(String.join("、", types));
            }
            parts.add(p.toString());
        }
        if (x.closed() > 0) {
            parts.add("取缔非法经营场所(摊点)" + x.closed() + "个");
        }
        List<String> docs = new ArrayList<>();
        for (CaseworkStatistics.Count c : e.documents()) {
            if (c.count() > 0) {
                docs.add(c.name() + c.count() + "份");
            }
        }
        if (!docs.isEmpty()) {
            String d = "下发" + String.join("、", docs);
            if (e.documentsReinspected() > 0) {
                d += "，复查" + e.documentsReinspected() + "家，整改到位" + e.documentsRectified() + "家";
            }
            parts.add(d);
        }
        if (x.rectificationOrders() > 0) {
            parts.add("现场责令整改" + x.rectificationOrders() + "家次");
        }
        long filed = Math.max(e.casesFiled(), 0);
        if (filed > 0 || e.casesDecided() > 0 || e.casesClosed() > 0) {
            StringBuilder c = new StringBuilder("立案查处").append(filed).append("起");
            if (e.casesDecided() > 0) {
                c.append("，作出行政处罚决定").append(e.casesDecided()).append("起");
                List<String> kinds = new ArrayList<>();
                for (CaseworkStatistics.Count p : e.penalties()) {
                    if (p.count() > 0) {
                        kinds.add(p.name() + p.count() + "起");
                    }
                }
                c.append("（").append(String.join("、", kinds)).append("）");
                if (e.finesYuan() != null && e.finesYuan().compareTo(BigDecimal.ZERO) > 0) {
                    c.append("，罚款").append(ChineseNumbers.yuan(e.finesYuan()));
                }
            }
            if (e.casesClosed() > 0) {
                c.append("，结案").append(e.casesClosed()).append("起");
            }
            if (e.casesOverdue() > 0) {
                c.append("，超过九十日办案期限尚未作出决定的").append(e.casesOverdue()).append("起");
            }
            parts.add(c.toString());
        } else if (x.casesFiled() > 0) {
            parts.add("立案查处" + x.casesFiled() + "起");
        }
        return parts.isEmpty() ? "未发现违规经营行为。" : String.join("；", parts) + "。";
    }

    static String goods(CaseworkStatistics.Figures e) {
        List<String> acts = new ArrayList<>();
        String act = null;
        List<String> items = new ArrayList<>();
        for (CaseworkStatistics.Goods g : e.goods()) {
            if (!g.actName().equals(act)) {
                if (act != null) {
                    acts.add(act + String.join("、", items));
                }
                act = g.actName();
                items = new ArrayList<>();
            }
            items.add(g.kindName() + ChineseNumbers.approx(g.quantity()) + g.measure());
        }
        if (act != null) {
            acts.add(act + String.join("、", items));
        }
        return acts.isEmpty() ? "" : String.join("；", acts) + "。";
    }

    static String publicity(CaseworkStatistics.Figures e) {
        List<String> parts = new ArrayList<>();
        long training = 0;
        long joint = 0;
        for (CaseworkStatistics.Count c : e.workLog()) {
            if (c.count() == 0) {
                continue;
            }
            switch (c.code()) {
                case "article" -> parts.add("在各级新闻媒体刊登稿件" + c.count() + c.measure());
                case "training" -> training = c.count();
                case "joint_operation" -> joint = c.count();
                default -> parts.add(c.name() + c.count() + c.measure());
            }
        }
        if (training > 0) {
            parts.add("组织培训经营从业人员" + training + "场、" + ChineseNumbers.approx(e.trainingPersons()) + "人次");
        }
        if (joint > 0) {
            parts.add("联合" + String.join("、", e.jointPartners()) + "等部门开展联合执法行动" + joint + "次");
        }
        return parts.isEmpty() ? "" : String.join("，", parts) + "。";
    }

    static String quoted(List<String> names) {
        List<String> q = new ArrayList<>();
        for (String n : names.subList(0, Math.min(names.size(), 6))) {
            q.add("“" + n + "”");
        }
        return String.join("、", q);
    }

    static String category(String code) {
        try {
            return VenueCategory.parse(code).zh;
        } catch (IllegalArgumentException e) {
            return code;
        }
    }
}
