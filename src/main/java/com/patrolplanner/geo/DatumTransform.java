package com.patrolplanner.geo;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;

/** Converts every vertex of a geometry between a Chinese offset datum and WGS-84. */
public final class DatumTransform {
    private DatumTransform() {
    }

    /** A copy of {@code g} with every vertex converted from {@code datum} to WGS-84 (same object when already WGS-84). */
    public static Geometry toWgs84(Geometry g, Datum datum) {
        if (g == null || datum == Datum.WGS84 || datum == Datum.CGCS2000) {
            return g;
        }
        Geometry copy = g.copy();
        copy.apply(new Filter(datum, true));
        copy.geometryChanged();
        copy.setSRID(GeoJson.WGS84_SRID);
        return copy;
    }

    /** A copy of {@code g} (WGS-84) with every vertex converted into {@code datum}. */
    public static Geometry fromWgs84(Geometry g, Datum datum) {
        if (g == null || datum == Datum.WGS84 || datum == Datum.CGCS2000) {
            return g;
        }
        Geometry copy = g.copy();
        copy.apply(new Filter(datum, false));
        copy.geometryChanged();
        return copy;
    }

    private record Filter(Datum datum, boolean inbound) implements CoordinateSequenceFilter {
        @Override
        public void filter(CoordinateSequence seq, int i) {
            double[] p = inbound ? datum.toWgs84(seq.getX(i), seq.getY(i)) : datum.fromWgs84(seq.getX(i), seq.getY(i));
            seq.setOrdinate(i, 0, p[0]);
            seq.setOrdinate(i, 1, p[1]);
        }

        @Override
        public boolean isDone() {
            return false;
        }

        @Override
        public boolean isGeometryChanged() {
            return true;
        }
    }
}
