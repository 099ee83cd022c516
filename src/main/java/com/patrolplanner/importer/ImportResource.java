package com.patrolplanner.importer;

import com.patrolplanner.i18n.Messages;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.patrolplanner.geo.Datum;
import com.patrolplanner.registry.Jurisdiction;
import com.patrolplanner.registry.Scope;
import com.patrolplanner.security.CurrentUser;
import com.patrolplanner.security.Roles;
import com.patrolplanner.web.ApiException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * {@code POST /api/imports}: a register file in, {@code {imported, updated, unchanged, …}} out, all or nothing. The kinds
 * are whatever {@link ImportHandler} beans exist; {@code GET /api/imports/kinds} lists them.
 */
@Path("/api/imports")
@RolesAllowed({Roles.PLANNER, Roles.ADMIN})
public class ImportResource {
    @Inject
    ImportService imports;
    @Inject
    CurrentUser user;
    @Inject
    ObjectMapper mapper;
    @Inject
    Jurisdiction jurisdiction;

    @GET
    @Path("/kinds")
    @Produces(MediaType.APPLICATION_JSON)
    public List<String> kinds() {
        return imports.kinds();
    }

    /**
     * @param kind    venues, schools, districts, inspectors, … (see /api/imports/kinds)
     * @param datum   coordinates of the file: WGS84 (default), GCJ02 (Amap, Tencent), BD09 (Baidu), CGCS2000
     * @param mapping JSON object: our field → the file's column header, for files with other headers
     * @param async   true to run as a background job (also chosen for files of more than 5,000 rows)
     */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    public Response upload(@RestForm("file") FileUpload file, @RestForm("kind") String kind,
            @RestForm("datum") String datum, @RestForm("mapping") String mapping,
            @RestForm("attribution") String attribution, @RestQuery("async") boolean async) {
        imports.handler(kind);
        Datum d;
        try {
            d = Datum.parse(datum);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("datum", e.getMessage());
        }
        Map<String, String> columns = parseMapping(mapping);
        if (file == null || file.uploadedFile() == null) {
            throw ApiException.badRequest("file", Messages.of("import.fileRequired"));
        }
        // Quarkus deletes the upload when the request ends; a background job needs its own copy.
        java.nio.file.Path own;
        try {
            own = Files.createTempFile("patrol-import-", "-" + safeSuffix(file.fileName()));
            Files.copy(file.uploadedFile(), own, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("could not store the upload", e);
        }
        Map<String, String> options = new LinkedHashMap<>();
        if (attribution != null && !attribution.isBlank()) {
            options.put("attribution", attribution.trim());
        }
        options.put(Scope.OPTION, jurisdiction.scope().encode());
        ImportHandler.Request req = new ImportHandler.Request(kind.trim(), own, file.fileName(), d, columns,
                user.name(), options);
        boolean handedOver = false;
        try {
            // a Shapefile, GeoPackage, KML or projected GeoJSON becomes GeoJSON rows (422 for a bad file)
            ImportHandler.Request prepared = imports.prepare(req);
            if (prepared != req) {
                ImportService.deleteQuietly(own);
                req = prepared;
                own = prepared.file();
            }
            if (async || imports.large(own)) {
                UUID id = imports.submit(req); // the job deletes the file when done
                handedOver = true;
                return Response.accepted(Map.of("jobId", id.toString())).location(java.net.URI.create("/api/jobs/" + id)).build();
            }
            return Response.ok(imports.run(req)).build();
        } finally {
            if (!handedOver) {
                ImportService.discard(req);
            }
        }
    }

    private Map<String, String> parseMapping(String mapping) {
        if (mapping == null || mapping.isBlank()) {
            return Map.of();
        }
        JsonNode n;
        try {
            n = mapper.readTree(mapping);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("mapping", Messages.of("import.mappingNotJson"));
        }
        if (n == null || !n.isObject()) {
            throw ApiException.badRequest("mapping", Messages.of("import.mappingObject"));
        }
        Map<String, String> m = new LinkedHashMap<>();
        var it = n.fields();
        while (it.hasNext()) {
            var e = it.next();
            if (!e.getValue().isTextual()) {
                throw ApiException.badRequest("mapping." + e.getKey(), Messages.of("import.mappingText"));
            }
            m.put(e.getKey(), e.getValue().asText());
        }
        return m;
    }

    private static String safeSuffix(String name) {
        String ext = TabularReader.extension(name);
        return ext.matches("[a-z0-9]{1,8}") ? "upload." + ext : "upload";
    }
}
