package com.patrolplanner.audit;

import com.patrolplanner.security.Roles;
import com.patrolplanner.web.ApiException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The audit trail, for administrators: newest first, filterable; and a verification of the whole hash chain. */
@Path("/api/audit")
@RolesAllowed(Roles.ADMIN)
public class AuditResource {
    @Inject
    EntityManager em;
    @Inject
    AuditService audit;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String list(@QueryParam("actor") String actor, @QueryParam("action") String action,
            @QueryParam("entityType") String entityType, @QueryParam("entityId") String entityId,
            @QueryParam("limit") Integer limit, @QueryParam("before") Long before) {
        int lim = limit == null ? 100 : limit;
        if (lim < 1 || lim > 1000) {
            throw ApiException.badRequest("limit", "must be 1..1000");
        }
        StringBuilder where = new StringBuilder(" WHERE true");
        java.util.List<Object> params = new java.util.ArrayList<>();
        if (actor != null) {
            where.append(" AND actor = ?").append(params.size() + 1);
            params.add(actor);
        }
        if (action != null) {
            where.append(" AND action = ?").append(params.size() + 1);
            params.add(action);
        }
        if (entityType != null) {
            where.append(" AND entity_type = ?").append(params.size() + 1);
            params.add(entityType);
        }
        if (entityId != null) {
            where.append(" AND entity_id = ?").append(params.size() + 1);
            params.add(entityId);
        }
        if (before != null) {
            where.append(" AND seq < ?").append(params.size() + 1);
            params.add(before);
        }
        Query q = em.createNativeQuery("SELECT coalesce(json_agg(json_build_object('seq',seq,'at',at,'actor',actor,'action',action,"
                + "'entityType',entity_type,'entityId',entity_id,'details',details,'prevHash',prev_hash,'hash',hash) ORDER BY seq DESC),'[]')::text "
                + "FROM (SELECT * FROM audit_log" + where + " ORDER BY seq DESC LIMIT " + lim + ") a");
        for (int i = 0; i < params.size(); i++) {
            q.setParameter(i + 1, params.get(i));
        }
        return (String) q.getSingleResult();
    }

    @GET
    @Path("/verify")
    @Produces(MediaType.APPLICATION_JSON)
    public AuditService.Verification verify() {
        return audit.verify();
    }
}
