package com.patrolplanner.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.patrolplanner.audit.AuditService;
import com.patrolplanner.sql.Db;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;

/**
 * The set-based import path of the school register ({@link RegisterBulk}): the same outcome as
 * {@link RegistryService#upsertSchool} row by row (key name + address; the datum conversion, campus repair and interior
 * point of {@link RegistryService#schoolValues}; a row without point or campus keeps the known position), in a fixed
 * number of statements. Moved schools are placed in their district with one statement, in their unit by the
 * {@code school_unit} trigger; one {@link RegistryEvents.SchoolsChanged} recomputes the verdicts of the changed schools
 * (compliance, one delete and one insert).
 */
public final class SchoolBulk extends RegisterBulk {
    /** What {@link #upsert} did; {@code withoutCoordinates} and {@code withCampus} count the rows' schools afterwards. */
    public record Counts(long created, long updated, long unchanged, long withoutCoordinates, long withCampus) {
    }

    private record Staged(int row, RegistryService.SchoolValues values, boolean keep, boolean synthetic) {
    }

    private final Event<RegistryEvents.SchoolsChanged> events;
    private final List<Staged> staged = new ArrayList<>();
    /** The school each row leaves, after the plan (for the counts). */
    private final List<School> after = new ArrayList<>();

    SchoolBulk(EntityManager em, Db db, ObjectMapper mapper, AuditService audit, Event<RegistryEvents.SchoolsChanged> events,
            String user, String reason, Scope scope) {
        super(em, db, mapper, audit, user, reason, scope, "school", "rn integer PRIMARY KEY, name text NOT NULL, address text");
        this.events = events;
    }

    /**
     * Stages one row, normalised as {@link RegistryService#upsertSchool} normalises it (a value it would refuse is the
     * same {@link com.patrolplanner.web.ApiException}). The key's address is the row's trimmed address, as there.
     */
    public void add(int row, SchoolInput in, boolean synthetic) {
        RegistryService.SchoolValues v = RegistryService.schoolValues(in);
        boolean keep = in.lon() == null && in.campus() == null;
        String keyAddress = in.address() == null ? null : in.address().trim();
        stageCopy("rn, name, address").field(row).field(v.name()).field(keyAddress).endRow();
        staged.add(new Staged(row, v, keep, synthetic));
    }

    public long staged() {
        return staged.size();
    }

