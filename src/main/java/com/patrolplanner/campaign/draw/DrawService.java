package com.patrolplanner.campaign.draw;

import com.patrolplanner.i18n.Messages;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.patrolplanner.campaign.domain.Campaign;
import com.patrolplanner.campaign.domain.Candidate;
import com.patrolplanner.campaign.domain.CategoryProfile;
import com.patrolplanner.campaign.domain.TargetQuery;
import com.patrolplanner.campaign.domain.Targets;
import com.patrolplanner.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs and records the 双随机 draw of a campaign. One draw per campaign: the campaign row is locked
 * ({@code FOR UPDATE}) and {@code campaign_draw.campaign_id} is unique, so of two concurrent draws exactly one is
 * recorded and the other gets 409. The record (seed, request, snapshot hashes, inputs hash, who, when) is the audit
 * entry until the audit trail capability exists.
 */
@ApplicationScoped
public class DrawService {
    private static final SecureRandom SEEDS = new SecureRandom();

    @Inject
    EntityManager em;
    @Inject
    com.patrolplanner.audit.AuditService audit;
    @Inject
    com.patrolplanner.security.CurrentUser caller;
    @Inject
    TargetQuery targets;
    @Inject
    ObjectMapper mapper;

    /** What a client asks for: {@code ratio} or {@code count}; strata among category, zone; an optional seed. */
    public record DrawInput(Double ratio, Integer count, List<String> strata, Long seed, Integer teams, Integer teamSize) {
    }

    public record Inputs(List<Candidate> candidates, List<DrawAlgorithm.Inspector> inspectors,
            Map<Long, Set<Long>> recusals, String snapshotHash, String inspectorHash) {
    }

    @Transactional
    public long draw(long campaignId, DrawInput in, String user) {
        Campaign c = Campaign.require(campaignId);
        em.createNativeQuery("SELECT id FROM campaign WHERE id = ?1 FOR UPDATE").setParameter(1, campaignId).getResultList();
        if (exists(campaignId)) {
            throw ApiException.conflict(Messages.of("draw.already", campaignId));
        }
        DrawAlgorithm.Request req = request(in, c);
        Inputs inputs = inputs(c);
        if (inputs.candidates().isEmpty()) {
            throw ApiException.unprocessable(Messages.of("draw.noVenues"),
                    List.of(com.patrolplanner.web.Problem.FieldError.of("targets", Messages.of("draw.noMatch"))));
        }
        boolean generated = in.seed() == null;
        long seed = generated ? SEEDS.nextLong() : in.seed();
        DrawAlgorithm.Result r;
        try {
            r = DrawAlgorithm.draw(seed, inputs.candidates(), inputs.inspectors(), inputs.recusals(), req);
        } catch (IllegalArgumentException e) {
            String msg = e.getMessage();
            String field = msg.contains(":") ? msg.substring(0, msg.indexOf(':')) : "request";
            throw ApiException.invalid(field, msg.substring(msg.indexOf(':') + 1).trim());
        }
        String requestJson = json(req);
        String inputsHash = DrawAlgorithm.sha256(requestJson + "|" + inputs.snapshotHash() + "|" + inputs.inspectorHash()
                + "|" + seed);
        long drawId;
        try {
            drawId = ((Number) em.createNativeQuery("""
                    INSERT INTO campaign_draw (campaign_id, seed, seed_generated, request, snapshot_hash, inspector_hash,
                      inputs_hash, candidate_count, drawn_by)
                    VALUES (?1, ?2, ?3, CAST(?4 AS jsonb), ?5, ?6, ?7, ?8, ?9) RETURNING id""")
                    .setParameter(1, campaignId).setParameter(2, seed).setParameter(3, generated)
                    .setParameter(4, requestJson).setParameter(5, inputs.snapshotHash())
                    .setParameter(6, inputs.inspectorHash()).setParameter(7, inputsHash)
                    .setParameter(8, inputs.candidates().size()).setParameter(9, user).getSingleResult()).longValue();
        } catch (PersistenceException e) {
            throw ApiException.conflict(Messages.of("draw.concurrent", campaignId));
        }
        for (DrawAlgorithm.DrawnVenue v : r.venues()) {
            em.createNativeQuery("INSERT INTO draw_venue (draw_id, venue_id, stratum, draw_order, team_no, check_items) "
                    + "VALUES (?1, ?2, ?3, ?4, ?5, ?6)").setParameter(1, drawId).setParameter(2, v.venue().id())
                    .setParameter(3, v.stratum()).setParameter(4, v.order()).setParameter(5, v.teamNo())
                    .setParameter(6, CategoryProfile.checkItems(v.venue().category())).executeUpdate();
        }
        for (int t = 0; t < r.teams().size(); t++) {
            for (DrawAlgorithm.Inspector i : r.teams().get(t)) {
                em.createNativeQuery("INSERT INTO draw_member (draw_id, team_no, inspector_id) VALUES (?1, ?2, ?3)")
                        .setParameter(1, drawId).setParameter(2, t + 1).setParameter(3, i.id()).executeUpdate();
            }
        }
        Map<String, Object> details = new java.util.LinkedHashMap<>();
        details.put("drawId", drawId);
        details.put("seed", seed);
        details.put("seedGenerated", generated);
        details.put("snapshotHash", inputs.snapshotHash());
        details.put("inspectorHash", inputs.inspectorHash());
        details.put("inputsHash", inputsHash);
        details.put("candidates", inputs.candidates().size());
        details.put("venues", r.venues().stream().map(v -> v.venue().id()).toList());
        audit.record(user, "draw", "campaign", campaignId, details);
        return drawId;
    }

