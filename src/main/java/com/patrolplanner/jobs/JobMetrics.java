package com.patrolplanner.jobs;

import com.patrolplanner.sql.Conn;
import com.patrolplanner.sql.Cursor;
import com.patrolplanner.sql.Db;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code pp_jobs{kind,state}} on /q/metrics: how many jobs of each kind are in each state, all nodes together (the job
 * table is shared). Counted once per scrape at most every {@value #REFRESH_MS} ms; a kind first seen gets its five
 * series at the next scrape.
 */
@ApplicationScoped
public class JobMetrics implements MeterBinder {
    static final long REFRESH_MS = 5000;
    static final List<String> STATES = List.of("QUEUED", "RUNNING", "DONE", "FAILED", "CANCELLED");
    /** The kinds the service submits, so that their series exist (at zero) before the first job. */
    static final List<String> KNOWN_KINDS = List.of("campaign-solve", "geocode-batch", "import:venues", "import:schools");

    @Inject
    Db db;

    private volatile MeterRegistry registry;
    private final Set<String> registered = ConcurrentHashMap.newKeySet();
    private volatile Map<String, Long> counts = Map.of();
    private volatile long countedAt;

    @Override
    public void bindTo(MeterRegistry r) {
        registry = r;
        KNOWN_KINDS.forEach(this::register);
    }

    private void register(String kind) {
        MeterRegistry r = registry;
        if (r == null || !registered.add(kind)) {
            return;
        }
        for (String state : STATES) {
            Gauge.builder("pp.jobs", this, m -> m.count(kind, state)).tags("kind", kind, "state", state)
                    .description("jobs by kind and state (all nodes)").register(r);
        }
    }

    private double count(String kind, String state) {
        refresh();
        return counts.getOrDefault(kind + "\u0000" + state, 0L);
    }

    private synchronized void refresh() {
        if (System.currentTimeMillis() - countedAt < REFRESH_MS) {
            return;
        }
        Map<String, Long> m = new ConcurrentHashMap<>();
        try (Conn c = db.open();
                Cursor rs = c.query("SELECT kind, state, count(*) FROM job GROUP BY kind, state")) {
            while (rs.next()) {
                m.put(rs.getString(1) + "\u0000" + rs.getString(2), rs.getLong(3));
                register(rs.getString(1));
            }
        } catch (com.patrolplanner.sql.SqlFailure e) {
            return; // a scrape while the database is away shows the last counts
        } finally {
            countedAt = System.currentTimeMillis();
        }
        counts = m;
    }
}
