package com.patrolplanner.ogc;

import com.patrolplanner.sql.Conn;
import com.patrolplanner.sql.Cursor;
import com.patrolplanner.sql.Db;
import com.patrolplanner.sql.Stmt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of the OGC collections: a page of features is one statement (the count of matching rows and the page's
 * Features rendered by PostGIS with {@code ST_AsGeoJSON}, 7 decimals ≈ 1 cm), bounded by the page size cap and a
 * statement timeout. Reads only the published relations named in {@link OgcCatalog}.
 */
@ApplicationScoped
class FeatureStore {
    /** No OGC read runs longer than this (seconds); a client asking for too much gets a 500 problem, not a stuck pool. */
    static final int TIMEOUT_SECONDS = 20;

    @Inject
    Db db;

    /** A WHERE clause built from the request's filters, its values bound in order. */
    static final class Where {
        final List<String> clauses = new ArrayList<>();
        final List<Object> params = new ArrayList<>();

        Where add(String clause, Object... values) {
            clauses.add(clause);
            params.addAll(List.of(values));
            return this;
        }

        String sql() {
            return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
        }
    }

    record Page(long matched, String features) {
    }

    record One(String feature, Integer version) {
    }

    record Extent(double[] bbox, OffsetDateTime from, OffsetDateTime to) {
    }

    static String feature(CollectionSpec c, OgcCrs crs) {
        String geom = crs.latLon ? "ST_FlipCoordinates(" + c.geom() + ")" : c.geom();
        return "json_build_object('type','Feature','id'," + c.idExpr() + ",'geometry',ST_AsGeoJSON(" + geom
                + ", 7)::json,'properties'," + c.properties() + ")::text";
    }

    Page page(CollectionSpec c, Where w, OgcCrs crs, int limit, long offset) {
        String sql = "SELECT (SELECT count(*) FROM " + c.from() + w.sql() + "), (SELECT string_agg(f, ',' ORDER BY k) FROM "
                + "(SELECT " + c.idExpr() + " AS k, " + feature(c, crs) + " AS f FROM " + c.from() + w.sql() + " ORDER BY "
                + c.idExpr() + " LIMIT ? OFFSET ?) p)";
        try (Conn con = db.open(); Stmt st = con.prepare(sql)) {
            st.setQueryTimeout(TIMEOUT_SECONDS);
            int i = bind(st, 1, w.params);
            i = bind(st, i, w.params);
            st.setInt(i++, limit);
            st.setLong(i, offset);
            try (Cursor rs = st.executeQuery()) {
                rs.next();
                String f = rs.getString(2);
                return new Page(rs.getLong(1), f == null ? "" : f);
            }
        }
    }

    One one(CollectionSpec c, Where w, OgcCrs crs) {
        String sql = "SELECT " + feature(c, crs) + ", " + (c.version() == null ? "NULL" : c.version()) + " FROM " + c.from()
                + w.sql();
        try (Conn con = db.open(); Stmt st = con.prepare(sql)) {
            st.setQueryTimeout(TIMEOUT_SECONDS);
            bind(st, 1, w.params);
            try (Cursor rs = st.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                Object v = rs.getObject(2);
                return new One(rs.getString(1), v == null ? null : ((Number) v).intValue());
            }
        }
    }

    /** The WGS-84 bounding box of the rows the caller may see (null when there are none) and their time span. */
    Extent extent(CollectionSpec c, Where w) {
        String t = c.temporal() == null ? "NULL::timestamptz" : c.temporal();
        String sql = "SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e), t0, t1 FROM (SELECT ST_Extent(" + c.geom()
                + ") AS e, min(" + t + ") AS t0, max(" + t + ") AS t1 FROM " + c.from() + w.sql() + ") x";
        try (Conn con = db.open(); Stmt st = con.prepare(sql)) {
            st.setQueryTimeout(TIMEOUT_SECONDS);
            bind(st, 1, w.params);
            try (Cursor rs = st.executeQuery()) {
                rs.next();
                double[] bbox = null;
                if (rs.getObject(1) != null) {
                    bbox = new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)};
                }
                return new Extent(bbox, rs.getObject(5, OffsetDateTime.class), rs.getObject(6, OffsetDateTime.class));
            }
        }
    }

    private static int bind(Stmt st, int from, List<Object> params) {
        int i = from;
        for (Object p : params) {
            st.setObject(i++, p);
        }
        return i;
    }
}
