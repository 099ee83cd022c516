package com.patrolplanner.casework;

import com.patrolplanner.i18n.Messages;
import com.patrolplanner.registry.ChangeHistory;
import com.patrolplanner.security.CurrentUser;
import com.patrolplanner.security.Roles;
import com.patrolplanner.web.ApiException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Penalty cases (案件): {@code GET /api/cases} (paged, {@code numberMatched}; {@code state}, {@code overdue},
 * {@code venue}, {@code unit} (a unit of the caller's subtree, its units below included), {@code from}/{@code to} on
 * the filing date), {@code POST /api/cases} (立案 from an inspection), and one
 * POST per act: {@code evidence}, {@code extension}, {@code notice}, {@code decision}, {@code execution},
 * {@code closing}; files of an evidence item as multipart {@code file}.
 */
@Path("/api/cases")
public class CaseResource {
    static final String[] WRITERS = {Roles.TEAM_LEADER, Roles.PLANNER};

    @Inject
    CaseService cases;
    @Inject
    CaseQueries queries;
    @Inject
    EvidenceFiles files;
    @Inject
    CurrentUser user;

    @GET
    @RolesAllowed({Roles.TEAM_LEADER, Roles.PLANNER, Roles.MANAGER, Roles.ADMIN})
    public Response list(@QueryParam("state") String state, @QueryParam("overdue") Boolean overdue,
            @QueryParam("venue") Long venue, @QueryParam("unit") Long unit, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("limit") @DefaultValue("100") int limit,
            @QueryParam("offset") @DefaultValue("0") int offset,
            @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(description = "comma-separated fields, - for descending (default -filedAt): id, caseNo, filedAt, decisionDue, state, venueName, closedAt") @QueryParam("sort") String sort,
            @jakarta.ws.rs.core.Context jakarta.ws.rs.core.UriInfo uri) {
        return paged(queries.list(blank(state), overdue, venue, unit, date("from", from), date("to", to), limit, offset, sort,
                Actor.of(user)), uri, limit);
    }

    /** 200 with the page and its {@code Link} header (next while rows remain, prev after the first page). */
    static Response paged(Page<?> p, jakarta.ws.rs.core.UriInfo uri, int limit) {
        return com.patrolplanner.web.Paging.ok(p, uri, new com.patrolplanner.web.Paging.Page(limit, p.offset()), p.numberMatched(),
                p.numberReturned());
    }

    @POST
    @RolesAllowed({Roles.TEAM_LEADER, Roles.PLANNER})
    public Response open(CaseService.CaseInput in) {
        if (in == null) {
            throw ApiException.invalid("body", Messages.of("common.required"));
        }
        return Response.status(201).entity(cases.open(in, Actor.of(user))).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.TEAM_LEADER, Roles.PLANNER, Roles.MANAGER, Roles.ADMIN})
    public CaseView get(@PathParam("id") long id) {
        return queries.get(id, Actor.of(user));
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.TEAM_LEADER, Roles.PLANNER, Roles.MANAGER, Roles.ADMIN})
    public List<ChangeHistory> history(@PathParam("id") long id) {
        return queries.history(id, Actor.of(user));
    }

    @POST
    @Path("/{id}/evidence")
    @RolesAllowed({Roles.TEAM_LEADER, Roles.PLANNER})
    public CaseView evidence(@PathParam("id") long id, CaseService.ActInput in) {
        return cases.evidence(id, body(in), Actor.of(user));
    }

    @POST
    @Path("/{id}/extension")
    @RolesAllowed({Roles.PLANNER})
    public CaseView extend(@PathParam("id") long id, CaseService.ActInput in) {
        return cases.extend(id, body(in), Actor.of(user));
    }

    @POST
    @Path("/{id}/notice")
    @RolesAllowed({Roles.TEAM_LEADER, Roles.PLANNER})
    public CaseView notice(@PathParam("id") long id, CaseService.ActInput in) {
        return cases.notice(id, body(in), Actor.of(user));
    }

    @POST
    @Path("/{id}/decision")
    @RolesAllowed({Roles.PLANNER})
    public CaseView decide(@PathParam("id") long id, CaseService.ActInput in) {
        return cases.decide(id, body(in), Actor.of(user));
    }

    @POST
    @Path("/{id}/execution")
    @RolesAllowed({Roles.TEAM_LEADER, Roles.PLANNER})
    public CaseView execute(@PathParam("id") long id, CaseService.ActInput in) {
        return cases.execute(id, body(in), Actor.of(user));
    }

    @POST
    @Path("/{id}/closing")
    @RolesAllowed({Roles.PLANNER})
    public CaseView close(@PathParam("id") long id, CaseService.ActInput in) {
        return cases.close(id, body(in), Actor.of(user));
    }

    /** A photo or document of an evidence item (multipart part {@code file}): 201 with its SHA-256. */
    @POST
    @Path("/{id}/evidence/{evidence}/files")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({Roles.TEAM_LEADER, Roles.PLANNER})
    public Response upload(@PathParam("id") long id, @PathParam("evidence") long evidence, @RestForm("file") FileUpload file) {
        return Response.status(201).entity(files.toEvidence(id, evidence, upload(file), Actor.of(user))).build();
    }

    /** A stored file, with its SHA-256 as the ETag. */
    @GET
    @Path("/files/{file}")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({Roles.TEAM_LEADER, Roles.PLANNER, Roles.MANAGER, Roles.ADMIN})
    public Response file(@PathParam("file") long file) {
        EvidenceFiles.Content c = files.content(file, Actor.of(user));
        return Response.ok(c.bytes(), c.contentType()).header("ETag", "\"" + c.sha256() + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", "attachment; filename*=UTF-8''" + java.net.URLEncoder.encode(c.fileName(),
                        java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20")).build();
    }

    static EvidenceFiles.Upload upload(FileUpload file) {
        if (file == null || file.uploadedFile() == null) {
            throw ApiException.invalid("file", Messages.of("common.multipartFile"));
        }
        return new EvidenceFiles.Upload(file.fileName(), file.contentType(), file.uploadedFile(), file.size());
    }

    static CaseService.ActInput body(CaseService.ActInput in) {
        if (in == null) {
            throw ApiException.invalid("body", Messages.of("common.required"));
        }
        return in;
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    static LocalDate date(String field, String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(s.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(field, Messages.of("common.dateExample", "2026-06-30"));
        }
    }
}
