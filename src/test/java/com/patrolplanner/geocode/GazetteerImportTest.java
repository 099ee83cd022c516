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
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Real files: the OpenAddresses sample of Banff and the OpenStreetMap extract of Andorra. Expected values come from the
 * files themselves (read here, or with the Osmosis reader in {@link OsmTruth}), never from the tables the importer wrote.
 */
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
        // the expectations, from the file itself: OpenAddresses writes 0 for "no house number"; such rows and rows without
        // a street are skipped, every other row is one address point on its street (LON,LAT,NUMBER,STREET,…; no quoting)
        List<String[]> rows = Files.readAllLines(f).stream().skip(1).map(l -> l.split(",", -1)).toList();
        List<String[]> points = rows.stream().filter(c -> !c[3].isBlank() && !c[2].isBlank() && !c[2].equals("0")).toList();
        long skipped = rows.size() - points.size();
        Set<String> streetNames = points.stream().map(c -> c[3].trim().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        String[] banffAve101 = points.stream().filter(c -> c[2].equals("101") && c[3].equals("Banff Avenue")).findFirst()
                .orElseThrow();

        ImportHandler.Summary s = ImportSupport.run(addressPoints, "address-points", f, "banff.csv", Datum.WGS84, null);
        System.out.printf("banff.csv: imported %d, updated %d, unchanged %d, extra %s%n", s.imported(), s.updated(),
                s.unchanged(), s.extra());
        assertEquals(skipped, ((Number) s.extra().get("skipped")).longValue());
        assertEquals(points.size(), count("SELECT count(*) FROM gz_address WHERE source = 'address-points:banff.csv'"));
        assertEquals(streetNames.size(), count("SELECT count(*) FROM gz_street WHERE source = 'address-points:banff.csv'"),
                "one street per street name of the file");

        // "Ave" is the usual short form of "Avenue"; the point is the file's own position of 101 Banff Avenue
        as("planner").queryParam("q", "101 Banff Ave").get("/api/geocode").then().statusCode(200)
                .body("[0].level", equalTo("point"))
                .body("[0].lon", closeTo(Double.parseDouble(banffAve101[0]), 1e-7))
                .body("[0].lat", closeTo(Double.parseDouble(banffAve101[1]), 1e-7));
    }

    @Test
    void openStreetMapPbfOfAndorra() {
        Path f = SharedData.file("osm/andorra.osm.pbf");
        // the expectations, read from the file with the Osmosis reader (not through the importer)
        OsmTruth truth = OsmTruth.read(f);
        ImportHandler.Summary s = ImportSupport.run(osm, "osm", f, "andorra.osm.pbf", Datum.WGS84, null);
        System.out.printf("andorra.osm.pbf: imported %d, updated %d, unchanged %d, extra %s%n", s.imported(), s.updated(),
                s.unchanged(), s.extra());
        assertEquals(truth.nodes, ((Number) s.extra().get("nodesRead")).longValue());
        assertEquals(truth.ways, ((Number) s.extra().get("waysRead")).longValue());
        long outside = count("SELECT count(*) FROM gz_street WHERE source = 'osm:andorra.osm.pbf' "
                + "AND NOT ST_Within(center, ST_MakeEnvelope(1.3, 42.3, 1.9, 42.8, 4326))");
        assertEquals(0, outside, "every street lies in Andorra");

        // a street that is one way of a name used by nothing else in the file is found on that way's line
        String street = truth.highways.entrySet().stream()
                .filter(e -> e.getKey().length() > 12 && e.getValue().size() == 1 && e.getValue().get(0).length >= 2
                        && truth.nameUse.get(e.getKey()) == 1)
                .map(Map.Entry::getKey).findFirst().orElseThrow();
        io.restassured.path.json.JsonPath found = as("planner").queryParam("q", street).get("/api/geocode").then()
                .statusCode(200).body("[0].level", equalTo("street")).extract().jsonPath();
        double metres = truth.metresToHighway(street, found.getDouble("[0].lon"), found.getDouble("[0].lat"));
        assertTrue(metres < 1.0, street + " is found " + metres + " m off its line");
        // a named hotel node is found as a place, at the node's own position
        Map.Entry<String, double[]> hotel = truth.uniqueTourismNode("Hotel ");
        as("planner").queryParam("q", hotel.getKey()).get("/api/geocode").then().statusCode(200)
                .body("find { it.level == 'place' }.matched", equalTo(hotel.getKey()))
                .body("find { it.level == 'place' }.lon", closeTo(hotel.getValue()[0], 1e-7))
                .body("find { it.level == 'place' }.lat", closeTo(hotel.getValue()[1], 1e-7));
        // importing again changes nothing
        ImportHandler.Summary again = ImportSupport.run(osm, "osm", f, "andorra.osm.pbf", Datum.WGS84, null);
        assertEquals(0, again.imported() + again.updated());
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }
}
