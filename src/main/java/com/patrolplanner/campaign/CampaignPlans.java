package com.patrolplanner.campaign;

import com.patrolplanner.campaign.domain.Campaign;
import com.patrolplanner.campaign.domain.Candidate;
import com.patrolplanner.campaign.output.PlanView;
import com.patrolplanner.campaign.solver.ProblemBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A campaign's plans over its whole date range: per date the current plan in short (or none), and for the campaign
 * the venues it targets, how many are planned (each once, on one date) and which are left unplanned and why.
 */
@ApplicationScoped
public class CampaignPlans {
    @Inject
    PlanStore store;
    @Inject
    ProblemBuilder builder;

    @Transactional
    /** A campaign's plans over its dates: per date, the totals, targets no plan reaches and venues planned twice. */
    public record PlanSummary(Long campaignId, String campaignName, String startDate, String endDate, List<DateSummary> dates,
            Totals totals, List<UnplannedVenue> unplanned, List<SeveralDates> plannedOnSeveralDates) {
    }

    /** A date's current plan ({@code solvingPlanId}: the best so far of a solve still running, absent otherwise). */
    public record DateSummary(String date, Long planId, String status, int teams, int stops, Boolean feasible, int unassigned,
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
            Long solvingPlanId) {
    }

    public record Totals(int dates, int datesPlanned, int stops, int targeted, int planned, int unplanned,
            int plannedNotTargeted, boolean feasible) {
    }

    public record UnplannedVenue(Long venueId, String name, String category, List<Reason> reasons) {
    }

    /** Why a target is in no plan ({@code date} empty when no date explains it). */
    public record Reason(String date, String reason) {
    }

    public record SeveralDates(Long venueId, List<String> dates) {
    }

    public PlanSummary summary(Campaign c) {
        store.recoverOrphans(null, BestSoFar.STALE_SECONDS);
        Map<LocalDate, PlanStore.DateRow> current = new TreeMap<>();
        store.currentPlans(c.id).forEach(r -> current.put(r.date(), r));
        Map<LocalDate, PlanStore.DateRow> solving = new TreeMap<>();
        store.solvingPlans(c.id).forEach(r -> solving.put(r.date(), r));
        Map<LocalDate, List<Long>> venuesOn = store.plannedVenues(c.id);

        List<DateSummary> dates = new ArrayList<>();
        List<String> unplannedDates = new ArrayList<>();
        int stops = 0;
        for (LocalDate d = c.startDate; !d.isAfter(c.endDate); d = d.plusDays(1)) {
            PlanStore.DateRow r = current.get(d);
            PlanStore.DateRow s = solving.get(d); // best so far of a solve still running: not the date's plan yet
            dates.add(new DateSummary(d.toString(), r == null ? null : r.planId(), r == null ? "unplanned" : r.status(),
                    r == null ? 0 : r.teams(), r == null ? 0 : r.stops(), r == null ? null : r.feasible(),
                    r == null ? 0 : r.unassigned().size(), s == null ? null : s.planId()));
            if (r == null) {
                unplannedDates.add(d.toString());
            } else {
                stops += r.stops();
            }
        }

        // venue → the dates it is planned on (more than one only if plans were made before this rule, or a stop was
        // kept on a date while another date planned it)
        Map<Long, Set<String>> plannedOn = new HashMap<>();
        venuesOn.forEach((d, ids) -> ids.forEach(v -> plannedOn.computeIfAbsent(v, k -> new TreeSet<>()).add(d.toString())));
        Map<Long, List<Reason>> reasons = new HashMap<>();
        for (PlanStore.DateRow r : current.values()) {
            for (PlanView.Unassigned u : r.unassigned()) {
                if (u.venueId() != null) {
                    reasons.computeIfAbsent(u.venueId(), k -> new ArrayList<>())
                            .add(new Reason(r.date().toString(), u.reason()));
                }
            }
        }
        List<Candidate> targets = builder.targets(c);
        List<UnplannedVenue> unplanned = new ArrayList<>();
        int plannedTargets = 0;
        for (Candidate v : targets) {
            if (plannedOn.containsKey(v.id())) {
                plannedTargets++;
                continue;
            }
            List<Reason> why = reasons.get(v.id());
            if (why == null) {
                why = List.of(new Reason("", current.isEmpty() ? "no date of the campaign is planned yet"
                        : "in no date's plan: targeted after planning, or its dates are unplanned (" + String.join(", ",
                        unplannedDates) + ")"));
            }
            unplanned.add(new UnplannedVenue(v.id(), v.name(), v.category(), why));
        }
        List<SeveralDates> twice = new ArrayList<>();
        plannedOn.forEach((v, ds) -> {
            if (ds.size() > 1) {
                twice.add(new SeveralDates(v, List.copyOf(ds)));
            }
        });
        Set<Long> targetIds = new TreeSet<>();
        targets.forEach(v -> targetIds.add(v.id()));

        Totals totals = new Totals(dates.size(), current.size(), stops, targets.size(), plannedTargets, unplanned.size(),
                (int) plannedOn.keySet().stream().filter(v -> !targetIds.contains(v)).count(),
                current.values().stream().allMatch(r -> Boolean.TRUE.equals(r.feasible())));
        return new PlanSummary(c.id, c.name, c.startDate.toString(), c.endDate.toString(), dates, totals, unplanned, twice);
    }
}
