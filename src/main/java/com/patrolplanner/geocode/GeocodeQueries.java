package com.patrolplanner.geocode;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Read-side SQL of the geocoder: reverse geocoding (nearest address point / street / place within a radius in metres on
 * the WGS-84 spheroid, containing district), batch results and the review queue.
 */
@ApplicationScoped
public class GeocodeQueries {
    @jakarta.inject.Inject
    com.patrolplanner.registry.Jurisdiction jurisdiction;
    /** How far (metres) a reverse answer may be from the asked position, per kind. */
    static final double POINT_RADIUS_M = 100;
    static final double STREET_RADIUS_M = 300;
    static final double PLACE_RADIUS_M = 150;

    @Inject
    EntityManager em;

    /**
     * The reverse-geocoding answer: the nearest address point, street and place within their radii (absent when none),
     * the districts covering the position (smallest first; {@code district} is the first), and the finest level found
     * with its text.
     */
    public record Reverse(double lon, double lat, @JsonInclude(JsonInclude.Include.NON_NULL) AddressPoint addressPoint,
            @JsonInclude(JsonInclude.Include.NON_NULL) NearStreet street,
            @JsonInclude(JsonInclude.Include.NON_NULL) NearPlace place, List<Area> areas,
            @JsonInclude(JsonInclude.Include.NON_NULL) Area district, String level, String address) {
    }

    public record AddressPoint(String number, String street, String unit, Double lon, Double lat, double distanceM,
            String source) {
    }

    public record NearStreet(String name, double distanceM, String source) {
    }

    public record NearPlace(String name, String kind, double distanceM, String source) {
    }

    public record Area(String adcode, String name, String level) {
    }

    public Reverse reverse(double lon, double lat) {
        String pt = "ST_SetSRID(ST_MakePoint(?1, ?2), 4326)";
        List<?> a = em.createNativeQuery("SELECT number, street, ST_X(geom), ST_Y(geom), ST_Distance(geom::geography, "
                + pt + "::geography), source, unit FROM gz_address ORDER BY geom <-> " + pt + " LIMIT 1")
                .setParameter(1, lon).setParameter(2, lat).getResultList();
        Object[] addr = a.isEmpty() ? null : (Object[]) a.get(0);
        List<?> s = em.createNativeQuery("SELECT name, ST_Distance(geom::geography, " + pt + "::geography), source "
                + "FROM gz_street WHERE geom IS NOT NULL ORDER BY geom <-> " + pt + " LIMIT 1")
                .setParameter(1, lon).setParameter(2, lat).getResultList();
        Object[] street = s.isEmpty() ? null : (Object[]) s.get(0);
        List<?> p = em.createNativeQuery("SELECT name, kind, ST_Distance(geom::geography, " + pt + "::geography), source "
                + "FROM gz_place ORDER BY geom <-> " + pt + " LIMIT 1")
                .setParameter(1, lon).setParameter(2, lat).getResultList();
        Object[] place = p.isEmpty() ? null : (Object[]) p.get(0);
        List<?> d = em.createNativeQuery("SELECT adcode, name, level FROM district WHERE ST_Covers(geom, " + pt
                + ") ORDER BY ST_Area(geom)").setParameter(1, lon).setParameter(2, lat).getResultList();

        String level = null;
        String text = null;
        boolean chinese = false;
        AddressPoint point = null;
        if (addr != null && ((Number) addr[4]).doubleValue() <= POINT_RADIUS_M) {
            String num = (String) addr[0];
            String st = (String) addr[1];
            chinese = com.patrolplanner.geocode.parse.ChineseText.hasHan(st);
            text = chinese ? st + num + "号" : num + " " + st;
            level = "point";
            point = new AddressPoint(num, st, (String) addr[6], dbl(addr[2]), dbl(addr[3]), round1(addr[4]), (String) addr[5]);
        }
        NearStreet nearStreet = null;
        if (street != null && ((Number) street[1]).doubleValue() <= STREET_RADIUS_M) {
            nearStreet = new NearStreet((String) street[0], round1(street[1]), (String) street[2]);
            if (level == null) {
                level = "street";
                text = (String) street[0];
            }
        }
        NearPlace nearPlace = null;
        if (place != null && ((Number) place[2]).doubleValue() <= PLACE_RADIUS_M) {
            nearPlace = new NearPlace((String) place[0], place[1] == null ? "" : (String) place[1], round1(place[2]),
                    (String) place[3]);
            if (level == null) {
                level = "place";
                text = (String) place[0];
            }
        }
        List<Area> areas = new ArrayList<>();
        for (Object o : d) {
            Object[] r = (Object[]) o;
            areas.add(new Area((String) r[0], (String) r[1], (String) r[2]));
        }
        Area district = null;
        if (!areas.isEmpty()) {
            district = areas.get(0);
            if (level == null) {
                level = areas.get(0).level();
                text = areas.get(0).name();
            }
        }
        return new Reverse(lon, lat, point, nearStreet, nearPlace, areas, district, level, text);
    }

