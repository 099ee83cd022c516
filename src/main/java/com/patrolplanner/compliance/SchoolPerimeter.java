package com.patrolplanner.compliance;

import java.util.List;

/**
 * "Near a school" (学校周边) as the compliance rules define it: the measurable rule of {@link #RULE_CODE}
 * (《互联网上网服务营业场所管理条例》第九条, 200 m from the campus boundary of 中学、小学) as in force on a date. Campaign
 * targets "near a school" and coverage's "unchecked near schools" both ask compliance for this one perimeter, so a
 * rule edit (distance, school levels) moves both. Distances are metres on the WGS-84 spheroid, measured from the campus
 * polygon (or the school point where no campus is known).
 *
 * @param ruleCode     the compliance rule the perimeter is taken from
 * @param distanceM    metres
 * @param schoolLevels the school levels the rule protects (codes of {@code registry.SchoolLevel})
 * @param legalBasis   the rule's legal basis as stored in the rule register
 */
public record SchoolPerimeter(String ruleCode, double distanceM, List<String> schoolLevels, String legalBasis) {
    /** The national rule that defines the school perimeter. */
    public static final String RULE_CODE = "ICAFE_SCHOOL_200M";

    /** The levels as a SQL array parameter ({@code = ANY(CAST(? AS varchar[]))}). */
    public String[] levelArray() {
        return schoolLevels.toArray(new String[0]);
    }
}
