package com.patrolplanner.zoning;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.patrolplanner.web.ApiException;
import com.patrolplanner.web.Problem;
import java.util.List;

/** 422: a zone would overlap other zones of its set; carries each overlapped zone and the overlap geometry. */
public class ZoneOverlapException extends ApiException {
    private final ArrayNode overlaps;

    public ZoneOverlapException(String detail, List<Problem.FieldError> errors, ArrayNode overlaps) {
        super(422, "Unprocessable content", detail, errors);
        this.overlaps = overlaps;
    }

    public ArrayNode overlaps() {
        return overlaps;
    }
}
