package com.patrolplanner.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import com.patrolplanner.i18n.Messages;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException.ConstraintKind;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error leaves the service as problem+json; no stack trace ever reaches a client. Detail and reasons are
 * {@link Messages} references where the text is ours, written in the request's language.
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    public static Response problem(int status, String title, String detail, List<Problem.FieldError> errors, UriInfo uri) {
        return problem("about:blank", status, title, detail, errors, uri);
    }

    /** A problem of a named type (a URI reference a client can test, e.g. {@code /problems/password-change-required}). */
    public static Response problem(String type, int status, String title, String detail, List<Problem.FieldError> errors,
            UriInfo uri) {
        String instance = uri == null ? null : uri.getPath();
        return Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(new Problem(type, Messages.standardTitle(status, title), status, detail, instance, errors)).build();
    }

    @ServerExceptionMapper
    public Response tooMany(TooManyRequests e, UriInfo uri) {
        return Response.fromResponse(problem(429, "Too many requests", Messages.of("error.locked", e.retryAfterSeconds()), null, uri))
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds())).build();
    }

    @ServerExceptionMapper
    public Response api(ApiException e, UriInfo uri) {
        return problem(e.status(), e.title(), e.getMessage(), e.errors(), uri);
    }

    @ServerExceptionMapper
    public Response illegalArgument(IllegalArgumentException e, UriInfo uri) {
        String msg = e.getMessage() == null ? Messages.of("error.invalidArgument") : e.getMessage();
        // "field: reason"; a message reference ("⟦key␟08:00⟧") names no field, whatever colons its arguments hold
        String field = msg.contains(":") && !Messages.hasReference(msg.substring(0, msg.indexOf(':')))
                ? msg.substring(0, msg.indexOf(':')).trim() : null;
        return problem(400, "Bad request", msg,
                field == null ? null : List.of(Problem.FieldError.of(field, msg.substring(msg.indexOf(':') + 1).trim())), uri);
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errs = e.getConstraintViolations().stream()
                .map(v -> {
                    String path = v.getPropertyPath().toString();
                    // drop "method.argN." prefixes that Hibernate Validator puts on parameter paths
                    String[] parts = path.split("\\.");
                    String field = parts.length > 2 ? String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length))
                            : parts[parts.length - 1];
                    // resources call their request-body parameter "in": a missing body is the body's fault
                    if (parts.length == 2 && field.equals("in")) {
                        field = "body";
                    }
                    return Problem.FieldError.of(field, reason(v));
                })
                .sorted(java.util.Comparator.comparing(Problem.FieldError::field))
                .collect(Collectors.toList());
        String detail = errs.stream().map(f -> f.field() + " " + f.reason()).collect(Collectors.joining("; "));
        return problem(422, "Unprocessable content", detail, errs, uri);
    }

    private static final java.util.Set<String> ATTRIBUTE_FREE = java.util.Set.of("NotNull", "NotBlank", "NotEmpty",
            "Positive", "PositiveOrZero", "Negative", "Email", "Past", "Future", "FutureOrPresent", "PastOrPresent");

    /**
     * A constraint's own message when its annotation gives one (a message table key when written {@code "{key}"}); for the standard constraints with their default
     * message, the table's text with the annotation's bounds (min/max/value/regexp).
     */
    static String reason(jakarta.validation.ConstraintViolation<?> v) {
        var d = v.getConstraintDescriptor();
        String name = d.getAnnotation().annotationType().getSimpleName();
        String template = v.getMessageTemplate();
        if (template != null && template.startsWith("{") && template.endsWith("}")
                && Messages.exists(template.substring(1, template.length() - 1))) {
            return Messages.of(template.substring(1, template.length() - 1)); // message = "{key}": a key of the table
        }
        if (template == null || !template.equals("{jakarta.validation.constraints." + name + ".message}")) {
            return v.getMessage();
        }
        Map<String, Object> a = d.getAttributes();
        if (ATTRIBUTE_FREE.contains(name)) {
            return Messages.of("validation." + name);
        }
        return switch (name) {
            case "Size" -> Messages.of("validation.Size", a.get("min"), a.get("max"));
            case "Min", "Max", "DecimalMin", "DecimalMax" -> Messages.of("validation." + name, a.get("value"));
            case "Pattern" -> Messages.of("validation.Pattern", a.get("regexp"));
            default -> v.getMessage();
        };
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        if (e.getCause() instanceof ApiException a) {
            return api(a, uri); // a typed field's reader refused its value (e.g. registry.InputJson): its own answer
        }
        String field = null;
        if (e instanceof JsonMappingException jm && !jm.getPath().isEmpty()) {
            field = jm.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
        }
        String reason = e.getOriginalMessage();
        if (reason != null && reason.length() > 300) {
            reason = reason.substring(0, 300);
        }
        String said = Messages.of("error.malformedJson", reason);
        return problem(400, Messages.of("error.malformedJsonTitle"), (field == null ? "" : field + ": ") + said,
                field == null ? null : List.of(Problem.FieldError.of(field, said)), uri);
    }

    /**
     * A JSON value of the wrong shape ("东经119度" for a number, an array for an object). Quarkus has its own mapper for
     * this subtype that answers a bare JSON object, not a problem; this more specific one wins over it.
     */
    @ServerExceptionMapper
    public Response mismatched(com.fasterxml.jackson.databind.exc.MismatchedInputException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper
    public Response optimistic(OptimisticLockException e, UriInfo uri) {
        return problem(409, "Conflict", Messages.of("error.concurrent"), null, uri);
    }

    @ServerExceptionMapper
    public Response stale(StaleStateException e, UriInfo uri) {
        return problem(409, "Conflict", Messages.of("error.concurrent"), null, uri);
    }

    @ServerExceptionMapper
    public Response dbConstraint(org.hibernate.exception.ConstraintViolationException e, UriInfo uri) {
        if (e.getKind() == ConstraintKind.UNIQUE) {
            return problem(409, "Conflict", Messages.of("error.duplicate", e.getConstraintName()), null, uri);
        }
        String field = foreignKeyField(e);
        if (e.getKind() == ConstraintKind.FOREIGN_KEY && field != null) {
            return problem(422, "Unprocessable content", Messages.of("error.noSuchRecordDetail", field, e.getConstraintName()),
                    List.of(Problem.FieldError.of(field, Messages.of("error.noSuchRecord"))), uri);
        }
        return problem(422, "Unprocessable content", Messages.of("error.dbRule", e.getConstraintName()), null, uri);
    }

    private static final java.util.regex.Pattern FK_COLUMN = java.util.regex.Pattern.compile("Key \\(([a-z0-9_]+)\\)=");

    /**
     * The field a foreign-key violation is about, from PostgreSQL's detail "Key (team_id)=(9) is not present…" (team_id →
     * teamId), else from the default constraint name {@code table_column_id_fkey}; null when neither says.
     */
    static String foreignKeyField(org.hibernate.exception.ConstraintViolationException e) {
        java.util.regex.Matcher m = FK_COLUMN.matcher(String.valueOf(e.getSQLException() == null ? null
                : e.getSQLException().getMessage()));
        String column = m.find() ? m.group(1) : null;
        String constraint = e.getConstraintName();
        if (column == null && constraint != null && constraint.endsWith("_id_fkey")) {
            String[] w = constraint.substring(0, constraint.length() - "_fkey".length()).split("_");
            column = w.length < 2 ? null : w[w.length - 2] + "_id";
        }
        if (column == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (String part : column.split("_")) {
            sb.append(sb.length() == 0 ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        return sb.toString();
    }

    @ServerExceptionMapper
    public Response dbDown(JDBCConnectionException e, UriInfo uri) {
        LOG.warn("database unavailable: " + e.getMessage());
        return unavailable(uri);
    }

    /**
     * Whether {@code t} (one link of a cause chain) says the database cannot be reached now: a connection failure
     * (SQLState class 08), the server shutting down or restarting (57P01 admin shutdown, 57P02 crash shutdown, 57P03
     * cannot connect now: a primary restarted under the service, as {@code ./planner bench failover} does), or no pooled
     * connection in time. Such a request is answered 503 with Retry-After, never 500.
     */
    /** Whether any link of {@code e}'s cause chain says the database cannot be reached now ({@link #databaseUnavailable}). */
    public static boolean causedByDatabaseUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (databaseUnavailable(t)) {
                return true;
            }
        }
        return false;
    }

    static boolean databaseUnavailable(Throwable t) {
        String state = t instanceof SQLException se ? se.getSQLState() : null;
        return t instanceof JDBCConnectionException || t instanceof java.sql.SQLTransientConnectionException
                || (state != null && (state.startsWith("08") || state.startsWith("57P0")))
                || t.getClass().getName().contains("AcquisitionTimeout")
                || (t.getMessage() != null && t.getMessage().contains("Acquisition timeout"));
    }

    static Response unavailable(UriInfo uri) {
        return Response.fromResponse(problem(503, "Service unavailable", Messages.of("error.dbDown"), null, uri))
                .header(HttpHeaders.RETRY_AFTER, "5").build();
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri, HttpHeaders headers) {
        return unauthorized(uri, headers);
    }

    @ServerExceptionMapper
    public Response authFailed(AuthenticationFailedException e, UriInfo uri, HttpHeaders headers) {
        if (e.getCause() instanceof TooManyRequests locked) {
            return tooMany(locked, uri);
        }
        return unauthorized(uri, headers);
    }

    private Response unauthorized(UriInfo uri, HttpHeaders headers) {
        Response.ResponseBuilder b = Response.fromResponse(problem(401, "Unauthorized", Messages.of("error.unauthorized"),
                null, uri));
        // A browser page calling the API sets X-Requested-With; a Basic challenge would pop up the browser's own dialog.
        if (headers == null || headers.getHeaderString("X-Requested-With") == null) {
            b.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Patrol Planner\"");
        }
        return b.build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return problem(403, "Forbidden", Messages.of("error.forbidden"), null, uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        Response r = e.getResponse();
        int status = r.getStatus();
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            // unreadable JSON reaches us wrapped in a bare 400 ("HTTP 400 Bad Request"): say what and where
            if (t instanceof JsonProcessingException jpe) {
                return json(jpe, uri);
            }
        }
        if (status == 404 && e.getCause() != null && uri != null) {
            // JAX-RS answers 404 when a query parameter does not convert (limit=lots); it is the client's typo
            Response bad = badQueryParameter(e.getCause(), uri);
            if (bad != null) {
                return bad;
            }
        }
        if (status >= 500) {
            LOG.error("server error", e);
        }
        String title = r.getStatusInfo().getReasonPhrase();
        String detail = e.getMessage();
        if (status == 404) {
            detail = Messages.of("error.noSuchResource", uri == null ? "" : uri.getPath());
        }
        return problem(status, title, detail, null, uri);
    }

    /** 400 naming the query parameter whose value the conversion error quotes; null when none does (a bad path id stays 404). */
    private static Response badQueryParameter(Throwable cause, UriInfo uri) {
        String msg = String.valueOf(cause.getMessage());
        for (Map.Entry<String, List<String>> q : uri.getQueryParameters().entrySet()) {
            if (q.getValue().stream().anyMatch(v -> msg.contains("\"" + v + "\""))) {
                return problem(400, "Bad request", Messages.of("error.badValueDetail", q.getKey(), msg),
                        List.of(Problem.FieldError.of(q.getKey(), Messages.of("error.badValue"))), uri);
            }
        }
        return null;
    }

    @ServerExceptionMapper
    public Response any(Throwable e, UriInfo uri) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (databaseUnavailable(t)) {
                return unavailable(uri);
            }
            if (t instanceof ApiException ae) {
                return api(ae, uri);
            }
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return optimistic(null, uri);
            }
            if (t instanceof org.hibernate.exception.ConstraintViolationException cve) {
                return dbConstraint(cve, uri);
            }
        }
        LOG.error("unexpected error", e);
        return problem(500, "Internal server error", Messages.of("error.internal"), null, uri);
    }
}
