package com.patrolplanner.zoning;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The one gate of every {@code /api/zone-sets/{id}/…} and {@code /api/zones/{id}/…} operation (issue 14): the set, or
 * the zone's set, must be one of the caller's units' ({@link ZoneService#inScope}, SQL), else 404 before the operation
 * runs. Operations that name sets or zones in their body (new zone, merge) go through the same predicate when they lock
 * the set.
 */
public class ZoneAccessFilter {
    private static final Pattern SET = Pattern.compile("^/?api/zone-sets/(\\d+)(/.*)?$");
    private static final Pattern ZONE = Pattern.compile("^/?api/zones/(\\d+)(/.*)?$");

    @Inject
    ZoneService zones;

    @ServerRequestFilter
    public void gate(ContainerRequestContext ctx) {
        String path = ctx.getUriInfo().getPath();
        Matcher m = SET.matcher(path);
        if (m.matches()) {
            zones.requireVisibleSet(id(m.group(1)));
            return;
        }
        m = ZONE.matcher(path);
        if (m.matches()) {
            zones.requireVisibleZone(id(m.group(1)));
        }
    }

    /** A path id; one beyond a long names nothing (404, not 500). */
    private static long id(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return -1L;
        }
    }
}
