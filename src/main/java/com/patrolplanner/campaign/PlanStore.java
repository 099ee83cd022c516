package com.patrolplanner.campaign;

import com.patrolplanner.i18n.Messages;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.patrolplanner.campaign.domain.KeptStop;
import com.patrolplanner.campaign.output.PlanView;
import com.patrolplanner.time.BureauClock;
import com.patrolplanner.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Plans in tables plan / plan_route / plan_stop: written when a solve ends, read by every output. */
@ApplicationScoped
public class PlanStore {
    @Inject
    EntityManager em;
    @Inject
    ObjectMapper mapper;

    /** Writes a plan (status from the view: 'solved', 'stopped', or 'solving' for a best-so-far row); returns its id. */
    @Transactional
    public long save(PlanView v, java.util.UUID jobId, String user, Object explanation) {
        return save(v, jobId, user, explanation, null);
    }

    /** As {@link #save(PlanView, java.util.UUID, String, Object)}, recording the node that keeps a 'solving' row fresh. */
    @Transactional
    public long save(PlanView v, java.util.UUID jobId, String user, Object explanation, String solverNode) {
        long planId = ((Number) em.createNativeQuery("""
                INSERT INTO plan (campaign_id, plan_date, job_id, status, score, feasible, travel_model, unassigned,
                  explanation, created_by, solver_node, heartbeat_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, CAST(?7 AS jsonb), CAST(?8 AS jsonb), CAST(?9 AS jsonb), ?10, ?11,
                  CASE WHEN ?4 = 'solving' THEN now() END) RETURNING id""")
                .setParameter(1, v.campaignId()).setParameter(2, LocalDate.parse(v.date())).setParameter(3, jobId)
                .setParameter(4, v.status()).setParameter(5, v.score()).setParameter(6, v.feasible())
                .setParameter(7, json(v.travelModel())).setParameter(8, json(v.unassigned()))
                .setParameter(9, json(Map.of("violations", v.violations(), "matches", explanation == null ? List.of() : explanation)))
                .setParameter(10, user).setParameter(11, solverNode).getSingleResult()).longValue();
        insertRoutes(planId, v);
        return planId;
    }

    /**
     * Replaces the content of a 'solving' row with a newer best plan, or finishes it ('solved'/'stopped': it becomes
     * the date's plan, created_at moving to now so that "newest finished" means finished last). Returns false when
     * the row is no longer 'solving' (recovered as stopped by another node): the caller then saves a new row.
     */
    @Transactional
    public boolean replace(long planId, PlanView v, Object explanation) {
        int n = em.createNativeQuery("""
                UPDATE plan SET status = ?2, score = ?3, feasible = ?4, travel_model = CAST(?5 AS jsonb),
                  unassigned = CAST(?6 AS jsonb), explanation = CAST(?7 AS jsonb), updated_at = now(),
                  heartbeat_at = CASE WHEN ?2 = 'solving' THEN now() END,
                  created_at = CASE WHEN ?2 = 'solving' THEN created_at ELSE now() END
                WHERE id = ?1 AND status = 'solving'""")
                .setParameter(1, planId).setParameter(2, v.status()).setParameter(3, v.score())
                .setParameter(4, v.feasible()).setParameter(5, json(v.travelModel())).setParameter(6, json(v.unassigned()))
                .setParameter(7, json(Map.of("violations", v.violations(), "matches", explanation == null ? List.of() : explanation)))
                .executeUpdate();
        if (n == 0) {
            return false;
        }
        em.createNativeQuery("DELETE FROM plan_route WHERE plan_id = ?1").setParameter(1, planId).executeUpdate();
        insertRoutes(planId, v);
        return true;
    }

    /** A 'solving' row whose solve failed is no plan: it becomes 'failed' (kept for the record, never read as a plan). */
    @Transactional
    public void fail(long planId) {
        em.createNativeQuery("UPDATE plan SET status = 'failed', updated_at = now() WHERE id = ?1 AND status = 'solving'")
                .setParameter(1, planId).executeUpdate();
    }

