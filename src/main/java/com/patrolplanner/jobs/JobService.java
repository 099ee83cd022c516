package com.patrolplanner.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.patrolplanner.web.ApiException;
import com.patrolplanner.web.Problem;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Runs long work off the request thread and records its progress in table {@code job}, so that progress survives the
 * request and any node can answer {@code GET /api/jobs/{id}}. Progress writes are throttled (at most every 500 ms).
 *
 * <p>A job body receives a {@link Progress}; it does its own transactions (e.g. one for an all-or-nothing import).
 *
 * <p>Each job row names the node running it, which refreshes {@code heartbeat_at} every {@link #HEARTBEAT_SECONDS} s.
 * A node that starts marks the jobs it left open as FAILED ("interrupted"); any node reading a job whose heartbeat is
 * older than {@link #STALE_SECONDS} s does the same, so a crash never leaves a job RUNNING for ever.
 */
@ApplicationScoped
public class JobService {
    private static final Logger LOG = Logger.getLogger(JobService.class);

    /** What a running job reports. */
    public interface Progress {
        void total(long total);

        void advance(long by);

        /** Kind-specific counters shown with the job, e.g. {"countsByLevel":{…}}. */
        void detail(Map<String, Object> detail);

        boolean cancelled();
    }

    @FunctionalInterface
    public interface Body {
        /** Returns the job's result (serialised to JSON). */
        Object run(Progress progress) throws Exception;
    }

    public static final int HEARTBEAT_SECONDS = 10;
    public static final int STALE_SECONDS = 60;

    @Inject
    EntityManager em;
    @Inject
    ObjectMapper mapper;
    @Inject
    com.patrolplanner.security.CurrentUser currentUser;
    @Inject
    com.patrolplanner.security.UnitVisibility units;
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "patrol.node.name")
    java.util.Optional<String> nodeName;

    private final java.util.concurrent.ScheduledExecutorService heartbeat =
            Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "patrol-job-heartbeat");
                t.setDaemon(true);
                return t;
            });

    private final ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "patrol-job");
        t.setDaemon(true);
        return t;
    });
    private final Map<UUID, Future<?>> running = new ConcurrentHashMap<>();
    private final Map<UUID, Boolean> cancelled = new ConcurrentHashMap<>();

    /** Records a QUEUED job (in its own transaction) and starts it. */
    public UUID submit(String kind, String owner, Body body) {
        UUID id = UUID.randomUUID();
        // the job belongs to its submitter's unit (issue 14): another unit's users do not see it
        Long unit = io.quarkus.arc.Arc.container().requestContext().isActive() ? currentUser.unitId() : null;
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "INSERT INTO job (id, kind, state, owner, node, heartbeat_at, unit_id) VALUES (?1, ?2, 'QUEUED', ?3, ?4, now(), ?5)")
                .setParameter(1, id).setParameter(2, kind).setParameter(3, owner).setParameter(4, node())
                .setParameter(5, unit).executeUpdate());
        running.put(id, pool.submit(() -> execute(id, body)));
        return id;
    }

    private void execute(UUID id, Body body) {
        update(id, "UPDATE job SET state='RUNNING', started_at=now() WHERE id=?1");
        Tracker t = new Tracker(id);
        try {
            Object result = body.run(t);
            t.flush();
            String json = mapper.writeValueAsString(result);
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    "UPDATE job SET state=CASE WHEN ?3 THEN 'CANCELLED' ELSE 'DONE' END, finished_at=now(), "
                            + "processed=GREATEST(processed, coalesce(total, processed)), result=CAST(?2 AS jsonb) WHERE id=?1")
                    .setParameter(1, id).setParameter(2, json).setParameter(3, t.cancelled()).executeUpdate());
        } catch (Throwable e) {
            Problem p = e instanceof ApiException ae
                    ? new Problem("about:blank", ae.title(), ae.status(), ae.getMessage(), "/api/jobs/" + id, ae.errors())
                    : new Problem("about:blank", "Job failed", 500, "the job failed: " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : ": " + e.getMessage()), "/api/jobs/" + id, null);
            if (!(e instanceof ApiException)) {
                LOG.error("job " + id + " failed", e);
            }
            try {
                String json = mapper.writeValueAsString(p);
                t.flush();
                QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "UPDATE job SET state='FAILED', finished_at=now(), error=CAST(?2 AS jsonb) WHERE id=?1")
                        .setParameter(1, id).setParameter(2, json).executeUpdate());
            } catch (Exception inner) {
                LOG.error("could not record failure of job " + id, inner);
            }
        } finally {
            running.remove(id);
            cancelled.remove(id);
        }
    }

    public String node() {
        return NodeName.of(nodeName);
    }

    void onStart(@jakarta.enterprise.event.Observes io.quarkus.runtime.StartupEvent ev) {
        int n = recoverInterrupted();
        if (n > 0) {
            LOG.warnf("%d job(s) left open by an earlier run of node %s marked FAILED (interrupted)", n, node());
        }
        heartbeat.scheduleWithFixedDelay(this::beat, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
    }

    /** Marks FAILED the jobs this node left QUEUED or RUNNING when it stopped; returns how many. */
    int recoverInterrupted() {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "UPDATE job SET state='FAILED', finished_at=now(), error=CAST(?2 AS jsonb) "
                        + "WHERE state IN ('QUEUED','RUNNING') AND node = ?1")
                .setParameter(1, node()).setParameter(2, interrupted("the node running it (" + node() + ") restarted"))
                .executeUpdate());
    }

    /** Marks FAILED the job when it is open but its node has not refreshed it for {@link #STALE_SECONDS} s. */
    private void expireIfStale(UUID id) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE job SET state='FAILED', finished_at=now(), error=CAST(?2 AS jsonb) WHERE id = ?1 "
                        + "AND state IN ('QUEUED','RUNNING') AND heartbeat_at < now() - make_interval(secs => ?3)")
                .setParameter(1, id).setParameter(2, interrupted("the node running it stopped answering"))
                .setParameter(3, STALE_SECONDS).executeUpdate());
    }

    private String interrupted(String why) {
        try {
            return mapper.writeValueAsString(new Problem("about:blank", "Job interrupted", 503,
                    "interrupted: " + why + "; start it again", null, null));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void beat() {
        try {
            for (UUID id : running.keySet()) {
                update(id, "UPDATE job SET heartbeat_at=now() WHERE id=?1");
            }
        } catch (RuntimeException e) {
            LOG.warn("job heartbeat failed: " + e.getMessage());
        }
    }

    /** Asks a running job to stop at its next check; true if it was running. */
    public boolean cancel(UUID id) {
        if (running.containsKey(id)) {
            cancelled.put(id, true);
            return true;
        }
        return false;
    }

    /** The job's state as a JSON object: id, kind, state, processed, total, percent, etaSeconds, detail, result, error. */
    public JsonNode status(UUID id) {
        if (!running.containsKey(id)) {
            expireIfStale(id);
        }
        @SuppressWarnings("unchecked")
        java.util.List<String> rows = em.createNativeQuery("""
                SELECT json_build_object('id', id, 'kind', kind, 'state', state, 'processed', processed, 'total', total,
                  'percent', CASE WHEN total IS NULL OR total = 0 THEN (CASE WHEN state='DONE' THEN 100 ELSE 0 END)
                                  ELSE round(100.0 * processed / total, 1) END,
                  'etaSeconds', CASE WHEN state = 'RUNNING' AND total > 0 AND processed > 0
                                     THEN round(extract(epoch FROM now() - started_at) * (total - processed) / processed)
                                     WHEN state IN ('DONE','FAILED','CANCELLED') THEN 0 END,
                  'owner', owner, 'createdAt', created_at, 'startedAt', started_at, 'finishedAt', finished_at,
                  'detail', detail, 'result', result, 'error', error, 'unitId', unit_id)::text FROM job WHERE id = ?1""")
                .setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            throw ApiException.notFound("job " + id);
        }
        try {
            JsonNode n = mapper.readTree(rows.get(0));
            // a job of another unit is not there for the caller (its results name that unit's records)
            if (!units.seesAll() && !units.sees(n.path("unitId").isNumber() ? n.get("unitId").asLong() : null)) {
                throw ApiException.notFound("job " + id);
            }
            if (n.get("detail") != null && n.get("detail").isObject()) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) n).setAll((com.fasterxml.jackson.databind.node.ObjectNode) n.get("detail"));
            }
            return n;
        } catch (ApiException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits (for tests and command-line runs) until the job is no longer QUEUED or RUNNING. */
    public JsonNode await(UUID id, Duration max) throws InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        while (true) {
            JsonNode s = QuarkusTransaction.requiringNew().call(() -> status(id));
            String st = s.get("state").asText();
            if (!st.equals("QUEUED") && !st.equals("RUNNING")) {
                return s;
            }
            if (System.nanoTime() > end) {
                return s;
            }
            Thread.sleep(50);
        }
    }

    private void update(UUID id, String sql) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(sql).setParameter(1, id).executeUpdate());
    }

    @PreDestroy
    void shutdown() {
        heartbeat.shutdownNow();
        pool.shutdownNow();
    }

    private final class Tracker implements Progress {
        private final UUID id;
        private final AtomicLong processed = new AtomicLong();
        private volatile Long total;
        private volatile Map<String, Object> detail;
        private volatile long lastWrite;

        Tracker(UUID id) {
            this.id = id;
        }

        @Override
        public void total(long total) {
            this.total = total;
            flush();
        }

        @Override
        public void advance(long by) {
            processed.addAndGet(by);
            if (System.currentTimeMillis() - lastWrite > 500) {
                flush();
            }
        }

        @Override
        public void detail(Map<String, Object> detail) {
            this.detail = detail;
            if (System.currentTimeMillis() - lastWrite > 500) {
                flush();
            }
        }

        @Override
        public boolean cancelled() {
            return cancelled.containsKey(id);
        }

        synchronized void flush() {
            lastWrite = System.currentTimeMillis();
            try {
                String d = detail == null ? null : mapper.writeValueAsString(detail);
                QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "UPDATE job SET processed=?2, total=?3, detail=CAST(?4 AS jsonb) WHERE id=?1")
                        .setParameter(1, id).setParameter(2, processed.get()).setParameter(3, total)
                        .setParameter(4, d).executeUpdate());
            } catch (Exception e) {
                LOG.warn("could not record progress of job " + id + ": " + e.getMessage());
            }
        }
    }
}
