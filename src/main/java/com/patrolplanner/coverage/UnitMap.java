package com.patrolplanner.coverage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.patrolplanner.registry.Scope;
import com.patrolplanner.registry.Unit;
import com.patrolplanner.registry.UnitService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * The city's view per unit (issue 14, 市局): for each unit directly below a unit (the caller's, or one it drills into),
 * its area and the figures of the venues in it and the units below it: coverage ratio (venues inspected / active venues
 * in the period), inspections per venue, and open violations near schools today (compliance's published
 * {@code open_violation}, venues counted once). A unit with nothing below it is shown on its own. Another unit's (one the
 * caller does not see) is a 404.
 */
@ApplicationScoped
public class UnitMap {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    UnitService units;
    @Inject
    CoverageService coverage;
    @Inject
    EntityManager em;

    @Transactional
    public String geoJson(CoverageQuery q, String unit) {
        Long root;
        if (unit != null && !unit.isBlank()) {
            root = units.resolve(unit).id;
        } else {
            UnitService.UnitView mine = units.mine();
            root = mine == null ? null : mine.id();
        }
        List<Unit> children = units.children(root);
        if (children.isEmpty() && root != null) {
            children = List.of(Unit.<Unit>findById(root));
        }
        ObjectNode fc = JSON.createObjectNode();
        fc.put("type", "FeatureCollection");
        if (root != null) {
            Unit r = Unit.findById(root);
            fc.put("unitId", r.id);
            fc.put("unitName", r.name);
            fc.put("parentId", r.parentId);
        }
        ArrayNode features = fc.putArray("features");
        for (Unit c : children) {
            Scope s = units.scopeOf(c.id);
            long venues = 0;
            long inspected = 0;
            long inspections = 0;
            for (CoverageService.AreaStats a : coverage.units(q, s)) {
                venues += a.stats().venues();
                inspected += a.stats().venuesInspected();
                inspections += a.stats().inspections();
            }
            Object[] row = (Object[]) em.createNativeQuery("SELECT ST_AsGeoJSON(ST_SimplifyPreserveTopology(u.area, 0.0003), 6), "
                    + "(SELECT count(DISTINCT ov.venue_id) FROM open_violation ov JOIN venue v ON v.id = ov.venue_id WHERE "
                    + s.sql("v.unit_id") + "), EXISTS (SELECT 1 FROM unit b WHERE b.parent_id = u.id) FROM unit u WHERE u.id = ?1")
                    .setParameter(1, c.id).getSingleResult();
            ObjectNode f = features.addObject();
            f.put("type", "Feature");
            f.put("id", c.id);
            try {
                f.set("geometry", JSON.readTree((String) row[0]));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            ObjectNode p = f.putObject("properties");
            p.put("unitId", c.id);
            p.put("name", c.name);
            p.put("adcode", c.adcode);
            p.put("kind", c.kind);
            p.put("venues", venues);
            p.put("venuesInspected", inspected);
            if (venues == 0) {
                p.putNull("coverage");
                p.putNull("inspectionsPerVenue");
            } else {
                p.put("coverage", Math.round(Math.min(1.0, (double) inspected / venues) * 10000) / 10000.0);
                p.put("inspectionsPerVenue", Math.round((double) inspections / venues * 100) / 100.0);
            }
            p.put("inspections", inspections);
            p.put("openViolations", ((Number) row[1]).longValue());
            p.put("hasUnitsBelow", Boolean.TRUE.equals(row[2]));
        }
        return fc.toString();
    }
}