    /**
     * Plans every row against the school it names (one read), writes the created and changed ones (one
     * {@code INSERT … ON CONFLICT}) and places the moved ones in their district (one statement).
     */
    public Counts upsert() {
        beginPlan();
        Map<Integer, School> found = new HashMap<>();
        conn.each("""
                SELECT DISTINCT ON (st.rn) st.rn, s.id, s.version, s.name, s.level, s.address, ST_AsBinary(s.geom),
                       ST_AsBinary(s.campus), s.source_datum, s.geocode_status, s.district_code, s.synthetic
                FROM %s st JOIN school s ON s.name = st.name
                     AND (s.address = st.address OR (st.address IS NULL AND s.address IS NULL))
                ORDER BY st.rn, s.id""".formatted(stage), List.of(), r -> {
                    School s = new School();
                    s.id = r.getLong(2);
                    s.version = r.getInt(3);
                    s.name = r.getString(4);
                    s.level = r.getString(5);
                    s.address = r.getString(6);
                    s.geom = (Point) wkb(r.getBytes(7));
                    s.campus = (MultiPolygon) wkb(r.getBytes(8));
                    s.sourceDatum = r.getString(9);
                    s.geocodeStatus = r.getString(10);
                    s.districtCode = r.getString(11);
                    s.synthetic = r.getBoolean(12);
                    found.put(r.getInt(1), s);
                });
        long created = 0;
        long updated = 0;
        long withoutCoordinates = 0;
        long withCampus = 0;
        List<Boolean> moved = new ArrayList<>();
        for (Staged st : staged) {
            School s = found.get(st.row());
            boolean isNew = s == null;
            Map<String, Object> before = isNew ? Map.of() : RegistryService.snapshot(s);
            if (isNew) {
                s = new School();
            }
            Point oldGeom = s.geom;
            MultiPolygon oldCampus = s.campus;
            String oldDatum = s.sourceDatum;
            String oldStatus = s.geocodeStatus;
            String oldDistrict = s.districtCode;
            boolean m = RegistryService.applySchoolValues(s, st.values());
            s.synthetic = st.synthetic();
            if (st.keep() && oldGeom != null) {
                // a row without a position keeps the known one (RegistryService.upsertSchool)
                s.geom = oldGeom;
                s.campus = oldCampus;
                s.sourceDatum = oldDatum;
                s.geocodeStatus = oldStatus;
                s.districtCode = oldDistrict;
                m = false;
            }
            Map<String, Map<String, Object>> changes = ChangeHistory.diff(before, RegistryService.snapshot(s)).toJson();
            plans.add(new Planned(st.row(), isNew ? null : s.id, s.version, changes, m));
            moved.add(m);
            after.add(s);
            if (isNew) {
                created++;
            } else if (!changes.isEmpty()) {
                updated++;
            }
            withoutCoordinates += s.geom == null ? 1 : 0;
            withCampus += s.campus != null ? 1 : 0;
        }
        assignIds();
        conn.execute("CREATE TEMP TABLE " + plan + " (rn integer PRIMARY KEY, id bigint NOT NULL, created boolean NOT NULL, "
                + "version integer NOT NULL, name text, level text, address text, geom geometry(Point, 4326), "
                + "campus geometry(MultiPolygon, 4326), source_datum text, geocode_status text, district_code text, "
                + "moved boolean NOT NULL, synthetic boolean NOT NULL, changes jsonb NOT NULL, w boolean NOT NULL) "
                + "ON COMMIT DROP");
        try (var c = conn.copyIn("COPY " + plan + " (rn, id, created, version, name, level, address, geom, campus, "
                + "source_datum, geocode_status, district_code, moved, synthetic, changes, w) FROM STDIN (FORMAT text)")) {
            for (int i = 0; i < plans.size(); i++) {
                Planned p = plans.get(i);
                School s = after.get(i);
                c.field(p.row).field(p.id).field(p.created).field(p.version).field(s.name).field(s.level).field(s.address)
                        .field(hex(s.geom)).field(hex(s.campus)).field(s.sourceDatum).field(s.geocodeStatus)
                        .field(s.districtCode).field(moved.get(i)).field(s.synthetic).field(changesJson(p))
                        .field(p.write).endRow();
            }
            c.end();
        }
        // RegistryService.districtOf, for every moved school at once
        conn.execute("UPDATE " + plan + " p SET district_code = CASE WHEN p.geom IS NULL THEN NULL ELSE (SELECT d.adcode "
                + "FROM district d WHERE ST_Covers(d.geom, p.geom) ORDER BY ST_Area(d.geom) LIMIT 1) END WHERE p.moved");
        String cols = "name, level, address, geom, campus, source_datum, geocode_status, district_code, synthetic";
        StringBuilder set = new StringBuilder();
        for (String col : cols.split(", ")) {
            set.append(col).append(" = excluded.").append(col).append(", ");
        }
        write("INSERT INTO school (id, " + cols + ", version, updated_at) SELECT id, " + cols + ", version, now() FROM "
                + plan + " WHERE w ORDER BY rn ON CONFLICT (id) DO UPDATE SET " + set + "version = school.version + 1, "
                + "updated_at = now() WHERE school.version = excluded.version");
        return new Counts(created, updated, staged.size() - created - updated, withoutCoordinates, withCampus);
    }

    /**
     * History rows and audit records of the created and changed schools, and one {@link RegistryEvents.SchoolsChanged}
     * for every school written (its verdicts recomputed). Returns how many schools were recorded.
     */
    public long record() {
        if (!planned) {
            throw new IllegalStateException("record before upsert");
        }
        long[] recorded = recordHistoryAndAudit("school", unitsOfPlan());
        long[] written = plans.stream().filter(p -> p.write).mapToLong(p -> p.id).toArray();
        if (written.length > 0) {
            events.fire(new RegistryEvents.SchoolsChanged(written));
        }
        return recorded.length;
    }
}
