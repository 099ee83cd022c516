package com.patrolplanner.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem document ({@code application/problem+json}). {@code errors} names each bad field or row so that a
 * planner can fix an import file without guessing.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {
    public static final String MEDIA_TYPE = "application/problem+json";

    /** One bad value: {@code row} is the 1-based data row of an imported file (header not counted), else null. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldError(Integer row, String field, String reason) {
        public static FieldError of(String field, String reason) {
            return new FieldError(null, field, reason);
        }
    }
}
