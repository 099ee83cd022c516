package com.patrolplanner.zoning;

import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.PolygonArea;
import net.sf.geographiclib.PolygonResult;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/** Area (m²) and perimeter (m) of WGS-84 polygons on the ellipsoid (Karney), as PostGIS geography measures them. */
final class GeodesicMeasure {
    private GeodesicMeasure() {
    }

    /** {area m², perimeter m} of a Polygon or MultiPolygon; holes subtract area and add perimeter. */
    static double[] areaPerimeter(Geometry g) {
        double area = 0;
        double per = 0;
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (g.getGeometryN(i) instanceof Polygon p) {
                double[] shell = ring(p.getExteriorRing());
                area += shell[0];
                per += shell[1];
                for (int h = 0; h < p.getNumInteriorRing(); h++) {
                    double[] hole = ring(p.getInteriorRingN(h));
                    area -= hole[0];
                    per += hole[1];
                }
            }
        }
        return new double[] {area, per};
    }

    static double area(Geometry g) {
        return areaPerimeter(g)[0];
    }

    private static double[] ring(LineString ring) {
        PolygonArea pa = new PolygonArea(Geodesic.WGS84, false);
        Coordinate[] cs = ring.getCoordinates();
        for (int i = 0; i < cs.length - 1; i++) {
            pa.AddPoint(cs[i].y, cs[i].x);
        }
        PolygonResult r = pa.Compute(false, true);
        return new double[] {Math.abs(r.area), r.perimeter};
    }
}
