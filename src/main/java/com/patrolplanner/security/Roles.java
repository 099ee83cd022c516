package com.patrolplanner.security;

import java.util.Set;

/** The four roles of a bureau's staff. Every endpoint names which of them may call it. */
public final class Roles {
    /** 执法科室: keeps registers, draws zones, sets up campaigns, draws and solves. */
    public static final String PLANNER = "planner";
    /** 带队人员: sees the own team's shift and records inspections. */
    public static final String TEAM_LEADER = "team_leader";
    /** 局领导 / 市局: coverage, compliance and period statistics. */
    public static final String MANAGER = "manager";
    /** Administers users, rules and the holiday calendar. */
    public static final String ADMIN = "admin";

    public static final Set<String> ALL = Set.of(PLANNER, TEAM_LEADER, MANAGER, ADMIN);

    private Roles() {
    }
}
