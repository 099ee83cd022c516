package com.patrolplanner.campaign.rest;

import com.patrolplanner.campaign.CampaignService;
import com.patrolplanner.campaign.domain.Campaign;
import com.patrolplanner.campaign.draw.DrawService;
import com.patrolplanner.security.CurrentUser;
import com.patrolplanner.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The 双随机 draw of a campaign (抽取), its verification and its publication (公开). */
@Path("/api/campaigns/{id}/draw")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DrawResource {
    @Inject
    DrawService draws;
    @Inject
    CampaignService campaigns;
    @Inject
    CurrentUser user;

    /** Draws once: 201 with the record; 409 when the campaign was already (or concurrently) drawn. */
    @POST
    @RolesAllowed(Roles.PLANNER)
    public Response draw(@PathParam("id") long id, DrawService.DrawInput in) {
        draws.draw(id, in == null ? new DrawService.DrawInput(null, null, null, null, null, null) : in, user.name());
        return Response.status(201).entity(record(id)).build();
    }

    @GET
    @RolesAllowed({Roles.PLANNER, Roles.MANAGER, Roles.ADMIN})
    @Transactional
    public DrawService.DrawRecord record(@PathParam("id") long id) {
        return draws.record(id);
    }

    /** Re-runs the draw from its seed on today's register and says whether it comes out the same. */
    @POST
    @Path("/verify")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.PLANNER, Roles.MANAGER, Roles.ADMIN})
    @Transactional
    public DrawService.DrawCheck verify(@PathParam("id") long id) {
        return draws.verify(id);
    }

    public record ResultInput(String result) {
    }

    @PUT
    @Path("/venues/{venueId}/result")
    @RolesAllowed(Roles.PLANNER)
    public Response result(@PathParam("id") long id, @PathParam("venueId") long venueId, ResultInput in) {
        draws.recordResult(id, venueId, in == null ? null : in.result());
        return Response.noContent().build();
    }

    /** The publishable list (一公开): venue, check items, date, inspectors, result. {@code ?format=csv} for a file. */
    @GET
    @Path("/publication")
    @RolesAllowed({Roles.PLANNER, Roles.MANAGER, Roles.ADMIN})
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @Transactional
    @SuppressWarnings("unchecked")
    public Response publication(@PathParam("id") long id, @QueryParam("format") String format,
            @jakarta.ws.rs.core.Context HttpHeaders headers) {
        Campaign c = campaigns.find(id);
        DrawService.DrawRecord rec = draws.record(id);
        Map<Integer, String> teamNames = new LinkedHashMap<>();
        for (DrawService.DrawnTeam t : rec.teams()) {
            teamNames.put(t.teamNo(), String.join("、", t.members().stream().map(DrawService.DrawnMember::name).toList()));
        }
        List<Map<String, Object>> items = new ArrayList<>();
        for (DrawService.DrawnVenue v : rec.venues()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("order", v.order());
            m.put("venue", v.name());
            m.put("licenceNo", v.licenceNo());
            m.put("address", v.address());
            m.put("category", v.category());
            m.put("checkItems", v.checkItems());
            m.put("date", c.startDate.toString());
            m.put("inspectors", teamNames.get(v.teamNo()));
            m.put("result", v.result());
            items.add(m);
        }
        boolean csv = "csv".equalsIgnoreCase(format) || (format == null && headers.getAcceptableMediaTypes().stream()
                .anyMatch(t -> t.getType().equals("text") && t.getSubtype().equals("csv")));
        if (csv) {
            return Response.ok(csv(items), "text/csv; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"draw-" + id + ".csv\"").build();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("campaign", c.name);
        out.put("campaignId", id);
        out.put("drawnAt", rec.drawnAt());
        out.put("seed", rec.seed());
        out.put("snapshotHash", rec.snapshotHash());
        out.put("items", items);
        return Response.ok(out, MediaType.APPLICATION_JSON).build();
    }

    private static String csv(List<Map<String, Object>> items) {
        StringWriter w = new StringWriter();
        String[] header = {"序号 order", "检查对象 venue", "许可证号 licence", "地址 address", "类别 category",
                "检查事项 check items", "检查日期 date", "执法人员 inspectors", "检查结果 result"};
        try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(header).get())) {
            for (Map<String, Object> m : items) {
                p.printRecord(com.patrolplanner.web.CsvCells.row(m.get("order"), m.get("venue"), m.get("licenceNo"),
                        m.get("address"), m.get("category"), m.get("checkItems"), m.get("date"), m.get("inspectors"),
                        m.get("result")));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return "\uFEFF" + w; // a BOM so that spreadsheet programs read the Chinese as UTF-8
    }
}
