package com.patrolplanner.campaign;

import com.patrolplanner.i18n.Messages;
import com.patrolplanner.campaign.domain.Campaign;
import com.patrolplanner.campaign.domain.CampaignType;
import com.patrolplanner.campaign.domain.Clock;
import com.patrolplanner.campaign.domain.DayKind;
import com.patrolplanner.campaign.domain.TargetQuery;
import com.patrolplanner.campaign.domain.Targets;
import com.patrolplanner.campaign.travel.RoadNetwork;
import com.patrolplanner.campaign.travel.RoadTravel;
import com.patrolplanner.campaign.travel.TravelKind;
import com.patrolplanner.registry.Scope;
import com.patrolplanner.registry.Team;
import com.patrolplanner.registry.Venue;
import com.patrolplanner.registry.VenueCategory;
import com.patrolplanner.registry.VenueStatus;
import com.patrolplanner.security.CurrentUser;
import com.patrolplanner.web.ApiException;
import com.patrolplanner.web.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Campaign writes and reads, with the team-leader scope: a leader sees only campaigns their team is in. */
@ApplicationScoped
public class CampaignService {
    @Inject
    EntityManager em;
    @Inject
    RoadNetwork roads;
    @Inject
    TargetQuery targets;
    @Inject
    com.patrolplanner.audit.AuditService audit;
    @Inject
    CurrentUser caller;
    @Inject
    com.patrolplanner.registry.Jurisdiction jurisdiction;

    /** The longest campaign: a year of nights (each day gets its own plan, so the span bounds the work). */
    public static final int MAX_DAYS = 366;

    @Transactional
    public Campaign create(CampaignInput in, String user) {
        Campaign c = new Campaign();
        c.createdBy = user;
        c.unitId = jurisdiction.placeIn(in.unitId(), "unitId");
        List<Long> teams = apply(c, in);
        c.updatedAt = OffsetDateTime.now();
        c.persist();
        em.flush();
        setTeams(c.id, teams);
        audit.record(user, "create", "campaign", c.id, auditDetails(c, teams));
        return c;
    }

    @Transactional
    public Campaign update(long id, CampaignInput in) {
        Campaign c = writable(id);
        if (in.unitId() != null) {
            c.unitId = jurisdiction.placeIn(in.unitId(), "unitId");
        }
        if (in.version() == null) {
            throw ApiException.invalid("version", Messages.of("common.versionRequired"));
        }
        if (in.version() != c.version) {
            throw ApiException.staleVersion("campaign " + id, in.version(), c.version);
        }
        List<Long> teams = apply(c, in);
        c.updatedAt = OffsetDateTime.now(); // always dirty, so the version moves even when only the teams changed
        em.flush();
        setTeams(c.id, teams);
        audit.record(caller.name(), "update", "campaign", c.id, auditDetails(c, teams));
        return c;
    }

