package com.patrolplanner.registry;

/**
 * 《中华人民共和国行政处罚法》第四十二条 (and 第五十五条): enforcement is carried out by at least two officers holding
 * enforcement certificates (执法证). The one home of the rule: an inspection record needs two certified, active officers
 * of the recording team, and a campaign team without two certified officers takes no visit.
 */
public final class TwoOfficerRule {
    public static final int MIN_CERTIFIED_OFFICERS = 2;
    public static final String LEGAL_BASIS = "《中华人民共和国行政处罚法》第四十二条：行政处罚应当由具有行政执法资格的执法人员实施。"
            + "执法人员不得少于两人，法律另有规定的除外。";

    private TwoOfficerRule() {
    }

    /** True when {@code certifiedOfficers} meets the rule. */
    public static boolean met(long certifiedOfficers) {
        return certifiedOfficers >= MIN_CERTIFIED_OFFICERS;
    }
}