    /** One address of a batch job as geocoded; position and match fields null when nothing was found. */
    public record BatchResult(String id, Double lon, Double lat, String level, Double confidence, String matched,
            String source, String address) {
    }

    /** The best candidate a review item was given. */
    public record ReviewCandidate(Double lon, Double lat, String level, Double confidence, String matched, String source) {
    }

    /** A venue or school waiting for a planner, with its best candidate (or null). */
    public record ReviewItem(String entityType, long entityId, String name, String address, String status,
            ReviewCandidate candidate, String jobId, String queuedAt) {
    }

    public List<BatchResult> results(UUID jobId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT item_id, lon, lat, level, confidence, matched, source, address "
                + "FROM geocode_result WHERE job_id = ?1 ORDER BY seq").setParameter(1, jobId).getResultList();
        List<BatchResult> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            out.add(new BatchResult((String) r[0], dbl(r[1]), dbl(r[2]), (String) r[3], dbl(r[4]), (String) r[5],
                    (String) r[6], (String) r[7]));
        }
        return out;
    }

    /** Venues and schools waiting for a planner: their best candidate was below the auto-apply confidence. */
    public List<ReviewItem> review(String entityType, int limit, int offset) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT r.entity_type, r.entity_id, e.name, r.address, r.lon, r.lat, r.level, r.confidence, r.matched,
                       r.source, r.job_id, r.created_at, e.geocode_status
                FROM geocode_review r
                JOIN (SELECT 'venue' AS t, id, name, geocode_status, unit_id FROM venue
                      UNION ALL SELECT 'school', id, name, geocode_status, unit_id FROM school) e
                  ON e.t = r.entity_type AND e.id = r.entity_id
                WHERE e.geocode_status IN ('none', 'failed', 'review') AND (?1 = '' OR r.entity_type = ?1) AND\s"""
                // the review queue of the caller's units (issue 14): a record's unit is its position's, else its district's
                + jurisdiction.scope().sql("e.unit_id") + "\n" + """
                ORDER BY r.confidence NULLS FIRST, r.created_at, r.id LIMIT ?2 OFFSET ?3""")
                .setParameter(1, entityType == null ? "" : entityType).setParameter(2, limit).setParameter(3, offset)
                .getResultList();
        List<ReviewItem> out = new ArrayList<>();
        for (Object[] r : rows) {
            ReviewCandidate c = r[4] == null ? null
                    : new ReviewCandidate(dbl(r[4]), dbl(r[5]), (String) r[6], dbl(r[7]), (String) r[8], (String) r[9]);
            out.add(new ReviewItem((String) r[0], ((Number) r[1]).longValue(), (String) r[2], (String) r[3],
                    (String) r[12], c, r[10] == null ? null : r[10].toString(), r[11] == null ? null : r[11].toString()));
        }
        return out;
    }

    private static Double dbl(Object o) {
        return o == null ? null : ((Number) o).doubleValue();
    }

    /** An adcode for a district filter given as adcode or name; null when nothing matches. */
    public String adcodeOf(String district) {
        if (district == null || district.isBlank()) {
            return null;
        }
        if (district.trim().matches("\\d{6}")) {
            return district.trim();
        }
        List<?> r = em.createNativeQuery("SELECT adcode FROM district WHERE name = ?1 ORDER BY ST_Area(geom) LIMIT 1")
                .setParameter(1, district.trim()).getResultList();
        return r.isEmpty() ? null : (String) r.get(0);
    }

    private static double round1(Object o) {
        return Math.round(((Number) o).doubleValue() * 10) / 10.0;
    }
}
