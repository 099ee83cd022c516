package com.patrolplanner.jobs;

import com.patrolplanner.i18n.Messages;
import com.patrolplanner.security.CurrentUser;
import com.patrolplanner.security.Roles;
import com.patrolplanner.web.ApiException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/**
 * Progress of asynchronous jobs: state QUEUED|RUNNING|DONE|FAILED|CANCELLED, processed, total, percent, etaSeconds.
 * DELETE asks the job to stop on whichever node runs it: 202 when the request is recorded, 409 when the job has ended.
 */
@Path("/api/jobs")
@RolesAllowed({Roles.PLANNER, Roles.TEAM_LEADER, Roles.MANAGER, Roles.ADMIN})
public class JobResource {
    @Inject
    JobService jobs;
    @Inject
    CurrentUser user;

    @GET
    @Path("/{id}")
    public JobStatus get(@PathParam("id") String id) {
        JobStatus s = jobs.status(parse(id));
        if (!user.has(Roles.ADMIN) && !user.has(Roles.PLANNER) && !user.name().equals(s.owner())) {
            throw ApiException.notFound(Messages.of("noun.job", id));
        }
        return s;
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN})
    public Response cancel(@PathParam("id") String id) {
        UUID u = parse(id);
        jobs.status(u); // 404 for another unit's job
        // recorded in the job row: the node running the job (this one or another) stops it at its next check
        return switch (jobs.cancel(u)) {
            case REQUESTED -> Response.accepted().build();
            case FINISHED -> throw ApiException.conflict(Messages.of("job.alreadyEnded", id, jobs.status(u).state()));
            case UNKNOWN -> throw ApiException.notFound(Messages.of("noun.job", id));
        };
    }

    static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound(Messages.of("noun.job", id));
        }
    }
}
