package com.patrolplanner.campaign.output;

import com.patrolplanner.campaign.routing.RoutingPlan;
import com.patrolplanner.campaign.routing.RoutingTolerance;
import com.patrolplanner.campaign.routing.Vehicle;
import com.patrolplanner.campaign.routing.Visit;
import com.patrolplanner.campaign.solver.CampaignFeasibility;
import com.patrolplanner.campaign.solver.CampaignProblem;
import com.patrolplanner.i18n.Messages;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds a {@link PlanView} from a solved routing plan, replaying each route's times from the problem facts. */
public final class PlanViews {
    private PlanViews() {
    }

    public static PlanView of(CampaignProblem p, RoutingPlan plan, String campaignName, String campaignType,
            Long planId, String status, CampaignFeasibility.Report report) {
        List<PlanView.Route> routes = new ArrayList<>();
        Set<Long> visited = new HashSet<>();
        for (Vehicle v : plan.getVehicles()) {
            CampaignProblem.TeamInfo t = p.teams().get(v.getId());
            List<PlanView.Stop> stops = new ArrayList<>();
            double time = v.getShiftStart();
            int at = v.getLocation();
            double travel = 0;
            int seq = 0;
            List<double[]> line = new ArrayList<>();
            line.add(new double[] {t.baseLon(), t.baseLat()});
            for (Visit visit : v.getVisits()) {
                CampaignProblem.VisitInfo info = p.visits().get(visit.getId());
                double leg = p.matrix().travelTime(at, visit.getLocation());
                if (seq == 0) {
                    time = Math.max(time, visit.getReady() - leg); // the team leaves base so as not to wait at the first stop
                }
                double arrival = time + leg;
                double start = Math.max(arrival, visit.getReady());
                double departure = start + visit.getServiceDuration();
                travel += leg;
                stops.add(new PlanView.Stop(null, ++seq, visit.getId(), info.venueId(), info.name(), info.category(),
                        info.address(), info.lon(), info.lat(), iso(p, arrival), iso(p, start), iso(p, departure),
                        round1(leg), iso(p, visit.getReady()), iso(p, visit.getDue()), info.window(), info.priority(),
                        info.zoneKey(), info.pinned(), info.done()));
                visited.add(info.venueId());
                line.add(new double[] {info.lon(), info.lat()});
                time = departure;
                at = visit.getLocation();
            }
            double back = p.matrix().travelTime(at, v.getLocation());
            travel += back;
            line.add(new double[] {t.baseLon(), t.baseLat()});
            List<PlanView.Member> members = t.members().stream()
                    .map(m -> new PlanView.Member(m.id(), m.name(), m.certificateNo(), m.certified())).toList();
            routes.add(new PlanView.Route(t.teamId(), t.name(), members, iso(p, v.getShiftStart()), iso(p, v.getShiftEnd()),
                    stops.isEmpty() ? null : iso(p, time + back), t.baseLon(), t.baseLat(), round1(stops.isEmpty() ? 0 : travel),
                    stops, stops.isEmpty() ? null : lineString(line)));
        }
        List<PlanView.Unassigned> unassigned = new ArrayList<>();
        Set<Long> listed = new HashSet<>();
        for (Visit visit : plan.getVisits()) {
            CampaignProblem.VisitInfo info = p.visits().get(visit.getId());
            if (!visited.contains(info.venueId()) && listed.add(info.venueId())) {
                unassigned.add(new PlanView.Unassigned(info.venueId(), info.name(), Messages.of(
                        reachableAlone(p, plan, visit) ? "plan.unplanned.windowFull" : "plan.unplanned.unreachable",
                        info.priority())));
            }
        }
        for (CampaignProblem.Skipped s : p.skipped()) {
            unassigned.add(new PlanView.Unassigned(s.venueId(), s.name(), s.reason()));
        }
        Map<String, Object> travel = new LinkedHashMap<>();
        travel.put("model", p.roadNetwork() ? "ROAD_NETWORK" : "GREAT_CIRCLE");
        if (p.roadNetwork()) {
            travel.put("description", Messages.of("plan.travel.road"));
            travel.putAll(p.road().built());
        } else {
            travel.put("description", Messages.of("plan.travel.greatCircle"));
        }
        travel.put("detourFactor", p.travel().detourFactor());
        travel.put("speedKmh", p.night() ? p.travel().nightSpeedKmh() : p.travel().daySpeedKmh());
        travel.put("night", p.night());
        return new PlanView(p.campaignId(), campaignName, campaignType, planId, p.date().toString(), status,
                plan.getScore() == null ? null : plan.getScore().toString(), report == null ? null : report.feasible(),
                report == null ? List.of() : report.violations(), travel, routes, unassigned);
    }

    /**
     * Whether some team, leaving base at its shift start with nothing else to do, could begin this visit within its
     * window and be back by the shift's end. If so, the visit was left out because the teams' time in that window went
     * to other stops (窗口内时间不足), not because it is out of reach.
     */
    static boolean reachableAlone(CampaignProblem p, RoutingPlan plan, Visit visit) {
        for (Vehicle v : plan.getVehicles()) {
            double start = Math.max(v.getShiftStart() + p.matrix().travelTime(v.getLocation(), visit.getLocation()),
                    visit.getReady());
            double back = start + visit.getServiceDuration() + p.matrix().travelTime(visit.getLocation(), v.getLocation());
            if (start <= visit.getDue() + RoutingTolerance.TIME_EPSILON
                    && back <= v.getShiftEnd() + RoutingTolerance.TIME_EPSILON) {
                return true;
            }
        }
        return false;
    }

    static Map<String, Object> lineString(List<double[]> pts) {
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("type", "LineString");
        g.put("coordinates", pts.stream().map(c -> List.of(round7(c[0]), round7(c[1]))).toList());
        return g;
    }

    private static String iso(CampaignProblem p, double minutes) {
        return p.at(minutes).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private static double round1(double x) {
        return Math.round(x * 10.0) / 10.0;
    }

    private static double round7(double x) {
        return Math.round(x * 1e7) / 1e7;
    }
}
