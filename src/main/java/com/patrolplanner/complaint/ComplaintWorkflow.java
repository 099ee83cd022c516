package com.patrolplanner.complaint;

import com.patrolplanner.campaign.CampaignService;
import com.patrolplanner.campaign.PlanService;
import com.patrolplanner.casework.Actor;
import com.patrolplanner.casework.FieldService;
import com.patrolplanner.casework.StallMerged;
import com.patrolplanner.i18n.Messages;
import com.patrolplanner.inspection.InspectionService;
import com.patrolplanner.inspection.InspectionView;
import com.patrolplanner.registry.ChangeHistory;
import com.patrolplanner.registry.Jurisdiction;
import com.patrolplanner.registry.RegistryService;
import com.patrolplanner.registry.Team;
import com.patrolplanner.security.CurrentUser;
import com.patrolplanner.security.Roles;
import com.patrolplanner.time.BureauClock;
import com.patrolplanner.web.ApiException;
import com.patrolplanner.web.Problem.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A complaint's handling steps ({@link ComplaintState}): accept, decline, dispatch (to a team, into today's plan or a
 * campaign), verify by an inspection, close with the reply. Each step is checked against the version read (stale → 409)
 * and the state, writes a change-history row with its audit record, and moves the deadline to the next stage's rule.
 */
@ApplicationScoped
class ComplaintWorkflow {
    /** A deadline set at dispatch lies at most this far ahead. */
    static final int MAX_DEADLINE_DAYS = 90;
    /** The name of a provisional venue created for a complaint known only by its address (then the address). */
    static final String COMPLAINT_VENUE_NAME = "举报地点：";

    @Inject
    EntityManager em;
    @Inject
    RegistryService registry;
    @Inject
    Jurisdiction jurisdiction;
    @Inject
    InspectionService inspections;
    @Inject
    CampaignService campaigns;
    @Inject
    PlanService plans;
    @Inject
    ComplaintCounts counts;
    @Inject
    WorkCalendar calendar;
    @Inject
    FieldService stalls;
    @Inject
    ComplaintQueries queries;

    /** One handling step; see {@link ComplaintAction}. */
    @Transactional
    ComplaintView act(long id, ComplaintAction a, CurrentUser user) {
        // the record first: another unit's complaint is a 404 whatever the body says (nothing about it leaks)
        Complaint c = queries.visible(id, user);
        if (a == null) {
            throw ApiException.invalid("action", Messages.of("complaint.action"));
        }
        ComplaintState to;
        try {
            to = ComplaintState.ofAction(a.action());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("action", e.getMessage());
        }
        boolean planner = user.has(Roles.PLANNER) || user.has(Roles.ADMIN);
        if (!planner && !(to == ComplaintState.VERIFIED && user.has(Roles.TEAM_LEADER))) {
            throw new ApiException(403, "Forbidden",
                    Messages.of(to == ComplaintState.VERIFIED ? "complaint.onlyPlannersLeader" : "complaint.onlyPlanners",
                            to.action), null);
        }
        if (a.version() == null) {
            throw ApiException.invalid("version", Messages.of("common.versionRequired"));
        }
        if (a.version() != c.version) {
            throw ApiException.staleVersion("complaint " + id, a.version(), c.version);
        }
        ComplaintState from = c.stateEnum();
        if (!to.from().contains(from)) {
            throw ApiException.conflict(Messages.of("complaint.wrongState", id, from.code(), from.zh, to.action,
                    to.from().stream().map(ComplaintState::code).sorted().toList()));
        }
        Map<String, Object> before = ComplaintQueries.snapshot(c);
        OffsetDateTime now = OffsetDateTime.now();
        List<FieldError> errors = new ArrayList<>();
        String reason = null;
        switch (to) {
            case ACCEPTED -> {
                c.acceptedAt = now;
                setDue(c, DeadlineRule.ofStage("verify"), calendar);
            }
            case DECLINED -> {
                c.declineReason = ComplaintInputs.text(a.reason(), "reason", ComplaintInputs.MAX_TEXT, errors);
                if (c.declineReason == null) {
                    errors.add(FieldError.of("reason", Messages.of("complaint.declineReason")));
                }
                reason = c.declineReason;
                c.dueAt = null;
                c.dueRule = null;
            }
            case DISPATCHED -> dispatch(c, a, user, now, errors);
            case VERIFIED -> verify(c, a, user, errors);
            case CLOSED -> {
                c.result = ComplaintInputs.text(a.result(), "result", ComplaintInputs.MAX_TEXT, errors);
                if (c.result == null) {
                    errors.add(FieldError.of("result", Messages.of("complaint.result")));
                }
                c.reply = ComplaintInputs.text(a.reply(), "reply", ComplaintInputs.MAX_TEXT, errors);
                if (c.reply == null && c.reporterContact != null) {
                    errors.add(FieldError.of("reply", Messages.of("complaint.reply")));
                }
                c.closedAt = now;
                // on time against the reply deadline set when the stage began (a rule edited since does not move it)
                OffsetDateTime replyDue = DeadlineRule.REPLY.equals(c.dueRule) && c.dueAt != null ? c.dueAt
                        : DeadlineRule.ofStage("reply").dueFrom(c.receivedAt, calendar);
                c.closedOnTime = !now.isAfter(replyDue);
                c.dueAt = null;
                c.dueRule = null;
            }
            default -> throw new IllegalStateException(to.name());
        }
        if (!errors.isEmpty()) {
            throw ComplaintInputs.invalid(Messages.of("complaint.actionWhat", to.action), errors);
        }
        c.state = to.code();
        c.updatedAt = now;
        em.flush();
        registry.history(Complaint.HISTORY_TYPE, c.id, to.action, user.name(), reason, ChangeHistory.diff(before, ComplaintQueries.snapshot(c)));
        counts.syncCount(c.venueId);
        return queries.view(c, user);
    }