    /** Keeps a 'solving' row fresh while its solve runs (see {@link #recoverOrphans}). */
    @Transactional
    public void heartbeat(long planId) {
        em.createNativeQuery("UPDATE plan SET heartbeat_at = now() WHERE id = ?1 AND status = 'solving'")
                .setParameter(1, planId).executeUpdate();
    }

    /** A solve job's rows left 'solving' become 'stopped' (its node died; the job starts again elsewhere). */
    @Transactional
    public int stopSolvingOf(java.util.UUID jobId) {
        return em.createNativeQuery("UPDATE plan SET status = 'stopped', updated_at = now() WHERE job_id = ?1 AND status = 'solving'")
                .setParameter(1, jobId).executeUpdate();
    }

    /** The newest plan of a date of a solve job: its status and id. */
    public record DatePlan(String status, long id) {
    }

    /**
     * What a solve job left in the database, per date: "solved" dates it finished, and for a date it was solving when
     * its node died, the id of the 'stopped' row holding its best plan so far (newest first).
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public Map<LocalDate, DatePlan> datesOfJob(java.util.UUID jobId) {
        Map<LocalDate, DatePlan> out = new java.util.HashMap<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery("SELECT DISTINCT ON (plan_date) plan_date, status, id FROM plan "
                + "WHERE job_id = ?1 ORDER BY plan_date, created_at DESC, id DESC").setParameter(1, jobId).getResultList()) {
            LocalDate d = com.patrolplanner.sql.Rows.localDate(r[0]);
            out.put(d, new DatePlan((String) r[1], ((Number) r[2]).longValue()));
        }
        return out;
    }

    /**
     * Rows left 'solving' by a solve that no longer runs become 'stopped': they hold the best plan that solve found,
     * as a planner's stop would have kept it. Orphans are this node's own rows (it just started, so none of its
     * solves runs) and any row whose heartbeat is older than {@code staleSeconds} (its node died or lost the database).
     */
    @Transactional
    public int recoverOrphans(String node, int staleSeconds) {
        return em.createNativeQuery("""
                UPDATE plan SET status = 'stopped', updated_at = now()
                WHERE status = 'solving' AND ((CAST(?1 AS varchar) IS NOT NULL AND solver_node = CAST(?1 AS varchar))
                  OR heartbeat_at IS NULL OR heartbeat_at < now() - make_interval(secs => ?2))""")
                .setParameter(1, node).setParameter(2, staleSeconds).executeUpdate();
    }

    private void insertRoutes(long planId, PlanView v) {
        for (PlanView.Route r : v.routes()) {
            long routeId = ((Number) em.createNativeQuery("""
                    INSERT INTO plan_route (plan_id, team_id, team_name, members, shift_start, shift_end, back_at_base, base,
                      travel_minutes, route_line)
                    VALUES (?1, ?2, ?3, CAST(?4 AS jsonb), ?5, ?6, ?7, ST_SetSRID(ST_MakePoint(?8, ?9), 4326), ?10,
                      ST_SetSRID(ST_GeomFromGeoJSON(?11), 4326)) RETURNING id""")
                    .setParameter(1, planId).setParameter(2, r.teamId()).setParameter(3, r.teamName())
                    .setParameter(4, json(r.members())).setParameter(5, odt(r.shiftStart())).setParameter(6, odt(r.shiftEnd()))
                    .setParameter(7, r.backAtBase() == null ? null : odt(r.backAtBase()))
                    .setParameter(8, r.baseLon()).setParameter(9, r.baseLat()).setParameter(10, r.travelMinutes())
                    .setParameter(11, r.line() == null ? null : json(r.line())).getSingleResult()).longValue();
            for (PlanView.Stop s : r.stops()) {
                em.createNativeQuery("""
                        INSERT INTO plan_stop (route_id, seq, venue_id, venue_name, category, address, geom, arrival, start_at,
                          departure, travel_minutes, window_start, window_end, priority, zone_key, pinned, done)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ST_SetSRID(ST_MakePoint(?7, ?8), 4326), ?9, ?10, ?11, ?12, ?13, ?14,
                          ?15, ?16, ?17, ?18)""")
                        .setParameter(1, routeId).setParameter(2, s.seq()).setParameter(3, s.venueId())
                        .setParameter(4, s.name()).setParameter(5, s.category()).setParameter(6, s.address())
                        .setParameter(7, s.lon()).setParameter(8, s.lat()).setParameter(9, odt(s.arrival()))
                        .setParameter(10, odt(s.start())).setParameter(11, odt(s.departure()))
                        .setParameter(12, s.travelMinutes()).setParameter(13, odt(s.windowStart()))
                        .setParameter(14, odt(s.windowEnd())).setParameter(15, s.priority()).setParameter(16, s.zoneKey())
                        .setParameter(17, s.pinned()).setParameter(18, s.done()).executeUpdate();
            }
        }
    }