    /** The register as a draw sees it now: target venues, certified active inspectors, recusals, and their hashes. */
    @SuppressWarnings("unchecked")
    public Inputs inputs(Campaign c) {
        List<Candidate> cands = targets.candidates(Targets.fromMap(c.targets), c.startDate, c.unitId);
        List<Object[]> rows = em.createNativeQuery("SELECT id, version, name FROM inspector WHERE active "
                + "AND certificate_no IS NOT NULL AND btrim(certificate_no) <> '' AND "
                + targets.campaignArea(c.unitId, "unit_id") + " ORDER BY id").getResultList();
        List<DrawAlgorithm.Inspector> insp = new ArrayList<>();
        for (Object[] r : rows) {
            insp.add(new DrawAlgorithm.Inspector(((Number) r[0]).longValue(), ((Number) r[1]).intValue(), (String) r[2]));
        }
        Map<Long, Set<Long>> rec = new HashMap<>();
        List<Object[]> rr = em.createNativeQuery("SELECT inspector_id, venue_id FROM recusal ORDER BY id").getResultList();
        for (Object[] r : rr) {
            rec.computeIfAbsent(((Number) r[0]).longValue(), k -> new HashSet<>()).add(((Number) r[1]).longValue());
        }
        String venueHash = DrawAlgorithm.snapshotHash(cands.stream().map(x -> new long[] {x.id(), x.version()}).toList());
        String inspHash = DrawAlgorithm.snapshotHash(insp.stream().map(x -> new long[] {x.id(), x.version()}).toList());
        return new Inputs(cands, insp, rec, venueHash, inspHash);
    }