    private static Map<String, Object> auditDetails(Campaign c, List<Long> teams) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", c.name);
        d.put("type", c.type);
        d.put("startDate", String.valueOf(c.startDate));
        d.put("endDate", String.valueOf(c.endDate));
        d.put("status", c.status);
        d.put("teamIds", teams);
        d.put("version", c.version);
        return d;
    }

    /**
     * Adds a venue to a campaign as a high-priority target (a complaint to check, 举报核查): it is planned whatever the
     * campaign's filters and draw say, with {@link Campaign#PRIORITY_BONUS}. Idempotent per venue; audited. 404 for a
     * campaign or venue the caller does not see; 422 on {@code campaignId} when the campaign has ended.
     */
    @Transactional
    public Campaign addPriorityTarget(long campaignId, long venueId, String why, String user) {
        Campaign c = visible(campaignId, caller);
        if (c.endDate != null && c.endDate.isBefore(com.patrolplanner.time.BureauClock.today())) {
            throw ApiException.invalid("campaignId", Messages.of("campaign.endedOn", campaignId, c.endDate));
        }
        if (com.patrolplanner.registry.Venue.findById(venueId) == null) {
            throw ApiException.invalid("venueId", Messages.of("common.noVenueWord", venueId));
        }
        Map<String, Object> pv = c.priorityVenues == null ? new LinkedHashMap<>() : new LinkedHashMap<>(c.priorityVenues);
        if (why.equals(pv.get(String.valueOf(venueId)))) {
            return c;
        }
        pv.put(String.valueOf(venueId), why);
        c.priorityVenues = pv;
        c.updatedAt = OffsetDateTime.now();
        em.flush();
        audit.record(user, "priority-target", "campaign", c.id, Map.of("venueId", venueId, "why", why, "version", c.version));
        return c;
    }

    @Transactional
    public void delete(long id) {
        Campaign c = writable(id);
        if (((Number) em.createNativeQuery("SELECT count(*) FROM campaign_draw WHERE campaign_id = ?1")
                .setParameter(1, id).getSingleResult()).longValue() > 0) {
            throw ApiException.conflict(Messages.of("campaign.drawnKept", id));
        }
        audit.record(caller.name(), "delete", "campaign", id, Map.of("name", String.valueOf(c.name)));
        c.delete();
    }

    /**
     * The one unit predicate of campaigns (SQL on {@code alias}): a campaign of the caller's units, or a joint campaign
     * one of whose teams is of the caller's units (seen read-only, its own part). TRUE for the city-wide scope.
     */
    public String visibleSql(String alias) {
        Scope s = jurisdiction.scope();
        return s.all() ? "TRUE" : "(" + s.sql(alias + ".unit_id") + " OR EXISTS (SELECT 1 FROM campaign_team ct JOIN team t"
                + " ON t.id = ct.team_id WHERE ct.campaign_id = " + alias + ".id AND " + s.sql("t.unit_id") + "))";
    }

    /** The campaign if the caller's units see it (whole or its part of a joint campaign), else 404. */
    public Campaign find(long id) {
        if (em.createNativeQuery("SELECT 1 FROM campaign c WHERE c.id = ?1 AND " + visibleSql("c")).setParameter(1, id)
                .getResultList().isEmpty()) {
            throw ApiException.notFound(Messages.of("noun.campaign", id));
        }
        return Campaign.require(id);
    }

    /**
     * True when the caller sees only its part of the campaign: a joint campaign of a unit above or beside its own, in
     * which some of its teams go out. Such a caller reads the campaign and its own teams' routes, and writes nothing.
     */
    public boolean partial(Campaign c) {
        return !jurisdiction.scope().sees(c.unitId) && !jurisdiction.scope().all();
    }

    /** The teams of the caller's units among the campaign's (the part a {@link #partial} reader sees). */
    public Set<Long> ownTeams(Campaign c) {
        Scope s = jurisdiction.scope();
        Set<Long> out = new java.util.HashSet<>();
        for (Long t : c.teamIds()) {
            Team team = Team.findById(t);
            if (team != null && s.sees(team.unitId)) {
                out.add(t);
            }
        }
        return out;
    }

    /**
     * The campaign for a write: 404 when the caller does not see it; 403 when it sees only its part of a joint
     * campaign (the campaign is the city's or another unit's to change).
     */
    public Campaign writable(long id) {
        Campaign c = find(id);
        if (partial(c)) {
            throw new ApiException(403, "Forbidden", Messages.of("campaign.readOnly", id,
                    jurisdiction.unitName(c.unitId), jurisdiction.unitName(jurisdiction.scope().unitId())), null);
        }
        return c;
    }

    /** The campaign if the caller may see it; a team leader outside it gets 404, as if it did not exist. */
    public Campaign visible(long id, CurrentUser user) {
        Campaign c = find(id);
        if (user.scopedToTeam() && (user.teamId() == null || !c.teamIds().contains(user.teamId()))) {
            throw ApiException.notFound(Messages.of("campaign.campaign", id));
        }
        return c;
    }

    @SuppressWarnings("unchecked")
    public List<Campaign> list(CurrentUser user) {
        if (user.scopedToTeam()) {
            if (user.teamId() == null) {
                return List.of();
            }
            List<Number> ids = em.createNativeQuery("SELECT campaign_id FROM campaign_team WHERE team_id = ?1")
                    .setParameter(1, user.teamId()).getResultList();
            return ids.isEmpty() ? List.of()
                    : Campaign.list("id in ?1 order by startDate desc, id desc", ids.stream().map(Number::longValue).toList());
        }
        List<Number> ids = em.createNativeQuery("SELECT c.id FROM campaign c WHERE " + visibleSql("c")).getResultList();
        return ids.isEmpty() ? List.of()
                : Campaign.list("id in ?1 order by startDate desc, id desc", ids.stream().map(Number::longValue).toList());
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /**
     * The targets as they read back from jsonb (venue ids as Integer, not Long). Hibernate compares a JSON attribute with
     * a JSON copy of itself: with Long ids it looked dirty at every flush, and each native query of the same save
     * flushed once more, so one save moved the version by 4.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> asStored(Map<String, Object> m) {
        try {
            return JSON.readValue(JSON.writeValueAsBytes(m), LinkedHashMap.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void setTeams(long id, List<Long> teams) {
        em.createNativeQuery("DELETE FROM campaign_team WHERE campaign_id = ?1").setParameter(1, id).executeUpdate();
        for (Long t : teams) {
            em.createNativeQuery("INSERT INTO campaign_team (campaign_id, team_id) VALUES (?1, ?2)")
                    .setParameter(1, id).setParameter(2, t).executeUpdate();
        }
    }

    /** Validates everything first (all errors at once, 422), then writes the fields. Returns the team ids. */
    private List<Long> apply(Campaign c, CampaignInput in) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (in.name() == null || in.name().isBlank()) {
            errors.add(Problem.FieldError.of("name", Messages.of("error.required")));
        }
        CampaignType type = null;
        try {
            type = CampaignType.parse(in.type());
        } catch (IllegalArgumentException e) {
            errors.add(Problem.FieldError.of("type", e.getMessage()));
        }
        LocalDate start = date(in.startDate(), "startDate", errors);
        LocalDate end = in.endDate() == null ? start : date(in.endDate(), "endDate", errors);
        if (start != null && end != null && end.isBefore(start)) {
            errors.add(Problem.FieldError.of("endDate", Messages.of("campaign.endBeforeStart")));
        }
        for (Object[] d : new Object[][] {{start, "startDate"}, {end, "endDate"}}) {
            if (d[0] != null && (((LocalDate) d[0]).getYear() < 2000 || ((LocalDate) d[0]).getYear() > 2100)) {
                errors.add(Problem.FieldError.of((String) d[1], Messages.of("campaign.year", ((LocalDate) d[0]).getYear())));
            }
        }
        if (start != null && end != null && !end.isBefore(start) && end.toEpochDay() - start.toEpochDay() + 1 > MAX_DAYS) {
            errors.add(Problem.FieldError.of("endDate", Messages.of("campaign.tooLong",
                    end.toEpochDay() - start.toEpochDay() + 1, MAX_DAYS)));
        }
        Targets t = targets(in.targets(), errors);
        List<Long> teams = new ArrayList<>(new LinkedHashSet<>(in.teamIds() == null ? List.of() : in.teamIds()));
        for (int i = 0; i < teams.size(); i++) {
            Team team = teams.get(i) == null ? null : Team.findById(teams.get(i));
            if (team == null || !jurisdiction.scope().sees(team.unitId)) {
                errors.add(Problem.FieldError.of("teamIds[" + i + "]", Messages.of("common.noTeam", teams.get(i))));
            } else if (c.unitId != null && team.unitId != null && !jurisdiction.below(c.unitId).contains(team.unitId)) {
                errors.add(Problem.FieldError.of("teamIds[" + i + "]", Messages.of("unit.teamOutside", team.name,
                        jurisdiction.unitName(team.unitId), jurisdiction.unitName(c.unitId))));
            }
        }
        jointTeams(teams, errors);
        List<Map<String, Object>> windows = windows(in.windows(), errors);
        if (in.shiftStart() != null) {
            time(in.shiftStart(), "shiftStart", errors);
        }
        if (in.shiftEnd() != null) {
            time(in.shiftEnd(), "shiftEnd", errors);
        }
        if (in.strikeMinutes() != null && in.strikeMinutes() <= 0) {
            errors.add(Problem.FieldError.of("strikeMinutes", Messages.of("validation.Positive")));
        }
        if (type == CampaignType.STAKEOUT && in.stakeoutVenueId() == null) {
            errors.add(Problem.FieldError.of("stakeoutVenueId", Messages.of("campaign.stakeoutVenue")));
        }
        if (in.stakeoutVenueId() != null && (Venue.findById(in.stakeoutVenueId()) == null
                || !jurisdiction.scope().sees(((Venue) Venue.findById(in.stakeoutVenueId())).unitId))) {
            errors.add(Problem.FieldError.of("stakeoutVenueId", Messages.of("common.noVenue", in.stakeoutVenueId())));
        }
        TravelKind travel = null;
        try {
            // omitted on PUT: unchanged (clients written before the field existed must not reset it)
            travel = in.travel() == null && c.travel != null ? TravelKind.of(c.travel) : TravelKind.parse(in.travel());
        } catch (IllegalArgumentException e) {
            errors.add(Problem.FieldError.of("travel", e.getMessage()));
        }
        if (travel == TravelKind.ROAD_NETWORK) {
            roadNetworkCovers(teams, errors);
        }
        if (in.status() != null && !List.of("draft", "active", "done", "cancelled").contains(in.status())) {
            errors.add(Problem.FieldError.of("status", Messages.of("campaign.statusOneOf")));
        }
        if (!errors.isEmpty()) {
            throw ApiException.unprocessable(Messages.of("campaign.invalidFields", errors.size()), errors);
        }
        c.name = in.name().trim();
        c.type = type.name();
        c.startDate = start;
        c.endDate = end;
        c.targets = asStored(t.toMap());
        c.windows = windows;
        c.stakeoutVenueId = in.stakeoutVenueId();
        c.shiftStart = in.shiftStart() == null ? null : Clock.format(Clock.parse(in.shiftStart()));
        c.shiftEnd = in.shiftEnd() == null ? null : Clock.format(Clock.parse(in.shiftEnd()));
        c.strikeMinutes = in.strikeMinutes();
        c.travel = travel.name();
        if (in.status() != null) {
            c.status = in.status();
        }
        return teams;
    }

    /**
     * A joint campaign (联合行动: teams of more than one unit) sends officers into another unit's area: each of its teams
     * must carry at least {@link com.patrolplanner.registry.TwoOfficerRule#MIN_CERTIFIED_OFFICERS} certified officers
     * ({@link com.patrolplanner.registry.TwoOfficerRule}) when the campaign is written, not only when it is solved.
     */
    private void jointTeams(List<Long> teams, List<Problem.FieldError> errors) {
        Set<Long> units = new java.util.HashSet<>();
        for (Long id : teams) {
            Team t = id == null ? null : Team.findById(id);
            if (t != null) {
                units.add(t.unitId);
            }
        }
        if (units.size() < 2) {
            return;
        }
        for (int i = 0; i < teams.size(); i++) {
            Team t = teams.get(i) == null ? null : Team.findById(teams.get(i));
            if (t == null) {
                continue;
            }
            long certified = ((Number) em.createNativeQuery("SELECT count(*) FROM inspector WHERE team_id = ?1 AND active"
                    + " AND btrim(coalesce(certificate_no, '')) <> ''").setParameter(1, t.id).getSingleResult())
                    .longValue();
            if (!com.patrolplanner.registry.TwoOfficerRule.met(certified)) {
                errors.add(Problem.FieldError.of("teamIds[" + i + "]", Messages.of("campaign.jointTeamOfficers",
                        t.name, jurisdiction.unitName(t.unitId), certified,
                        com.patrolplanner.registry.TwoOfficerRule.MIN_CERTIFIED_OFFICERS,
                        com.patrolplanner.registry.TwoOfficerRule.LEGAL_BASIS)));
            }
        }
    }

    /**
     * Road-network travel needs an imported network near the teams: a base farther than this from any road node is
     * outside the network (another city, or none imported) and every trip from it would fall back to the great circle.
     */
    public static final double ROAD_SNAP_LIMIT_M = RoadTravel.MAX_SNAP_M;

    private void roadNetworkCovers(List<Long> teams, List<Problem.FieldError> errors) {
        if (!roads.imported()) {
            errors.add(Problem.FieldError.of("travel", Messages.of("campaign.noRoads")));
            return;
        }
        for (Long id : teams) {
            Team t = id == null ? null : Team.findById(id);
            if (t != null && t.base != null) {
                double m = roads.distanceToNetwork(t.base.getX(), t.base.getY());
                if (m > ROAD_SNAP_LIMIT_M) {
                    errors.add(Problem.FieldError.of("travel", Messages.of("campaign.baseOffRoads", t.name,
                            Math.round(m), Math.round(ROAD_SNAP_LIMIT_M))));
                }
            }
        }
    }

    private Targets targets(CampaignInput.TargetsInput in, List<Problem.FieldError> errors) {
        if (in == null) {
            return Targets.none();
        }
        List<String> cats = null;
        if (in.categories() != null) {
            cats = new ArrayList<>();
            for (int i = 0; i < in.categories().size(); i++) {
                try {
                    cats.add(VenueCategory.parse(in.categories().get(i)).code);
                } catch (IllegalArgumentException e) {
                    errors.add(Problem.FieldError.of("targets.categories[" + i + "]", e.getMessage()));
                }
            }
        }
        List<String> statuses = null;
        if (in.statuses() != null) {
            statuses = new ArrayList<>();
            for (int i = 0; i < in.statuses().size(); i++) {
                try {
                    statuses.add(VenueStatus.parse(in.statuses().get(i)).code);
                } catch (IllegalArgumentException e) {
                    errors.add(Problem.FieldError.of("targets.statuses[" + i + "]", e.getMessage()));
                }
            }
        }
        if (in.zoneId() != null && !targets.activeZoneExists(in.zoneId())) {
            errors.add(Problem.FieldError.of("targets.zoneId", Messages.of("campaign.noZone", in.zoneId())));
        }
        if (in.minComplaints() != null && in.minComplaints() < 0) {
            errors.add(Problem.FieldError.of("targets.minComplaints", Messages.of("common.nonNegative")));
        }
        if (in.minDaysSinceInspection() != null && in.minDaysSinceInspection() < 0) {
            errors.add(Problem.FieldError.of("targets.minDaysSinceInspection", Messages.of("common.nonNegative")));
        }
        return new Targets(cats, in.zoneId(), statuses, in.nearSchool(), in.minComplaints(), in.minDaysSinceInspection(),
                in.venueIds());
    }

    private List<Map<String, Object>> windows(List<CampaignInput.WindowInput> in, List<Problem.FieldError> errors) {
        if (in == null || in.isEmpty()) {
            return null;
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
            CampaignInput.WindowInput w = in.get(i);
            String f = "windows[" + i + "]";
            Integer from = time(w.from(), f + ".from", errors);
            Integer to = time(w.to(), f + ".to", errors);
            DayKind days = DayKind.ANY;
            try {
                days = w.days() == null ? DayKind.ANY : DayKind.valueOf(w.days().trim().toUpperCase());
            } catch (IllegalArgumentException e) {
                errors.add(Problem.FieldError.of(f + ".days", Messages.of("campaign.daysOneOf")));
            }
            List<String> cats = new ArrayList<>();
            for (String cat : w.categories() == null ? List.<String>of() : w.categories()) {
                try {
                    cats.add(VenueCategory.parse(cat).code);
                } catch (IllegalArgumentException e) {
                    errors.add(Problem.FieldError.of(f + ".categories", e.getMessage()));
                }
            }
            if (from != null && to != null) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", w.name() == null || w.name().isBlank() ? "WINDOW_" + (i + 1) : w.name().trim());
                m.put("from", from);
                m.put("to", to <= from ? to + 1440 : to); // an end not after the start is on the next day
                m.put("categories", cats);
                m.put("days", days.name());
                out.add(m);
            }
        }
        return out;
    }

    private static Integer time(String s, String field, List<Problem.FieldError> errors) {
        try {
            return Clock.parse(s);
        } catch (IllegalArgumentException e) {
            errors.add(Problem.FieldError.of(field, e.getMessage()));
            return null;
        }
    }

    private static LocalDate date(String s, String field, List<Problem.FieldError> errors) {
        if (s == null || s.isBlank()) {
            errors.add(Problem.FieldError.of(field, Messages.of("campaign.dateRequired")));
            return null;
        }
        try {
            return LocalDate.parse(s.trim());
        } catch (DateTimeParseException e) {
            errors.add(Problem.FieldError.of(field, Messages.of("common.notDateValue", s)));
            return null;
        }
    }
}
