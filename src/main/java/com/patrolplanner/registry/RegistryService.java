package com.patrolplanner.registry;

import com.patrolplanner.i18n.Messages;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.patrolplanner.audit.AuditService;
import com.patrolplanner.geo.Datum;
import com.patrolplanner.geo.DatumTransform;
import com.patrolplanner.geo.GeoJson;
import com.patrolplanner.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;

/**
 * Writes to the registers. Every write records a field-level history entry (who, when, old → new) and fires a
 * {@link RegistryEvents} event in the same transaction. Callers outside the registry write only through here.
 */
@ApplicationScoped
public class RegistryService {
    /** What an upsert did, for import summaries. */
    public enum Outcome { CREATED, UPDATED, UNCHANGED }

    public record Result<T>(T entity, Outcome outcome) {
    }

    @Inject
    EntityManager em;
    @Inject
    Event<RegistryEvents.VenueChanged> venueEvents;
    @Inject
    Event<RegistryEvents.SchoolChanged> schoolEvents;
    @Inject
    Event<RegistryEvents.VenuesChanged> venuesEvents;
    @Inject
    Event<RegistryEvents.SchoolsChanged> schoolsEvents;
    @Inject
    ObjectMapper mapper;
    @Inject
    AuditService audit;
    @Inject
    Jurisdiction jurisdiction;
    @Inject
    com.patrolplanner.sql.Db db;

    // ---------------------------------------------------------------- venues

    @Transactional
    public Venue createVenue(VenueInput in, String user) {
        refuseComplaintCount(in);
        if (in.licenceNo() != null && !in.licenceNo().isBlank()
                && Venue.count("licenceNo", in.licenceNo().trim()) > 0) {
            throw new ApiException(409, "Conflict", Messages.of("registry.licenceTaken", in.licenceNo()),
                    List.of(com.patrolplanner.web.Problem.FieldError.of("licenceNo", Messages.of("registry.already"))));
        }
        Venue v = new Venue();
        apply(v, in);
        v.updatedAt = OffsetDateTime.now();
        v.persist();
        em.flush();
        placed("venue", v.id);
        history("venue", v.id, "create", user, null, ChangeHistory.diff(Map.of(), snapshot(v)));
        venueEvents.fire(new RegistryEvents.VenueChanged(v.id, false));
        return v;
    }

    @Transactional
    public Venue updateVenue(long id, VenueInput in, String user) {
        Venue v = venue(id);
        if (in.version() == null) {
            throw ApiException.invalid("version", Messages.of("common.versionRequired"));
        }
        if (in.version() != v.version) {
            throw ApiException.staleVersion("venue " + id, in.version(), v.version);
        }
        Map<String, Object> before = snapshot(v);
        apply(v, in);
        Changes changes = ChangeHistory.diff(before, snapshot(v));
        if (!changes.isEmpty()) {
            v.updatedAt = OffsetDateTime.now();
            em.flush();
        placed("venue", v.id);
            history("venue", v.id, "update", user, null, changes);
            venueEvents.fire(new RegistryEvents.VenueChanged(v.id, false));
        }
        return v;
    }

