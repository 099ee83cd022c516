package com.patrolplanner.casework;

import com.patrolplanner.i18n.Messages;
import com.patrolplanner.registry.Jurisdiction;
import com.patrolplanner.security.CurrentUser;
import com.patrolplanner.security.Roles;
import com.patrolplanner.web.ApiException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The other enforcement records: goods ({@code /api/goods}: 收缴, 扣押, 查封, 没收, 销毁; return and extension of a
 * temporary seizure), rectification documents ({@code /api/documents}, re-inspection), the work log
 * ({@code /api/work-log}) and the field helpers ({@code /api/field}: provisional venue of an unregistered stall, photos
 * of an inspection). Lists page with {@code limit}/{@code offset} and give {@code numberMatched}.
 */
@Path("/api")
public class EnforcementResource {
    @Inject
    GoodsService goods;
    @Inject
    DocumentService documents;
    @Inject
    WorkLogService worklog;
    @Inject
    FieldService field;
    @Inject
    EvidenceFiles files;
    @Inject
    CurrentUser user;
    @Inject
    Jurisdiction jurisdiction;

    // ---------------------------------------------------------------- goods

    @GET
    @Path("/goods")
    @RolesAllowed({Roles.TEAM_LEADER, Roles.PLANNER, Roles.MANAGER, Roles.ADMIN})
    public Response goods(@QueryParam("act") String act, @QueryParam("kind") String kind,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("limit") @DefaultValue("100") int limit,
            @QueryParam("offset") @DefaultValue("0") int offset,
            @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(description = "comma-separated fields, - for descending (default -at): id, at, act, kind, quantity, returnDue") @QueryParam("sort") String sort,
            @Context UriInfo uri) {
        return CaseResource.paged(goods.list(CaseResource.blank(act), CaseResource.blank(kind), CaseResource.date("from", from),
                CaseResource.date("to", to), limit, offset, sort, Actor.of(user)), uri, limit);
    }

    @POST
    @Path("/goods")
    @RolesAllowed({Roles.TEAM_LEADER, Roles.PLANNER})
    public Response recordGoods(GoodsService.GoodsInput in) {
        if (in == null) {
            throw ApiException.invalid("body", Messages.of("common.required"));
        }
        return Response.status(201).entity(goods.record(in, Actor.of(user))).build();
    }

    @GET
    @Path("/goods/{id}")
    @RolesAllowed({Roles.TEAM_LEADER, Roles.PLANNER, Roles.MANAGER, Roles.ADMIN})
    public GoodsService.GoodsView goodsItem(@PathParam("id") long id) {
        return goods.get(id, Actor.of(user));
    }

    @POST
    @Path("/goods/{id}/return")
    @RolesAllowed({Roles.TEAM_LEADER, Roles.PLANNER})
    public GoodsService.GoodsView giveBack(@PathParam("id") long id, GoodsService.ReturnInput in) {
        return goods.giveBack(id, in == null ? new GoodsService.ReturnInput(null, null, null, null, null) : in, Actor.of(user));
    }

    @POST
    @Path("/goods/{id}/extension")
    @RolesAllowed({Roles.PLANNER})
    public GoodsService.GoodsView extend(@PathParam("id") long id, GoodsService.ReturnInput in) {
        return goods.extend(id, in == null ? new GoodsService.ReturnInput(null, null, null, null, null) : in, Actor.of(user));
    }

    // ---------------------------------------------------------------- documents

    @GET
    @Path("/documents")
    @RolesAllowed({Roles.TEAM_LEADER, Roles.PLANNER, Roles.MANAGER, Roles.ADMIN})
    public Response documents(@QueryParam("kind") String kind, @QueryParam("due") Boolean due,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("limit") @DefaultValue("100") int limit,
            @QueryParam("offset") @DefaultValue("0") int offset,
            @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(description = "comma-separated fields, - for descending (default -issuedAt): id, issuedAt, deadline, docNo, kind, venueName") @QueryParam("sort") String sort,
            @Context UriInfo uri) {
        return CaseResource.paged(documents.list(CaseResource.blank(kind), due, CaseResource.date("from", from),
                CaseResource.date("to", to), limit, offset, sort, Actor.of(user)), uri, limit);
    }

    @POST
    @Path("/documents")
    @RolesAllowed({Roles.TEAM_LEADER, Roles.PLANNER})
    public Response issue(DocumentService.DocumentInput in) {
        if (in == null) {
            throw ApiException.invalid("body", Messages.of("common.required"));
        }
        return Response.status(201).entity(documents.issue(in, Actor.of(user))).build();
    }

    @GET
    @Path("/documents/{id}")
    @RolesAllowed({Roles.TEAM_LEADER, Roles.PLANNER, Roles.MANAGER, Roles.ADMIN})
    public DocumentService.DocumentView document(@PathParam("id") long id) {
        return documents.get(id, Actor.of(user));
    }

