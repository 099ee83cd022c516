package com.patrolplanner.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.patrolplanner.audit.AuditService;
import com.patrolplanner.i18n.Messages;
import com.patrolplanner.sql.Db;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The set-based import path of the inspector register ({@link RegisterBulk}): the same outcome as
 * {@link PeopleService#upsertInspector} row by row (key: certificate number, else name and unit; a new officer joins the
 * importer's unit; an officer of a unit outside the importer's is refused), in a fixed number of statements. The teams a
 * file names are written before, through {@link PeopleService#upsertTeam} (few rows, with their history and audit).
 */
public final class InspectorBulk extends RegisterBulk {
    /** What {@link #upsert} did. */
    public record Counts(long created, long updated, long unchanged) {
    }

    /** A row naming an officer of a unit the importer does not see: the officer's name and unit name. */
    public record OtherUnit(int row, String reason) {
    }

    private record Staged(int row, PeopleService.InspectorRow in) {
    }

    private final Jurisdiction jurisdiction;
    private final List<Staged> staged = new ArrayList<>();
    private final List<Inspector> after = new ArrayList<>();
    private final List<OtherUnit> otherUnit = new ArrayList<>();

    InspectorBulk(EntityManager em, Db db, ObjectMapper mapper, AuditService audit, Jurisdiction jurisdiction, String user,
            String reason, Scope scope) {
        super(em, db, mapper, audit, user, reason, scope, "inspector",
                "rn integer PRIMARY KEY, certificate_no text, name text NOT NULL, unit text");
        this.jurisdiction = jurisdiction;
    }

    /** Stages one validated row (as {@link PeopleService#upsertInspector} takes it). */
    public void add(int row, PeopleService.InspectorRow in) {
        stageCopy("rn, certificate_no, name, unit").field(row).field(in.certificateNo()).field(in.name()).field(in.unit())
                .endRow();
        staged.add(new Staged(row, in));
    }

    public long staged() {
        return staged.size();
    }

    /**
     * Plans every row against the officer it names (one read). Rows naming an officer of another unit are kept in
     * {@link #otherUnit()} and nothing is written; else the created and changed officers are written with one
     * {@code INSERT … ON CONFLICT}.
     */
    public Counts upsert() {
        beginPlan();
        Map<Integer, Inspector> found = new HashMap<>();
        // by certificate number; without one, the oldest officer without one of that name and unit
        conn.each("""
                SELECT st.rn, i.id, i.version, i.name, i.certificate_no, i.unit, i.team_id, i.active, i.synthetic, i.unit_id
                FROM %s st JOIN inspector i ON st.certificate_no IS NOT NULL AND i.certificate_no = st.certificate_no
                UNION ALL
                SELECT st.rn, i.id, i.version, i.name, i.certificate_no, i.unit, i.team_id, i.active, i.synthetic, i.unit_id
                FROM %s st JOIN inspector i ON st.certificate_no IS NULL AND i.certificate_no IS NULL AND i.name = st.name
                     AND (i.unit = st.unit OR (st.unit IS NULL AND i.unit IS NULL))
                ORDER BY 1, 2""".formatted(stage, stage), List.of(), r -> {
                    Inspector i = new Inspector();
                    i.id = r.getLong(2);
                    i.version = r.getInt(3);
                    i.name = r.getString(4);
                    i.certificateNo = r.getString(5);
                    i.unit = r.getString(6);
                    i.teamId = r.getLongOrNull(7);
                    i.active = r.getBoolean(8);
                    i.synthetic = r.getBoolean(9);
                    i.unitId = r.getLongOrNull(10);
                    found.putIfAbsent(r.getInt(1), i); // ordered by id: the oldest
                });
        long created = 0;
        long updated = 0;
        for (Staged st : staged) {
            Inspector i = found.get(st.row());
            boolean isNew = i == null;
            Map<String, Object> before = isNew ? Map.of() : PeopleService.snapshot(i);
            if (isNew) {
                i = new Inspector();
                i.unitId = scope.unitId();
            } else if (!scope.sees(i.unitId)) {
                otherUnit.add(new OtherUnit(st.row(), Messages.of("registry.inspectorOtherUnit", i.name,
                        jurisdiction.unitName(i.unitId))));
            }
            PeopleService.InspectorRow in = st.in();
            i.name = in.name();
            i.certificateNo = in.certificateNo();
            i.unit = in.unit();
            i.teamId = in.teamId();
            i.active = in.active();
            i.synthetic = in.synthetic();
            Map<String, Map<String, Object>> changes = ChangeHistory.diff(before, PeopleService.snapshot(i)).toJson();
            plans.add(new Planned(st.row(), isNew ? null : i.id, i.version, changes, false));
            after.add(i);
            if (isNew) {
                created++;
            } else if (!changes.isEmpty()) {
                updated++;
            }
        }
        if (!otherUnit.isEmpty()) {
            return new Counts(created, updated, staged.size() - created - updated);
        }
        assignIds();
        conn.execute("CREATE TEMP TABLE " + plan + " (rn integer PRIMARY KEY, id bigint NOT NULL, version integer NOT NULL, "
                + "name text, certificate_no text, unit text, team_id bigint, active boolean NOT NULL, "
                + "synthetic boolean NOT NULL, unit_id bigint, changes jsonb NOT NULL, w boolean NOT NULL) "
                + "ON COMMIT DROP");
        try (var c = conn.copyIn("COPY " + plan + " (rn, id, version, name, certificate_no, unit, team_id, active, synthetic, "
                + "unit_id, changes, w) FROM STDIN (FORMAT text)")) {
            for (int k = 0; k < plans.size(); k++) {
                Planned p = plans.get(k);
                Inspector i = after.get(k);
                c.field(p.row).field(p.id).field(p.version).field(i.name).field(i.certificateNo).field(i.unit)
                        .field(i.teamId).field(i.active).field(i.synthetic).field(i.unitId).field(changesJson(p))
                        .field(p.write).endRow();
            }
            c.end();
        }
        String cols = "name, certificate_no, unit, team_id, active, synthetic, unit_id";
        StringBuilder set = new StringBuilder();
        for (String col : cols.split(", ")) {
            set.append(col).append(" = excluded.").append(col).append(", ");
        }
        write("INSERT INTO inspector (id, " + cols + ", version, updated_at) SELECT id, " + cols + ", version, now() FROM "
                + plan + " WHERE w ORDER BY rn ON CONFLICT (id) DO UPDATE SET " + set + "version = inspector.version + 1, "
                + "updated_at = now() WHERE inspector.version = excluded.version");
        return new Counts(created, updated, staged.size() - created - updated);
    }

    /** Rows naming an officer of a unit the importer does not see (nothing was written when there are any). */
    public List<OtherUnit> otherUnit() {
        return otherUnit;
    }

    /** History rows and audit records of the created and changed officers; returns how many were recorded. */
    public long record() {
        if (!planned || !otherUnit.isEmpty()) {
            throw new IllegalStateException("record before a clean upsert");
        }
        Map<Long, Long> units = new HashMap<>();
        for (int k = 0; k < plans.size(); k++) {
            units.put(plans.get(k).id, after.get(k).unitId);
        }
        return recordHistoryAndAudit(PeopleService.INSPECTOR, units).length;
    }
}
