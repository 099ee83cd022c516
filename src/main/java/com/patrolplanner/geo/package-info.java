/** Datum conversion (WGS-84, GCJ-02, BD-09), geodesy on the WGS-84 ellipsoid and GeoJSON I/O; used by every capability. */
package com.patrolplanner.geo;
