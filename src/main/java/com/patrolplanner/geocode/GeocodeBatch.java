package com.patrolplanner.geocode;

import com.patrolplanner.sql.Columns;
import com.patrolplanner.sql.Stmt;
import com.patrolplanner.i18n.Messages;
import com.patrolplanner.geo.Datum;
import com.patrolplanner.jobs.JobService;
import com.patrolplanner.registry.RegistryService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Batch geocoding as a {@link JobService} job: addresses are matched in chunks (one gazetteer load per chunk, shared
 * across chunks), results land in table geocode_result, and the job publishes {@code countsByLevel} as it goes. For
 * registry batches (venues/schools) a result at or above {@code patrol.geocode.auto-apply-confidence} is applied through
 * {@link RegistryService} (status geocoded); the rest go to the review queue (status review).
 */
@ApplicationScoped
public class GeocodeBatch {
    private static final Logger LOG = Logger.getLogger(GeocodeBatch.class);
    public static final String JOB_KIND = "geocode-batch";
    static final int CHUNK = 5000;

    /** One address to geocode; {@code entityType} is venue or school for registry batches, else null. */
    public record Item(String id, String address, String entityType, Long entityId) {
    }

    @Inject
    JobService jobs;
    @Inject
    GeocodeEngine engine;
    @Inject
    GazetteerStore store;
    @Inject
    EntityManager em;
    @Inject
    RegistryService registry;
    @Inject
    OnlineLookup online;
    @ConfigProperty(name = "patrol.geocode.auto-apply-confidence", defaultValue = "0.8")
    double autoApply;

    /** What a batch job stores to be started again: who asked, and the addresses. */
    public record BatchArgs(String owner, List<Item> items) {
    }

    public UUID submit(List<Item> items, String owner) {
        // the body needs its own id (results are keyed by it); submit() returns it right after starting the body
        java.util.concurrent.CompletableFuture<UUID> id = new java.util.concurrent.CompletableFuture<>();
        UUID jobId = jobs.submit(JOB_KIND, owner, new JobService.Resume(JOB_KIND, new BatchArgs(owner, items), null),
                progress -> run(id.get(), items, owner, progress));
        id.complete(jobId);
        return jobId;
    }

    /**
     * Starts again a batch whose node died (README, Cluster): the results it had written are deleted and the batch runs
     * from the start (a venue already pinned by the first run is pinned again to the same point).
     */
    @jakarta.enterprise.context.ApplicationScoped
    public static class Resumer implements JobService.TypedResumer<BatchArgs> {
        @Inject
        GeocodeBatch batch;

        @Override
        public String name() {
            return JOB_KIND;
        }

        @Override
        public Class<BatchArgs> argsType() {
            return BatchArgs.class;
        }

        @Override
        public JobService.Body resume(UUID jobId, BatchArgs args, byte[] input) {
            List<Item> items = args.items();
            String owner = args.owner();
            return progress -> {
                QuarkusTransaction.requiringNew().run(() -> batch.em.createNativeQuery(
                        "DELETE FROM geocode_result WHERE job_id = ?1").setParameter(1, jobId).executeUpdate());
                return batch.run(jobId, items, owner, progress);
            };
        }
    }