    /** The newest finished plan of a campaign (for a date, or any date), or null. */
    @SuppressWarnings("unchecked")
    public Long currentPlanId(long campaignId, LocalDate date) {
        List<Number> ids = em.createNativeQuery("SELECT id FROM plan WHERE campaign_id = ?1 AND status IN ('solved','stopped') "
                + "AND (CAST(?2 AS date) IS NULL OR plan_date = CAST(?2 AS date)) ORDER BY created_at DESC, id DESC LIMIT 1")
                .setParameter(1, campaignId).setParameter(2, date).getResultList();
        return ids.isEmpty() ? null : ids.get(0).longValue();
    }

    @SuppressWarnings("unchecked")
    public PlanView read(long planId, String campaignName, String campaignType) {
        List<Object[]> p = em.createNativeQuery("SELECT campaign_id, plan_date, status, score, feasible, travel_model::text, "
                + "unassigned::text, explanation::text FROM plan WHERE id = ?1").setParameter(1, planId).getResultList();
        if (p.isEmpty()) {
            throw ApiException.notFound(Messages.of("noun.plan", planId));
        }
        Object[] h = p.get(0);
        List<Object[]> rs = em.createNativeQuery("""
                SELECT id, team_id, team_name, members::text, shift_start, shift_end, back_at_base, ST_X(base), ST_Y(base),
                       travel_minutes, ST_AsGeoJSON(route_line, 7) FROM plan_route WHERE plan_id = ?1 ORDER BY team_id""")
                .setParameter(1, planId).getResultList();
        List<PlanView.Route> routes = new ArrayList<>();
        for (Object[] r : rs) {
            List<Object[]> ss = em.createNativeQuery("""
                    SELECT id, seq, venue_id, venue_name, category, address, ST_X(geom), ST_Y(geom), arrival, start_at,
                           departure, travel_minutes, window_start, window_end, priority, zone_key, pinned, done
                    FROM plan_stop WHERE route_id = ?1 ORDER BY seq""").setParameter(1, r[0]).getResultList();
            List<PlanView.Stop> stops = new ArrayList<>();
            for (Object[] s : ss) {
                stops.add(new PlanView.Stop(((Number) s[0]).longValue(), ((Number) s[1]).intValue(), null,
                        s[2] == null ? null : ((Number) s[2]).longValue(), (String) s[3], (String) s[4], (String) s[5],
                        ((Number) s[6]).doubleValue(), ((Number) s[7]).doubleValue(), iso(s[8]), iso(s[9]), iso(s[10]),
                        ((Number) s[11]).doubleValue(), iso(s[12]), iso(s[13]), null, ((Number) s[14]).intValue(),
                        (String) s[15], (Boolean) s[16], (Boolean) s[17]));
            }
            routes.add(new PlanView.Route(((Number) r[1]).longValue(), (String) r[2],
                    read((String) r[3], new TypeReference<List<PlanView.Member>>() { }), iso(r[4]), iso(r[5]), iso(r[6]),
                    ((Number) r[7]).doubleValue(), ((Number) r[8]).doubleValue(), ((Number) r[9]).doubleValue(), stops,
                    r[10] == null ? null : read((String) r[10], new TypeReference<Map<String, Object>>() { })));
        }
        Map<String, Object> expl = h[7] == null ? Map.of() : read((String) h[7], new TypeReference<Map<String, Object>>() { });
        return new PlanView(((Number) h[0]).longValue(), campaignName, campaignType, planId, h[1].toString(),
                (String) h[2], (String) h[3], (Boolean) h[4], (List<String>) expl.getOrDefault("violations", List.of()),
                h[5] == null ? null : read((String) h[5], new TypeReference<Map<String, Object>>() { }), routes,
                read((String) h[6], new TypeReference<List<PlanView.Unassigned>>() { }));
    }

