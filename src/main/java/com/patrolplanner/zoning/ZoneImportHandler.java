package com.patrolplanner.zoning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.patrolplanner.geo.DatumTransform;
import com.patrolplanner.geo.GeoJson;
import com.patrolplanner.i18n.Messages;
import com.patrolplanner.importer.Columns;
import com.patrolplanner.importer.ImportHandler;
import com.patrolplanner.importer.RowErrors;
import com.patrolplanner.importer.TabularReader;
import com.patrolplanner.jobs.JobService;
import com.patrolplanner.registry.District;
import com.patrolplanner.registry.Jurisdiction;
import com.patrolplanner.registry.Scope;
import com.patrolplanner.registry.Unit;
import com.patrolplanner.web.ApiException;
import com.patrolplanner.web.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Geometry;

/**
 * Kind {@code zones}: patrol zones (片区) from a zipped Shapefile, a GeoPackage, KML or GeoJSON (read with GDAL by
 * {@code importer.GisFiles}: the file's CRS, CGCS2000 and its Gauss–Krüger zones included), one polygon per zone with
 * an optional {@code name}. They become a new <b>draft</b> zone set of the importer's unit (not activated), whose area is
 * the unit's district outline when it has one, else the unit's area; every zone is validated as a drawn one is
 * ({@link ZoneService#createSet}: repaired, clipped to the set's area and refused when nothing of it lies inside, no
 * overlap with a zone before it). All or nothing: a bad row is a 422 naming its row and field.
 */
@ApplicationScoped
public class ZoneImportHandler implements ImportHandler {
    static final Map<String, List<String>> COLUMNS = columns();
    private static final Pattern ZONE_FIELD = Pattern.compile("zones\\[(\\d+)]\\.?(.*)");

    @Inject
    ZoneService zones;
    @Inject
    Jurisdiction jurisdiction;

    private static Map<String, List<String>> columns() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("name", List.of("名称", "片区", "片区名称", "NAME"));
        return m;
    }

    @Override
    public Set<String> kinds() {
        return Set.of("zones");
    }

    @Override
    public Summary importFile(Request req, JobService.Progress progress) throws Exception {
        Scope scope = req.option(Scope.OPTION) != null ? Scope.decode(req.option(Scope.OPTION)) : jurisdiction.scope();
        return jurisdiction.within(scope, () -> importAs(req, progress, scope));
    }

    private Summary importAs(Request req, JobService.Progress progress, Scope scope) {
        if (scope.unitId() == null) {
            throw ApiException.invalid("kind", Messages.of("import.zonesNeedUnit"));
        }
        Unit unit = Unit.findById(scope.unitId());
        TabularReader.Table table = TabularReader.read(req.file(), req.filename());
        if (table.format() != TabularReader.Format.GEOJSON) {
            String reason = Messages.of("import.zonesPolygons", table.format().name());
            throw ApiException.unprocessable("file: " + reason, List.of(Problem.FieldError.of("file", reason)));
        }
        Columns c = table.columns(COLUMNS, req.mapping());
        RowErrors errors = new RowErrors();
        ArrayNode features = ZoneService.MAPPER.createArrayNode();
        List<Integer> rowOf = new ArrayList<>();
        for (TabularReader.Row row : table.rows()) {
            String name = c.opt(row, "name");
            errors.maxLength(row, "name", name, 200);
            if (row.geometry() == null) {
                errors.add(row.number(), "geometry", Messages.of("import.zonePolygon"));
                continue;
            }
            try {
                Geometry g = DatumTransform.toWgs84(GeoJson.parse(row.geometry(), "geometry"), req.datum());
                ObjectNode f = features.addObject();
                f.put("type", "Feature");
                f.set("geometry", GeoJson.writeNode(g));
                ObjectNode p = f.putObject("properties");
                p.put("name", name == null ? "片区" + (rowOf.size() + 1) : name);
                rowOf.add(row.number());
            } catch (IllegalArgumentException e) {
                errors.add(row.number(), "geometry", e.getMessage().replaceFirst("^geometry: ", ""));
            }
        }
        if (table.rows().isEmpty()) {
            errors.add(1, "file", Messages.of("import.zonePolygon"));
        }
        errors.throwIfAny(table.rows().size());

        progress.total(rowOf.size());
        ObjectNode body = ZoneService.MAPPER.createObjectNode();
        String file = req.filename() == null ? "" : req.filename().replaceFirst("\\.geojson$", "");
        body.put("name", Messages.of("import.zoneSetName", file));
        if (unit != null && unit.adcode != null && District.byCode(unit.adcode) != null) {
            body.put("district", unit.adcode);
        } else if (unit != null && unit.area != null) {
            body.set("polygon", GeoJson.writeNode(unit.area));
        } else {
            throw ApiException.invalid("kind", Messages.of("import.zonesNeedUnit"));
        }
        body.put("unitId", scope.unitId());
        body.set("zones", features);
        ZoneViews.ZoneSet set;
        try {
            set = zones.createSet(ZoneViews.NewSet.of(body), req.user());
        } catch (ApiException e) {
            throw atRows(e, rowOf, table.rows().size());
        }
        progress.advance(rowOf.size());
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("rows", rowOf.size());
        extra.put("zoneSetId", set.summary().id());
        extra.put("zoneSetName", set.summary().name());
        extra.put("active", false);
        return new Summary(rowOf.size(), 0, 0, extra);
    }

    /** The zone set's problem with each {@code zones[i]} field error moved to the file row it came from. */
    static ApiException atRows(ApiException e, List<Integer> rowOf, int rows) {
        List<Problem.FieldError> given = e.errors() == null ? List.of() : e.errors();
        List<Problem.FieldError> out = new ArrayList<>();
        Integer row = null;
        for (Problem.FieldError f : given) {
            Matcher m = f.field() == null ? null : ZONE_FIELD.matcher(f.field());
            if (m != null && m.matches() && Integer.parseInt(m.group(1)) < rowOf.size()) {
                row = rowOf.get(Integer.parseInt(m.group(1)));
                out.add(new Problem.FieldError(row, m.group(2).isEmpty() ? "geometry" : m.group(2), f.reason()));
            } else {
                out.add(f);
            }
        }
        if (row == null) {
            return e; // about the set itself (its unit, its area), not a row
        }
        String detail = e.getMessage() + " (" + Messages.of("import.atRow", row) + ")";
        return ApiException.unprocessable(detail, out);
    }
}
