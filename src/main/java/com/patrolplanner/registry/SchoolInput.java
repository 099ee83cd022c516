package com.patrolplanner.registry;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.locationtech.jts.geom.Geometry;

/**
 * A school as a client writes it: point and/or campus (GeoJSON Polygon or MultiPolygon), both in {@code datum}. Without a
 * point, the campus centroid is used; without a campus, compliance verdicts measured from the point are approximate.
 * The campus is read from GeoJSON as the body is read ({@link InputJson.Campus}: checked, bounded, 422 naming it).
 */
public record SchoolInput(
        @NotBlank @Size(max = 300) String name,
        @NotBlank String level,
        @Size(max = 500) String address,
        Double lon,
        Double lat,
        @JsonDeserialize(using = InputJson.Campus.class)
        @Schema(implementation = Map.class, description = "GeoJSON Polygon or MultiPolygon") Geometry campus,
        String datum,
        Integer version) {
}
