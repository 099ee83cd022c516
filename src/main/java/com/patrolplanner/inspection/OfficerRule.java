package com.patrolplanner.inspection;

/**
 * 《行政处罚法》第四十二条 (and 第五十五条): an inspection is carried out by at least two enforcement officers holding
 * enforcement certificates (执法证), who show them and write the record. An inspection record with fewer certified,
 * active officers is rejected with 422 naming {@code officers}.
 */
public final class OfficerRule {
    public static final int MIN_CERTIFIED_OFFICERS = 2;
    public static final String LEGAL_BASIS = "《中华人民共和国行政处罚法》第四十二条：行政处罚应当由具有行政执法资格的执法人员实施。"
            + "执法人员不得少于两人，法律另有规定的除外。";

    private OfficerRule() {
    }
}
