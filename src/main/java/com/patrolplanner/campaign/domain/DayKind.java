package com.patrolplanner.campaign.domain;

/** Which days a time window applies on. */
public enum DayKind {
    /** A day minors are at school: a weekday not marked holiday, or a weekend make-up day (调休). */
    SCHOOL_DAY,
    /** A weekend day or school holiday: minors are free all day. */
    REST_DAY,
    ANY;

    public boolean matches(boolean schoolDay) {
        return this == ANY || (this == SCHOOL_DAY) == schoolDay;
    }
}
