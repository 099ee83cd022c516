package com.patrolplanner.complaint;

import com.patrolplanner.i18n.Messages;
import java.util.Locale;
import java.util.Set;

/**
 * The handling states of a complaint: received → accepted or declined → dispatched (to a team, with a deadline) →
 * verified (linked to the inspection that checked it) → closed (result, reply to the reporter). Declined and closed are
 * final. The action that leads into each state is named after it ({@link #action}).
 */
public enum ComplaintState {
    RECEIVED("已接收", "received", null),
    ACCEPTED("已受理", "accepted", "accept"),
    DECLINED("不予受理", "declined", "decline"),
    DISPATCHED("已派发", "dispatched", "dispatch"),
    VERIFIED("已核查", "verified", "verify"),
    CLOSED("已办结", "closed", "close");

    public final String zh;
    public final String en;
    public final String action;

    ComplaintState(String zh, String en, String action) {
        this.zh = zh;
        this.en = en;
        this.action = action;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean terminal() {
        return this == DECLINED || this == CLOSED;
    }

    /** The states from which an action may lead into this one. */
    public Set<ComplaintState> from() {
        return switch (this) {
            case RECEIVED -> Set.of();
            case ACCEPTED, DECLINED -> Set.of(RECEIVED);
            // a dispatched complaint may be dispatched again (another team, a new deadline)
            case DISPATCHED -> Set.of(ACCEPTED, DISPATCHED);
            case VERIFIED -> Set.of(DISPATCHED);
            case CLOSED -> Set.of(VERIFIED);
        };
    }

    public static ComplaintState parse(String s) {
        String k = s == null ? "" : s.trim();
        for (ComplaintState c : values()) {
            if (c.name().equalsIgnoreCase(k)) {
                return c;
            }
        }
        throw new IllegalArgumentException(Messages.of("complaint.stateOneOf"));
    }

    /** The state an action leads to. */
    public static ComplaintState ofAction(String action) {
        String k = action == null ? "" : action.trim();
        for (ComplaintState c : values()) {
            if (c.action != null && c.action.equalsIgnoreCase(k)) {
                return c;
            }
        }
        throw new IllegalArgumentException(Messages.of("complaint.actionOneOf"));
    }
}
