package com.patrolplanner.campaign;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.patrolplanner.campaign.domain.Clock;
import com.patrolplanner.campaign.output.PlanView;
import com.patrolplanner.campaign.solver.ProblemBuilder;
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

    @Transactional
    public long save(PlanView v, java.util.UUID jobId, String user, Object explanation) {
        long planId = ((Number) em.createNativeQuery("""
                INSERT INTO plan (campaign_id, plan_date, job_id, status, score, feasible, travel_model, unassigned,
                  explanation, created_by)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, CAST(?7 AS jsonb), CAST(?8 AS jsonb), CAST(?9 AS jsonb), ?10) RETURNING id""")
                .setParameter(1, v.campaignId()).setParameter(2, LocalDate.parse(v.date())).setParameter(3, jobId)
                .setParameter(4, v.status()).setParameter(5, v.score()).setParameter(6, v.feasible())
                .setParameter(7, json(v.travelModel())).setParameter(8, json(v.unassigned()))
                .setParameter(9, json(Map.of("violations", v.violations(), "matches", explanation == null ? List.of() : explanation)))
                .setParameter(10, user).getSingleResult()).longValue();
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
        return planId;
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
            throw ApiException.notFound("plan " + planId);
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
    public List<ProblemBuilder.KeptStop> keptStops(long planId, LocalDate date) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT r.team_id, s.seq, s.venue_id, s.venue_name, s.category, s.address, ST_X(s.geom), ST_Y(s.geom),
                       s.priority, s.zone_key, s.start_at, s.done
                FROM plan_stop s JOIN plan_route r ON r.id = s.route_id
                WHERE r.plan_id = ?1 AND (s.pinned OR s.done) AND s.venue_id IS NOT NULL ORDER BY r.team_id, s.seq""")
                .setParameter(1, planId).getResultList();
        List<ProblemBuilder.KeptStop> out = new ArrayList<>();
        for (Object[] r : rows) {
            OffsetDateTime start = toOdt(r[10]);
            double minute = (start.toEpochSecond() - date.atStartOfDay(Clock.ZONE).toEpochSecond()) / 60.0;
            out.add(new ProblemBuilder.KeptStop(((Number) r[0]).longValue(), ((Number) r[1]).intValue(),
                    ((Number) r[2]).longValue(), (String) r[3], (String) r[4], (String) r[5], ((Number) r[6]).doubleValue(),
                    ((Number) r[7]).doubleValue(), ((Number) r[8]).intValue(), (String) r[9], minute, (Boolean) r[11]));
        }
        return out;
    }

    /** Marks a stop done or pinned; returns {campaignId, teamId} of the stop so callers can check the scope. */
    @SuppressWarnings("unchecked")
    public long[] stopOwner(long stopId) {
        List<Object[]> rows = em.createNativeQuery("SELECT p.campaign_id, r.team_id FROM plan_stop s JOIN plan_route r "
                + "ON r.id = s.route_id JOIN plan p ON p.id = r.plan_id WHERE s.id = ?1").setParameter(1, stopId)
                .getResultList();
        if (rows.isEmpty()) {
            throw ApiException.notFound("stop " + stopId);
        }
        return new long[] {((Number) rows.get(0)[0]).longValue(), ((Number) rows.get(0)[1]).longValue()};
    }

    @Transactional
    public void mark(long stopId, Boolean pinned, Boolean done) {
        em.createNativeQuery("UPDATE plan_stop SET pinned = coalesce(?2, pinned), done = coalesce(?3, done) WHERE id = ?1")
                .setParameter(1, stopId).setParameter(2, pinned).setParameter(3, done).executeUpdate();
    }

    /** Plan ids (newest per campaign) that have a route for this team on this date. */
    @SuppressWarnings("unchecked")
    public List<Object[]> plansOfTeam(long teamId, LocalDate date) {
        return em.createNativeQuery("""
                SELECT DISTINCT ON (p.campaign_id) p.id, c.name, c.type FROM plan p JOIN campaign c ON c.id = p.campaign_id
                JOIN plan_route r ON r.plan_id = p.id
                WHERE p.plan_date = ?2 AND p.status IN ('solved','stopped') AND r.team_id = ?1
                  AND p.id = (SELECT max(p2.id) FROM plan p2 WHERE p2.campaign_id = p.campaign_id AND p2.plan_date = ?2
                              AND p2.status IN ('solved','stopped'))
                ORDER BY p.campaign_id, p.id DESC""").setParameter(1, teamId).setParameter(2, date).getResultList();
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
        if (o instanceof java.sql.Timestamp ts) {
            return ts.toInstant().atOffset(ZoneOffset.UTC);
        }
        throw new IllegalStateException("unexpected time type " + o.getClass());
    }

    private static String iso(Object o) {
        return o == null ? null : toOdt(o).atZoneSameInstant(Clock.ZONE).toOffsetDateTime()
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
