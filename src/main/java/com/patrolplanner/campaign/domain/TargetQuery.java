package com.patrolplanner.campaign.domain;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.patrolplanner.compliance.RuleService;
import com.patrolplanner.compliance.SchoolPerimeter;
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
 * <p>It joins only relations other capabilities publish: registry's {@code venue} and {@code school}, zoning's
 * {@code active_zone} (a venue's zone key, and the {@code zoneId} filter: a zone of a district's active zone set),
 * inspection's {@code inspection} (days since the last check). "Near a school" is compliance's school perimeter
 * ({@link RuleService#schoolPerimeter}: its distance and school levels as in force on the as-of date).
 */
@ApplicationScoped
public class TargetQuery {
    @Inject
    EntityManager em;
    @Inject
    ObjectMapper mapper;
    @Inject
    RuleService rules;
    @Inject
    com.patrolplanner.registry.Jurisdiction jurisdiction;

    /**
     * The area a campaign of unit {@code unitId} works in, as a predicate on a unit column: that unit and the units
     * below it (a district campaign targets its district's venues and draws its officers; a city campaign the whole
     * city). TRUE for a campaign of no unit.
     */
    public String campaignArea(Long unitId, String column) {
        return unitId == null ? "TRUE"
                : new com.patrolplanner.registry.Scope(unitId, jurisdiction.below(unitId)).sql(column);
    }

    /** {@link #candidates(Targets, LocalDate, Long)} without a unit (the whole register). */
    public List<Candidate> candidates(Targets t, LocalDate asOf) {
        return candidates(t, asOf, null);
    }

    /** Venues the targets select, ordered by id (the order the draw's snapshot hash is taken in). */
    @SuppressWarnings("unchecked")
    public List<Candidate> candidates(Targets t, LocalDate asOf, Long unitId) {
        SchoolPerimeter perimeter = rules.schoolPerimeter(asOf);
        StringBuilder sql = new StringBuilder("""
                SELECT * FROM (
                  SELECT v.id, v.version, v.name, v.category, v.status, v.address, v.licence_no,
                         ST_X(v.geom) AS lon, ST_Y(v.geom) AS lat, v.opening_hours::text AS hours, v.complaint_count,
                         coalesce((SELECT z.id::text FROM active_zone z WHERE ST_Covers(z.geom, v.geom) ORDER BY z.id LIMIT 1),
                                  v.district_code) AS zone_key,
                         EXISTS (SELECT 1 FROM school s WHERE s.level = ANY(CAST(:schoolLevels AS varchar[])) AND (
                                   (s.campus IS NOT NULL AND ST_DWithin(s.campus::geography, v.geom::geography, :perimeterM))
                                OR (s.campus IS NULL AND ST_DWithin(s.geom::geography, v.geom::geography, :perimeterM)))) AS near_school,
                         (:asOf - (SELECT max(i.inspected_at)::date FROM inspection i
                                   WHERE i.venue_id = v.id AND i.inspected_at::date <= :asOf)) AS days_since
                  FROM venue v
                  WHERE v.geom IS NOT NULL AND v.status = ANY(CAST(:statuses AS varchar[]))
                """);
        sql.append(" AND ").append(campaignArea(unitId, "v.unit_id"));
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
            sql.append(" AND EXISTS (SELECT 1 FROM active_zone z WHERE z.id = :zoneId AND ST_Covers(z.geom, v.geom))");
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
        q.setParameter("schoolLevels", perimeter.levelArray());
        q.setParameter("perimeterM", perimeter.distanceM());
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
        if (t.zoneId() != null) {
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

    /** Whether {@code zoneId} is a zone of an active zone set (the zones a {@code zoneId} target can select). */
    public boolean activeZoneExists(long zoneId) {
        return !em.createNativeQuery("SELECT 1 FROM active_zone WHERE id = ?1").setParameter(1, zoneId).getResultList()
                .isEmpty();
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
