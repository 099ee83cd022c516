package com.patrolplanner.geocode;

import com.patrolplanner.sql.Conn;
import com.patrolplanner.sql.Cursor;
import com.patrolplanner.sql.Columns;
import com.patrolplanner.sql.Stmt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the gazetteer (tables gz_address, gz_street, gz_place; SRID 4326) in array-bound batches, one statement per
 * few thousand rows, inside the caller's transaction. Upserts by a dedupe key so that importing the same file twice
 * changes nothing; counts inserted / updated / unchanged rows.
 */
@ApplicationScoped
public class GazetteerStore {
    private static final int BATCH = 5000;

    @Inject
    EntityManager em;
    @Inject
    com.patrolplanner.sql.Db db;

    /** An address point already in WGS-84. */
    public record AddressRow(String number, Integer numberInt, String street, String streetNorm, String unit,
            String building, String city, String district, String region, String postcode, String extId, double lon,
            double lat) {
    }

    public record PlaceRow(String key, String name, String nameNorm, String kind, double lon, double lat) {
    }

    /** A street as WKT (MultiLineString, WGS-84). */
    public record StreetRow(String name, String nameNorm, String wkt) {
    }

    public record Counts(long inserted, long updated, long unchanged) {
        Counts plus(Counts o) {
            return new Counts(inserted + o.inserted, updated + o.updated, unchanged + o.unchanged);
        }
    }

    public static String addressKey(String source, AddressRow r) {
        if (r.extId() != null && !r.extId().isBlank()) {
            return source + "|id:" + r.extId();
        }
        return source + "|" + r.streetNorm() + "|" + r.number().toLowerCase(Locale.ROOT) + "|"
                + (r.unit() == null ? "" : r.unit().toLowerCase(Locale.ROOT)) + "|"
                + String.format(Locale.ROOT, "%.6f,%.6f", r.lon(), r.lat());
    }

    public Counts upsertAddresses(String source, String datum, List<AddressRow> rows, Runnable perBatch) {
        Map<String, AddressRow> unique = new LinkedHashMap<>();
        for (AddressRow r : rows) {
            unique.put(addressKey(source, r), r);
        }
        List<Map.Entry<String, AddressRow>> all = new ArrayList<>(unique.entrySet());
        Counts total = new Counts(0, 0, 0);
        for (int i = 0; i < all.size(); i += BATCH) {
            List<Map.Entry<String, AddressRow>> chunk = all.subList(i, Math.min(all.size(), i + BATCH));
            total = total.plus(work(c -> {
                String sql = """
                        INSERT INTO gz_address (dedupe_key, number, number_int, street, street_norm, unit, building, city,
                            district, region, postcode, ext_id, source, source_datum, geom)
                        SELECT k, n, ni, s, sn, u, b, c, d, r, pc, e, ?, ?, ST_SetSRID(ST_MakePoint(x, y), 4326)
                        FROM unnest(?::text[], ?::text[], ?::int[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                    ?::text[], ?::text[], ?::text[], ?::text[], ?::float8[], ?::float8[])
                             AS t(k, n, ni, s, sn, u, b, c, d, r, pc, e, x, y)
                        ON CONFLICT (dedupe_key) DO UPDATE SET number = EXCLUDED.number, number_int = EXCLUDED.number_int,
                            street = EXCLUDED.street, street_norm = EXCLUDED.street_norm, unit = EXCLUDED.unit,
                            building = EXCLUDED.building, city = EXCLUDED.city, district = EXCLUDED.district,
                            region = EXCLUDED.region, postcode = EXCLUDED.postcode, source_datum = EXCLUDED.source_datum,
                            geom = EXCLUDED.geom, updated_at = now()
                        WHERE (gz_address.number, gz_address.street, gz_address.unit, gz_address.building, gz_address.city,
                               gz_address.district, gz_address.region, gz_address.postcode, gz_address.source_datum)
                              IS DISTINCT FROM (EXCLUDED.number, EXCLUDED.street, EXCLUDED.unit, EXCLUDED.building,
                               EXCLUDED.city, EXCLUDED.district, EXCLUDED.region, EXCLUDED.postcode, EXCLUDED.source_datum)
                           OR NOT ST_Equals(gz_address.geom, EXCLUDED.geom)
                        RETURNING (xmax = 0)""";
                try (Stmt ps = c.prepare(sql)) {
                    ps.setString(1, source);
                    ps.setString(2, datum);
                    Columns.of(chunk).text(Map.Entry::getKey).text(e -> e.getValue().number())
                            .int4(e -> e.getValue().numberInt()).text(e -> e.getValue().street())
                            .text(e -> e.getValue().streetNorm()).text(e -> e.getValue().unit())
                            .text(e -> e.getValue().building()).text(e -> e.getValue().city())
                            .text(e -> e.getValue().district()).text(e -> e.getValue().region())
                            .text(e -> e.getValue().postcode()).text(e -> e.getValue().extId())
                            .float8(e -> e.getValue().lon()).float8(e -> e.getValue().lat()).bind(ps, 3);
                    return counts(ps, chunk.size());
                }
            }));
            if (perBatch != null) {
                perBatch.run();
            }
        }
        return total;
    }