    public boolean exists(long campaignId) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM campaign_draw WHERE campaign_id = ?1")
                .setParameter(1, campaignId).getSingleResult()).longValue() > 0;
    }

    /** A recorded draw (双随机): seed, request, the register's hashes, the venues drawn and the teams. */
    public record DrawRecord(long id, long campaignId, String seed, boolean seedGenerated, com.fasterxml.jackson.databind.JsonNode request,
            String snapshotHash, String inspectorHash, String inputsHash, int candidateCount, String drawnBy, String drawnAt,
            List<DrawnVenue> venues, List<DrawnTeam> teams) {
    }

    /** A venue drawn, in draw order, with the team (number) that checks it and the check's result once recorded. */
    public record DrawnVenue(long venueId, String name, String licenceNo, String address, String category, String stratum,
            int order, int teamNo, String checkItems, String result) {
    }

    public record DrawnTeam(int teamNo, List<DrawnMember> members) {
    }

    public record DrawnMember(long id, String name, String certificateNo) {
    }

    /** Whether a re-run of the recorded draw on today's register comes out the same. */
    public record DrawCheck(String snapshotHash, String snapshotHashNow, boolean sameRegister, boolean sameVenues,
            boolean sameTeams, boolean reproduced) {
    }

    /** The recorded draw of a campaign; 404 when not drawn. */
    @SuppressWarnings("unchecked")
    public DrawRecord record(long campaignId) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT id, seed, seed_generated, request::text, snapshot_hash, inspector_hash, inputs_hash,
                       candidate_count, drawn_by, drawn_at FROM campaign_draw WHERE campaign_id = ?1""")
                .setParameter(1, campaignId).getResultList();
        if (rows.isEmpty()) {
            throw ApiException.notFound(Messages.of("noun.draw", campaignId));
        }
        Object[] r = rows.get(0);
        long drawId = ((Number) r[0]).longValue();
        return new DrawRecord(drawId, campaignId, String.valueOf(r[1]), (Boolean) r[2], readJson((String) r[3]),
                (String) r[4], (String) r[5], (String) r[6], ((Number) r[7]).intValue(), (String) r[8],
                r[9] instanceof java.util.Date ts ? com.patrolplanner.sql.Rows.instant(ts).toString() : String.valueOf(r[9]),
                items(drawId), teams(drawId));
    }

    @SuppressWarnings("unchecked")
    public List<DrawnVenue> items(long drawId) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT d.venue_id, v.name, v.licence_no, v.address, v.category, d.stratum, d.draw_order, d.team_no,
                       d.check_items, d.result
                FROM draw_venue d JOIN venue v ON v.id = d.venue_id WHERE d.draw_id = ?1 ORDER BY d.draw_order""")
                .setParameter(1, drawId).getResultList();
        List<DrawnVenue> out = new ArrayList<>();
        for (Object[] r : rows) {
            out.add(new DrawnVenue(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                    (String) r[5], ((Number) r[6]).intValue(), ((Number) r[7]).intValue(), (String) r[8], (String) r[9]));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    public List<DrawnTeam> teams(long drawId) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT m.team_no, i.id, i.name, i.certificate_no FROM draw_member m JOIN inspector i ON i.id = m.inspector_id
                WHERE m.draw_id = ?1 ORDER BY m.team_no, i.id""").setParameter(1, drawId).getResultList();
        Map<Integer, DrawnTeam> teams = new LinkedHashMap<>();
        for (Object[] r : rows) {
            DrawnTeam t = teams.computeIfAbsent(((Number) r[0]).intValue(), k -> new DrawnTeam(k, new ArrayList<>()));
            t.members().add(new DrawnMember(((Number) r[1]).longValue(), (String) r[2], (String) r[3]));
        }
        return new ArrayList<>(teams.values());
    }

    /** Re-runs the recorded draw on today's register: same hashes and the same venues and teams, or not. */
    @SuppressWarnings("unchecked")
    public DrawCheck verify(long campaignId) {
        DrawRecord rec = record(campaignId);
        Campaign c = Campaign.require(campaignId);
        Inputs now = inputs(c);
        DrawAlgorithm.Request req = mapper.convertValue(rec.request(), DrawAlgorithm.Request.class);
        long seed = Long.parseLong(rec.seed());
        DrawAlgorithm.Result r = DrawAlgorithm.draw(seed, now.candidates(), now.inspectors(), now.recusals(), req);
        List<Long> recordedVenues = rec.venues().stream().map(DrawnVenue::venueId).toList();
        List<Long> redrawn = r.venues().stream().map(v -> v.venue().id()).toList();
        List<List<Long>> recordedTeams = rec.teams().stream()
                .map(t -> t.members().stream().map(DrawnMember::id).sorted().toList())
                .toList();
        List<List<Long>> redrawnTeams = r.teams().stream().map(t -> t.stream().map(DrawAlgorithm.Inspector::id).sorted().toList())
                .toList();
        return new DrawCheck(rec.snapshotHash(), now.snapshotHash(), now.snapshotHash().equals(rec.snapshotHash())
                && now.inspectorHash().equals(rec.inspectorHash()), recordedVenues.equals(redrawn),
                recordedTeams.equals(redrawnTeams), recordedVenues.equals(redrawn) && recordedTeams.equals(redrawnTeams));
    }

    @Transactional
    public void recordResult(long campaignId, long venueId, String result) {
        int n = em.createNativeQuery("UPDATE draw_venue SET result = ?3 WHERE venue_id = ?2 AND draw_id = "
                + "(SELECT id FROM campaign_draw WHERE campaign_id = ?1)").setParameter(1, campaignId)
                .setParameter(2, venueId).setParameter(3, result).executeUpdate();
        if (n == 0) {
            throw ApiException.notFound(Messages.of("noun.drawVenue", venueId, campaignId));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("venueId", venueId);
        details.put("result", result);
        audit.record(caller.name(), "draw-result", "campaign", campaignId, details);
    }

    private DrawAlgorithm.Request request(DrawInput in, Campaign c) {
        if (in == null || (in.ratio() == null) == (in.count() == null)) {
            throw ApiException.invalid("ratio", Messages.of("draw.ratioOrCount"));
        }
        if (in.ratio() != null && (in.ratio() <= 0 || in.ratio() > 1 || in.ratio().isNaN())) {
            throw ApiException.invalid("ratio", Messages.of("draw.ratio"));
        }
        if (in.count() != null && in.count() < 1) {
            throw ApiException.invalid("count", Messages.of("validation.Min", 1));
        }
        List<String> strata = in.strata() == null ? List.of() : in.strata();
        for (int i = 0; i < strata.size(); i++) {
            if (!List.of("category", "zone").contains(strata.get(i))) {
                throw ApiException.invalid("strata[" + i + "]", Messages.of("draw.strata"));
            }
        }
        int teams = in.teams() != null ? in.teams() : Math.max(1, c.teamIds().size());
        int size = in.teamSize() != null ? in.teamSize() : DrawAlgorithm.MIN_TEAM_SIZE;
        return new DrawAlgorithm.Request(in.ratio(), in.count(), strata, teams, size);
    }

    public LocalDate date(long campaignId) {
        return Campaign.require(campaignId).startDate;
    }

    private String json(Object o) {
        try {
            return mapper.writeValueAsString(o);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private com.fasterxml.jackson.databind.JsonNode readJson(String s) {
        try {
            return mapper.readTree(s);
        } catch (Exception e) {
            return com.fasterxml.jackson.databind.node.TextNode.valueOf(s);
        }
    }
}
