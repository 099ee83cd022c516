package com.patrolplanner.campaign.solver;

import com.patrolplanner.campaign.domain.Campaign;
import com.patrolplanner.campaign.domain.CampaignType;
import com.patrolplanner.campaign.domain.Candidate;
import com.patrolplanner.campaign.domain.CategoryProfile;
import com.patrolplanner.campaign.domain.KeptStop;
import com.patrolplanner.campaign.domain.SchoolCalendar;
import com.patrolplanner.campaign.domain.TargetQuery;
import com.patrolplanner.campaign.domain.Targets;
import com.patrolplanner.campaign.domain.TimeWindowRule;
import com.patrolplanner.campaign.routing.RoutingPlan;
import com.patrolplanner.campaign.routing.Vehicle;
import com.patrolplanner.campaign.routing.Visit;
import com.patrolplanner.campaign.travel.RoadNetwork;
import com.patrolplanner.campaign.travel.RoadTravel;
import com.patrolplanner.campaign.travel.TravelKind;
import com.patrolplanner.campaign.travel.TravelModel;
import com.patrolplanner.campaign.travel.TravelModels;
import com.patrolplanner.i18n.Messages;
import com.patrolplanner.registry.OpeningHours;
import com.patrolplanner.registry.Team;
import com.patrolplanner.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a campaign day into a routing problem. Teams become vehicles (base, shift window, certified members); each
 * targeted venue becomes one visit per window it can be checked in: the campaign's window ∩ the venue's opening hours
 * for day-time campaigns, the bare window for night sweeps (their targets should be closed then) and stake-outs.
 * Service minutes come from the venue category, priority from {@link Candidate#priority()}.
 */
@ApplicationScoped
public class ProblemBuilder {
    /** A stake-out must begin within this many minutes of its window's start. */
    static final int STAKEOUT_START_SLACK = 10;

    @Inject
    EntityManager em;
    @Inject
    TargetQuery targets;
    @Inject
    SchoolCalendar calendar;
    @Inject
    TravelModels travel;
    @Inject
    RoadNetwork roads;

    public CampaignProblem build(Campaign c, LocalDate date, List<KeptStop> kept) {
        return build(c, date, kept, java.util.Set.of());
    }

    /**
     * As {@link #build(Campaign, LocalDate, List)}, leaving out the {@code excluded} venues: those the campaign visits
     * on another of its dates (each targeted venue is checked once per campaign). Kept stops stay even if excluded.
     */
    public CampaignProblem build(Campaign c, LocalDate date, List<KeptStop> kept, java.util.Set<Long> excluded) {
        if (date.isBefore(c.startDate) || date.isAfter(c.endDate)) {
            throw ApiException.invalid("date", Messages.of("solve.outside", date, c.startDate, c.endDate));
        }
        CampaignType type = c.campaignType();
        List<Long> teamIds = c.teamIds();
        if (teamIds.isEmpty()) {
            throw ApiException.invalid("teamIds", Messages.of("solve.noTeams"));
        }
        List<Candidate> cands = candidates(c, type);
        boolean schoolDay = calendar.isSchoolDay(date);
        int[] shift = shiftOn(c, date);
        boolean night = type == CampaignType.NIGHT_SWEEP || shift[0] < 0 || shift[1] > 1440;
        List<TimeWindowRule> rules = c.windowsInForce();
        TravelModel model = travel.current();

        List<double[]> coords = new ArrayList<>();
        List<Long> venueOf = new ArrayList<>();
        List<String> zoneOf = new ArrayList<>();
        Map<String, CampaignProblem.TeamInfo> teams = new LinkedHashMap<>();
        Map<String, Integer> certified = new HashMap<>();
        double[] centroid = centroid(cands, kept);
        // 双随机: a drawn campaign is staffed by the officers the draw put together, drawn team k in the campaign's
        // k-th team slot (its base, shift and team leader); slots without a drawn team keep their registered members.
        Map<Integer, List<CampaignProblem.Member>> drawnTeams = drawnTeams(c.id);
        int slot = 0;
        for (Long id : teamIds) {
            Team t = Team.findById(id);
            slot++;
            List<CampaignProblem.Member> members = drawnTeams.getOrDefault(slot, members(id));
            double lon = t.base != null ? t.base.getX() : centroid[0];
            double lat = t.base != null ? t.base.getY() : centroid[1];
            String vid = "t" + id;
            teams.put(vid, new CampaignProblem.TeamInfo(vid, id, t.name, members, lon, lat, shift[0], shift[1]));
            certified.put(vid, (int) members.stream().filter(CampaignProblem.Member::certified).count());
            coords.add(new double[] {lon, lat});
            venueOf.add(-1L);
            zoneOf.add(null);
        }

        Map<String, CampaignProblem.VisitInfo> infos = new LinkedHashMap<>();
        List<CampaignProblem.Skipped> skipped = new ArrayList<>();
        record Pending(String id, int location, double ready, double due, int service, int priority) {
        }
        List<Pending> pending = new ArrayList<>();
        Map<String, String> pinned = new HashMap<>();
        Map<Long, Integer> locationOfVenue = new HashMap<>();
        List<KeptStop> keptSorted = new ArrayList<>(kept);
        keptSorted.sort((a, b) -> a.teamId() != b.teamId() ? Long.compare(a.teamId(), b.teamId()) : Integer.compare(a.seq(), b.seq()));
        for (KeptStop k : keptSorted) {
            if (!teams.containsKey("t" + k.teamId())) {
                continue;
            }
            int loc = location(k.venueId(), k.lon(), k.lat(), k.zoneKey(), coords, venueOf, zoneOf, locationOfVenue);
            String vid = "v" + k.venueId();
            int service = CategoryProfile.serviceMinutes(k.category());
            pending.add(new Pending(vid, loc, k.startMinute(), k.startMinute(), service, k.priority()));
            pinned.put(vid, "t" + k.teamId());
            infos.put(vid, new CampaignProblem.VisitInfo(vid, k.venueId(), k.name(), k.category(), k.address(), k.lon(),
                    k.lat(), k.priority(), k.zoneKey(), k.done() ? "DONE" : "PINNED", "已完成或已锁定 (kept from the earlier plan)",
                    !k.done(), k.done()));
        }
        for (Candidate v0 : cands) {
            // without zones or districts the campaign area is one zone (what a simultaneous strike spans)
            Candidate v = v0.zoneKey() != null ? v0 : new Candidate(v0.id(), v0.version(), v0.name(), v0.category(),
                    v0.status(), v0.address(), v0.licenceNo(), v0.lon(), v0.lat(), v0.openingHours(), v0.complaints(),
                    "campaign", v0.nearSchool(), v0.daysSinceInspection());
            if (locationOfVenue.containsKey(v.id())) {
                continue; // kept from the earlier plan
            }
            if (excluded.contains(v.id())) {
                continue; // visited on another date of the campaign
            }
            int service = CategoryProfile.serviceMinutes(v.category());
            List<TimeWindowRule> applicable = TimeWindowRule.applicable(rules, v.category(), schoolDay);
            if (applicable.isEmpty()) {
                skipped.add(new CampaignProblem.Skipped(v.id(), v.name(), Messages.of("plan.unplanned.noWindow",
                        v.category(), Messages.of(schoolDay ? "plan.unplanned.schoolDay" : "plan.unplanned.restDay"))));
                continue;
            }
            int k = 0;
            for (TimeWindowRule r : applicable) {
                List<double[]> windows = switch (type) {
                    case STAKEOUT -> List.of(new double[] {r.from(), r.from() + STAKEOUT_START_SLACK});
                    case NIGHT_SWEEP -> List.of(new double[] {r.from(), r.to() - service});
                    default -> open(v.openingHours(), date, r.from(), r.to(), service);
                };
                int svc = type == CampaignType.STAKEOUT ? r.to() - r.from() : service;
                for (double[] w : windows) {
                    if (w[1] < w[0]) {
                        continue;
                    }
                    int loc = location(v.id(), v.lon(), v.lat(), v.zoneKey(), coords, venueOf, zoneOf, locationOfVenue);
                    String vid = "v" + v.id() + (k == 0 ? "" : "w" + k);
                    k++;
                    pending.add(new Pending(vid, loc, w[0], w[1], svc, priority(c, v)));
                    infos.put(vid, new CampaignProblem.VisitInfo(vid, v.id(), v.name(), v.category(), v.address(), v.lon(),
                            v.lat(), priority(c, v), v.zoneKey(), r.name(), r.basis(), false, false));
                }
            }
            if (k == 0) {
                skipped.add(new CampaignProblem.Skipped(v.id(), v.name(), Messages.of("plan.unplanned.notOpen")));
            }
        }

        double[] lon = coords.stream().mapToDouble(p -> p[0]).toArray();
        double[] lat = coords.stream().mapToDouble(p -> p[1]).toArray();
        long[] venues = venueOf.stream().mapToLong(Long::longValue).toArray();
        int strike = type == CampaignType.NIGHT_SWEEP && c.strikeMinutes != null ? c.strikeMinutes : 0;
        CampaignMatrix matrix;
        RoadTravel road = null;
        if (TravelKind.of(c.travel) == TravelKind.ROAD_NETWORK) {
            RoadNetwork.Matrix m = roads.matrix(lon, lat, model, night);
            road = m.travel();
            matrix = CampaignMatrix.ofMinutes(lon, lat, m.minutes(), venues, zoneOf.toArray(new String[0]), certified,
                    pinned, strike);
        } else {
            matrix = new CampaignMatrix(lon, lat, model, night, venues, zoneOf.toArray(new String[0]), certified, pinned,
                    strike);
        }
        List<Vehicle> vehicles = new ArrayList<>();
        int i = 0;
        for (CampaignProblem.TeamInfo t : teams.values()) {
            vehicles.add(new Vehicle(t.vehicleId(), i++, matrix, t.shiftStart(), t.shiftEnd(), Integer.MAX_VALUE, 0L));
        }
        List<Visit> visits = new ArrayList<>();
        Map<String, Vehicle> byId = new HashMap<>();
        vehicles.forEach(v -> byId.put(v.getId(), v));
        for (Pending p : pending) {
            Visit visit = new Visit(p.id(), p.location(), matrix, p.ready(), p.due(), p.service(), 0, p.priority());
            visits.add(visit);
            String pin = pinned.get(p.id());
            if (pin != null) {
                byId.get(pin).getVisits().add(visit); // start from the kept order; the solver only inserts around it
            }
        }
        RoutingPlan plan = new CampaignPlan("campaign " + c.id + " " + date, matrix, vehicles, visits);
        return new CampaignProblem(c.id, date, night, plan, matrix, infos, teams, skipped, model, road);
    }

    /** The teams' shift on {@code date}: [start, end] minutes from its midnight (start &lt; 0: the evening before). */
    public int[] shiftOn(Campaign c, LocalDate date) {
        if (c.campaignType() == CampaignType.STAGGERED && c.shiftStart == null && c.shiftEnd == null
                && !calendar.isSchoolDay(date)) {
            return TimeWindowRule.REST_DAY_SHIFT; // minors are free all day: so are the teams
        }
        return c.shift();
    }

    /** The venues the campaign targets (filters, the 双随机 draw, the stake-out venue), as of its start date. */
    public List<Candidate> targets(Campaign c) {
        return candidates(c, c.campaignType());
    }

    private List<Candidate> candidates(Campaign c, CampaignType type) {
        Targets t = Targets.fromMap(c.targets);
        if (type == CampaignType.STAKEOUT) {
            t = new Targets(null, null, List.of("open", "suspended", "revoked", "unlicensed", "closed"), null, null, null,
                    List.of(c.stakeoutVenueId));
        } else {
            // 双随机: once a campaign has a draw, the drawn venues are its targets, whatever its type (the draw is
            // published as the list of venues to be checked; planning others would break that promise)
            @SuppressWarnings("unchecked")
            List<Number> drawn = em.createNativeQuery("SELECT d.venue_id FROM draw_venue d JOIN campaign_draw cd "
                    + "ON cd.id = d.draw_id WHERE cd.campaign_id = ?1").setParameter(1, c.id).getResultList();
            if (!drawn.isEmpty()) {
                t = new Targets(null, null, List.of("open", "suspended", "revoked", "unlicensed", "closed"), null, null,
                        null, drawn.stream().map(Number::longValue).toList());
            }
        }
        List<Candidate> out = targets.candidates(t, c.startDate, c.unitId);
        // venues added from outside the filters (a complaint to check) are planned whatever the filters and draw say
        if (c.priorityVenues != null && !c.priorityVenues.isEmpty() && type != CampaignType.STAKEOUT) {
            java.util.Set<Long> have = new java.util.HashSet<>();
            out.forEach(v -> have.add(v.id()));
            List<Long> extra = c.priorityVenues.keySet().stream().map(Long::valueOf).filter(id -> !have.contains(id)).toList();
            if (!extra.isEmpty()) {
                out = new ArrayList<>(out);
                out.addAll(targets.candidates(new Targets(null, null, List.of("open", "suspended", "unlicensed"), null, null,
                        null, extra), c.startDate, c.unitId));
                out.sort(java.util.Comparator.comparingLong(Candidate::id));
            }
        }
        return out;
    }

    /** A venue's planning priority in this campaign: {@link Candidate#priority()}, plus the bonus of a priority target. */
    public static int priority(Campaign c, Candidate v) {
        return v.priority() + (c.priorityVenues != null && c.priorityVenues.containsKey(String.valueOf(v.id()))
                ? Campaign.PRIORITY_BONUS : 0);
    }

    /**
     * Start windows for a check of {@code service} minutes inside [from, to] while the venue is open; the whole window
     * when the opening hours are unknown. Minutes from the plan day's midnight.
     */
    static List<double[]> open(Map<String, String> hoursMap, LocalDate date, int from, int to, int service) {
        if (hoursMap == null || hoursMap.isEmpty()) {
            return List.of(new double[] {from, to - service});
        }
        OpeningHours hours;
        try {
            hours = OpeningHours.fromMap(hoursMap);
        } catch (IllegalArgumentException e) {
            return List.of(new double[] {from, to - service});
        }
        DayOfWeek d = date.getDayOfWeek();
        List<int[]> open = new ArrayList<>();
        for (OpeningHours.Interval i : hours.on(d.minus(1))) {
            if (i.close() > 1440) {
                open.add(new int[] {0, i.close() - 1440});
            }
        }
        for (OpeningHours.Interval i : hours.on(d)) {
            open.add(new int[] {i.open(), i.close()});
        }
        for (OpeningHours.Interval i : hours.on(d.plus(1))) {
            open.add(new int[] {i.open() + 1440, i.close() + 1440});
        }
        List<double[]> out = new ArrayList<>();
        for (int[] o : open) {
            int a = Math.max(from, o[0]);
            int b = Math.min(to, o[1]) - service;
            if (b >= a) {
                out.add(new double[] {a, b});
            }
        }
        return out;
    }

    private static int location(long venueId, double lon, double lat, String zone, List<double[]> coords,
            List<Long> venueOf, List<String> zoneOf, Map<Long, Integer> locationOfVenue) {
        return locationOfVenue.computeIfAbsent(venueId, id -> {
            coords.add(new double[] {lon, lat});
            venueOf.add(id);
            zoneOf.add(zone);
            return coords.size() - 1;
        });
    }

    @SuppressWarnings("unchecked")
    /** Drawn team number → its officers, for the campaign's draw (empty when not drawn). */
    private Map<Integer, List<CampaignProblem.Member>> drawnTeams(long campaignId) {
        List<Object[]> rows = em.createNativeQuery("SELECT m.team_no, i.id, i.name, i.certificate_no, i.active "
                + "FROM draw_member m JOIN campaign_draw d ON d.id = m.draw_id JOIN inspector i ON i.id = m.inspector_id "
                + "WHERE d.campaign_id = ?1 ORDER BY m.team_no, i.id").setParameter(1, campaignId).getResultList();
        Map<Integer, List<CampaignProblem.Member>> out = new HashMap<>();
        for (Object[] r : rows) {
            String cert = (String) r[3];
            if (Boolean.TRUE.equals(r[4])) {
                out.computeIfAbsent(((Number) r[0]).intValue(), k -> new ArrayList<>()).add(new CampaignProblem.Member(
                        ((Number) r[1]).longValue(), (String) r[2], cert, cert != null && !cert.isBlank()));
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private List<CampaignProblem.Member> members(long teamId) {
        List<Object[]> rows = em.createNativeQuery("SELECT id, name, certificate_no, active FROM inspector "
                + "WHERE team_id = ?1 ORDER BY id").setParameter(1, teamId).getResultList();
        List<CampaignProblem.Member> out = new ArrayList<>();
        for (Object[] r : rows) {
            String cert = (String) r[2];
            boolean active = Boolean.TRUE.equals(r[3]);
            if (active) {
                out.add(new CampaignProblem.Member(((Number) r[0]).longValue(), (String) r[1], cert,
                        cert != null && !cert.isBlank()));
            }
        }
        return out;
    }

    private static double[] centroid(List<Candidate> cands, List<KeptStop> kept) {
        double x = 0;
        double y = 0;
        int n = 0;
        for (Candidate c : cands) {
            x += c.lon();
            y += c.lat();
            n++;
        }
        for (KeptStop k : kept) {
            x += k.lon();
            y += k.lat();
            n++;
        }
        return n == 0 ? new double[] {119.16, 36.71} : new double[] {x / n, y / n};
    }
}