    /**
     * The set-based import path of the venue register (the same outcome as {@link #upsertVenue} row by row, in a few
     * statements): see {@link VenueBulk}. {@code scope}: the importer's units (rows outside are refused; an online
     * venue without a district takes the importer's unit's).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public VenueBulk venueBulk(String user, String reason, Scope scope) {
        return new VenueBulk(this, em, db, mapper, audit, venuesEvents, user, reason, scope);
    }

    /**
     * The set-based import path of the school register (the same outcome as {@link #upsertSchool} row by row): see
     * {@link SchoolBulk}. {@code scope}: the importer's units (rows outside are refused).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public SchoolBulk schoolBulk(String user, String reason, Scope scope) {
        return new SchoolBulk(em, db, mapper, audit, schoolsEvents, user, reason, scope);
    }

    /**
     * The set-based import path of the inspector register (the same outcome as
     * {@link PeopleService#upsertInspector} row by row): see {@link InspectorBulk}. {@code scope}: the importer's units
     * (new officers join its unit; officers of other units are refused).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public InspectorBulk inspectorBulk(String user, String reason, Scope scope) {
        return new InspectorBulk(em, db, mapper, audit, jurisdiction, user, reason, scope);
    }

    /**
     * Import path, one row: insert, or update the venue with the same licence number (or, without one, the same name and
     * address: the oldest such venue). Unchanged rows are not touched, so importing a file twice changes nothing. The
     * {@code synthetic} flag (test and demo data) is a field of the register like the others: its change is in the
     * history. Bulk imports use {@link #venueBulk}, which gives the same result.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Result<Venue> upsertVenue(VenueInput in, boolean synthetic, String user, String reason) {
        Venue v = null;
        String address = blankToNull(in.address());
        if (in.licenceNo() != null && !in.licenceNo().isBlank()) {
            v = Venue.find("licenceNo", in.licenceNo().trim()).firstResult();
        } else if (address == null) {
            v = Venue.find("licenceNo is null and name = ?1 and address is null order by id", in.name().trim()).firstResult();
        } else {
            v = Venue.find("licenceNo is null and name = ?1 and address = ?2 order by id", in.name().trim(), address)
                    .firstResult();
        }
        if (v == null) {
            v = new Venue();
            apply(v, in);
            v.synthetic = synthetic;
            v.updatedAt = OffsetDateTime.now();
            v.persist();
            em.flush();
            history("venue", v.id, "import", user, reason, ChangeHistory.diff(Map.of(), snapshot(v)));
            venueEvents.fire(new RegistryEvents.VenueChanged(v.id, false));
            return new Result<>(v, Outcome.CREATED);
        }
        Map<String, Object> before = snapshot(v);
        boolean keepLocation = in.lon() == null && v.geom != null; // a row without coordinates keeps the known pin
        Point oldGeom = v.geom;
        String oldDatum = v.sourceDatum;
        String oldStatus = v.geocodeStatus;
        apply(v, in);
        v.synthetic = synthetic;
        if (keepLocation) {
            v.geom = oldGeom;
            v.sourceDatum = oldDatum;
            v.geocodeStatus = oldStatus;
        }
        Changes changes = ChangeHistory.diff(before, snapshot(v));
        if (changes.isEmpty()) {
            return new Result<>(v, Outcome.UNCHANGED);
        }
        v.updatedAt = OffsetDateTime.now();
        em.flush();
        history("venue", v.id, "import", user, reason, changes);
        venueEvents.fire(new RegistryEvents.VenueChanged(v.id, false));
        return new Result<>(v, Outcome.UPDATED);
    }

    /** Sets a venue's pin (by hand on the map, or from the geocoder), recorded with who and why. */
    @Transactional
    public Venue locateVenue(long id, double lon, double lat, Datum datum, String status, Double confidence,
            String user, String reason) {
        Venue v = venue(id);
        Map<String, Object> before = snapshot(v);
        double[] w = datum.toWgs84(lon, lat);
        v.geom = GeoJson.point(w[0], w[1]);
        v.sourceDatum = datum.name();
        v.geocodeStatus = status;
        v.geocodeConfidence = confidence;
        v.districtCode = districtOf(v.geom);
        v.updatedAt = OffsetDateTime.now();
        em.flush();
        placed("venue", v.id);
        history("venue", v.id, "locate", user, reason, ChangeHistory.diff(before, snapshot(v)));
        venueEvents.fire(new RegistryEvents.VenueChanged(v.id, false));
        return v;
    }

    @Transactional
    public void deleteVenue(long id, String user) {
        Venue v = venue(id);
        history("venue", v.id, "delete", user, null, ChangeHistory.diff(snapshot(v), Map.of()));
        venueEvents.fire(new RegistryEvents.VenueChanged(v.id, true));
        v.delete();
    }

    /**
     * A new venue's complaint count is 0 (no complaint names it yet): any other value is a 422 naming
     * {@code complaintCount}, which only the complaint records set ({@link #setComplaintCount}). On an update the field
     * is ignored whatever it says, so that the Feature a GET returned can be PUT back as it came (a complaint received
     * in between changes the count without changing the venue's version).
     */
    static void refuseComplaintCount(VenueInput in) {
        if (in.complaintCount() != null && in.complaintCount() != 0) {
            throw ApiException.invalid("complaintCount", Messages.of("registry.complaintCountReadOnly"));
        }
    }

