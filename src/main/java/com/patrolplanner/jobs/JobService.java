package com.patrolplanner.jobs;

import com.patrolplanner.i18n.Messages;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.patrolplanner.web.ApiException;
import com.patrolplanner.web.Problem;
import com.patrolplanner.web.ProblemMappers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
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
 * <p>Each job row names the node running it, which holds a lease on it: it refreshes {@code heartbeat_at} every
 * {@code patrol.jobs.heartbeat-seconds} (10 s). A job submitted with a {@link Resume} (imports, batch geocoding,
 * solves) is taken over when its lease runs out ({@code patrol.jobs.lease-seconds}, 60 s without a heartbeat): the
 * first node to see it claims the row ({@code FOR UPDATE SKIP LOCKED}, so one node only) and starts it again through
 * the named {@link TypedResumer}: an import from the start (it is all or nothing), a solve from its last persisted best
 * plan. A node that starts takes back its own resumable jobs at once. Other jobs (and a job started
 * {@value #MAX_ATTEMPTS} times) become FAILED ("interrupted"), so a crash never leaves a job RUNNING for ever. A node
 * that finds its lease taken (its heartbeat matched no row) stops its copy and writes nothing more to the row. A
 * resumable job whose run fails because the database went away (a connection cut, the primary restarting: SQLState
 * 08…, 57P01–57P03) is not FAILED either: its node stops renewing the lease and the job is started again by a take-over
 * when the lease runs out, like the job of a node that died.
 *
 * <p>A cancel is recorded in the job row ({@code cancel_requested_at}), so any node can cancel a job another node runs:
 * the running node reads the requests for its jobs every {@code patrol.jobs.cancel-poll-millis} (500 ms) and the job
 * sees {@link Progress#cancelled()} at its next check. A job whose cancel was asked is never started again by a
 * take-over: when its node dies it ends CANCELLED.
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
    /** The default lease ({@code patrol.jobs.lease-seconds}). */
    public static final int STALE_SECONDS = 60;
    /** A job is started at most this many times (the first run and two take-overs). */
    public static final int MAX_ATTEMPTS = 3;

    /** How a job is started again on another node: the {@link TypedResumer}'s name, its arguments and input bytes. */
    public record Resume(String resumer, Object args, byte[] input) {
    }

    /**
     * Starts again a job that a dead node left open (a CDI bean; {@link #name()} is what {@link Resume} names), with the
     * arguments its first submission stored read back as the record {@link #argsType()} it submitted them as.
     */
    public interface TypedResumer<A> {
        String name();

        /** The record the job's {@link Resume#args()} were; the stored JSON is read back as it. */
        Class<A> argsType();

        /** The body that runs the job {@code jobId} again from what its first submission stored. */
        Body resume(UUID jobId, A args, byte[] input) throws Exception;
    }

    /** What a cancel did: recorded for a job still open, refused for one that has ended, nothing for an unknown id. */
    public enum Cancel {
        REQUESTED, FINISHED, UNKNOWN
    }

    @Inject
    @jakarta.enterprise.inject.Any
    jakarta.enterprise.inject.Instance<TypedResumer<?>> typedResumers;
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "patrol.jobs.cancel-poll-millis", defaultValue = "500")
    int cancelPollMillis;
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "patrol.jobs.heartbeat-seconds", defaultValue = "10")
    int heartbeatSeconds;
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "patrol.jobs.lease-seconds", defaultValue = "60")
    int leaseSeconds;
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "patrol.jobs.takeover", defaultValue = "true")
    boolean takeoverSweep;

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
    /** The node name each running job holds its lease under (this node's, or one a test takes over as). */
    private final Map<UUID, String> leaseOf = new ConcurrentHashMap<>();
    private final Map<UUID, Boolean> cancelled = new ConcurrentHashMap<>();
    /** The running jobs that another run can finish (submitted with a {@link Resume}, or started again by a take-over). */
    private final java.util.Set<UUID> resumable = ConcurrentHashMap.newKeySet();

    /** Records a QUEUED job (in its own transaction) and starts it. */
    public UUID submit(String kind, String owner, Body body) {
        return submit(kind, owner, null, body);
    }

    /**
     * Records a QUEUED job and starts it; with {@code resume} another node starts it again through the named
     * {@link TypedResumer} if this one dies before it ends.
     */
    public UUID submit(String kind, String owner, Resume resume, Body body) {
        UUID id = UUID.randomUUID();
        String args;
        try {
            args = resume == null ? null : mapper.writeValueAsString(resume.args());
        } catch (Exception e) {
            throw new IllegalArgumentException("job arguments", e);
        }
        // the job belongs to its submitter's unit (issue 14): another unit's users do not see it
        Long unit = io.quarkus.arc.Arc.container().requestContext().isActive() ? currentUser.unitId() : null;
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "INSERT INTO job (id, kind, state, owner, node, heartbeat_at, resumer, resume_args, resume_input, unit_id) "
                        + "VALUES (?1, ?2, 'QUEUED', ?3, ?4, now(), ?5, CAST(?6 AS jsonb), CAST(?7 AS bytea), ?8)")
                .setParameter(1, id).setParameter(2, kind).setParameter(3, owner).setParameter(4, node())
                .setParameter(5, resume == null ? null : resume.resumer()).setParameter(6, args)
                .setParameter(7, resume == null ? null : resume.input()).setParameter(8, unit)
                .executeUpdate());
        if (resume != null) {
            resumable.add(id);
        }
        start(id, node(), body);
        return id;
    }

    private void start(UUID id, String lease, Body body) {
        leaseOf.put(id, lease);
        synchronized (running) {
            running.put(id, pool.submit(() -> execute(id, body)));
        }
    }

    /** Runs an UPDATE of the job row only while this node holds its lease; true when it did. */
    private boolean leased(UUID id, String sql, java.util.function.Consumer<jakarta.persistence.Query> params) {
        String lease = leaseOf.getOrDefault(id, node());
        int next = java.util.regex.Pattern.compile("\\?(\\d+)").matcher(sql).results()
                .mapToInt(m -> Integer.parseInt(m.group(1))).max().orElse(0) + 1;
        return QuarkusTransaction.requiringNew().call(() -> {
            jakarta.persistence.Query q = em.createNativeQuery(sql + " AND node = ?" + next).setParameter(1, id)
                    .setParameter(next, lease);
            params.accept(q);
            return q.executeUpdate();
        }) > 0;
    }

    private void execute(UUID id, Body body) {
        synchronized (running) {
            // start() has recorded the future before the body can finish and remove it
        }
        leased(id, "UPDATE job SET state='RUNNING', started_at=coalesce(started_at, now()) WHERE id=?1", q -> { });
        Tracker t = new Tracker(id);
        try {
            Object result = body.run(t);
            t.flush();
            String json = mapper.writeValueAsString(result);
            boolean stopped = t.cancelled();
            leased(id, "UPDATE job SET state=CASE WHEN ?3 THEN 'CANCELLED' ELSE 'DONE' END, finished_at=now(), "
                    + "processed=GREATEST(processed, coalesce(total, processed)), result=CAST(?2 AS jsonb) WHERE id=?1",
                    q -> q.setParameter(2, json).setParameter(3, stopped));
        } catch (Throwable e) {
            if (resumable.contains(id) && !t.cancelled() && ProblemMappers.causedByDatabaseUnavailable(e)) {
                // the database went away under the job (a primary restarted, a connection cut): its transaction rolled
                // back, so nothing of this run is kept. It is not FAILED: this node stops renewing its lease, and when
                // the lease runs out a node's take-over sweep (this one's too) starts it again from its stored input,
                // as after a crash of the node (./planner bench failover restarts the primary under an import)
                LOG.warnf("job %s: the database went away (%s); left RUNNING for a take-over when its lease runs out", id,
                        e.getMessage());
                return;
            }
            Problem p = e instanceof ApiException ae
                    ? new Problem("about:blank", Messages.standardTitle(ae.status(), ae.title()), ae.status(), ae.getMessage(), "/api/jobs/" + id, ae.errors())
                    : new Problem("about:blank", Messages.of("job.failedTitle"), 500, Messages.of("job.failed",
                            e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : ": " + e.getMessage())), "/api/jobs/" + id, null);
            if (!(e instanceof ApiException)) {
                LOG.error("job " + id + " failed", e);
            }
            try {
                String json = mapper.writeValueAsString(p);
                t.flush();
                leased(id, "UPDATE job SET state='FAILED', finished_at=now(), error=CAST(?2 AS jsonb) WHERE id=?1",
                        q -> q.setParameter(2, json));
            } catch (Exception inner) {
                LOG.error("could not record failure of job " + id, inner);
            }
        } finally {
            running.remove(id);
            cancelled.remove(id);
            leaseOf.remove(id);
            resumable.remove(id);
        }
    }

    /** Whether this node is running job {@code id} now (for tests). */
    boolean runningHere(UUID id) {
        return running.containsKey(id);
    }

    public String node() {
        return NodeName.of(nodeName);
    }

    void onStart(@jakarta.enterprise.event.Observes io.quarkus.runtime.StartupEvent ev) {
        int resumed = 0;
        try {
            resumed = takeOver(node(), true);
        } catch (RuntimeException e) {
            LOG.warn("could not take back the resumable jobs of node " + node() + ": " + e.getMessage());
        }
        int n = recoverInterrupted();
        if (n + resumed > 0) {
            LOG.warnf("node %s restarted: %d job(s) it left open started again, %d marked FAILED (interrupted)", node(),
                    resumed, n);
        }
        heartbeat.scheduleWithFixedDelay(this::beat, heartbeatSeconds, heartbeatSeconds, java.util.concurrent.TimeUnit.SECONDS);
        heartbeat.scheduleWithFixedDelay(this::readCancels, cancelPollMillis, cancelPollMillis,
                java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** Marks FAILED the jobs this node left QUEUED or RUNNING when it stopped; returns how many. */
    int recoverInterrupted() {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "UPDATE job SET " + ENDED_BY_SILENCE + " WHERE state IN ('QUEUED','RUNNING') AND node = ?1")
                .setParameter(1, node()).setParameter(2, interrupted(Messages.of("job.nodeRestarted", node())))
                .executeUpdate());
    }

    /**
     * Claims the open jobs whose lease ran out (or, with {@code own}, those {@code asNode} itself left open when it
     * stopped) and starts the resumable ones again under the lease of {@code asNode}; those without a {@link TypedResumer},
     * or started {@value #MAX_ATTEMPTS} times already, become FAILED once their lease ran out. One node claims a job:
     * the rows are locked with {@code SKIP LOCKED} and moved to the claiming node in the same statement. Returns how
     * many were started again (the sweep of every heartbeat; tests call it as a second node).
     */
    public int takeOver(String asNode) {
        return takeOver(asNode, false);
    }

    int takeOver(String asNode, boolean own) {
        @SuppressWarnings("unchecked")
        List<Object[]> claimed = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                UPDATE job j SET taken_over_from = j.node, node = ?1, heartbeat_at = now(), attempts = j.attempts + 1,
                       state = 'QUEUED'
                FROM (SELECT id FROM job
                      WHERE state IN ('QUEUED','RUNNING') AND resumer IS NOT NULL AND attempts < ?3
                        AND cancel_requested_at IS NULL
                        AND (heartbeat_at < now() - make_interval(secs => ?2) OR (?4 AND node = ?1))
                      ORDER BY created_at LIMIT 20 FOR UPDATE SKIP LOCKED) stale
                WHERE j.id = stale.id
                RETURNING j.id, j.resumer, CAST(j.resume_args AS text), j.resume_input, j.taken_over_from""")
                .setParameter(1, asNode).setParameter(2, leaseSeconds).setParameter(3, MAX_ATTEMPTS)
                .setParameter(4, own).getResultList());
        int started = 0;
        for (Object[] r : claimed) {
            UUID id = (UUID) r[0];
            String name = (String) r[1];
            try {
                Body body = resumeBody(name, id, (String) r[2], (byte[]) r[3]);
                LOG.warnf("job %s (%s) taken over from node %s by %s", id, name, r[4], asNode);
                resumable.add(id);
                start(id, asNode, body);
                started++;
            } catch (Exception e) {
                LOG.error("could not start job " + id + " again", e);
                String why = interrupted(Messages.of("job.notRestarted", asNode, e.getMessage()));
                QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "UPDATE job SET state='FAILED', finished_at=now(), error=CAST(?2 AS jsonb) WHERE id = ?1")
                        .setParameter(1, id).setParameter(2, why).executeUpdate());
            }
        }
        // jobs nobody can start again (no resumer, or too many attempts): FAILED, not RUNNING for ever; and those whose
        // cancel was asked: CANCELLED
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE job SET " + ENDED_BY_SILENCE + " WHERE state IN ('QUEUED','RUNNING') "
                        + "AND heartbeat_at < now() - make_interval(secs => ?1)")
                .setParameter(1, leaseSeconds).setParameter(2, interrupted(Messages.of("job.nodeSilent")))
                .executeUpdate());
        return started;
    }

    /** How a job whose node fell silent ends: CANCELLED when a cancel was asked, else FAILED with the error {@code ?2}. */
    private static final String ENDED_BY_SILENCE = "state = CASE WHEN cancel_requested_at IS NULL THEN 'FAILED' "
            + "ELSE 'CANCELLED' END, finished_at = now(), error = CASE WHEN cancel_requested_at IS NULL "
            + "THEN CAST(?2 AS jsonb) END";

    /** The body of a job started again: its resumer's, with the stored arguments read as that resumer reads them. */
    private Body resumeBody(String name, UUID id, String args, byte[] input) throws Exception {
        for (TypedResumer<?> t : typedResumers) {
            if (t.name().equals(name)) {
                return typedBody(t, id, args, input);
            }
        }
        throw new IllegalStateException("no resumer '" + name + "' on this node");
    }

    private <A> Body typedBody(TypedResumer<A> t, UUID id, String args, byte[] input) throws Exception {
        return t.resume(id, mapper.readValue(args, t.argsType()), input);
    }

    /** Marks FAILED the job when it is open but its node has not refreshed it for {@link #STALE_SECONDS} s. */
    private void expireIfStale(UUID id) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE job SET " + ENDED_BY_SILENCE + " WHERE id = ?1 "
                        + "AND state IN ('QUEUED','RUNNING') AND heartbeat_at < now() - make_interval(secs => ?3)")
                .setParameter(1, id).setParameter(2, interrupted(Messages.of("job.nodeSilent")))
                .setParameter(3, leaseSeconds).executeUpdate());
    }

    private String interrupted(String why) {
        try {
            return mapper.writeValueAsString(new Problem("about:blank", Messages.of("job.interruptedTitle"), 503,
                    Messages.of("job.interrupted", why), null, null));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void beat() {
        try {
            for (UUID id : running.keySet()) {
                if (!leased(id, "UPDATE job SET heartbeat_at=now() WHERE id=?1 AND state IN ('QUEUED','RUNNING')", q -> { })) {
                    // another node took the job over (this one was cut off longer than the lease): stop our copy
                    LOG.warnf("job %s: lease lost, stopping this node's copy", id);
                    cancelled.put(id, true);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("job heartbeat failed: " + e.getMessage());
        }
        if (takeoverSweep) {
            try {
                takeOver(node(), false);
            } catch (RuntimeException e) {
                LOG.warn("job take-over sweep failed: " + e.getMessage());
            }
        }
    }

    /**
     * Asks a job to stop at its next check, on whichever node runs it: the request is written into the job row, which
     * the running node reads ({@link #readCancels}); on this node the job sees it at once. {@link Cancel#REQUESTED}
     * when the job was still QUEUED or RUNNING, {@link Cancel#FINISHED} when it had ended, {@link Cancel#UNKNOWN}
     * when there is no such job.
     */
    public Cancel cancel(UUID id) {
        String state = QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<String> asked = em.createNativeQuery("UPDATE job SET cancel_requested_at = coalesce(cancel_requested_at, "
                    + "now()) WHERE id = ?1 AND state IN ('QUEUED','RUNNING') RETURNING state").setParameter(1, id)
                    .getResultList();
            if (!asked.isEmpty()) {
                return "OPEN";
            }
            @SuppressWarnings("unchecked")
            List<String> ended = em.createNativeQuery("SELECT state FROM job WHERE id = ?1").setParameter(1, id)
                    .getResultList();
            return ended.isEmpty() ? null : ended.get(0);
        });
        if ("OPEN".equals(state)) {
            if (running.containsKey(id)) {
                cancelled.put(id, true);
            }
            return Cancel.REQUESTED;
        }
        return state == null ? Cancel.UNKNOWN : Cancel.FINISHED;
    }

    /** Marks cancelled this node's running jobs whose row records a cancel (asked on any node). */
    void readCancels() {
        try {
            if (running.isEmpty()) {
                return;
            }
            String ids = String.join(",", running.keySet().stream().map(UUID::toString).toList());
            @SuppressWarnings("unchecked")
            List<UUID> asked = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                    "SELECT id FROM job WHERE id = ANY(CAST(string_to_array(?1, ',') AS uuid[])) "
                            + "AND cancel_requested_at IS NOT NULL").setParameter(1, ids).getResultList());
            asked.forEach(id -> cancelled.put(id, true));
        } catch (RuntimeException e) {
            LOG.warn("could not read the cancel requests of this node's jobs: " + e.getMessage());
        }
    }

    /**
     * The job's state: id, kind, state, processed, total, percent, etaSeconds, owner, times, detail, result, error,
     * unit, node, attempts. A job of a unit the caller does not see is a 404.
     */
    public JobStatus status(UUID id) {
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
                  'detail', detail, 'result', result, 'error', error, 'unitId', unit_id, 'node', node, 'attempts', attempts,
                  'takenOverFrom', taken_over_from)::text FROM job WHERE id = ?1""")
                .setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            throw ApiException.notFound(Messages.of("noun.job", id));
        }
        try {
            JobStatus s = mapper.readValue(rows.get(0), JobStatus.class);
            // a job of another unit is not there for the caller (its results name that unit's records)
            if (!units.seesAll() && !units.sees(s.unitId())) {
                throw ApiException.notFound(Messages.of("noun.job", id));
            }
            return s;
        } catch (ApiException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits (for tests and command-line runs) until the job is no longer QUEUED or RUNNING. */
    public JobStatus await(UUID id, Duration max) throws InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        while (true) {
            JobStatus s = QuarkusTransaction.requiringNew().call(() -> status(id));
            if (s.finished()) {
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
                leased(id, "UPDATE job SET processed=?2, total=?3, detail=CAST(?4 AS jsonb) WHERE id=?1",
                        q -> q.setParameter(2, processed.get()).setParameter(3, total).setParameter(4, d));
            } catch (Exception e) {
                LOG.warn("could not record progress of job " + id + ": " + e.getMessage());
            }
        }
    }
}