    public Counts upsertPlaces(String source, String datum, List<PlaceRow> rows) {
        Map<String, PlaceRow> unique = new LinkedHashMap<>();
        for (PlaceRow r : rows) {
            unique.put(source + "|" + r.key(), r);
        }
        List<Map.Entry<String, PlaceRow>> all = new ArrayList<>(unique.entrySet());
        Counts total = new Counts(0, 0, 0);
        for (int i = 0; i < all.size(); i += BATCH) {
            List<Map.Entry<String, PlaceRow>> chunk = all.subList(i, Math.min(all.size(), i + BATCH));
            total = total.plus(work(c -> {
                String sql = """
                        INSERT INTO gz_place (dedupe_key, name, name_norm, kind, source, source_datum, geom)
                        SELECT k, n, nn, kd, ?, ?, ST_SetSRID(ST_MakePoint(x, y), 4326)
                        FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::float8[], ?::float8[]) AS t(k, n, nn, kd, x, y)
                        ON CONFLICT (dedupe_key) DO UPDATE SET name = EXCLUDED.name, name_norm = EXCLUDED.name_norm,
                            kind = EXCLUDED.kind, geom = EXCLUDED.geom, updated_at = now()
                        WHERE (gz_place.name, gz_place.kind) IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.kind)
                           OR NOT ST_Equals(gz_place.geom, EXCLUDED.geom)
                        RETURNING (xmax = 0)""";
                try (Stmt ps = c.prepare(sql)) {
                    ps.setString(1, source);
                    ps.setString(2, datum);
                    Columns.of(chunk).text(Map.Entry::getKey).text(e -> e.getValue().name()).text(e -> e.getValue().nameNorm())
                            .text(e -> e.getValue().kind()).float8(e -> e.getValue().lon()).float8(e -> e.getValue().lat())
                            .bind(ps, 3);
                    return counts(ps, chunk.size());
                }
            }));
        }
        return total;
    }

    /** Street lines (e.g. named OSM ways, all ways of one name merged into one MultiLineString). */
    public Counts upsertStreets(String source, String datum, List<StreetRow> rows) {
        Counts total = new Counts(0, 0, 0);
        for (int i = 0; i < rows.size(); i += BATCH) {
            List<StreetRow> chunk = rows.subList(i, Math.min(rows.size(), i + BATCH));
            total = total.plus(work(c -> {
                String sql = """
                        INSERT INTO gz_street (name, name_norm, geom, center, source, source_datum)
                        SELECT n, nn, g, ST_ClosestPoint(g, ST_Centroid(g)), ?, ?
                        FROM (SELECT n, nn, ST_Multi(ST_GeomFromText(w, 4326)) AS g
                              FROM unnest(?::text[], ?::text[], ?::text[]) AS t(n, nn, w)) q
                        ON CONFLICT (source, name_norm) DO UPDATE SET name = EXCLUDED.name, geom = EXCLUDED.geom,
                            center = EXCLUDED.center, updated_at = now()
                        WHERE gz_street.geom IS NULL OR NOT ST_Equals(gz_street.geom, EXCLUDED.geom)
                        RETURNING (xmax = 0)""";
                try (Stmt ps = c.prepare(sql)) {
                    ps.setString(1, source);
                    ps.setString(2, datum);
                    Columns.of(chunk).text(StreetRow::name).text(StreetRow::nameNorm).text(StreetRow::wkt).bind(ps, 3);
                    return counts(ps, chunk.size());
                }
            }));
        }
        return total;
    }

    /**
     * Street names seen in the source's address points become street rows (no line; center = centroid of the points)
     * unless a street line of that name exists already; then every row of the source gets its district code.
     */
    public void finishSource(String source, String datum) {
        em.createNativeQuery("""
                INSERT INTO gz_street (name, name_norm, center, source, source_datum)
                SELECT min(street), street_norm, ST_Centroid(ST_Collect(geom)), ?1, ?2 FROM gz_address
                WHERE source = ?1 GROUP BY street_norm
                ON CONFLICT (source, name_norm) DO UPDATE SET center = EXCLUDED.center, updated_at = now()
                WHERE gz_street.geom IS NULL AND NOT ST_Equals(gz_street.center, EXCLUDED.center)""")
                .setParameter(1, source).setParameter(2, datum).executeUpdate();
        for (String t : List.of("gz_address", "gz_place")) {
            em.createNativeQuery("UPDATE " + t + " a SET district_code = (SELECT d.adcode FROM district d "
                    + "WHERE ST_Covers(d.geom, a.geom) ORDER BY ST_Area(d.geom) LIMIT 1) WHERE a.source = ?1")
                    .setParameter(1, source).executeUpdate();
        }
        em.createNativeQuery("UPDATE gz_street s SET district_code = (SELECT d.adcode FROM district d "
                + "WHERE ST_Covers(d.geom, s.center) ORDER BY ST_Area(d.geom) LIMIT 1) WHERE s.source = ?1")
                .setParameter(1, source).executeUpdate();
    }

    /** Removes everything one source brought (the benchmark rebuilds its gazetteer this way). */
    public long deleteSource(String source) {
        long n = 0;
        for (String t : List.of("gz_address", "gz_street", "gz_place")) {
            n += em.createNativeQuery("DELETE FROM " + t + " WHERE source = ?1").setParameter(1, source).executeUpdate();
        }
        return n;
    }


    private static Counts counts(Stmt ps, int n) {
        long ins = 0;
        long upd = 0;
        try (Cursor rs = ps.executeQuery()) {
            while (rs.next()) {
                if (rs.getBoolean(1)) {
                    ins++;
                } else {
                    upd++;
                }
            }
        }
        return new Counts(ins, upd, n - ins - upd);
    }

    interface Work<T> {
        T run(Conn c);
    }

    <T> T work(Work<T> w) {
        try (Conn c = db.open()) { // the transaction's connection, as Hibernate's
            return w.run(c);
        }
    }
}
