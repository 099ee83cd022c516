package com.patrolplanner.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.patrolplanner.audit.AuditService;
import com.patrolplanner.i18n.Messages;
import com.patrolplanner.sql.Conn;
import com.patrolplanner.sql.CopyIn;
import com.patrolplanner.sql.Db;
import com.patrolplanner.sql.SqlFailure;
import com.patrolplanner.web.ApiException;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The set-based import path of the small registers (schools: {@link SchoolBulk}; inspectors: {@link InspectorBulk}),
 * with the same outcome as their row-by-row upserts ({@link RegistryService#upsertSchool},
 * {@link PeopleService#upsertInspector}) in a fixed number of statements:
 *
 * <ol>
 * <li>the file's keys are {@code COPY}ed into a staging table, and one statement reads the register rows they name;</li>
 * <li>each row is planned in Java by the very code of the row-by-row path (its snapshot and
 * {@link ChangeHistory#diff}): these registers hold thousands of rows, not millions, and a campus is compared as the
 * register compares it (JTS WKT), which SQL would only approximate;</li>
 * <li>the plan is {@code COPY}ed into a second table, and one {@code INSERT … ON CONFLICT (id) DO UPDATE … WHERE version
 * matches} writes the created and changed rows (a concurrent writer in between: 409, nothing kept);</li>
 * <li>{@link #record}: one {@code INSERT … SELECT} of the history rows, the audit records chained in one {@code COPY}
 * ({@link AuditService#batch}) with the same details as row by row, in row order.</li>
 * </ol>
 * Everything runs in the caller's transaction (all or nothing). Unchanged rows are not written.
 */
public abstract class RegisterBulk implements AutoCloseable {
    /** One planned row: the register id it writes (new ones drawn from the sequence), and its field-level changes. */
    static final class Planned {
        final int row;
        long id;
        final boolean created;
        final int version;
        final Map<String, Map<String, Object>> changes;
        /** Written although no snapshot field changed (a move below the snapshot's rounding). */
        final boolean write;

        Planned(int row, Long id, int version, Map<String, Map<String, Object>> changes, boolean write) {
            this.row = row;
            this.id = id == null ? 0 : id;
            this.created = id == null;
            this.version = version;
            this.changes = changes;
            this.write = write || created || !changes.isEmpty();
        }
    }

    /** A row whose record lies outside the importer's units ({@code unitId} null: in no unit). */
    public record Outside(int row, Long unitId) {
    }

    protected final EntityManager em;
    protected final ObjectMapper mapper;
    protected final AuditService audit;
    protected final String user;
    protected final String reason;
    protected final Scope scope;
    protected final Conn conn;
    protected final String table;
    protected final String stage;
    protected final String plan;
    protected CopyIn copy;
    protected boolean planned;
    protected final List<Planned> plans = new ArrayList<>();

    RegisterBulk(EntityManager em, Db db, ObjectMapper mapper, AuditService audit, String user, String reason, Scope scope,
            String table, String stageColumns) {
        this.em = em;
        this.mapper = mapper;
        this.audit = audit;
        this.user = user;
        this.reason = reason;
        this.scope = scope == null ? Scope.ALL : scope;
        this.table = table;
        this.stage = table + "_import_stage";
        this.plan = table + "_import_plan";
        em.flush(); // rows written through Hibernate before (an inspector import's teams) are visible to the statements
        this.conn = db.open(); // the transaction's connection (Hibernate's), given back at close()
        conn.execute("SET LOCAL jit = off");
        conn.execute("DROP TABLE IF EXISTS " + stage + ", " + plan);
        conn.execute("CREATE TEMP TABLE " + stage + " (" + stageColumns + ") ON COMMIT DROP");
    }

    /** The staging COPY, opened at the first row. */
    protected CopyIn stageCopy(String columns) {
        if (planned) {
            throw new IllegalStateException("rows added after the plan");
        }
        if (copy == null) {
            copy = conn.copyIn("COPY " + stage + " (" + columns + ") FROM STDIN (FORMAT text)");
        }
        return copy;
    }

    /** Starts the plan (once): ends the staging COPY; the rows are then read against the register. */
    protected void beginPlan() {
        if (planned) {
            throw new IllegalStateException("upsert twice");
        }
        endStage();
        planned = true;
    }

    private void endStage() {
        if (copy != null) {
            try {
                copy.end();
            } finally {
                copy.close();
                copy = null;
            }
        }
        conn.execute("ANALYZE " + stage);
    }

    /** {@code n} new ids of the register's sequence, in order. */
    protected long[] newIds(int n) {
        long[] ids = new long[n];
        if (n == 0) {
            return ids;
        }
        int[] i = {0};
        conn.each("SELECT nextval(pg_get_serial_sequence('" + table + "', 'id')) FROM generate_series(1, ?)", List.of(n),
                r -> ids[i[0]++] = r.getLong(1));
        return ids;
    }

    /** Gives each created row its id (in row order, as row by row would). */
    protected void assignIds() {
        int created = (int) plans.stream().filter(p -> p.created).count();
        long[] ids = newIds(created);
        int k = 0;
        for (Planned p : plans) {
            if (p.created) {
                p.id = ids[k++];
            }
        }
    }

    /** The changes as the history's JSON text (as {@code RegistryService.Deferred} writes them). */
    protected String changesJson(Planned p) {
        try {
            return mapper.writeValueAsString(p.changes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs the plan's upsert; a concurrent change (a version moved on, a key taken) is a 409. */
    protected void write(String upsert) {
        long expected = plans.stream().filter(p -> p.write).count();
        int written;
        try {
            written = conn.update(upsert);
        } catch (SqlFailure e) {
            if ("23505".equals(e.sqlState())) {
                throw ApiException.conflict(Messages.of("import.concurrentWrite"));
            }
            throw e;
        }
        if (written != expected) {
            throw ApiException.conflict(Messages.of("import.concurrentWrite"));
        }
    }

    /** 属地管理: the rows whose record (as written) lies outside the importer's units, in row order, at most {@code limit}. */
    public List<Outside> outside(int limit) {
        if (!planned) {
            throw new IllegalStateException("outside before upsert");
        }
        List<Outside> out = new ArrayList<>();
        if (scope.all()) {
            return out;
        }
        conn.each("SELECT p.rn, t.unit_id FROM " + plan + " p JOIN " + table + " t ON t.id = p.id WHERE NOT ("
                + scope.sql("t.unit_id") + " AND t.unit_id IS NOT NULL) ORDER BY p.rn LIMIT " + limit, List.of(),
                r -> out.add(new Outside(r.getInt(1), r.getLongOrNull(2))));
        return out;
    }

    /**
     * The history row (one statement) and the audit record (one chained {@code COPY}) of every created or changed row,
     * in row order; returns their ids. {@code units}: the unit of each record (its audit record's unit).
     */
    protected long[] recordHistoryAndAudit(String entityType, Map<Long, Long> units) {
        conn.update("INSERT INTO change_history (entity_type, entity_id, action, changed_by, changed_at, reason, changes) "
                + "SELECT ?, id, 'import', ?, now(), ?, changes FROM " + plan + " WHERE changes <> '{}' ORDER BY rn",
                entityType, user, reason);
        List<Long> ids = new ArrayList<>();
        try (AuditService.Batch batch = audit.batch(user, "import", entityType)) {
            for (Planned p : plans) {
                if (p.changes.isEmpty()) {
                    continue;
                }
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("changes", p.changes);
                if (reason != null) {
                    details.put("reason", reason);
                }
                batch.add("import", entityType, p.id, details, units.get(p.id));
                ids.add(p.id);
            }
            batch.finish();
        }
        return ids.stream().mapToLong(Long::longValue).toArray();
    }

    /** The unit of each written record, by id. */
    protected Map<Long, Long> unitsOfPlan() {
        Map<Long, Long> units = new java.util.HashMap<>();
        conn.each("SELECT t.id, t.unit_id FROM " + plan + " p JOIN " + table + " t ON t.id = p.id WHERE p.changes <> '{}'",
                List.of(), r -> units.put(r.getLong(1), r.getLongOrNull(2)));
        return units;
    }

    static String hex(org.locationtech.jts.geom.Geometry g) {
        if (g == null) {
            return null;
        }
        g.setSRID(com.patrolplanner.geo.GeoJson.WGS84_SRID);
        return org.locationtech.jts.io.WKBWriter.toHex(new org.locationtech.jts.io.WKBWriter(2, true).write(g));
    }

    static org.locationtech.jts.geom.Geometry wkb(byte[] b) {
        if (b == null) {
            return null;
        }
        try {
            org.locationtech.jts.geom.Geometry g = new org.locationtech.jts.io.WKBReader(com.patrolplanner.geo.GeoJson.FACTORY)
                    .read(b);
            g.setSRID(com.patrolplanner.geo.GeoJson.WGS84_SRID);
            return g;
        } catch (org.locationtech.jts.io.ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            if (copy != null) {
                copy.close();
                copy = null;
            }
        } finally {
            conn.close();
        }
    }
}