    @POST
    @Path("/documents/{id}/reinspection")
    @RolesAllowed({Roles.TEAM_LEADER, Roles.PLANNER})
    public DocumentService.DocumentView reinspect(@PathParam("id") long id, DocumentService.ReinspectionInput in) {
        return documents.reinspect(id, in == null ? new DocumentService.ReinspectionInput(null, null, null, null) : in,
                Actor.of(user));
    }

    // ---------------------------------------------------------------- work log

    @GET
    @Path("/work-log")
    @RolesAllowed({Roles.PLANNER, Roles.MANAGER, Roles.ADMIN})
    public Response worklog(@QueryParam("kind") String kind, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("limit") @DefaultValue("100") int limit,
            @QueryParam("offset") @DefaultValue("0") int offset,
            @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(description = "comma-separated fields, - for descending (default -date): id, date, kind, quantity, title") @QueryParam("sort") String sort,
            @Context UriInfo uri) {
        return CaseResource.paged(worklog.list(CaseResource.blank(kind), CaseResource.date("from", from),
                CaseResource.date("to", to), limit, offset, sort), uri, limit);
    }

    @POST
    @Path("/work-log")
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN})
    public Response log(WorkLogService.EntryInput in) {
        if (in == null) {
            throw ApiException.invalid("body", Messages.of("common.required"));
        }
        return Response.status(201).entity(worklog.create(in, Actor.of(user))).build();
    }

    @PUT
    @Path("/work-log/{id}")
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN})
    public WorkLogService.EntryView relog(@PathParam("id") long id, WorkLogService.EntryInput in) {
        if (in == null) {
            throw ApiException.invalid("body", Messages.of("common.required"));
        }
        worklogVisible(id);
        return worklog.update(id, in, Actor.of(user));
    }

    private void worklogVisible(long id) {
        WorkLogService.EntryView v = worklog.get(id);
        if (!jurisdiction.scope().sees(v.unitId())) {
            throw ApiException.notFound(Messages.of("noun.workLog", id));
        }
    }

    // ---------------------------------------------------------------- field

    /** An unregistered stall (无证摊点) at the phone's position: a provisional venue for the planners to review. */
    @POST
    @Path("/field/stalls")
    @RolesAllowed({Roles.TEAM_LEADER, Roles.PLANNER})
    public Response stall(FieldService.StallInput in) {
        if (in == null) {
            throw ApiException.invalid("body", Messages.of("common.required"));
        }
        return Response.status(201).entity(field.provisional(in, Actor.of(user))).build();
    }

    @GET
    @Path("/field/stalls")
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN, Roles.MANAGER})
    public Response stalls(@QueryParam("limit") @DefaultValue("100") int limit,
            @QueryParam("offset") @DefaultValue("0") int offset,
            @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(description = "comma-separated fields, - for descending (default -id): id, name, category, address") @QueryParam("sort") String sort,
            @Context UriInfo uri) {
        return CaseResource.paged(field.pending(limit, offset, sort, jurisdiction.scope()), uri, limit);
    }

    /** The planners' review of a provisional stall: confirm it into the register with corrected fields. */
    @POST
    @Path("/field/stalls/{id}/confirm")
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN})
    public FieldService.ReviewResult confirmStall(@PathParam("id") long id, FieldService.ConfirmInput in) {
        return field.confirm(id, in, Actor.of(user));
    }

    /** …or merge it into the registered venue {@code venueId} it turned out to be (its records move there). */
    @POST
    @Path("/field/stalls/{id}/merge")
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN})
    public FieldService.ReviewResult mergeStall(@PathParam("id") long id, FieldService.MergeInput in) {
        return field.merge(id, in, Actor.of(user));
    }

    /** …or reject it (kept as a closed record with the reason). */
    @POST
    @Path("/field/stalls/{id}/reject")
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN})
    public FieldService.ReviewResult rejectStall(@PathParam("id") long id, FieldService.RejectInput in) {
        return field.reject(id, in, Actor.of(user));
    }

    @POST
    @Path("/field/inspections/{id}/photos")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({Roles.TEAM_LEADER, Roles.PLANNER})
    public Response photo(@PathParam("id") long id, @RestForm("file") FileUpload file) {
        return Response.status(201).entity(files.toInspection(id, CaseResource.upload(file), Actor.of(user))).build();
    }

    @GET
    @Path("/field/inspections/{id}/photos")
    @RolesAllowed({Roles.TEAM_LEADER, Roles.PLANNER, Roles.MANAGER, Roles.ADMIN})
    public List<EvidenceFiles.FileView> photos(@PathParam("id") long id) {
        return files.ofInspection(id, Actor.of(user));
    }
}