    private void dispatch(Complaint c, ComplaintAction a, CurrentUser user, OffsetDateTime now, List<FieldError> errors) {
        boolean intoPlan = Boolean.TRUE.equals(a.intoPlan());
        Team team = null;
        if (a.teamId() == null) {
            if (a.campaignId() == null || intoPlan) {
                errors.add(FieldError.of("teamId", Messages.of("complaint.team")));
            }
        } else {
            team = Team.findById(a.teamId());
            if (team == null || (team.unitId != null && !jurisdiction.scope().sees(team.unitId))) {
                errors.add(FieldError.of("teamId", Messages.of("common.noTeam", a.teamId())));
                team = null;
            }
        }
        DeadlineRule verify = DeadlineRule.ofStage("verify");
        OffsetDateTime deadline = null;
        if (a.deadline() != null && !a.deadline().isBlank()) {
            deadline = ComplaintInputs.instantEnd("deadline", a.deadline(), errors);
            if (deadline != null && !deadline.isAfter(now)) {
                errors.add(FieldError.of("deadline", Messages.of("common.inPast")));
            } else if (deadline != null && deadline.isAfter(now.plusDays(MAX_DEADLINE_DAYS))) {
                errors.add(FieldError.of("deadline", Messages.of("complaint.deadlineAhead", MAX_DEADLINE_DAYS)));
            }
        }
        LocalDate date = BureauClock.today();
        if (a.date() != null && !a.date().isBlank()) {
            try {
                date = LocalDate.parse(a.date().trim());
            } catch (DateTimeParseException e) {
                errors.add(FieldError.of("date", Messages.of("common.dateSuchAs", "2026-12-01")));
            }
        }
        // a complaint known only by its address or point goes into a plan or campaign as a provisional venue at its
        // geocoded point, which the planners review like a stall met in the field (confirm, merge, reject)
        boolean provisional = (intoPlan || a.campaignId() != null) && c.venueId == null;
        if (provisional && (c.geom == null || c.category == null)) {
            errors.add(FieldError.of(intoPlan ? "intoPlan" : "campaignId", c.geom == null
                    ? Messages.of("complaint.noPoint") : Messages.of("complaint.provisionalCategory")));
        }
        if (!errors.isEmpty()) {
            return; // nothing written: the caller throws
        }
        if (provisional) {
            String where = c.address == null ? String.format(java.util.Locale.ROOT, "%.6f, %.6f", c.geom.getX(), c.geom.getY()) : c.address;
            FieldService.StallView v = stalls.provisional(new FieldService.StallInput(
                    (COMPLAINT_VENUE_NAME + where).length() > 300 ? (COMPLAINT_VENUE_NAME + where).substring(0, 300) : COMPLAINT_VENUE_NAME + where,
                    c.category, c.address, c.geom.getX(), c.geom.getY(), "举报 " + c.id + " 的被举报地点"), Actor.of(user));
            c.venueId = v.id();
        }
        c.teamId = team == null ? null : team.id;
        c.deadline = deadline;
        c.dispatchedAt = now;
        if (deadline != null) {
            c.dueAt = deadline;
            c.dueRule = DeadlineRule.DISPATCH;
        } else {
            setDue(c, verify, calendar);
        }
        if (intoPlan) {
            PlanService.ExtraStop s = plans.addExtraStop(team.id, date, c.venueId, a.campaignId());
            c.campaignId = s.campaignId();
            c.planStopId = s.stopId();
        } else if (a.campaignId() != null) {
            campaigns.addPriorityTarget(a.campaignId(), c.venueId, "complaint:" + c.id, user.name());
            c.campaignId = a.campaignId();
        }
    }

