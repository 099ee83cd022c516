package com.patrolplanner.registry;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A venue as a client writes it. {@code lon}/{@code lat} are in {@code datum} (WGS84 default, GCJ02, BD09) and converted
 * to WGS-84 on the way in. {@code openingHours} is a text ("Mo-Fr 09:00-22:00; Sa,Su 09:00-02:00") or a weekday map on
 * the wire, read into {@link OpeningHours} as the body is read (unreadable: 422 naming it, {@link InputJson.Hours}).
 * {@code version} is required on PUT (optimistic locking: a stale one gets 409).
 */
public record VenueInput(
        @Size(max = 64) String licenceNo,
        @NotBlank @Size(max = 300) String name,
        @NotBlank String category,
        @Size(max = 500) String address,
        Double lon,
        Double lat,
        String datum,
        @Schema(oneOf = {String.class, Map.class}, description = "a text (\"Mo-Fr 09:00-22:00; Sa,Su 09:00-02:00\") "
                + "or a weekday map ({\"mon\": \"09:00-22:00\", \"sun\": \"closed\"})") OpeningHours openingHours,
        @Min(0) Integer capacity,
        String status,
        @Min(0) Integer complaintCount,
        @Size(max = 4000) String notes,
        Integer version) {
}
