package com.patrolplanner.campaign.travel;

import com.patrolplanner.geo.Datum;
import com.patrolplanner.geocode.ImportSupport;
import com.patrolplanner.geocode.SharedData;
import com.patrolplanner.importer.ImportHandler;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** The Andorra extract (../shared/data/osm, ODbL, OSM 2013) as the road network of the tests. */
public final class RoadTestData {
    public static final String SOURCE = "roads:andorra.osm.pbf";
    /** Andorra la Vella, Plaça del Poble, and Encamp, by the church: about 6 km apart over the CG-2. */
    public static final double[] LA_VELLA = {1.5226, 42.5068};
    public static final double[] ENCAMP = {1.5810, 42.5347};

    private RoadTestData() {
    }

    public static ImportHandler.Summary importAndorra(RoadImportHandler h) {
        return ImportSupport.run(h, RoadImportHandler.KIND, SharedData.file("osm/andorra.osm.pbf"), "andorra.osm.pbf",
                Datum.WGS84, null);
    }

    /** Imports the extract unless a test of this run did already. */
    public static synchronized void ensureAndorra(RoadImportHandler h, RoadNetwork roads) {
        boolean present = QuarkusTransaction.requiringNew().call(() -> roads.sources().containsKey(SOURCE));
        if (!present) {
            importAndorra(h);
        }
    }
}
