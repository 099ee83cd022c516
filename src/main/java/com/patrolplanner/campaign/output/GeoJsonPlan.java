package com.patrolplanner.campaign.output;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A plan as an RFC 7946 FeatureCollection: one LineString per team route, one Point per stop (lon,lat, WGS-84). */
public final class GeoJsonPlan {
    private GeoJsonPlan() {
    }

    public static Map<String, Object> of(PlanView plan) {
        List<Object> features = new ArrayList<>();
        for (PlanView.Route r : plan.routes()) {
            if (r.line() != null) {
                Map<String, Object> props = new LinkedHashMap<>();
                props.put("kind", "route");
                props.put("teamId", r.teamId());
                props.put("teamName", r.teamName());
                props.put("stops", r.stops().size());
                props.put("travelMinutes", r.travelMinutes());
                props.put("shiftStart", r.shiftStart());
                props.put("backAtBase", r.backAtBase());
                features.add(feature(r.line(), props));
            }
            for (PlanView.Stop s : r.stops()) {
                Map<String, Object> props = new LinkedHashMap<>();
                props.put("kind", "stop");
                props.put("teamId", r.teamId());
                props.put("seq", s.seq());
                props.put("venueId", s.venueId());
                props.put("name", s.name());
                props.put("category", s.category());
                props.put("arrival", s.arrival());
                props.put("start", s.start());
                props.put("departure", s.departure());
                props.put("travelMinutes", s.travelMinutes());
                props.put("priority", s.priority());
                features.add(feature(Map.of("type", "Point", "coordinates", List.of(s.lon(), s.lat())), props));
            }
        }
        Map<String, Object> fc = new LinkedHashMap<>();
        fc.put("type", "FeatureCollection");
        fc.put("features", features);
        return fc;
    }

    private static Map<String, Object> feature(Object geometry, Map<String, Object> props) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("type", "Feature");
        f.put("geometry", geometry);
        f.put("properties", props);
        return f;
    }
}
