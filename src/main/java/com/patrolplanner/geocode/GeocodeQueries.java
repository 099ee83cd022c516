package com.patrolplanner.geocode;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Read-side SQL of the geocoder: reverse geocoding (nearest address point / street / place within a radius in metres on
 * the WGS-84 spheroid, containing district), batch results and the review queue.
 */
@ApplicationScoped
public class GeocodeQueries {
    /** How far (metres) a reverse answer may be from the asked position, per kind. */
    static final double POINT_RADIUS_M = 100;
    static final double STREET_RADIUS_M = 300;
    static final double PLACE_RADIUS_M = 150;

    @Inject
    EntityManager em;

    public Map<String, Object> reverse(double lon, double lat) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("lon", lon);
        out.put("lat", lat);
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
        if (addr != null && ((Number) addr[4]).doubleValue() <= POINT_RADIUS_M) {
            String num = (String) addr[0];
            String st = (String) addr[1];
            chinese = com.patrolplanner.geocode.parse.ChineseText.hasHan(st);
            text = chinese ? st + num + "号" : num + " " + st;
            level = "point";
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("number", num);
            m.put("street", st);
            m.put("unit", addr[6]);
            m.put("lon", addr[2]);
            m.put("lat", addr[3]);
            m.put("distanceM", round1(addr[4]));
            m.put("source", addr[5]);
            out.put("addressPoint", m);
        }
        if (street != null && ((Number) street[1]).doubleValue() <= STREET_RADIUS_M) {
            out.put("street", Map.of("name", street[0], "distanceM", round1(street[1]), "source", street[2]));
            if (level == null) {
                level = "street";
                text = (String) street[0];
            }
        }
        if (place != null && ((Number) place[2]).doubleValue() <= PLACE_RADIUS_M) {
            out.put("place", Map.of("name", place[0], "kind", place[1] == null ? "" : place[1],
                    "distanceM", round1(place[2]), "source", place[3]));
            if (level == null) {
                level = "place";
                text = (String) place[0];
            }
        }
        List<Map<String, Object>> areas = new ArrayList<>();
        for (Object o : d) {
            Object[] r = (Object[]) o;
            areas.add(Map.of("adcode", r[0], "name", r[1], "level", r[2]));
        }
        out.put("areas", areas);
        if (!areas.isEmpty()) {
            out.put("district", areas.get(0));
            if (level == null) {
                level = (String) areas.get(0).get("level");
                text = (String) areas.get(0).get("name");
            }
        }
        out.put("level", level);
        out.put("address", text);
        return out;
    }

    public List<Map<String, Object>> results(UUID jobId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT item_id, lon, lat, level, confidence, matched, source, address "
                + "FROM geocode_result WHERE job_id = ?1 ORDER BY seq").setParameter(1, jobId).getResultList();
        List<Map<String, Object>> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", r[0]);
            m.put("lon", r[1]);
            m.put("lat", r[2]);
            m.put("level", r[3]);
            m.put("confidence", r[4]);
            m.put("matched", r[5]);
            m.put("source", r[6]);
            m.put("address", r[7]);
            out.add(m);
        }
        return out;
    }

    /** Venues and schools waiting for a planner: their best candidate was below the auto-apply confidence. */
    public List<Map<String, Object>> review(String entityType, int limit, int offset) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT r.entity_type, r.entity_id, e.name, r.address, r.lon, r.lat, r.level, r.confidence, r.matched,
                       r.source, r.job_id, r.created_at, e.geocode_status
                FROM geocode_review r
                JOIN (SELECT 'venue' AS t, id, name, geocode_status FROM venue
                      UNION ALL SELECT 'school', id, name, geocode_status FROM school) e
                  ON e.t = r.entity_type AND e.id = r.entity_id
                WHERE e.geocode_status IN ('none', 'failed', 'review') AND (?1 = '' OR r.entity_type = ?1)
                ORDER BY r.confidence NULLS FIRST, r.created_at, r.id LIMIT ?2 OFFSET ?3""")
                .setParameter(1, entityType == null ? "" : entityType).setParameter(2, limit).setParameter(3, offset)
                .getResultList();
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object[] r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("entityType", r[0]);
            m.put("entityId", ((Number) r[1]).longValue());
            m.put("name", r[2]);
            m.put("address", r[3]);
            m.put("status", r[12]);
            if (r[4] != null) {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("lon", r[4]);
                c.put("lat", r[5]);
                c.put("level", r[6]);
                c.put("confidence", r[7]);
                c.put("matched", r[8]);
                c.put("source", r[9]);
                m.put("candidate", c);
            } else {
                m.put("candidate", null);
            }
            m.put("jobId", r[10] == null ? null : r[10].toString());
            m.put("queuedAt", r[11] == null ? null : r[11].toString());
            out.add(m);
        }
        return out;
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
