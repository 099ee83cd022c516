package com.patrolplanner.audit;

import com.patrolplanner.i18n.Messages;
import com.patrolplanner.security.Roles;
import com.patrolplanner.web.ApiException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * The audit trail, for administrators: newest first, filterable, a unit's administrator seeing its units' records only;
 * and a verification of the whole hash chain (the system administrator's).
 */
@Path("/api/audit")
@RolesAllowed(Roles.ADMIN)
public class AuditResource {
    @Inject
    AuditService audit;
    @Inject
    com.patrolplanner.security.CurrentUser current;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String list(@QueryParam("actor") String actor, @QueryParam("action") String action,
            @QueryParam("entityType") String entityType, @QueryParam("entityId") String entityId,
            @QueryParam("limit") Integer limit, @QueryParam("before") Long before) {
        int lim = limit == null ? 100 : limit;
        if (lim < 1 || lim > 1000) {
            throw ApiException.badRequest("limit", Messages.of("common.mustRange", 1, 1000));
        }
        return audit.list(new AuditService.Filter(actor, action, entityType, entityId, before), lim);
    }

    @GET
    @Path("/verify")
    @Produces(MediaType.APPLICATION_JSON)
    public AuditService.Verification verify() {
        current.requireSystemAdmin();
        return audit.verify();
    }
}
