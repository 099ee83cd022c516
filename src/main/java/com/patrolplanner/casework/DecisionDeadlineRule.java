package com.patrolplanner.casework;

import java.time.LocalDate;

/**
 * The decision deadline of a penalty case (办案期限): a decision within 90 days of filing. The period is counted from the
 * day after filing (《民法典》第二百零一条: the first day is not counted), so a case filed on 1 March is due by 30 May.
 * Extension: the Law itself says only "法律、法规、规章另有规定的，从其规定"; that a longer period needs the approval of
 * the bureau's head (负责人批准) is the practice of the cultural-market enforcement rules (《文化市场综合行政执法管理办法》
 * as commonly cited) — we are not sure of the article, so the approval is recorded (who, why, how many days) and the
 * basis below quotes only the Law.
 */
public final class DecisionDeadlineRule {
    public static final String CODE = "CASE_DECISION_90_DAYS";
    public static final int DAYS = 90;
    /** The longest extension one approval may grant (a bound on input, not a legal figure). */
    public static final int MAX_EXTENSION_DAYS = 90;
    public static final String LEGAL_BASIS = "《中华人民共和国行政处罚法》第六十条：行政机关应当自行政处罚案件立案之日起九十日内作出行政处罚决定。"
            + "法律、法规、规章另有规定的，从其规定。";

    private DecisionDeadlineRule() {
    }

    /** The last day a decision is on time. */
    public static LocalDate due(LocalDate filed, int extensionDays) {
        return filed.plusDays(DAYS + (long) extensionDays);
    }

    /** True when no decision was made by {@code due} and {@code today} is past it (or the decision came after it). */
    public static boolean overdue(LocalDate due, LocalDate decided, LocalDate today) {
        return decided == null ? today.isAfter(due) : decided.isAfter(due);
    }
}
