package com.patrolplanner.registry;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.patrolplanner.audit.AuditService;
import com.patrolplanner.geo.Datum;
import com.patrolplanner.i18n.Messages;
import com.patrolplanner.web.ApiException;
import jakarta.enterprise.event.Event;
import com.patrolplanner.sql.Conn;
import com.patrolplanner.sql.CopyIn;
import com.patrolplanner.sql.Db;
import com.patrolplanner.sql.Row;
import com.patrolplanner.sql.SqlFailure;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The set-based import path of the venue register: the same outcome as {@link RegistryService#upsertVenue} row by row
 * (the same matching, the same field values, the same field-level history, audit records and verdicts), in a handful of
 * statements whatever the number of rows.
 *
 * <ol>
 * <li>{@link #add}: each row, normalised as {@code upsertVenue} normalises it (trimmed text, category and status codes,
 * opening hours as their map, the position converted to WGS-84 from the row's datum), is streamed with {@code COPY} into
 * a temporary staging table;</li>
 * <li>{@link #duplicates}: rows of the file that name the same venue twice (one statement);</li>
 * <li>{@link #upsert}: one statement plans every row (the venue it matches: by licence number, or for a row without one
 * by name and address; its new field values; its field-level changes, compared as {@code upsertVenue}'s snapshots are),
 * then one {@code INSERT … ON CONFLICT (id) DO UPDATE} writes the created and changed rows (a concurrent writer's change
 * in between is a 409, nothing written);</li>
 * <li>{@link #outside}: the rows whose venue lies outside the importer's units (属地管理), for a row-level 422;</li>
 * <li>{@link #record}: one {@code INSERT … SELECT} of the history rows, the audit records chained in one {@code COPY}
 * ({@link AuditService#batch}), and one {@link RegistryEvents.VenuesChanged} event (compliance recomputes the verdicts
 * of those venues with one statement).</li>
 * </ol>
 * Everything runs in the caller's transaction: a file is imported whole or not at all. Unchanged rows are not written,
 * so importing a file twice writes no history.
 */
public final class VenueBulk implements AutoCloseable {
    /** What {@link #upsert} did. {@code withoutCoordinates}: rows whose venue has no position afterwards. */
    public record Counts(long created, long updated, long unchanged, long withoutCoordinates) {
    }

    /** A row naming the same venue as an earlier row of the file. */
    public record Duplicate(int row, int firstRow, String licenceNo) {
    }

    /** A row whose venue lies outside the importer's units ({@code unitId} null: in no unit). */
    public record Outside(int row, Long unitId) {
    }

    /** The rows outside, the first {@code limit} of them listed. */
    public record OutsideRows(List<Outside> listed, long total) {
    }

    /**
     * Milliseconds per step, for the import summary: planning, the write, history, audit (of which its {@code COPY}),
     * verdicts (and observers).
     */
    public record Millis(long plan, long write, long history, long audit, long auditCopy, long verdicts) {
    }

    static final String STAGE = "venue_import_stage";
    static final String PLAN = "venue_import_plan";

    private final RegistryService registry;
    private final EntityManager em;
    private final ObjectMapper mapper;
    private final AuditService audit;
    private final Event<RegistryEvents.VenuesChanged> events;
    private final String user;
    private final String reason;
    private final Scope scope;
    private final Conn conn;
    private CopyIn copy;
    private long staged;
    private boolean planned;
    private long planNanos;
    private long writeNanos;
    private long historyNanos;
    private long auditNanos;
    private long auditCopyNanos;
    private long verdictNanos;
    private boolean stageDone;

    VenueBulk(RegistryService registry, EntityManager em, Db db, ObjectMapper mapper, AuditService audit,
            Event<RegistryEvents.VenuesChanged> events, String user, String reason, Scope scope) {
        this.registry = registry;
        this.em = em;
        this.mapper = mapper;
        this.audit = audit;
        this.events = events;
        this.user = user;
        this.reason = reason;
        this.scope = scope == null ? Scope.ALL : scope;
        em.flush();
        this.conn = db.open(); // the transaction's connection (Hibernate's), given back at close()
        // JIT compiling the plan's wide expressions cost more than running them (0.3–0.5 s per statement, profiled)
        execute("SET LOCAL jit = off");
        execute("DROP TABLE IF EXISTS " + STAGE + ", " + PLAN);
        execute("CREATE TEMP TABLE " + STAGE + " (rn integer NOT NULL, licence_no text, name text NOT NULL, "
                + "category text NOT NULL, online boolean NOT NULL, address text, lon float8, lat float8, datum text NOT NULL, "
                + "opening_hours jsonb, capacity integer, status text NOT NULL, complaint_count integer NOT NULL, notes text, "
                + "synthetic boolean NOT NULL) ON COMMIT DROP");
    }

    // ---------------------------------------------------------------- 1. staging

    /**
     * Stages one row, normalised as {@link RegistryService#upsertVenue} does; a value it would refuse is the same
     * {@link ApiException} (the caller validates rows first, so this is a second line).
     */
    public void add(int row, VenueInput in, boolean synthetic) {
        if (stageDone) {
            throw new IllegalStateException("rows added after the staging ended");
        }
        VenueCategory category;
        try {
            category = VenueCategory.parse(in.category());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("category", e.getMessage());
        }
        String status;
        try {
            status = VenueStatus.parse(in.status()).code;
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("status", e.getMessage());
        }
        Double lon = null;
        Double lat = null;
        Datum datum = RegistryService.parseDatum(in.datum());
        if (category.online) {
            if (in.lon() != null || in.lat() != null) {
                throw ApiException.invalid(in.lon() != null ? "lon" : "lat", Messages.of("registry.onlineNoPosition"));
            }
        } else {
            if ((in.lon() == null) != (in.lat() == null)) {
                throw ApiException.invalid(in.lon() == null ? "lon" : "lat", Messages.of("common.lonLatTogether"));
            }
            if (in.lon() != null) {
                RegistryService.checkLonLat(in.lon(), in.lat());
                double[] w = datum.toWgs84(in.lon(), in.lat());
                lon = w[0];
                lat = w[1];
            }
        }
        Map<String, String> hours = registry.openingHours(in.openingHours());
        String hoursJson;
        try {
            hoursJson = hours == null ? null : mapper.writeValueAsString(hours);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        if (copy == null) {
            copy = conn.copyIn("COPY " + STAGE + " (rn, licence_no, name, category, online, address, lon, lat, datum, "
                    + "opening_hours, capacity, status, complaint_count, notes, synthetic) FROM STDIN (FORMAT text)");
        }
        copy.field(row).field(RegistryService.blankToNull(in.licenceNo())).field(in.name().trim()).field(category.code)
                .field(category.online).field(RegistryService.blankToNull(in.address()))
                .field(lon == null ? null : Double.toString(lon)).field(lat == null ? null : Double.toString(lat))
                .field(datum.name()).field(hoursJson)
                .field(in.capacity() == null ? null : Long.valueOf(in.capacity()))
                .field(status).field(in.complaintCount() == null ? 0 : in.complaintCount())
                .field(RegistryService.blankToNull(in.notes())).field(synthetic).endRow();
        staged++;
    }

    /** Ends the COPY (before any other statement of this transaction). */
    private void endCopy() {
        if (copy == null) {
            return;
        }
        try {
            copy.end();
        } finally {
            copy.close();
            copy = null;
        }
    }

    /** Ends the COPY once, and gives the staged rows a key and planner statistics (temporary tables get none by themselves). */
    private void stageDone() {
        if (stageDone) {
            return;
        }
        endCopy();
        execute("ALTER TABLE " + STAGE + " ADD PRIMARY KEY (rn)");
        execute("ANALYZE " + STAGE);
        stageDone = true;
    }

    static String literal(String s) {
        return s == null ? "NULL" : "'" + s.replace("'", "''") + "'";
    }

    /** Rows staged so far. */
    public long staged() {
        return staged;
    }

    // ---------------------------------------------------------------- 2. duplicates

    /**
     * Rows naming a venue an earlier row already names (the same licence number; or, without one, the same name and
     * address), each with that earlier row, in row order; at most {@code limit}.
     */
    public List<Duplicate> duplicates(int limit) {
        stageDone();
        List<Duplicate> out = new ArrayList<>();
        query("SELECT rn, first_rn, licence_no FROM (SELECT rn, licence_no, first_value(rn) OVER (PARTITION BY "
                + "licence_no IS NULL, CASE WHEN licence_no IS NULL THEN name || E'\\x01' || coalesce(address, E'\\x02') "
                + "ELSE licence_no END ORDER BY rn) AS first_rn FROM " + STAGE + ") d WHERE rn <> first_rn ORDER BY rn LIMIT "
                + limit, r -> out.add(new Duplicate(r.getInt(1), r.getInt(2), r.getString(3))));
        return out;
    }

    // ---------------------------------------------------------------- 3. upsert

    /** {@link RegistryService#snapshot(Venue)} in SQL, over a row {@code t} shaped like {@code venue}. */
    static String snapshot(String t) {
        return ("jsonb_build_object('licenceNo', t.licence_no, 'name', t.name, 'category', t.category, 'address', t.address, "
                + "'lon', round(ST_X(t.geom)::numeric, 7)::float8, 'lat', round(ST_Y(t.geom)::numeric, 7)::float8, "
                + "'sourceDatum', t.source_datum, 'geocodeStatus', t.geocode_status, 'openingHours', t.opening_hours, "
                + "'capacity', t.capacity, 'status', t.status, 'complaintCount', t.complaint_count, 'notes', t.notes, "
                + "'synthetic', t.synthetic)").replace("t.", t + ".");
    }

    /** The keys of {@link #snapshot}, in its order. */
    static final String[] FIELDS = {"licenceNo", "name", "category", "address", "lon", "lat", "sourceDatum", "geocodeStatus",
        "openingHours", "capacity", "status", "complaintCount", "notes", "synthetic"};

    /**
     * {@link com.patrolplanner.registry.ChangeHistory#diff} of two snapshots: {@code {"field": {"old": …, "new": …}}}
     * for each field whose value differs, a JSON null counting as absent (as a null does in the Java snapshot). One
     * {@code CASE} per field concatenated, no set-returning function per row.
     */
    static String diff(String before, String after) {
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < FIELDS.length; i++) {
            String k = FIELDS[i];
            String o = before + " -> '" + k + "'";
            String n = after + " -> '" + k + "'";
            b.append(i == 0 ? "" : " || ").append("CASE WHEN nullif(").append(o).append(", 'null'::jsonb) IS DISTINCT FROM nullif(")
                    .append(n).append(", 'null'::jsonb) THEN jsonb_build_object('").append(k).append("', jsonb_build_object('old', ")
                    .append(o).append(", 'new', ").append(n).append(")) ELSE '{}'::jsonb END");
        }
        return b.append(")").toString();
    }

    /**
     * Plans every staged row and writes the created and changed ones with one {@code INSERT … ON CONFLICT}. The new
     * values follow {@code RegistryService.apply} and {@code upsertVenue}: a row with a position that moves the pin by
     * more than 1e-7° sets it (datum, geocode status {@code source}, the district it falls in); a row without one keeps
     * the known pin; an online venue (网络文化) has none and takes the importer's unit's district when it has none.
     */
    public Counts upsert() {
        if (planned) {
            throw new IllegalStateException("upsert twice");
        }
        stageDone();
        planned = true;
        String ownAdcode = null;
        if (scope.unitId() != null) {
            Unit u = Unit.findById(scope.unitId());
            ownAdcode = u == null ? null : u.adcode;
        }
        // the venue each row names: by licence number; without one, the oldest venue without one of that name and address.
        // District and unit are placed set-based: each district (unit) once against the staged points it covers, so that
        // PostGIS prepares its outline once (RegistryService.districtOf and the venue_unit trigger's unit_at, per row,
        // give the same: the smallest covering area; the unit of a venue without a position is its district's)
        String plan = """
                CREATE TEMP TABLE %1$s ON COMMIT DROP AS
                WITH keyed AS (
                    -- by licence: one look-up in its unique index per row (a hash join built the whole register's
                    -- licences every import)
                    SELECT s.*, coalesce((SELECT l.id FROM venue l WHERE s.licence_no IS NOT NULL
                                          AND l.licence_no = s.licence_no), u.id) AS old_id
                    FROM %2$s s
                    LEFT JOIN (SELECT DISTINCT ON (name, coalesce(address, E'\\x02')) id, name, address FROM venue
                               WHERE licence_no IS NULL AND name IN (SELECT n.name FROM %2$s n WHERE n.licence_no IS NULL)
                               ORDER BY name, coalesce(address, E'\\x02'), id) u
                           ON s.licence_no IS NULL AND u.name = s.name
                          AND coalesce(u.address, E'\\x02') = coalesce(s.address, E'\\x02')
                ), placed AS MATERIALIZED (
                    SELECT k.*, v.id AS v_id, v.version AS old_version, v.geom AS old_geom, v.source_datum AS old_datum,
                           v.geocode_status AS old_status, v.geocode_confidence AS old_confidence,
                           v.district_code AS old_district, v.unit_id AS old_unit, v.complaint_count AS old_complaints,
                           %4$s AS before,
                           CASE WHEN k.lon IS NOT NULL THEN ST_SetSRID(ST_MakePoint(k.lon, k.lat), 4326) END AS p,
                           (k.lon IS NOT NULL AND NOT (v.geom IS NOT NULL AND abs(ST_X(v.geom) - k.lon) <= 1e-7
                                AND abs(ST_Y(v.geom) - k.lat) <= 1e-7)) AS moved
                    -- the venue a row names, by its key (not a hash of the whole register)
                    FROM keyed k LEFT JOIN LATERAL (SELECT * FROM venue x WHERE x.id = k.old_id OFFSET 0) v ON true
                ), in_district AS (
                    SELECT DISTINCT ON (x.rn) x.rn, d.adcode
                    FROM (SELECT adcode, geom, ST_Area(geom) AS size FROM district) d
                    CROSS JOIN LATERAL (SELECT pl.rn FROM placed pl WHERE pl.moved AND ST_Covers(d.geom, pl.p) OFFSET 0) x
                    ORDER BY x.rn, d.size, d.adcode
                ), fresh AS MATERIALIZED (
                    SELECT pl.rn, coalesce(pl.v_id, nextval(pg_get_serial_sequence('venue', 'id'))) AS id,
                           pl.v_id IS NULL AS created, coalesce(pl.old_version, 0) AS version, pl.before,
                           pl.old_geom, pl.old_district, pl.old_unit,
                           pl.licence_no, pl.name, pl.category, pl.address,
                           CASE WHEN pl.moved THEN pl.p ELSE pl.old_geom END AS geom,
                           CASE WHEN pl.moved THEN pl.datum ELSE coalesce(pl.old_datum, 'WGS84') END AS source_datum,
                           CASE WHEN pl.moved THEN 'source' WHEN pl.online AND pl.old_geom IS NULL THEN 'none'
                                ELSE coalesce(pl.old_status, 'none') END AS geocode_status,
                           CASE WHEN pl.moved OR pl.online THEN NULL ELSE pl.old_confidence END AS geocode_confidence,
                           CASE WHEN pl.moved THEN di.adcode
                                WHEN pl.online THEN coalesce(pl.old_district, CAST(%5$s AS varchar))
                                ELSE pl.old_district END AS district_code,
                           pl.opening_hours, pl.capacity, pl.status,
                           -- complaint counts come from the complaint records only: a file's column is never written
                           coalesce(pl.old_complaints, 0) AS complaint_count,
                           pl.notes, pl.synthetic
                    FROM placed pl LEFT JOIN in_district di ON di.rn = pl.rn
                ), unplaced AS MATERIALIZED (
                    -- as the trigger: a new venue, or one whose position or district changes, is placed again
                    SELECT f.rn, f.geom, f.district_code FROM fresh f
                    WHERE f.created OR f.geom IS DISTINCT FROM f.old_geom OR f.district_code IS DISTINCT FROM f.old_district
                ), in_unit AS (
                    SELECT DISTINCT ON (x.rn) x.rn, u.id
                    FROM (SELECT id, area, ST_Area(area) AS size FROM unit) u
                    CROSS JOIN LATERAL (SELECT n.rn FROM unplaced n WHERE n.geom IS NOT NULL AND ST_Covers(u.area, n.geom)
                                        OFFSET 0) x
                    ORDER BY x.rn, u.size, u.id
                ), shot AS MATERIALIZED (
                    SELECT f.*, CASE WHEN n.rn IS NULL THEN f.old_unit
                                     WHEN f.geom IS NULL THEN (SELECT a.id FROM unit a WHERE a.adcode = f.district_code)
                                     ELSE iu.id END AS unit_id,
                           %6$s AS after
                    FROM fresh f LEFT JOIN unplaced n ON n.rn = f.rn LEFT JOIN in_unit iu ON iu.rn = f.rn
                )
                SELECT g.*, %3$s AS changes FROM shot g
                """.formatted(PLAN, STAGE, diff("g.before", "g.after"), snapshot("v"), literal(ownAdcode), snapshot("f"));
        // a literal, not a parameter: CREATE TABLE … AS takes none
        long t0 = System.nanoTime();
        execute(plan);
        execute("ALTER TABLE " + PLAN + " ADD PRIMARY KEY (rn)");
        execute("ANALYZE " + PLAN);
        long[] c = new long[4];
        query("SELECT count(*) FILTER (WHERE created), count(*) FILTER (WHERE NOT created AND changes <> '{}'), "
                + "count(*) FILTER (WHERE changes = '{}'), count(*) FILTER (WHERE geom IS NULL) FROM " + PLAN, r -> {
                    for (int i = 0; i < 4; i++) {
                        c[i] = r.getLong(i + 1);
                    }
                });
        String cols = "licence_no, name, category, address, geom, source_datum, geocode_status, geocode_confidence, "
                + "district_code, unit_id, opening_hours, capacity, status, complaint_count, notes, synthetic";
        StringBuilder set = new StringBuilder();
        for (String col : cols.split(", ")) {
            set.append(col).append(" = excluded.").append(col).append(", ");
        }
        long t1 = System.nanoTime();
        planNanos = t1 - t0;
        int written;
        // the rows carry their unit (placed above): the venue_unit trigger is not called per row (V260)
        execute("SELECT set_config('pp.units_placed', 'on', true)");
        try {
            written = update("INSERT INTO venue (id, " + cols + ", version, updated_at) SELECT id, " + cols
                    + ", version, now() FROM " + PLAN + " WHERE changes <> '{}' ORDER BY rn "
                    + "ON CONFLICT (id) DO UPDATE SET " + set + "version = venue.version + 1, updated_at = now() "
                    + "WHERE venue.version = excluded.version");
        } catch (SqlFailure e) {
            if ("23505".equals(e.sqlState())) {
                throw ApiException.conflict(Messages.of("import.concurrentWrite"));
            }
            throw e; // the transaction is failed: it rolls back, the setting with it
        }
        execute("SELECT set_config('pp.units_placed', 'off', true)");
        writeNanos = System.nanoTime() - t1;
        if (written != c[0] + c[1]) {
            // a venue changed (or a licence number was taken) between the plan and the write: nothing is kept
            throw ApiException.conflict(Messages.of("import.concurrentWrite"));
        }
        return new Counts(c[0], c[1], c[2], c[3]);
    }

    // ---------------------------------------------------------------- 4. jurisdiction

    /** 属地管理: the rows whose venue (as written) lies outside the importer's units, in row order. */
    public OutsideRows outside(int limit) {
        if (!planned) {
            throw new IllegalStateException("outside before upsert");
        }
        if (scope.all()) {
            return new OutsideRows(List.of(), 0);
        }
        String where = " FROM " + PLAN + " p JOIN venue v ON v.id = p.id WHERE NOT (" + scope.sql("v.unit_id")
                + " AND v.unit_id IS NOT NULL)";
        long[] total = new long[1];
        query("SELECT count(*)" + where, r -> total[0] = r.getLong(1));
        List<Outside> out = new ArrayList<>();
        if (total[0] > 0) {
            query("SELECT p.rn, v.unit_id" + where + " ORDER BY p.rn LIMIT " + limit,
                    r -> out.add(new Outside(r.getInt(1), r.getLongOrNull(2))));
        }
        return new OutsideRows(out, total[0]);
    }

    // ---------------------------------------------------------------- 5. history, audit, events

    /**
     * Writes the history row of every created or changed venue (one statement), their audit records (one {@code COPY},
     * chained), and fires one {@link RegistryEvents.VenuesChanged} for them. Returns how many venues were recorded.
     */
    public long record() {
        if (!planned) {
            throw new IllegalStateException("record before upsert");
        }
        long t0 = System.nanoTime();
        update("INSERT INTO change_history (entity_type, entity_id, action, changed_by, changed_at, reason, changes) "
                + "SELECT 'venue', id, 'import', ?, now(), ?, changes FROM " + PLAN + " WHERE changes <> '{}' ORDER BY rn",
                user, reason);
        long t1 = System.nanoTime();
        historyNanos = t1 - t0;
        java.util.stream.LongStream.Builder ids = java.util.stream.LongStream.builder();
        try (AuditService.Batch batch = audit.batch(user, "import", "venue")) {
            // the batch spools to a file while this cursor reads, and COPYs it at finish(); one digest and one
            // formatted time serve every record. (Canonicalising a chunk on both cores was tried: on the shared
            // 2-core machine it made a fresh JVM's audit slower, 1.9 s against 0.86 s before, and was dropped)
            List<Object[]> chunk = new ArrayList<>(AUDIT_CHUNK);
            conn.eachFetched("SELECT p.id, p.changes::text, v.unit_id FROM " + PLAN + " p JOIN venue v ON v.id = p.id "
                    + "WHERE p.changes <> '{}' ORDER BY p.rn", AUDIT_CHUNK, r -> {
                        chunk.add(new Object[] {r.getLong(1), r.getString(2), r.getLongOrNull(3)});
                        if (chunk.size() == AUDIT_CHUNK) {
                            link(chunk, batch, ids);
                        }
                    });
            link(chunk, batch, ids);
            long c0 = System.nanoTime();
            batch.finish();
            auditCopyNanos = System.nanoTime() - c0;
        }
        long t2 = System.nanoTime();
        auditNanos = t2 - t1;
        long[] changed = ids.build().toArray();
        if (changed.length > 0) {
            events.fire(new RegistryEvents.VenuesChanged(changed));
        }
        verdictNanos = System.nanoTime() - t2;
        return changed.length;
    }

    /** Audit records read from the cursor at a time. */
    static final int AUDIT_CHUNK = 2000;

    /** Links the chunk's records (id, changes as JSON text, unit) into the audit chain, in order, and empties it. */
    private void link(List<Object[]> chunk, AuditService.Batch batch, java.util.stream.LongStream.Builder ids) {
        String[] json = new String[chunk.size()];
        for (int i = 0; i < json.length; i++) {
            json[i] = details((String) chunk.get(i)[1]);
        }
        for (int i = 0; i < json.length; i++) {
            long id = (Long) chunk.get(i)[0];
            ids.add(id);
            // the record's unit (issue 14), else the importer's
            batch.addCanonical("import", "venue", id, json[i], (Long) chunk.get(i)[2]);
        }
        chunk.clear();
    }

    /** The canonical text of an import record's details: {@code {"changes": …, "reason": …}}. */
    private String details(String changes) {
        Map<String, Object> details = new LinkedHashMap<>();
        try {
            details.put("changes", mapper.readValue(changes, AS_MAP));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("recording the import: " + e.getMessage(), e);
        }
        if (reason != null) {
            details.put("reason", reason);
        }
        return AuditService.canonicalText(details);
    }

    private static final TypeReference<LinkedHashMap<String, Object>> AS_MAP = new TypeReference<>() { };

    /** Where the time of {@link #upsert} and {@link #record} went. */
    public Millis millis() {
        return new Millis(planNanos / 1_000_000, writeNanos / 1_000_000, historyNanos / 1_000_000, auditNanos / 1_000_000,
                auditCopyNanos / 1_000_000,
                verdictNanos / 1_000_000);
    }

    /** Ends a COPY still under way (an import refused part-way) and gives the connection back; the transaction's
     * rollback drops the tables. */
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

    // ---------------------------------------------------------------- statements

    private void execute(String sql) {
        conn.execute(sql);
    }

    private int update(String sql, Object... params) {
        return conn.update(sql, params);
    }

    private void query(String sql, Consumer<Row> reader) {
        conn.each(sql, List.of(), reader);
    }
}
