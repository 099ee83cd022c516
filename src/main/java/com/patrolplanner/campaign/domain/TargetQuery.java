package com.patrolplanner.campaign.domain;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The spatial SQL of campaigns, in one place: which registered venues a campaign's {@link Targets} select.
 * SRID 4326; distances in metres on the ellipsoid ({@code ::geography}, served by the GiST indexes on the geography
 * casts of {@code school.geom}, {@code school.campus}).
 *
 * <p>Zones ({@code pp.zone}) and inspections ({@code pp.inspection}) are built by other capabilities: when their
 * tables are absent a zone filter falls back to nothing matching and every venue counts as never inspected.
 */
@ApplicationScoped
public class TargetQuery {
    @Inject
    EntityManager em;
    @Inject
    ObjectMapper mapper;

    /** Venues the targets select, ordered by id (the order the draw's snapshot hash is taken in). */
    @SuppressWarnings("unchecked")
    public List<Candidate> candidates(Targets t, LocalDate asOf) {
        String zoneGeom = zoneGeometryColumn();
        String inspectedAt = inspectionTimeColumn();
        String lastInspection = inspectedAt == null ? "NULL::date"
                : "(SELECT max(i." + inspectedAt + ")::date FROM inspection i WHERE i.venue_id = v.id AND i."
                        + inspectedAt + "::date <= :asOf)";
        String zoneKey = zoneGeom == null ? "v.district_code"
                : "coalesce((SELECT z.id::text FROM zone z WHERE ST_Covers(z." + zoneGeom
                        + ", v.geom) ORDER BY z.id LIMIT 1), v.district_code)";
        StringBuilder sql = new StringBuilder("""
                SELECT * FROM (
                  SELECT v.id, v.version, v.name, v.category, v.status, v.address, v.licence_no,
                         ST_X(v.geom) AS lon, ST_Y(v.geom) AS lat, v.opening_hours::text AS hours, v.complaint_count,
                """).append(zoneKey).append(" AS zone_key,\n").append("""
                         EXISTS (SELECT 1 FROM school s WHERE s.level <> 'vocational' AND (
                                   (s.campus IS NOT NULL AND ST_DWithin(s.campus::geography, v.geom::geography, :buffer))
                                OR (s.campus IS NULL AND ST_DWithin(s.geom::geography, v.geom::geography, :buffer)))) AS near_school,
                """).append("(:asOf - ").append(lastInspection).append(") AS days_since\n").append("""
                  FROM venue v
                  WHERE v.geom IS NOT NULL AND v.status = ANY(CAST(:statuses AS varchar[]))
                """);
        if (t.categories() != null && !t.categories().isEmpty()) {
            sql.append(" AND v.category = ANY(CAST(:categories AS varchar[]))");
        }
        if (t.minComplaints() != null) {
            sql.append(" AND v.complaint_count >= :minComplaints");
        }
        if (t.venueIds() != null) {
            sql.append(" AND v.id = ANY(CAST(:venueIds AS bigint[]))");
        }
        if (t.zoneId() != null) {
            sql.append(zoneGeom == null ? " AND false"
                    : " AND EXISTS (SELECT 1 FROM zone z WHERE z.id = :zoneId AND ST_Covers(z." + zoneGeom + ", v.geom))");
        }
        sql.append(") c WHERE true");
        if (Boolean.TRUE.equals(t.nearSchool())) {
            sql.append(" AND c.near_school");
        } else if (Boolean.FALSE.equals(t.nearSchool())) {
            sql.append(" AND NOT c.near_school");
        }
        if (t.minDaysSinceInspection() != null) {
            sql.append(" AND (c.days_since IS NULL OR c.days_since >= :minDays)");
        }
        sql.append(" ORDER BY c.id");
        Query q = em.createNativeQuery(sql.toString());
        q.setParameter("asOf", asOf);
        q.setParameter("buffer", Targets.SCHOOL_BUFFER_METRES);
        q.setParameter("statuses", t.effectiveStatuses().toArray(new String[0]));
        if (t.categories() != null && !t.categories().isEmpty()) {
            q.setParameter("categories", t.categories().toArray(new String[0]));
        }
        if (t.minComplaints() != null) {
            q.setParameter("minComplaints", t.minComplaints());
        }
        if (t.venueIds() != null) {
            q.setParameter("venueIds", t.venueIds().toArray(new Long[0]));
        }
        if (t.zoneId() != null && zoneGeom != null) {
            q.setParameter("zoneId", t.zoneId());
        }
        if (t.minDaysSinceInspection() != null) {
            q.setParameter("minDays", t.minDaysSinceInspection());
        }
        List<Object[]> rows = q.getResultList();
        List<Candidate> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            out.add(new Candidate(((Number) r[0]).longValue(), ((Number) r[1]).intValue(), (String) r[2], (String) r[3],
                    (String) r[4], (String) r[5], (String) r[6], ((Number) r[7]).doubleValue(),
                    ((Number) r[8]).doubleValue(), hours((String) r[9]), ((Number) r[10]).intValue(), (String) r[11],
                    (Boolean) r[12], r[13] == null ? null : ((Number) r[13]).intValue()));
        }
        return out;
    }

    public boolean zoneExists(long zoneId) {
        String g = zoneGeometryColumn();
        return g != null && ((Number) em.createNativeQuery("SELECT count(*) FROM zone WHERE id = ?1")
                .setParameter(1, zoneId).getSingleResult()).longValue() > 0;
    }

    /** The geometry column of pp.zone, or null while the zoning capability has not created it. */
    String zoneGeometryColumn() {
        return column("zone", List.of("geom", "geometry", "boundary", "area"));
    }

    /** The time column of pp.inspection, or null while the coverage capability has not created it. */
    String inspectionTimeColumn() {
        if (column("inspection", List.of("venue_id")) == null) {
            return null;
        }
        return column("inspection", List.of("inspected_at", "checked_at", "started_at", "visited_at",
                "inspection_date", "date", "created_at"));
    }

    @SuppressWarnings("unchecked")
    private String column(String table, List<String> preferred) {
        Object exists = em.createNativeQuery("SELECT to_regclass('pp." + table + "') IS NOT NULL").getSingleResult();
        if (!Boolean.TRUE.equals(exists)) {
            return null;
        }
        List<String> cols = em.createNativeQuery("SELECT column_name::text FROM information_schema.columns "
                + "WHERE table_schema = 'pp' AND table_name = ?1").setParameter(1, table).getResultList();
        for (String p : preferred) {
            if (cols.contains(p)) {
                return p;
            }
        }
        return null;
    }

    private Map<String, String> hours(String json) {
        if (json == null) {
            return null;
        }
        try {
            return mapper.readValue(json, new TypeReference<Map<String, String>>() { });
        } catch (Exception e) {
            return null;
        }
    }
}