    /**
     * Sets a venue's complaint count ({@code venue.complaint_count}, which campaign priority, zoning workload and coverage
     * risk read) to the figure the complaint capability counts from its records. No change-history row: the count is a
     * derived figure, its source (each complaint) has its own history and audit.
     */
    @Transactional
    public void setComplaintCount(long venueId, int count) {
        em.createNativeQuery("UPDATE venue SET complaint_count = ?2 WHERE id = ?1 AND complaint_count <> ?2")
                .setParameter(1, venueId).setParameter(2, Math.max(0, count)).executeUpdate();
    }

    /**
     * Sets every venue's complaint count at once: {@code counts} (venue id → count) and 0 for every venue not in it.
     * Returns the venues changed. For a bulk load of complaint records (the demo); see {@link #setComplaintCount}.
     */
    @Transactional
    public int replaceComplaintCounts(Map<Long, Integer> counts) {
        String ids = counts.keySet().stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",", "{", "}"));
        String ns = counts.values().stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",", "{", "}"));
        return em.createNativeQuery("""
                UPDATE venue v SET complaint_count = coalesce(c.n, 0)
                FROM venue v2 LEFT JOIN unnest(CAST(?1 AS bigint[]), CAST(?2 AS integer[])) AS c(id, n) ON c.id = v2.id
                WHERE v.id = v2.id AND v.complaint_count <> coalesce(c.n, 0)""")
                .setParameter(1, ids).setParameter(2, ns).executeUpdate();
    }

    public Venue venue(long id) {
        Venue v = Venue.findById(id);
        if (v == null || !jurisdiction.scope().sees(v.unitId)) {
            throw ApiException.notFound(Messages.of("noun.venue", id));
        }
        return v;
    }

    private void apply(Venue v, VenueInput in) {
        v.licenceNo = blankToNull(in.licenceNo());
        v.name = in.name().trim();
        try {
            v.category = VenueCategory.parse(in.category()).code;
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("category", e.getMessage());
        }
        v.address = blankToNull(in.address());
        if (VenueCategory.parse(v.category).online) {
            // 网络文化: operated online, no venue position; its unit is the registering user's
            if (in.lon() != null || in.lat() != null) {
                throw ApiException.invalid(in.lon() != null ? "lon" : "lat",
                        Messages.of("registry.onlineNoPosition"));
            }
            v.geom = null;
            v.geocodeStatus = "none";
            v.geocodeConfidence = null;
            if (v.districtCode == null) {
                Unit own = jurisdiction.scope().unitId() == null ? null : Unit.findById(jurisdiction.scope().unitId());
                v.districtCode = own == null ? null : own.adcode;
            }
        } else {
            Datum datum = parseDatum(in.datum());
            if ((in.lon() == null) != (in.lat() == null)) {
                throw ApiException.invalid(in.lon() == null ? "lon" : "lat", Messages.of("common.lonLatTogether"));
            }
            if (in.lon() != null) {
                checkLonLat(in.lon(), in.lat());
                double[] w = datum.toWgs84(in.lon(), in.lat());
                Point p = GeoJson.point(w[0], w[1]);
                // 1e-7° (about 1 cm): the GeoJSON we serve rounds to 7 decimals, so a Feature sent back unchanged is the same pin
                if (v.geom == null || !v.geom.equalsExact(p, 1e-7)) {
                    v.geom = p;
                    v.sourceDatum = datum.name();
                    v.geocodeStatus = "source";
                    v.geocodeConfidence = null;
                    v.districtCode = districtOf(p);
                }
            } else if (v.id == null) {
                v.geom = null;
                v.geocodeStatus = "none";
            }
        }
        v.openingHours = openingHours(in.openingHours());
        v.capacity = in.capacity();
        try {
            v.status = VenueStatus.parse(in.status()).code;
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("status", e.getMessage());
        }
        // complaintCount is not written here: it is counted from the complaint records (setComplaintCount)
        v.notes = blankToNull(in.notes());
    }

    /** The stored form of opening hours (a weekday map), or null. */
    Map<String, String> openingHours(OpeningHours hours) {
        return hours == null ? null : hours.toMap();
    }

    static Map<String, Object> snapshot(Venue v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("licenceNo", v.licenceNo);
        m.put("name", v.name);
        m.put("category", v.category);
        m.put("address", v.address);
        m.put("lon", v.geom == null ? null : round7(v.geom.getX()));
        m.put("lat", v.geom == null ? null : round7(v.geom.getY()));
        m.put("sourceDatum", v.sourceDatum);
        m.put("geocodeStatus", v.geocodeStatus);
        m.put("openingHours", v.openingHours);
        m.put("capacity", v.capacity);
        m.put("status", v.status);
        m.put("complaintCount", v.complaintCount);
        m.put("notes", v.notes);
        m.put("synthetic", v.synthetic);
        return m;
    }

    // ---------------------------------------------------------------- schools

    @Transactional
    public School createSchool(SchoolInput in, String user) {
        School s = new School();
        applySchool(s, in);
        if (School.count("name = ?1 and address = ?2", s.name, s.address) > 0) {
            throw ApiException.conflict(Messages.of("registry.schoolTaken", s.name, s.address));
        }
        s.updatedAt = OffsetDateTime.now();
        s.persist();
        em.flush();
        placed("school", s.id);
        history("school", s.id, "create", user, null, ChangeHistory.diff(Map.of(), snapshot(s)));
        schoolEvents.fire(new RegistryEvents.SchoolChanged(s.id, false));
        return s;
    }

    @Transactional
    public School updateSchool(long id, SchoolInput in, String user) {
        School s = school(id);
        if (in.version() == null) {
            throw ApiException.invalid("version", Messages.of("common.versionRequired"));
        }
        if (in.version() != s.version) {
            throw ApiException.staleVersion("school " + id, in.version(), s.version);
        }
        Map<String, Object> before = snapshot(s);
        applySchool(s, in);
        Changes changes = ChangeHistory.diff(before, snapshot(s));
        if (!changes.isEmpty()) {
            s.updatedAt = OffsetDateTime.now();
            em.flush();
        placed("school", s.id);
            history("school", s.id, "update", user, null, changes);
            schoolEvents.fire(new RegistryEvents.SchoolChanged(s.id, false));
        }
        return s;
    }

    /** Import path for schools: the key is name + address. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Result<School> upsertSchool(SchoolInput in, boolean synthetic, String user, String reason) {
        String addr = in.address() == null ? null : in.address().trim();
        School s = addr == null ? School.find("name = ?1 and address is null", in.name().trim()).firstResult()
                : School.find("name = ?1 and address = ?2", in.name().trim(), addr).firstResult();
        if (s == null) {
            s = new School();
            applySchool(s, in);
            s.synthetic = synthetic;
            s.updatedAt = OffsetDateTime.now();
            s.persist();
            em.flush();
            history("school", s.id, "import", user, reason, ChangeHistory.diff(Map.of(), snapshot(s)));
            schoolChanged(s.id);
            return new Result<>(s, Outcome.CREATED);
        }
        Map<String, Object> before = snapshot(s);
        Point oldGeom = s.geom;
        MultiPolygon oldCampus = s.campus;
        String oldDatum = s.sourceDatum;
        String oldStatus = s.geocodeStatus;
        String oldDistrict = s.districtCode;
        boolean keep = in.lon() == null && in.campus() == null && oldGeom != null;
        applySchool(s, in);
        s.synthetic = synthetic;
        if (keep) {
            // a row without a position keeps the known one, with its geocode status and district (SchoolBulk alike)
            s.geom = oldGeom;
            s.campus = oldCampus;
            s.sourceDatum = oldDatum;
            s.geocodeStatus = oldStatus;
            s.districtCode = oldDistrict;
        }
        Changes changes = ChangeHistory.diff(before, snapshot(s));
        if (changes.isEmpty()) {
            return new Result<>(s, Outcome.UNCHANGED);
        }
        s.updatedAt = OffsetDateTime.now();
        em.flush();
        history("school", s.id, "import", user, reason, changes);
        schoolChanged(s.id);
        return new Result<>(s, Outcome.UPDATED);
    }

    @Transactional
    public School locateSchool(long id, double lon, double lat, Datum datum, String status, Double confidence,
            String user, String reason) {
        School s = school(id);
        Map<String, Object> before = snapshot(s);
        double[] w = datum.toWgs84(lon, lat);
        s.geom = GeoJson.point(w[0], w[1]);
        s.sourceDatum = datum.name();
        s.geocodeStatus = status;
        s.geocodeConfidence = confidence;
        s.districtCode = districtOf(s.geom);
        s.updatedAt = OffsetDateTime.now();
        em.flush();
        placed("school", s.id);
        history("school", s.id, "locate", user, reason, ChangeHistory.diff(before, snapshot(s)));
        schoolEvents.fire(new RegistryEvents.SchoolChanged(s.id, false));
        return s;
    }

    @Transactional
    public void deleteSchool(long id, String user) {
        School s = school(id);
        history("school", s.id, "delete", user, null, ChangeHistory.diff(snapshot(s), Map.of()));
        schoolEvents.fire(new RegistryEvents.SchoolChanged(s.id, true));
        s.delete();
    }

    public School school(long id) {
        School s = School.findById(id);
        if (s == null || !jurisdiction.scope().sees(s.unitId)) {
            throw ApiException.notFound(Messages.of("noun.school", id));
        }
        return s;
    }

    private void applySchool(School s, SchoolInput in) {
        if (applySchoolValues(s, schoolValues(in))) {
            s.districtCode = s.geom == null ? null : districtOf(s.geom);
        }
    }

    /**
     * A school row as the register keeps it: trimmed name, level code, address, datum, and the point and campus in
     * WGS-84 (the campus repaired when invalid; without a point, the campus's interior point). Refusals are the 422s of
     * {@link #createSchool} / {@link #upsertSchool}. Shared by the row-by-row path and {@link SchoolBulk}.
     */
    record SchoolValues(String name, String level, String address, String datum, Point point, MultiPolygon campus) {
    }

    static SchoolValues schoolValues(SchoolInput in) {
        String name = in.name().trim();
        String level;
        try {
            level = SchoolLevel.parse(in.level()).code;
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("level", e.getMessage());
        }
        String address = blankToNull(in.address());
        Datum datum = parseDatum(in.datum());
        MultiPolygon campus = null;
        if (in.campus() != null) {
            try {
                campus = GeoJson.toMultiPolygon(DatumTransform.toWgs84(in.campus(), datum), "campus");
            } catch (IllegalArgumentException e) {
                throw ApiException.invalid("campus", e.getMessage().replaceFirst("^campus: ", ""));
            }
            if (!campus.isValid()) {
                Geometry fixed = org.locationtech.jts.geom.util.GeometryFixer.fix(campus);
                if (fixed.isEmpty() || fixed.getArea() == 0) {
                    throw ApiException.invalid("campus", Messages.of("import.campusNoArea"));
                }
                campus = GeoJson.toMultiPolygon(fixed, "campus");
                campus.setSRID(GeoJson.WGS84_SRID);
            }
        }
        if ((in.lon() == null) != (in.lat() == null)) {
            throw ApiException.invalid(in.lon() == null ? "lon" : "lat", Messages.of("common.lonLatTogether"));
        }
        Point p = null;
        if (in.lon() != null) {
            checkLonLat(in.lon(), in.lat());
            double[] w = datum.toWgs84(in.lon(), in.lat());
            p = GeoJson.point(w[0], w[1]);
        } else if (campus != null) {
            p = campus.getInteriorPoint();
            p.setSRID(GeoJson.WGS84_SRID);
        }
        return new SchoolValues(name, level, address, datum.name(), p, campus);
    }

    /**
     * Sets the values on {@code s}; when the point or the campus differs from the school's, they replace it (datum,
     * geocode status) and this returns true: the caller places the school in its district again.
     */
    static boolean applySchoolValues(School s, SchoolValues v) {
        s.name = v.name();
        s.level = v.level();
        s.address = v.address();
        Point p = v.point();
        MultiPolygon campus = v.campus();
        boolean moved = !Objects.equals(p == null ? null : p.toText(), s.geom == null ? null : s.geom.toText())
                || !Objects.equals(campus == null ? null : campus.toText(), s.campus == null ? null : s.campus.toText());
        if (moved) {
            s.geom = p;
            s.campus = campus;
            s.sourceDatum = v.datum();
            s.geocodeStatus = p == null ? "none" : "source";
        }
        return moved;
    }

    static Map<String, Object> snapshot(School s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name);
        m.put("level", s.level);
        m.put("address", s.address);
        m.put("lon", s.geom == null ? null : round7(s.geom.getX()));
        m.put("lat", s.geom == null ? null : round7(s.geom.getY()));
        m.put("campus", s.campus == null ? null : s.campus.toText());
        m.put("sourceDatum", s.sourceDatum);
        m.put("synthetic", s.synthetic);
        return m;
    }

    // ---------------------------------------------------------------- shared

    /**
     * 属地管理: a register write must leave the record inside the caller's jurisdiction; else 422 naming the caller's unit
     * and the unit the position lies in (the whole transaction rolls back).
     */
    private void placed(String table, long id) {
        Scope scope = jurisdiction.scope();
        if (scope.all()) {
            return;
        }
        Number unit = (Number) em.createNativeQuery("SELECT unit_id FROM " + ("venue".equals(table) ? "venue" : "school")
                + " WHERE id = ?1").setParameter(1, id).getSingleResult();
        Long u = unit == null ? null : unit.longValue();
        if (!scope.sees(u)) {
            throw outside(scope, u, "location");
        }
    }

    /** 422: a position outside the caller's unit, naming both units. */
    public ApiException outside(Scope scope, Long placedIn, String field) {
        String mine = unitName(scope.unitId());
        String reason = placedIn == null ? Messages.of("registry.outsideNoUnit", mine)
                : Messages.of("registry.outsideUnit", mine, unitName(placedIn));
        return ApiException.unprocessable(Messages.of("registry.outsideYourUnit", mine),
                List.of(com.patrolplanner.web.Problem.FieldError.of(field, reason)));
    }

    String unitName(Long id) {
        Unit u = id == null ? null : Unit.findById(id);
        return u == null ? "no unit" : u.name;
    }

    /** The adcode of the smallest registered district covering the point, or null. */
    public String districtOf(Point p) {
        if (p == null) {
            return null;
        }
        @SuppressWarnings("unchecked")
        List<String> codes = em.createNativeQuery("SELECT adcode FROM district WHERE ST_Covers(geom, ST_SetSRID(ST_MakePoint(?1, ?2), 4326)) "
                + "ORDER BY ST_Area(geom) LIMIT 1").setParameter(1, p.getX()).setParameter(2, p.getY()).getResultList();
        return codes.isEmpty() ? null : codes.get(0);
    }

    /**
     * Records a register write: its change-history row ({@code changes} as {@link Changes#toJson}) and its audit record
     * ({@code {"changes": …, "reason": …}}); kept for one statement each while {@link #defer deferring}.
     */
    public void history(String type, long id, String action, String user, String reason, Changes changes) {
        Deferred d = deferred.get();
        if (d != null) {
            d.entries.add(new Deferred.Entry(type, id, action, user, reason, changes));
            return;
        }
        ChangeHistory h = new ChangeHistory();
        h.entityType = type;
        h.entityId = id;
        h.action = action;
        h.changedBy = user;
        h.changedAt = OffsetDateTime.now();
        h.reason = reason;
        h.changes = changes.toJson();
        h.persist();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("changes", changes.toJson());
        if (reason != null) {
            details.put("reason", reason);
        }
        audit.record(user, action, type, id, details, unitOf(type, id));
    }

    /**
     * The unit an audit record of a register row concerns (its unit administrators read it): the venue's, school's,
     * team's or inspector's unit, a unit itself; null (the acting user's unit) for records of other capabilities.
     */
    private Long unitOf(String type, long id) {
        String sql = switch (type) {
            case "venue" -> "SELECT unit_id FROM venue WHERE id = ?1";
            case "school" -> "SELECT unit_id FROM school WHERE id = ?1";
            case "team" -> "SELECT unit_id FROM team WHERE id = ?1";
            case "inspector" -> "SELECT unit_id FROM inspector WHERE id = ?1";
            default -> null;
        };
        if (UnitService.UNIT.equals(type)) {
            return id;
        }
        if (sql == null) {
            return null;
        }
        @SuppressWarnings("unchecked")
        List<Number> u = em.createNativeQuery(sql).setParameter(1, id).getResultList();
        return u.isEmpty() || u.get(0) == null ? null : u.get(0).longValue();
    }

    private final ThreadLocal<Deferred> deferred = new ThreadLocal<>();

    /**
     * From now until {@link Deferred#close()}, in this thread: the history rows and audit records of register writes
     * (schools, teams, inspectors) are kept and written by {@link Deferred#flush()} with one statement each (history:
     * one {@code COPY}; audit: one chained {@code COPY}, {@link AuditService#batch}), and the school events become one
     * {@link RegistryEvents.SchoolsChanged} (compliance recomputes those schools' verdicts with one statement). The
     * same rows as row by row, in the same order. For imports, inside their transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Deferred defer() {
        if (deferred.get() != null) {
            throw new IllegalStateException("already deferring");
        }
        Deferred d = new Deferred();
        deferred.set(d);
        return d;
    }

    /** See {@link #defer()}. */
    public final class Deferred implements AutoCloseable {
        record Entry(String type, long id, String action, String user, String reason, Changes changes) {
        }

        final List<Entry> entries = new java.util.ArrayList<>();
        final java.util.Set<Long> schools = new java.util.LinkedHashSet<>();

        /** Writes what was kept: history (one COPY), audit (one chained COPY), one school event. */
        public void flush() {
            deferred.remove();
            if (!entries.isEmpty()) {
                em.flush();
                String now = OffsetDateTime.now().toString();
                try (com.patrolplanner.sql.Conn c = db.open(); // the transaction's connection
                        com.patrolplanner.sql.CopyIn copy = c.copyIn("COPY change_history (entity_type, entity_id, action, "
                                + "changed_by, changed_at, reason, changes) FROM STDIN (FORMAT text)")) {
                    for (Entry e : entries) {
                        copy.field(e.type()).field(e.id()).field(e.action()).field(e.user()).field(now).field(e.reason())
                                .field(mapper.writeValueAsString(e.changes().toJson())).endRow();
                    }
                    copy.end();
                } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
                    throw new IllegalStateException(ex);
                }
                try (AuditService.Batch batch = audit.batch(entries.get(0).user(), entries.get(0).action(),
                        entries.get(0).type())) {
                    for (Entry e : entries) {
                        Map<String, Object> details = new LinkedHashMap<>();
                        details.put("changes", e.changes().toJson());
                        if (e.reason() != null) {
                            details.put("reason", e.reason());
                        }
                        if (!e.user().equals(entries.get(0).user())) {
                            throw new IllegalStateException("one actor per deferred batch");
                        }
                        batch.add(e.action(), e.type(), e.id(), details, unitOf(e.type(), e.id()));
                    }
                    batch.finish();
                }
                entries.clear();
            }
            if (!schools.isEmpty()) {
                schoolsEvents.fire(new RegistryEvents.SchoolsChanged(schools.stream().mapToLong(Long::longValue).toArray()));
                schools.clear();
            }
        }

        /** Stops deferring; what was not flushed is dropped (the import failed: its transaction rolls back). */
        @Override
        public void close() {
            deferred.remove();
        }
    }

    /** A school changed: its event now, or kept for one {@link RegistryEvents.SchoolsChanged} while deferring. */
    private void schoolChanged(long id) {
        Deferred d = deferred.get();
        if (d != null) {
            d.schools.add(id);
        } else {
            schoolEvents.fire(new RegistryEvents.SchoolChanged(id, false));
        }
    }

    public List<ChangeHistory> historyOf(String type, long id) {
        return ChangeHistory.list("entityType = ?1 and entityId = ?2 order by changedAt desc, id desc", type, id);
    }

    static Datum parseDatum(String s) {
        try {
            return Datum.parse(s);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("datum", e.getMessage());
        }
    }

    static void checkLonLat(double lon, double lat) {
        try {
            GeoJson.checkLonLat(lon, lat, "lon/lat");
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(e.getMessage().contains("geo.latitude") ? "lat" : "lon", e.getMessage().replaceFirst("^lon/lat: ", ""));
        }
    }

    private static Double round7(double d) {
        return Math.round(d * 1e7) / 1e7;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
