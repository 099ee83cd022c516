package com.patrolplanner;

import static com.patrolplanner.TestSupport.as;

import com.patrolplanner.security.AppUser;

/**
 * Units and their users for the tests that need a unit tree of their own: an area as a GeoJSON box, a unit made through
 * the administrator's API, a user of a unit written straight into {@code app_user} (password = user name).
 */
public final class UnitFixtures {
    private UnitFixtures() {
    }

    /** A GeoJSON Polygon: the box from (x0, y0) to (x1, y1). */
    public static String box(double x0, double y0, double x1, double y1) {
        return "{\"type\":\"Polygon\",\"coordinates\":[[[" + x0 + "," + y0 + "],[" + x1 + "," + y0 + "],[" + x1 + "," + y1
                + "],[" + x0 + "," + y1 + "],[" + x0 + "," + y0 + "]]]}";
    }

    /** A GeoJSON Polygon: the box {x0, y0, x1, y1}. */
    public static String box(double[] b) {
        return box(b[0], b[1], b[2], b[3]);
    }

    /** A unit made by the administrator (201 expected); {@code adcode} and {@code parent} may be null. Its id. */
    public static long unit(String name, String adcode, String kind, Long parent, String area) {
        String body = "{\"name\":\"" + name + "\",\"kind\":\"" + kind + "\"" + (adcode == null ? "" : ",\"adcode\":\"" + adcode + "\"")
                + (parent == null ? "" : ",\"parentId\":" + parent) + ",\"area\":" + area + "}";
        return as("admin").contentType("application/json").body(body).post("/api/units").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    /** A user of {@code unit} with one role, password = name (inside the caller's transaction). */
    public static AppUser user(String name, String role, long unit) {
        AppUser u = new AppUser();
        u.username = name;
        u.password = AppUser.hash(name);
        u.roles = role;
        u.unitId = unit;
        u.persist();
        return u;
    }
}
