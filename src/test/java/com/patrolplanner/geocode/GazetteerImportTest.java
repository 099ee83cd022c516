package com.patrolplanner.geocode;

import static com.patrolplanner.TestSupport.as;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.patrolplanner.geo.Datum;
import com.patrolplanner.geocode.importer.AddressPointsImportHandler;
import com.patrolplanner.geocode.importer.OsmImportHandler;
import com.patrolplanner.importer.ImportHandler;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Real files: the OpenAddresses sample of Banff and the OpenStreetMap extract of Andorra. */
@QuarkusTest
class GazetteerImportTest {
    @Inject
    AddressPointsImportHandler addressPoints;
    @Inject
    OsmImportHandler osm;
    @Inject
    EntityManager em;

    @Test
    void openAddressesCsvOfBanff() throws Exception {
        Path f = SharedData.file("addresses/banff.csv");
        List<String> lines = Files.readAllLines(f);
        // OpenAddresses writes 0 for "no house number": such rows and rows without a street are skipped
        long withoutStreet = lines.stream().skip(1).map(l -> l.split(",", -1))
                .filter(c -> c[3].isBlank() || c[2].isBlank() || c[2].equals("0")).count();
        ImportHandler.Summary s = ImportSupport.run(addressPoints, "address-points", f, "banff.csv", Datum.WGS84, null);
        System.out.printf("banff.csv: imported %d, updated %d, unchanged %d, extra %s%n", s.imported(), s.updated(),
                s.unchanged(), s.extra());
        assertEquals(withoutStreet, ((Number) s.extra().get("skipped")).longValue());
        long rows = count("SELECT count(*) FROM gz_address WHERE source = 'address-points:banff.csv'");
        assertEquals(s.imported() + s.unchanged() + s.updated(), rows);
        assertTrue(rows > 1500, "most of the 1,698 rows are address points");
        long streets = count("SELECT count(*) FROM gz_street WHERE source = 'address-points:banff.csv'");
        assertTrue(streets > 50, "street names become streets: " + streets);

        as("planner").queryParam("q", "101 Banff Ave").get("/api/geocode").then().statusCode(200)
                .body("[0].level", equalTo("point"))
                .body("[0].lon", closeTo(-115.5715627, 1e-7))
                .body("[0].lat", closeTo(51.1745329, 1e-7));
    }

    @Test
    void openStreetMapPbfOfAndorra() {
        Path f = SharedData.file("osm/andorra.osm.pbf");
        ImportHandler.Summary s = ImportSupport.run(osm, "osm", f, "andorra.osm.pbf", Datum.WGS84, null);
        System.out.printf("andorra.osm.pbf: imported %d, updated %d, unchanged %d, extra %s%n", s.imported(), s.updated(),
                s.unchanged(), s.extra());
        long streets = count("SELECT count(*) FROM gz_street WHERE source = 'osm:andorra.osm.pbf' AND geom IS NOT NULL");
        long places = count("SELECT count(*) FROM gz_place WHERE source = 'osm:andorra.osm.pbf'");
        assertTrue(streets > 100, "named highways become street lines: " + streets);
        assertTrue(places > 50, "named POIs become places: " + places);
        long outside = count("SELECT count(*) FROM gz_street WHERE source = 'osm:andorra.osm.pbf' "
                + "AND NOT ST_Within(center, ST_MakeEnvelope(1.3, 42.3, 1.9, 42.8, 4326))");
        assertEquals(0, outside, "every street lies in Andorra");

        // a street line that appears once is found by its name at its centre point
        Object[] street = (Object[]) QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT name, ST_X(center), ST_Y(center) FROM gz_street WHERE source = 'osm:andorra.osm.pbf' AND geom IS NOT NULL "
                        + "AND length(name) > 12 AND name_norm NOT IN (SELECT name_norm FROM gz_street WHERE source <> "
                        + "'osm:andorra.osm.pbf') ORDER BY name LIMIT 1").getSingleResult());
        as("planner").queryParam("q", street[0]).get("/api/geocode").then().statusCode(200)
                .body("[0].level", equalTo("street"))
                .body("[0].lon", closeTo(((Number) street[1]).doubleValue(), 1e-7))
                .body("[0].lat", closeTo(((Number) street[2]).doubleValue(), 1e-7));
        // a named POI is found as a place
        Object[] place = (Object[]) QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT name, ST_X(geom), ST_Y(geom) FROM gz_place WHERE source = 'osm:andorra.osm.pbf' AND name ILIKE 'hotel %' "
                        + "AND name_norm IN (SELECT name_norm FROM gz_place GROUP BY name_norm HAVING count(*) = 1) "
                        + "ORDER BY name LIMIT 1").getSingleResult());
        as("planner").queryParam("q", place[0]).get("/api/geocode").then().statusCode(200)
                .body("find { it.level == 'place' }.lon", closeTo(((Number) place[1]).doubleValue(), 1e-7))
                .body("find { it.level == 'place' }.matched", equalTo(place[0]));
        // importing again changes nothing
        ImportHandler.Summary again = ImportSupport.run(osm, "osm", f, "andorra.osm.pbf", Datum.WGS84, null);
        assertEquals(0, again.imported() + again.updated());
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }
}
