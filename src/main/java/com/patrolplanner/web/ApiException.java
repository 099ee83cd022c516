package com.patrolplanner.web;

import com.patrolplanner.i18n.Messages;
import java.util.List;

/**
 * A failure that is the client's to fix (or a conflict): becomes a problem+json response with its status. Detail and
 * reasons may be {@link Messages} references, written in the request's language.
 */
public class ApiException extends RuntimeException {
    private final int status;
    private final String title;
    private final List<Problem.FieldError> errors;

    public ApiException(int status, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
    }

    public static ApiException badRequest(String field, String reason) {
        return new ApiException(400, "Bad request", field + ": " + reason, List.of(Problem.FieldError.of(field, reason)));
    }

    public static ApiException unprocessable(String detail, List<Problem.FieldError> errors) {
        return new ApiException(422, "Unprocessable content", detail, errors);
    }

    public static ApiException invalid(String field, String reason) {
        return unprocessable(field + ": " + reason, List.of(Problem.FieldError.of(field, reason)));
    }

    public static ApiException notFound(String what) {
        return new ApiException(404, "Not found", Messages.of("error.notFound", what), null);
    }

    public static ApiException conflict(String detail) {
        return new ApiException(409, "Conflict", detail, null);
    }

    public static ApiException staleVersion(String what, long given, long current) {
        return new ApiException(409, "Conflict", Messages.of("error.stale", what, given, current),
                List.of(Problem.FieldError.of("version", Messages.of("error.staleField", current))));
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