    @SuppressWarnings("unchecked")
    public Object explanation(long planId) {
        List<String> l = em.createNativeQuery("SELECT explanation::text FROM plan WHERE id = ?1").setParameter(1, planId)
                .getResultList();
        if (l.isEmpty() || l.get(0) == null) {
            return List.of();
        }
        return read(l.get(0), new TypeReference<Map<String, Object>>() { }).get("matches");
    }

    /** Stops of a plan that re-planning keeps: done, or pinned by the planner. */
    @SuppressWarnings("unchecked")
    public List<KeptStop> keptStops(long planId, LocalDate date) {
        return stops(planId, date, true);
    }

    /** Every stop of a plan (or only the kept ones: done or pinned), per team in route order. */
    @SuppressWarnings("unchecked")
    public List<KeptStop> stops(long planId, LocalDate date, boolean keptOnly) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT r.team_id, s.seq, s.venue_id, s.venue_name, s.category, s.address, ST_X(s.geom), ST_Y(s.geom),
                       s.priority, s.zone_key, s.start_at, s.done
                FROM plan_stop s JOIN plan_route r ON r.id = s.route_id
                WHERE r.plan_id = ?1 AND (NOT ?2 OR s.pinned OR s.done) AND s.venue_id IS NOT NULL
                ORDER BY r.team_id, s.seq""")
                .setParameter(1, planId).setParameter(2, keptOnly).getResultList();
        List<KeptStop> out = new ArrayList<>();
        for (Object[] r : rows) {
            OffsetDateTime start = toOdt(r[10]);
            double minute = (start.toEpochSecond() - date.atStartOfDay(BureauClock.ZONE).toEpochSecond()) / 60.0;
            out.add(new KeptStop(((Number) r[0]).longValue(), ((Number) r[1]).intValue(),
                    ((Number) r[2]).longValue(), (String) r[3], (String) r[4], (String) r[5], ((Number) r[6]).doubleValue(),
                    ((Number) r[7]).doubleValue(), ((Number) r[8]).intValue(), (String) r[9], minute, (Boolean) r[11]));
        }
        return out;
    }

    /**
     * Venues the campaign visits on dates other than {@code date}: every stop of each other date's current plan,
     * except on dates in ({@code date}, {@code replannedUntil}], which the same solve is about to re-plan: of those only
     * the stops re-planning keeps (done or pinned) count.
     */
    @SuppressWarnings("unchecked")
    public java.util.Set<Long> venuesPlannedElsewhere(long campaignId, LocalDate date, LocalDate replannedUntil) {
        List<Number> ids = em.createNativeQuery("""
                WITH cur AS (
                  SELECT DISTINCT ON (plan_date) id, plan_date FROM plan
                  WHERE campaign_id = ?1 AND status IN ('solved','stopped') AND plan_date <> ?2
                  ORDER BY plan_date, created_at DESC, id DESC)
                SELECT DISTINCT s.venue_id FROM cur JOIN plan_route r ON r.plan_id = cur.id
                JOIN plan_stop s ON s.route_id = r.id
                WHERE s.venue_id IS NOT NULL
                  AND (NOT (cur.plan_date > ?2 AND cur.plan_date <= ?3) OR s.pinned OR s.done)""")
                .setParameter(1, campaignId).setParameter(2, date).setParameter(3, replannedUntil).getResultList();
        java.util.Set<Long> out = new java.util.TreeSet<>();
        ids.forEach(n -> out.add(n.longValue()));
        return out;
    }

    /** A plan row in short: what per-date summaries and solve status list. */
    public record DateRow(LocalDate date, long planId, String status, Boolean feasible, String score, int teams,
            int stops, List<PlanView.Unassigned> unassigned, String updatedAt) {
    }

    private static final String DATE_ROW = """
            SELECT p.plan_date, p.id, p.status, p.feasible, p.score,
              (SELECT count(DISTINCT r.id) FROM plan_route r JOIN plan_stop s ON s.route_id = r.id WHERE r.plan_id = p.id),
              (SELECT count(*) FROM plan_stop s JOIN plan_route r ON r.id = s.route_id WHERE r.plan_id = p.id),
              p.unassigned::text, p.updated_at
            FROM plan p""";

    /** The current plan of each planned date of the campaign (newest finished row per date), in date order. */
    public List<DateRow> currentPlans(long campaignId) {
        return dateRows(em.createNativeQuery("SELECT DISTINCT ON (plan_date) * FROM (" + DATE_ROW
                + " WHERE p.campaign_id = ?1 AND p.status IN ('solved','stopped') ORDER BY p.plan_date, p.created_at DESC, "
                + "p.id DESC) x").setParameter(1, campaignId));
    }

    /** Rows of the campaign still being solved (best so far), in date order. */
    public List<DateRow> solvingPlans(long campaignId) {
        return dateRows(em.createNativeQuery(DATE_ROW + " WHERE p.campaign_id = ?1 AND p.status = 'solving' "
                + "ORDER BY p.plan_date, p.id").setParameter(1, campaignId));
    }

    /** The rows a solve job wrote, one per date it reached, in date order. */
    public List<DateRow> plansOfJob(java.util.UUID jobId) {
        return dateRows(em.createNativeQuery(DATE_ROW + " WHERE p.job_id = ?1 ORDER BY p.plan_date, p.id")
                .setParameter(1, jobId));
    }

    /** The job of the campaign's newest solve that wrote a plan row, or null. */
    @SuppressWarnings("unchecked")
    public java.util.UUID latestJob(long campaignId) {
        List<Object> l = em.createNativeQuery("SELECT job_id FROM plan WHERE campaign_id = ?1 AND job_id IS NOT NULL "
                + "ORDER BY updated_at DESC, id DESC LIMIT 1").setParameter(1, campaignId).getResultList();
        return l.isEmpty() ? null : (java.util.UUID) l.get(0);
    }

    /** Venue ids on each date's current plan: date → venue ids. */
    @SuppressWarnings("unchecked")
    public Map<LocalDate, List<Long>> plannedVenues(long campaignId) {
        List<Object[]> rows = em.createNativeQuery("""
                WITH cur AS (
                  SELECT DISTINCT ON (plan_date) id, plan_date FROM plan
                  WHERE campaign_id = ?1 AND status IN ('solved','stopped')
                  ORDER BY plan_date, created_at DESC, id DESC)
                SELECT cur.plan_date, s.venue_id FROM cur JOIN plan_route r ON r.plan_id = cur.id
                JOIN plan_stop s ON s.route_id = r.id WHERE s.venue_id IS NOT NULL ORDER BY cur.plan_date, s.venue_id""")
                .setParameter(1, campaignId).getResultList();
        Map<LocalDate, List<Long>> out = new java.util.TreeMap<>();
        for (Object[] r : rows) {
            out.computeIfAbsent(toDate(r[0]), k -> new ArrayList<>()).add(((Number) r[1]).longValue());
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private List<DateRow> dateRows(jakarta.persistence.Query q) {
        List<Object[]> rows = q.getResultList();
        List<DateRow> out = new ArrayList<>();
        for (Object[] r : rows) {
            out.add(new DateRow(toDate(r[0]), ((Number) r[1]).longValue(), (String) r[2], (Boolean) r[3], (String) r[4],
                    ((Number) r[5]).intValue(), ((Number) r[6]).intValue(),
                    read((String) r[7], new TypeReference<List<PlanView.Unassigned>>() { }), iso(r[8])));
        }
        return out;
    }

    private static LocalDate toDate(Object o) {
        return com.patrolplanner.sql.Rows.localDate(o);
    }

    /** The campaign and team a plan stop belongs to, so callers can check the scope. */
    public record StopOwner(long campaignId, long teamId) {
    }

    /** The owner of a stop; 404 when there is no such stop. */
    @SuppressWarnings("unchecked")
    public StopOwner stopOwner(long stopId) {
        List<Object[]> rows = em.createNativeQuery("SELECT p.campaign_id, r.team_id FROM plan_stop s JOIN plan_route r "
                + "ON r.id = s.route_id JOIN plan p ON p.id = r.plan_id WHERE s.id = ?1").setParameter(1, stopId)
                .getResultList();
        if (rows.isEmpty()) {
            throw ApiException.notFound(Messages.of("noun.stop", stopId));
        }
        return new StopOwner(((Number) rows.get(0)[0]).longValue(), ((Number) rows.get(0)[1]).longValue());
    }

    @Transactional
    public void mark(long stopId, Boolean pinned, Boolean done) {
        em.createNativeQuery("UPDATE plan_stop SET pinned = coalesce(?2, pinned), done = coalesce(?3, done) WHERE id = ?1")
                .setParameter(1, stopId).setParameter(2, pinned).setParameter(3, done).executeUpdate();
    }

    /** A stop appended to a team's route by {@link #appendPinnedStop}. */
    public record AppendedStop(long planId, long routeId, long stopId, int seq, OffsetDateTime startAt, boolean afterShift) {
    }

    /**
     * Appends a pinned stop to the end of {@code teamId}'s route in plan {@code planId}: after the last stop (or the
     * base), the travel of {@code model} between them, and never before {@code notBefore}. The stop is pinned, so a
     * re-plan of the date keeps it on this team ({@link #keptStops}); the stops already there are not touched.
     * Null when the plan has no route for the team.
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public AppendedStop appendPinnedStop(long planId, long teamId, long venueId, String name, String category,
            String address, double lon, double lat, int priority, int serviceMinutes,
            com.patrolplanner.campaign.travel.TravelModel model, OffsetDateTime notBefore) {
        List<Object[]> route = em.createNativeQuery("""
                SELECT r.id, r.shift_start, r.shift_end, ST_X(r.base), ST_Y(r.base),
                       (SELECT max(s.seq) FROM plan_stop s WHERE s.route_id = r.id),
                       (SELECT s.departure FROM plan_stop s WHERE s.route_id = r.id ORDER BY s.seq DESC LIMIT 1),
                       (SELECT ST_X(s.geom) FROM plan_stop s WHERE s.route_id = r.id ORDER BY s.seq DESC LIMIT 1),
                       (SELECT ST_Y(s.geom) FROM plan_stop s WHERE s.route_id = r.id ORDER BY s.seq DESC LIMIT 1)
                FROM plan_route r WHERE r.plan_id = ?1 AND r.team_id = ?2 ORDER BY r.id LIMIT 1""")
                .setParameter(1, planId).setParameter(2, teamId).getResultList();
        if (route.isEmpty()) {
            return null;
        }
        Object[] r = route.get(0);
        long routeId = ((Number) r[0]).longValue();
        OffsetDateTime shiftStart = toOdt(r[1]);
        OffsetDateTime shiftEnd = toOdt(r[2]);
        int seq = r[5] == null ? 1 : ((Number) r[5]).intValue() + 1;
        OffsetDateTime leave = r[6] == null ? shiftStart : toOdt(r[6]);
        Number fromLon = r[7] != null ? (Number) r[7] : (Number) r[3];
        Number fromLat = r[8] != null ? (Number) r[8] : (Number) r[4];
        int hour = leave.atZoneSameInstant(BureauClock.ZONE).getHour();
        double travel = fromLon == null || fromLat == null ? 0
                : model.minutes(fromLon.doubleValue(), fromLat.doubleValue(), lon, lat, hour >= 22 || hour < 6);
        OffsetDateTime arrival = leave.plusSeconds(Math.round(travel * 60));
        OffsetDateTime start = notBefore != null && arrival.isBefore(notBefore) ? notBefore : arrival;
        OffsetDateTime departure = start.plusMinutes(serviceMinutes);
        long stopId = ((Number) em.createNativeQuery("""
                INSERT INTO plan_stop (route_id, seq, venue_id, venue_name, category, address, geom, arrival, start_at,
                  departure, travel_minutes, window_start, window_end, priority, zone_key, pinned, done)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ST_SetSRID(ST_MakePoint(?7, ?8), 4326), ?9, ?10, ?11, ?12, ?10,
                  ?13, ?14, NULL, true, false) RETURNING id""")
                .setParameter(1, routeId).setParameter(2, seq).setParameter(3, venueId).setParameter(4, name)
                .setParameter(5, category).setParameter(6, address).setParameter(7, lon).setParameter(8, lat)
                .setParameter(9, arrival).setParameter(10, start).setParameter(11, departure).setParameter(12, travel)
                .setParameter(13, departure.isAfter(shiftEnd) ? departure : shiftEnd).setParameter(14, priority).getSingleResult()).longValue();
        return new AppendedStop(planId, routeId, stopId, seq, start, departure.isAfter(shiftEnd));
    }

    /** True when the plan already has a stop at this venue (on any team's route). */
    public boolean hasStopAt(long planId, long venueId) {
        return !em.createNativeQuery("SELECT 1 FROM plan_stop s JOIN plan_route r ON r.id = s.route_id "
                + "WHERE r.plan_id = ?1 AND s.venue_id = ?2").setParameter(1, planId).setParameter(2, venueId)
                .getResultList().isEmpty();
    }

    /** The campaign a plan belongs to. */
    public long campaignOfPlan(long planId) {
        return ((Number) em.createNativeQuery("SELECT campaign_id FROM plan WHERE id = ?1").setParameter(1, planId)
                .getSingleResult()).longValue();
    }

    /** A plan of a campaign: its id and the campaign's name and type. */
    public record PlanRef(long planId, String campaignName, String campaignType) {
    }

    /** Plans (newest per campaign) that have a route for this team on this date. */
    @SuppressWarnings("unchecked")
    public List<PlanRef> plansOfTeam(long teamId, LocalDate date) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT DISTINCT ON (p.campaign_id) p.id, c.name, c.type FROM plan p JOIN campaign c ON c.id = p.campaign_id
                JOIN plan_route r ON r.plan_id = p.id
                WHERE p.plan_date = ?2 AND p.status IN ('solved','stopped') AND r.team_id = ?1
                  AND p.id = (SELECT max(p2.id) FROM plan p2 WHERE p2.campaign_id = p.campaign_id AND p2.plan_date = ?2
                              AND p2.status IN ('solved','stopped'))
                ORDER BY p.campaign_id, p.id DESC""").setParameter(1, teamId).setParameter(2, date).getResultList();
        return rows.stream().map(r -> new PlanRef(((Number) r[0]).longValue(), (String) r[1], (String) r[2])).toList();
    }

    private static OffsetDateTime odt(String iso) {
        return OffsetDateTime.parse(iso).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static OffsetDateTime toOdt(Object o) {
        if (o instanceof OffsetDateTime odt) {
            return odt;
        }
        if (o instanceof java.time.Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        if (o instanceof java.util.Date) {
            return com.patrolplanner.sql.Rows.utc(o);
        }
        throw new IllegalStateException("unexpected time type " + o.getClass());
    }

    private static String iso(Object o) {
        return o == null ? null : toOdt(o).atZoneSameInstant(BureauClock.ZONE).toOffsetDateTime()
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private String json(Object o) {
        try {
            return mapper.writeValueAsString(o);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String s, TypeReference<T> t) {
        try {
            return mapper.readValue(s, t);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
