package com.patrolplanner.registry;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A team as a client writes it: its name and its base (where its patrols start and end, WGS-84 lon/lat, both or
 * neither). {@code version} is required on PUT (a stale one gets 409).
 */
public record TeamInput(@NotBlank @Size(max = 100) String name, Double baseLon, Double baseLat,
        @Size(max = 300) String baseAddress, Integer version, Long unitId) {
}
