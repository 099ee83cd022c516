package com.patrolplanner.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Read-your-writes with a replica ({@link ReadSource}): a successful write (any method but GET, HEAD, OPTIONS; status
 * below 400) answers with the primary's WAL position in the cookie {@value ReadSource#COOKIE}, so the writer's next
 * lag-tolerant reads wait for the replica to reach it or go to the primary. Only when a replica is configured.
 */
@Provider
public class WriteMark implements ContainerResponseFilter {
    private static final Logger LOG = Logger.getLogger(WriteMark.class);
    static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    /** Long enough for any healthy replica to replay a write; a replica further behind is broken anyway. */
    static final int MAX_AGE_SECONDS = 300;

    @Inject
    ReadSource reads;

    @Override
    public void filter(ContainerRequestContext req, ContainerResponseContext res) {
        if (READS.contains(req.getMethod()) || res.getStatus() >= 400 || !reads.replicaConfigured()) {
            return;
        }
        try {
            String lsn = reads.primaryLsn();
            if (lsn != null) {
                boolean secure = "https".equals(req.getUriInfo().getBaseUri().getScheme());
                res.getHeaders().add(HttpHeaders.SET_COOKIE, ReadSource.COOKIE + "=" + lsn + "; Path=/; Max-Age="
                        + MAX_AGE_SECONDS + "; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : ""));
            }
        } catch (Exception e) {
            LOG.debug("no WAL position for the write mark: " + e.getMessage());
        }
    }
}
