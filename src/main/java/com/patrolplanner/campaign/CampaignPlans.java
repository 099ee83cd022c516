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
import java.util.LinkedHashMap;
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
    public Map<String, Object> summary(Campaign c) {
        store.recoverOrphans(null, BestSoFar.STALE_SECONDS);
        Map<LocalDate, PlanStore.DateRow> current = new TreeMap<>();
        store.currentPlans(c.id).forEach(r -> current.put(r.date(), r));
        Map<LocalDate, PlanStore.DateRow> solving = new TreeMap<>();
        store.solvingPlans(c.id).forEach(r -> solving.put(r.date(), r));
        Map<LocalDate, List<Long>> venuesOn = store.plannedVenues(c.id);

        List<Map<String, Object>> dates = new ArrayList<>();
        List<String> unplannedDates = new ArrayList<>();
        int stops = 0;
        for (LocalDate d = c.startDate; !d.isAfter(c.endDate); d = d.plusDays(1)) {
            PlanStore.DateRow r = current.get(d);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("date", d.toString());
            m.put("planId", r == null ? null : r.planId());
            m.put("status", r == null ? "unplanned" : r.status());
            m.put("teams", r == null ? 0 : r.teams());
            m.put("stops", r == null ? 0 : r.stops());
            m.put("feasible", r == null ? null : r.feasible());
            m.put("unassigned", r == null ? 0 : r.unassigned().size());
            PlanStore.DateRow s = solving.get(d);
            if (s != null) {
                m.put("solvingPlanId", s.planId()); // best so far of a solve still running: not the date's plan yet
            }
            dates.add(m);
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
        Map<Long, List<Map<String, Object>>> reasons = new HashMap<>();
        for (PlanStore.DateRow r : current.values()) {
            for (PlanView.Unassigned u : r.unassigned()) {
                if (u.venueId() != null) {
                    reasons.computeIfAbsent(u.venueId(), k -> new ArrayList<>())
                            .add(Map.of("date", r.date().toString(), "reason", u.reason()));
                }
            }
        }
        List<Candidate> targets = builder.targets(c);
        List<Map<String, Object>> unplanned = new ArrayList<>();
        int plannedTargets = 0;
        for (Candidate v : targets) {
            if (plannedOn.containsKey(v.id())) {
                plannedTargets++;
                continue;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("venueId", v.id());
            m.put("name", v.name());
            m.put("category", v.category());
            List<Map<String, Object>> why = reasons.get(v.id());
            if (why == null) {
                why = List.of(Map.of("date", "", "reason", current.isEmpty() ? "no date of the campaign is planned yet"
                        : "in no date's plan: targeted after planning, or its dates are unplanned (" + String.join(", ",
                        unplannedDates) + ")"));
            }
            m.put("reasons", why);
            unplanned.add(m);
        }
        List<Map<String, Object>> twice = new ArrayList<>();
        plannedOn.forEach((v, ds) -> {
            if (ds.size() > 1) {
                twice.add(Map.of("venueId", v, "dates", List.copyOf(ds)));
            }
        });
        Set<Long> targetIds = new TreeSet<>();
        targets.forEach(v -> targetIds.add(v.id()));

        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("dates", dates.size());
        totals.put("datesPlanned", current.size());
        totals.put("stops", stops);
        totals.put("targeted", targets.size());
        totals.put("planned", plannedTargets);
        totals.put("unplanned", unplanned.size());
        totals.put("plannedNotTargeted", (int) plannedOn.keySet().stream().filter(v -> !targetIds.contains(v)).count());
        totals.put("feasible", current.values().stream().allMatch(r -> Boolean.TRUE.equals(r.feasible())));

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("campaignId", c.id);
        out.put("campaignName", c.name);
        out.put("startDate", c.startDate.toString());
        out.put("endDate", c.endDate.toString());
        out.put("dates", dates);
        out.put("totals", totals);
        out.put("unplanned", unplanned);
        out.put("plannedOnSeveralDates", twice);
        return out;
    }
}
