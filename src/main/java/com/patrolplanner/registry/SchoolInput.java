package com.patrolplanner.registry;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A school as a client writes it: point and/or campus (GeoJSON Polygon or MultiPolygon), both in {@code datum}. Without a
 * point, the campus centroid is used; without a campus, compliance verdicts measured from the point are approximate.
 */
public record SchoolInput(
        @NotBlank @Size(max = 300) String name,
        @NotBlank String level,
        @Size(max = 500) String address,
        Double lon,
        Double lat,
        JsonNode campus,
        String datum,
        Integer version) {
}
