package com.patrolplanner.registry;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * An inspector as a client writes it. A blank {@code certificateNo} means no enforcement certificate (执法证): the officer
 * stays in the register but does not count for {@link TwoOfficerRule}. {@code active} defaults to true; {@code version}
 * is required on PUT (a stale one gets 409).
 */
public record InspectorInput(@NotBlank @Size(max = 100) String name, @Size(max = 64) String certificateNo,
        @Size(max = 200) String unit, Long teamId, Boolean active, Integer version, Long unitId) {
}
