package com.patrolplanner.web;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A statement cancelled by {@link StatementTimeout} becomes 503 with Retry-After: the request asked for more work than
 * one request may do, nothing was written. Runtime failures of any other kind go on to {@link ProblemMappers}.
 */
public class StatementTimeoutMapper {
    private static final Logger LOG = Logger.getLogger(StatementTimeoutMapper.class);
    private final ProblemMappers others = new ProblemMappers();

    @ServerExceptionMapper
    public Response runtime(RuntimeException e, UriInfo uri) {
        if (StatementTimeout.cancelled(e)) {
            LOG.warn("statement cancelled after the request time limit: " + (uri == null ? "" : uri.getPath()));
            return Response.fromResponse(ProblemMappers.problem(503, "Service unavailable",
                    "the request took longer than the database time limit and was cancelled; nothing was written. "
                            + "Ask for less (a shorter period, a smaller area) or try again later.", null, uri))
                    .header(HttpHeaders.RETRY_AFTER, "30").build();
        }
        return others.any(e, uri);
    }
}
