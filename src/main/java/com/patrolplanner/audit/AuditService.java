package com.patrolplanner.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.patrolplanner.security.AppUser;
import com.patrolplanner.security.CurrentUser;
import com.patrolplanner.security.UnitVisibility;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Appends to the audit trail inside the caller's transaction, so an audit record exists exactly when the audited change
 * was committed. Rows are chained: {@code hash = SHA-256(prev_hash | seq | at | actor | action | type | id | details)}
 * over a canonical text form, with {@code | unit=N} appended when the record names a unit; appends are serialised by a
 * transaction-scoped advisory lock.
 *
 * <p>Every record names the unit (执法机构) it concerns: the one the writer passes (the unit of the record written), else
 * the acting user's. A unit's administrator lists the records of its unit and the units below it, in SQL
 * ({@link UnitVisibility#sql}, registry's {@code Scope.sql}); records without a unit are the system administrator's.
 */
@ApplicationScoped
public class AuditService {
    public static final String GENESIS = "0".repeat(64);
    private static final long LOCK_KEY = 0x5041_5452_4f4cL; // "PATROL"
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'");
    /** Sorted keys, no whitespace: the canonical form the hash is taken over. */
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true).build();

    @Inject
    EntityManager em;
    @Inject
    com.patrolplanner.sql.Db db;
    @Inject
    UnitVisibility units;
    @Inject
    CurrentUser current;

    /** A record of the acting user's unit. */
    @Transactional(Transactional.TxType.REQUIRED)
    public long record(String actor, String action, String entityType, Object entityId, Map<String, ?> details) {
        return record(actor, action, entityType, entityId, details, null);
    }

    /** A record of unit {@code unitId} (the unit of the record written); null: the acting user's unit. */
    @Transactional(Transactional.TxType.REQUIRED)
    public long record(String actor, String action, String entityType, Object entityId, Map<String, ?> details,
            Long unitId) {
        Long unit = unitId != null ? unitId : unitOf(actor);
        em.createNativeQuery("SELECT pg_advisory_xact_lock(?1)").setParameter(1, LOCK_KEY).getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object[]> last = em.createNativeQuery("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").getResultList();
        long seq = last.isEmpty() ? 1 : ((Number) last.get(0)[0]).longValue() + 1;
        String prev = last.isEmpty() ? GENESIS : (String) last.get(0)[1];
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        String id = entityId == null ? null : String.valueOf(entityId);
        String json = canonical(details == null ? Map.of() : details);
        String hash = hash(prev, seq, at, actor, action, entityType, id, json, unit);
        em.createNativeQuery("INSERT INTO audit_log (seq, at, actor, action, entity_type, entity_id, details, prev_hash, hash, "
                + "unit_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, CAST(?7 AS jsonb), ?8, ?9, ?10)")
                .setParameter(1, seq).setParameter(2, at).setParameter(3, actor).setParameter(4, action)
                .setParameter(5, entityType).setParameter(6, id).setParameter(7, json).setParameter(8, prev)
                .setParameter(9, hash).setParameter(10, unit).executeUpdate();
        return seq;
    }

    /** The unit of the acting user (the caller's, or the named user's for work done on a user's behalf); null if none. */
    private Long unitOf(String actor) {
        if (actor == null) {
            return null;
        }
        if (io.quarkus.arc.Arc.container().requestContext().isActive() && actor.equals(current.name())) {
            return current.unitId();
        }
        AppUser u = AppUser.findByUsername(actor);
        return u == null ? null : u.unitId;
    }

    /**
     * Starts appending many records in one statement (a bulk import): takes the same lock as {@link #record}, reads the
     * chain's head, and links each record added to the previous one exactly as {@link #record} would, all with one
     * timestamp. The rows go to a temporary file as they come (a 200,000-row import does not hold them on the heap) and
     * into {@code audit_log} with one {@code COPY} at {@link Batch#finish()}. Inside the caller's transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Batch batch(String actor, String action, String entityType) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(?1)").setParameter(1, LOCK_KEY).getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object[]> last = em.createNativeQuery("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").getResultList();
        long seq = last.isEmpty() ? 0 : ((Number) last.get(0)[0]).longValue();
        String prev = last.isEmpty() ? GENESIS : (String) last.get(0)[1];
        try {
            return new Batch(actor, action, entityType, seq, prev, unitOf(actor));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Records appended by {@link #batch}; {@link #finish()} writes them, {@link #close()} discards what was not written. */
    public final class Batch implements AutoCloseable {
        private final String actor;
        private final String action;
        private final String entityType;
        private final OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        private final String stamp = stamp(at);
        private final MessageDigest md = sha256();
        private final java.nio.file.Path file;
        private final java.io.Writer out;
        private long seq;
        private String prev;
        private long added;
        private final Long actorUnit;

        Batch(String actor, String action, String entityType, long seq, String prev, Long actorUnit) throws java.io.IOException {
            this.actor = actor;
            this.actorUnit = actorUnit;
            this.action = action;
            this.entityType = entityType;
            this.seq = seq;
            this.prev = prev;
            this.file = java.nio.file.Files.createTempFile("pp-audit-", ".copy");
            this.out = java.nio.file.Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        }

        /** Links one record (the same hash {@link #record} would give it at this place in the chain). */
        public void add(Object entityId, Map<String, ?> details) {
            add(action, entityType, entityId, details);
        }

        /** As {@link #add(Object, Map)}, with an action and entity type of its own. */
        public void add(String action, String entityType, Object entityId, Map<String, ?> details) {
            add(action, entityType, entityId, details, null);
        }

        /** As {@link #record(String, String, String, Object, Map, Long)}: the record's unit, null for the actor's. */
        public void add(String action, String entityType, Object entityId, Map<String, ?> details, Long unitId) {
            addCanonical(action, entityType, entityId, canonical(details == null ? Map.of() : details), unitId);
        }

        /**
         * As {@link #add(String, String, Object, Map, Long)}, with the details already in their canonical text
         * ({@link #canonicalText}): a bulk writer prepares many of them in parallel, the chain links them in order.
         */
        public void addCanonical(String action, String entityType, Object entityId, String json, Long unitId) {
            Long unit = unitId != null ? unitId : actorUnit;
            seq++;
            String id = entityId == null ? null : String.valueOf(entityId);
            String hash = hash(md, prev, seq, stamp, actor, action, entityType, id, json, unit);
            try {
                out.write(Long.toString(seq));
                for (String v : new String[] {at.toString(), actor, action, entityType, id, json, prev, hash,
                        unit == null ? null : unit.toString()}) {
                    out.write('\t');
                    out.write(v == null ? "\\N" : copyText(v));
                }
                out.write('\n');
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            prev = hash;
            added++;
        }

        /** Writes every record added with one {@code COPY}; returns how many. */
        public long finish() {
            try {
                out.close();
                if (added > 0) {
                    em.flush();
                    try (java.io.Reader in = java.nio.file.Files.newBufferedReader(file, StandardCharsets.UTF_8);
                            com.patrolplanner.sql.Conn c = db.open()) { // the transaction's connection
                        c.copyIn("COPY audit_log (seq, at, actor, action, entity_type, entity_id, details, prev_hash, hash, "
                                + "unit_id) FROM STDIN (FORMAT text)", in);
                    }
                }
                return added;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } finally {
                close();
            }
        }

        @Override
        public void close() {
            try {
                out.close();
                java.nio.file.Files.deleteIfExists(file);
            } catch (java.io.IOException e) {
                // a temporary file left behind; the transaction's outcome does not depend on it
            }
        }
    }

    /** A value in COPY's text format: backslash, tab, line feed and carriage return escaped. */
    public static String copyText(String v) {
        return com.patrolplanner.sql.CopyIn.text(v);
    }

    /** Result of re-computing the chain: {@code firstBroken} is the first row whose hash or link does not hold. */
    public record Verification(boolean intact, long checked, Long firstBroken, String reason) {
    }

    @Transactional
    public Verification verify() {
        try (com.patrolplanner.sql.Conn c = db.open()) {
            return verify(c);
        }
    }

    /**
     * Re-computes the whole chain over a plain JDBC connection to any copy of the database (the service's own, or a
     * restored backup that no service runs on yet).
     */
    public static Verification verify(com.patrolplanner.sql.Conn c) {
        String prev = GENESIS;
        long checked = 0;
        long expectedSeq = 1;
        int page = 5000;
        long after = 0;
        try (com.patrolplanner.sql.Stmt ps = c.prepare("SELECT seq, at, actor, action, entity_type, entity_id, "
                + "details::text, prev_hash, hash, unit_id FROM audit_log WHERE seq > ? ORDER BY seq LIMIT " + page)) {
            while (true) {
                ps.setLong(1, after);
                int rows = 0;
                try (com.patrolplanner.sql.Cursor r = ps.executeQuery()) {
                    while (r.next()) {
                        rows++;
                        long seq = r.getLong(1);
                        if (seq != expectedSeq) {
                            return new Verification(false, checked, expectedSeq, "row " + expectedSeq + " is missing");
                        }
                        OffsetDateTime at = r.getOffsetDateTime(2);
                        String json;
                        try {
                            json = canonical(CANONICAL.readValue(r.getString(7), Map.class));
                        } catch (Exception e) {
                            return new Verification(false, checked, seq, "details unreadable");
                        }
                        if (!prev.equals(r.getString(8))) {
                            return new Verification(false, checked, seq, "link to the previous row does not match");
                        }
                        long u = r.getLong(10);
                        Long unit = r.wasNull() ? null : u;
                        String h = hash(prev, seq, at, r.getString(3), r.getString(4), r.getString(5), r.getString(6), json,
                                unit);
                        if (!h.equals(r.getString(9))) {
                            return new Verification(false, checked, seq, "content does not match its hash");
                        }
                        prev = h;
                        checked++;
                        expectedSeq++;
                        after = seq;
                    }
                }
                if (rows == 0) {
                    return new Verification(true, checked, null, null);
                }
            }
        }
    }

    /** Filters of the audit listing; null means any. */
    public record Filter(String actor, String action, String entityType, String entityId, Long before) {
    }

    /**
     * Up to {@code limit} records matching the filter, newest first, as a JSON array: those of the caller's units only
     * (a unit's administrator), every record for the system administrator.
     */
    @Transactional
    public String list(Filter f, int limit) {
        StringBuilder where = new StringBuilder(" WHERE " + units.sql("unit_id"));
        List<Object> params = new java.util.ArrayList<>();
        for (Object[] c : new Object[][] {{"actor", f.actor()}, {"action", f.action()}, {"entity_type", f.entityType()},
                {"entity_id", f.entityId()}}) {
            if (c[1] != null) {
                params.add(c[1]);
                where.append(" AND ").append(c[0]).append(" = ?").append(params.size());
            }
        }
        if (f.before() != null) {
            params.add(f.before());
            where.append(" AND seq < ?").append(params.size());
        }
        jakarta.persistence.Query q = em.createNativeQuery("SELECT coalesce(json_agg(json_build_object('seq',seq,'at',at,"
                + "'actor',actor,'action',action,'entityType',entity_type,'entityId',entity_id,'details',details,"
                + "'prevHash',prev_hash,'hash',hash,'unitId',unit_id) ORDER BY seq DESC),'[]')::text "
                + "FROM (SELECT * FROM audit_log" + where + " ORDER BY seq DESC LIMIT " + limit + ") a");
        for (int i = 0; i < params.size(); i++) {
            q.setParameter(i + 1, params.get(i));
        }
        return (String) q.getSingleResult();
    }

    /** The canonical text of a record's details, the form the chain hashes (sorted keys, no whitespace). */
    public static String canonicalText(Map<String, ?> details) {
        return canonical(details == null ? Map.of() : details);
    }

    static String canonical(Map<String, ?> details) {
        try {
            if (plain(details)) {
                // maps of text, whole numbers, doubles, booleans, lists and maps: the tree round trip below gives these
                // back as they are, so they are written directly (a bulk import's records, 200,000 at a time)
                return CANONICAL.writeValueAsString(details);
            }
            // round-trip through a tree so that nested maps are key-sorted too
            JsonNode tree = CANONICAL.valueToTree(details);
            return CANONICAL.writeValueAsString(CANONICAL.treeToValue(tree, LinkedHashMap.class));
        } catch (Exception e) {
            throw new IllegalArgumentException("audit details not serialisable", e);
        }
    }

    /** A value the round trip through a tree leaves as it is (same classes, same order of keys after sorting). */
    private static boolean plain(Object o) {
        if (o == null || o instanceof String || o instanceof Boolean || o instanceof Integer || o instanceof Long
                || o instanceof Double) {
            return true;
        }
        if (o instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!(e.getKey() instanceof String) || !plain(e.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (o instanceof List<?> l) {
            for (Object x : l) {
                if (!plain(x)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    static String hash(String prev, long seq, OffsetDateTime at, String actor, String action, String type, String id,
            String json, Long unit) {
        return hash(sha256(), prev, seq, stamp(at), actor, action, type, id, json, unit);
    }

    /** The record's time as the chain writes it (UTC, microseconds). */
    static String stamp(OffsetDateTime at) {
        return TS.format(at.withOffsetSameInstant(ZoneOffset.UTC));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@link #hash} with a digest and a formatted time of the caller's (a batch reuses both for every record). */
    static String hash(MessageDigest md, String prev, long seq, String stamp, String actor, String action, String type,
            String id, String json, Long unit) {
        String text = String.join("|", prev, Long.toString(seq), stamp, actor, action, type == null ? "" : type,
                id == null ? "" : id, json)
                // the unit joined the chain later (V210): rows without one hash exactly as before
                + (unit == null ? "" : "|unit=" + unit);
        return HEX.formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static final HexFormat HEX = HexFormat.of();
}