    /**
     * A provisional stall merged into the registered venue it was (casework's review): the complaints naming the stall
     * name that venue now, each with a history entry and an audit record; both venues' counts follow the records.
     */
    void onStallMerged(@jakarta.enterprise.event.Observes StallMerged e) {
        @SuppressWarnings("unchecked")
        List<Complaint> moved = Complaint.list("venueId", e.stallId());
        for (Complaint c : moved) {
            Map<String, Object> before = ComplaintQueries.snapshot(c);
            c.venueId = e.venueId();
            c.updatedAt = OffsetDateTime.now();
            registry.history(Complaint.HISTORY_TYPE, c.id, "move", e.user(), e.reason(), ChangeHistory.diff(before, ComplaintQueries.snapshot(c)));
        }
        em.flush();
        counts.syncCount(e.stallId());
        counts.syncCount(e.venueId());
    }

    private void verify(Complaint c, ComplaintAction a, CurrentUser user, List<FieldError> errors) {
        if (a.inspectionId() == null) {
            errors.add(FieldError.of("inspectionId", Messages.of("complaint.inspection")));
            return;
        }
        InspectionView i;
        try {
            i = inspections.get(a.inspectionId(), user);
        } catch (ApiException e) {
            errors.add(FieldError.of("inspectionId", Messages.of("common.noInspection", a.inspectionId())));
            return;
        }
        if (c.venueId != null && !Objects.equals(c.venueId, i.venueId())) {
            errors.add(FieldError.of("inspectionId", Messages.of("complaint.otherVenue", i.id(), i.venueId(),
                    c.venueId)));
            return;
        }
        if (i.inspectedAt() != null && i.inspectedAt().isBefore(c.receivedAt.minusDays(1))) {
            errors.add(FieldError.of("inspectionId", Messages.of("complaint.inspectionBefore", i.id())));
            return;
        }
        c.inspectionId = i.id();
        if (c.venueId == null) {
            c.venueId = i.venueId(); // the address turned out to be this venue
        }
        c.verifiedAt = OffsetDateTime.now();
        setDue(c, DeadlineRule.ofStage("reply"), calendar);
    }

    /** Sets the complaint's current deadline by rule {@code r}, counted from its receipt. */
    static void setDue(Complaint c, DeadlineRule r, WorkCalendar calendar) {
        c.dueAt = r.dueFrom(c.receivedAt, calendar);
        c.dueRule = r.code;
    }
}
