package com.patrolplanner.geocode.importer;

import com.patrolplanner.geocode.GazetteerStore;
import com.patrolplanner.geocode.GazetteerStore.AddressRow;
import com.patrolplanner.geocode.GazetteerStore.PlaceRow;
import com.patrolplanner.geocode.GazetteerStore.StreetRow;
import com.patrolplanner.geocode.parse.StreetKeys;
import com.patrolplanner.geo.Datum;
import com.patrolplanner.importer.ImportHandler;
import com.patrolplanner.importer.NodeStore;
import com.patrolplanner.importer.OsmPbf;
import com.patrolplanner.jobs.JobService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.openstreetmap.osmosis.core.container.v0_6.EntityContainer;
import org.openstreetmap.osmosis.core.domain.v0_6.Entity;
import org.openstreetmap.osmosis.core.domain.v0_6.Node;
import org.openstreetmap.osmosis.core.domain.v0_6.Tag;
import org.openstreetmap.osmosis.core.domain.v0_6.Way;
import org.openstreetmap.osmosis.core.domain.v0_6.WayNode;
import org.openstreetmap.osmosis.core.task.v0_6.Sink;

/**
 * Kind {@code osm}: an OpenStreetMap {@code .osm.pbf}. Nodes and ways with {@code addr:housenumber} + {@code addr:street}
 * become address points (a way at the mean of its nodes); named nodes and ways carrying a POI key (amenity, shop,
 * tourism, …) become places; named {@code highway} ways become streets, all ways of one name merged into one
 * MultiLineString. Relations are not read. One pass: PBF files list nodes before ways, so node positions are kept until
 * the ways arrive, on disk ({@link NodeStore}: 24 bytes a node, memory-mapped), not on the heap: a province-sized file
 * imports inside a small heap.
 */
@ApplicationScoped
public class OsmImportHandler implements ImportHandler {
    public static final String KIND = "osm";
    private static final List<String> POI_KEYS = List.of("amenity", "shop", "tourism", "leisure", "office", "historic",
            "craft", "place", "railway", "aeroway", "building", "public_transport", "healthcare", "sport");

    @Inject
    GazetteerStore store;

    @Override
    public Set<String> kinds() {
        return Set.of(KIND);
    }

    @Override
    public Summary importFile(Request request, JobService.Progress progress) throws Exception {
        String source = KIND + ":" + (request.filename() == null ? request.file().getFileName() : request.filename());
        Collector c = new Collector(request.datum());
        try (c.nodeStore) {
            OsmPbf.read(request.file(), c);
        }
        progress.total(c.addresses.size() + c.places.size() + c.streets.size());
        GazetteerStore.Counts a = store.upsertAddresses(source, request.datum().name(), c.addresses, null);
        progress.advance(c.addresses.size());
        GazetteerStore.Counts p = store.upsertPlaces(source, request.datum().name(), c.places);
        progress.advance(c.places.size());
        List<StreetRow> streets = new ArrayList<>();
        for (var e : c.streets.entrySet()) {
            List<LineString> lines = e.getValue();
            MultiLineString ml = com.patrolplanner.geo.GeoJson.FACTORY.createMultiLineString(lines.toArray(new LineString[0]));
            streets.add(new StreetRow(c.streetNames.get(e.getKey()), e.getKey(), ml.toText()));
        }
        GazetteerStore.Counts s = store.upsertStreets(source, request.datum().name(), streets);
        progress.advance(streets.size());
        store.finishSource(source, request.datum().name());
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("source", source);
        extra.put("addressPoints", c.addresses.size());
        extra.put("places", c.places.size());
        extra.put("streets", streets.size());
        extra.put("nodesRead", c.nodes);
        extra.put("waysRead", c.ways);
        return new Summary(a.inserted() + p.inserted() + s.inserted(), a.updated() + p.updated() + s.updated(),
                a.unchanged() + p.unchanged() + s.unchanged(), extra);
    }

    private static final class Collector implements Sink {
        private final Datum datum;
        final NodeStore nodeStore = new NodeStore();
        private final double[] xy = new double[2];
        final List<AddressRow> addresses = new ArrayList<>();
        final List<PlaceRow> places = new ArrayList<>();
        final Map<String, List<LineString>> streets = new LinkedHashMap<>();
        final Map<String, String> streetNames = new HashMap<>();
        long nodes;
        long ways;

        Collector(Datum datum) {
            this.datum = datum;
        }

        @Override
        public void initialize(Map<String, Object> metaData) {
        }

        @Override
        public void process(EntityContainer container) {
            Entity e = container.getEntity();
            if (e instanceof Node node) {
                nodes++;
                double[] w = datum.toWgs84(node.getLongitude(), node.getLatitude());
                nodeStore.put(node.getId(), w[0], w[1]);
                Map<String, String> tags = tags(node);
                if (!tags.isEmpty()) {
                    feature("n" + node.getId(), tags, w[0], w[1]);
                }
            } else if (e instanceof Way way) {
                ways++;
                Map<String, String> tags = tags(way);
                if (tags.isEmpty()) {
                    return;
                }
                List<Coordinate> coords = new ArrayList<>();
                for (WayNode wn : way.getWayNodes()) {
                    if (nodeStore.get(wn.getNodeId(), xy)) {
                        coords.add(new Coordinate(xy[0], xy[1]));
                    }
                }
                if (coords.isEmpty()) {
                    return;
                }
                String name = tags.get("name");
                if (tags.containsKey("highway") && name != null && coords.size() >= 2) {
                    String key = StreetKeys.streetKey(name);
                    streets.computeIfAbsent(key, k -> new ArrayList<>())
                            .add(com.patrolplanner.geo.GeoJson.FACTORY.createLineString(coords.toArray(new Coordinate[0])));
                    streetNames.putIfAbsent(key, name);
                    return;
                }
                double sx = 0;
                double sy = 0;
                int m = coords.size();
                boolean closed = m > 1 && coords.get(0).equals2D(coords.get(m - 1));
                int count = closed ? m - 1 : m;
                for (int i = 0; i < count; i++) {
                    sx += coords.get(i).x;
                    sy += coords.get(i).y;
                }
                feature("w" + way.getId(), tags, sx / count, sy / count);
            }
        }

        private void feature(String key, Map<String, String> tags, double lon, double lat) {
            String hn = tags.get("addr:housenumber");
            String street = tags.get("addr:street");
            if (hn != null && street != null) {
                String num = hn.trim().toUpperCase(Locale.ROOT).replaceAll("\\s+", "");
                Integer ni = num.matches("^\\d+.*") ? Integer.valueOf(num.replaceAll("^(\\d{1,9}).*", "$1")) : null;
                addresses.add(new AddressRow(num, ni, street.trim(), StreetKeys.streetKey(street), tags.get("addr:unit"),
                        null, tags.get("addr:city"), tags.get("addr:district"), tags.get("addr:province"),
                        tags.get("addr:postcode"), "osm:" + key, lon, lat));
            }
            String name = tags.get("name");
            if (name != null && !name.isBlank()) {
                for (String k : POI_KEYS) {
                    String v = tags.get(k);
                    if (v != null && !v.equals("no")) {
                        places.add(new PlaceRow(key, name.trim(), StreetKeys.placeKey(name), k + "=" + v, lon, lat));
                        break;
                    }
                }
            }
        }

        private static Map<String, String> tags(Entity e) {
            Map<String, String> m = new HashMap<>();
            for (Tag t : e.getTags()) {
                m.put(t.getKey(), t.getValue());
            }
            return m;
        }

        @Override
        public void complete() {
        }

        @Override
        public void close() {
        }
    }
}
