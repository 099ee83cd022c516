package com.patrolplanner.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.patrolplanner.i18n.Lang;
import com.patrolplanner.i18n.Messages;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes an upload over {@code quarkus.http.limits.max-body-size} a 413 problem+json. Left alone, Quarkus REST notices
 * the size only while parsing a multipart body, ends the response with an empty 413 and closes the connection.
 *
 * <ul>
 *   <li>A declared {@code Content-Length} over the limit is refused before anything is read.</li>
 *   <li>A multipart body without one (chunked, as many HTTP clients send uploads) is read by Vert.x's body handler with
 *   the same limit; Quarkus REST then takes the parsed form from it. When the limit is hit the body handler fails the
 *   request with 413, which the failure handler here answers as a problem. Uploads without any credentials are not
 *   read: the endpoint refuses them with 401 first.</li>
 * </ul>
 */
@ApplicationScoped
public class BodyLimit {
    private static final String ANSWERED = BodyLimit.class.getName() + ".answered";

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10M")
    MemorySize maxBodySize;
    @ConfigProperty(name = "quarkus.http.body.uploads-directory", defaultValue = "file-uploads")
    String uploadsDirectory;
    @Inject
    ObjectMapper mapper;

    void install(@Observes Router router) {
        long limit = maxBodySize.asLongValue();
        BodyHandler multipart = BodyHandler.create(uploadsDirectory).setBodyLimit(limit).setHandleFileUploads(true)
                .setDeleteUploadedFilesOnEnd(true).setMergeFormAttributes(true);
        // Before Quarkus' own Content-Length check (order -2), which answers 413 with an empty body.
        router.route().order(-3).handler(rc -> {
            if (declaredLength(rc) > limit) {
                // do not read what was refused: close once the problem is out (as Quarkus' own check does)
                rc.response().putHeader(HttpHeaders.CONNECTION, "close")
                        .endHandler(v -> rc.request().connection().close());
                tooLarge(rc, limit);
            } else {
                rc.next();
            }
        });
        // After authentication, so that an anonymous caller gets its 401 unread.
        router.route().order(-1).handler(rc -> {
            String type = rc.request().getHeader(HttpHeaders.CONTENT_TYPE);
            if (declaredLength(rc) < 0 && type != null && type.toLowerCase().startsWith("multipart/") && !anonymous(rc)) {
                multipart.handle(rc);
            } else {
                rc.next();
            }
        }).failureHandler(rc -> {
            if (rc.statusCode() == 413 && !rc.response().headWritten()) {
                tooLarge(rc, limit);
            } else if (rc.get(ANSWERED) == null) {
                rc.next();
            }
            // else: the body handler keeps failing on the rest of a refused upload ("Pipe closed"); the client has its 413
        });
    }

    private static long declaredLength(RoutingContext rc) {
        String declared = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            return declared == null ? -1 : Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * Callers without any credentials get their 401 from the endpoint without the server reading their upload first.
     * Only the presence of credentials is looked at: identity checks may still be running at this point.
     */
    private static boolean anonymous(RoutingContext rc) {
        if (rc.user() instanceof QuarkusHttpUser u && u.getSecurityIdentity() != null
                && !u.getSecurityIdentity().isAnonymous()) {
            return false;
        }
        return rc.request().getHeader(HttpHeaders.AUTHORIZATION) == null && rc.request().getHeader(HttpHeaders.COOKIE) == null;
    }

    private void tooLarge(RoutingContext rc, long limit) {
        String body;
        try {
            // written by Vert.x, not JAX-RS: resolved here rather than by i18n.LocalisingWriter
            Lang lang = Lang.of(rc.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
            body = mapper.writeValueAsString(new Problem("about:blank", "Content too large", 413,
                    Messages.text(Messages.of("error.tooLarge", limit / (1024 * 1024)), lang), rc.request().path(), null));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        rc.put(ANSWERED, true);
        rc.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE).end(body);
    }
}