    /** The ungeocoded venues (or schools) with an address: no pin, or status none/failed/review. */
    public List<Item> ungeocoded(String entityType) {
        String table = entityType.equals("school") ? "school" : "venue";
        @SuppressWarnings("unchecked")
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("SELECT id, address FROM "
                + table + " WHERE address IS NOT NULL AND btrim(address) <> '' AND (geom IS NULL OR geocode_status IN "
                + "('none','failed','review'))"
                // online operators (网络文化) have no venue position: their address is an office, not a place to check
                + ("venue".equals(table) ? " AND category <> 'online_culture'" : "") + " ORDER BY id").getResultList());
        List<Item> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            long id = ((Number) r[0]).longValue();
            out.add(new Item(table + ":" + id, (String) r[1], table, id));
        }
        return out;
    }

    Map<String, Object> run(UUID jobId, List<Item> items, String owner, JobService.Progress progress) {
        progress.total(items.size());
        GazetteerIndex index = engine.newIndex();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Candidate.Level l : Candidate.Level.values()) {
            counts.put(l.name(), 0L);
        }
        counts.put("none", 0L);
        long applied = 0;
        long review = 0;
        for (int from = 0; from < items.size(); from += CHUNK) {
            if (progress.cancelled()) {
                break;
            }
            List<Item> chunk = items.subList(from, Math.min(items.size(), from + CHUNK));
            List<String> addresses = chunk.stream().map(Item::address).toList();
            List<Candidate> found = QuarkusTransaction.requiringNew().call(() -> engine.geocodeAll(addresses, null, index));
            found = online.improve(addresses, found);
            final int seq0 = from;
            final List<Candidate> results = found;
            final UUID jid = jobId;
            QuarkusTransaction.requiringNew().run(() -> write(jid, seq0, chunk, results));
            for (int i = 0; i < chunk.size(); i++) {
                Candidate c = results.get(i);
                counts.merge(c == null ? "none" : c.level().name(), 1L, Long::sum);
                Item it = chunk.get(i);
                if (it.entityType() != null) {
                    if (applyToRegistry(it, c, owner, jid)) {
                        applied++;
                    } else {
                        review++;
                    }
                }
            }
            progress.advance(chunk.size());
            progress.detail(Map.of("countsByLevel", counts));
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("total", items.size());
        summary.put("countsByLevel", counts);
        if (items.stream().anyMatch(i -> i.entityType() != null)) {
            summary.put("applied", applied);
            summary.put("review", review);
            summary.put("autoApplyConfidence", autoApply);
        }
        return summary;
    }

    private boolean applyToRegistry(Item it, Candidate c, String owner, UUID jobId) {
        try {
            if (c != null && c.confidence() >= autoApply) {
                String reason = Messages.of("geocode.applied", c.level(), String.format("%.2f", c.confidence()), c.matched(),
                        c.source());
                if (it.entityType().equals("school")) {
                    registry.locateSchool(it.entityId(), c.lon(), c.lat(), Datum.WGS84, "geocoded", c.confidence(), owner, reason);
                } else {
                    registry.locateVenue(it.entityId(), c.lon(), c.lat(), Datum.WGS84, "geocoded", c.confidence(), owner, reason);
                }
                QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "DELETE FROM geocode_review WHERE entity_type = ?1 AND entity_id = ?2")
                        .setParameter(1, it.entityType()).setParameter(2, it.entityId()).executeUpdate());
                return true;
            }
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                    INSERT INTO geocode_review (entity_type, entity_id, address, lon, lat, level, confidence, matched, source, job_id)
                    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                    ON CONFLICT (entity_type, entity_id) DO UPDATE SET address = EXCLUDED.address, lon = EXCLUDED.lon,
                      lat = EXCLUDED.lat, level = EXCLUDED.level, confidence = EXCLUDED.confidence,
                      matched = EXCLUDED.matched, source = EXCLUDED.source, job_id = EXCLUDED.job_id, created_at = now()""")
                    .setParameter(1, it.entityType()).setParameter(2, it.entityId()).setParameter(3, it.address())
                    .setParameter(4, c == null ? null : c.lon()).setParameter(5, c == null ? null : c.lat())
                    .setParameter(6, c == null ? null : c.level().name()).setParameter(7, c == null ? null : c.confidence())
                    .setParameter(8, c == null ? null : c.matched()).setParameter(9, c == null ? null : c.source())
                    .setParameter(10, jobId).executeUpdate());
            // A tentative pin only where there is none: a known pin is never replaced by a doubtful one.
            if (c != null && !hasPin(it)) {
                String reason = Messages.of("geocode.forReview", c.level(), String.format("%.2f", c.confidence()));
                if (it.entityType().equals("school")) {
                    registry.locateSchool(it.entityId(), c.lon(), c.lat(), Datum.WGS84, "review", c.confidence(), owner, reason);
                } else {
                    registry.locateVenue(it.entityId(), c.lon(), c.lat(), Datum.WGS84, "review", c.confidence(), owner, reason);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("could not apply geocode of " + it.id() + ": " + e.getMessage());
        }
        return false;
    }

    private boolean hasPin(Item it) {
        return QuarkusTransaction.requiringNew().call(() -> !em.createNativeQuery("SELECT 1 FROM "
                + (it.entityType().equals("school") ? "school" : "venue") + " WHERE id = ?1 AND geom IS NOT NULL")
                .setParameter(1, it.entityId()).getResultList().isEmpty());
    }

    private void write(UUID jobId, int seq0, List<Item> chunk, List<Candidate> results) {
        store.work(c -> {
            // one row per item: its place in the job, the item, its best candidate (null: none found)
            record Out(int seq, Item item, Candidate r) {
            }
            List<Out> rows = java.util.stream.IntStream.range(0, chunk.size())
                    .mapToObj(i -> new Out(seq0 + i, chunk.get(i), results.get(i))).toList();
            try (Stmt ps = c.prepare("INSERT INTO geocode_result (job_id, seq, item_id, address, lon, "
                    + "lat, level, confidence, matched, source) SELECT ?, * FROM unnest(?::int[], ?::text[], ?::text[], "
                    + "?::float8[], ?::float8[], ?::text[], ?::float8[], ?::text[], ?::text[])")) {
                ps.setObject(1, jobId);
                Columns.of(rows).int4(Out::seq).text(o -> o.item().id()).text(o -> trunc(o.item().address()))
                        .float8(o -> o.r() == null ? null : o.r().lon())
                        .float8(o -> o.r() == null ? null : o.r().lat())
                        .text(o -> o.r() == null ? null : o.r().level().name())
                        .float8(o -> o.r() == null ? null : Math.round(o.r().confidence() * 1000) / 1000.0)
                        .text(o -> o.r() == null ? null : trunc(o.r().matched()))
                        .text(o -> o.r() == null ? null : o.r().source())
                        .bind(ps, 2);
                ps.executeUpdate();
            }
            return null;
        });
    }

    private static String trunc(String s) {
        return s == null || s.length() <= 600 ? s : s.substring(0, 600);
    }
}
