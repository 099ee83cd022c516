package com.patrolplanner.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.patrolplanner.geo.DatumTransform;
import com.patrolplanner.geo.GeoJson;
import com.patrolplanner.i18n.Messages;
import com.patrolplanner.jobs.JobService;
import com.patrolplanner.registry.Unit;
import com.patrolplanner.registry.UnitService;
import com.patrolplanner.security.AppUser;
import com.patrolplanner.security.Roles;
import com.patrolplanner.web.ApiException;
import com.patrolplanner.web.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.util.GeometryFixer;

/**
 * Kind {@code units} (system administrators only): the areas of enforcement units (执法机构), typically a development
 * zone's polygon from the natural-resources office, as a zipped Shapefile, a GeoPackage, KML or GeoJSON (read by
 * {@link GisFiles}: the file's CRS, CGCS2000 and its Gauss–Krüger zones included). One feature per unit: {@code name}
 * (required), {@code kind} ({@code city}, {@code district} or {@code zone}; default {@code zone}), {@code adcode}
 * (optional) and {@code parent} (the parent unit's id, adcode or name; required for a new unit other than a city). A
 * feature whose {@code adcode} (else {@code name}) names an existing unit replaces that unit's area (and name, kind,
 * parent when given); any other creates a unit. Written through {@link UnitService} (history, venues and schools
 * placed again), all or nothing: a bad row is a 422 naming its row and field.
 */
@ApplicationScoped
public class UnitAreaImportHandler implements ImportHandler {
    static final Map<String, List<String>> COLUMNS = columns();

    @Inject
    UnitService units;

    private static Map<String, List<String>> columns() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("name", List.of("名称", "单位", "机构", "NAME"));
        m.put("kind", List.of("类型", "type", "KIND"));
        m.put("adcode", List.of("code", "行政区划代码", "区划代码", "ADCODE"));
        m.put("parent", List.of("parent_code", "parent_name", "上级", "上级单位", "PARENT"));
        return m;
    }

    @Override
    public Set<String> kinds() {
        return Set.of("units");
    }

    private record Parsed(int row, String name, String kind, String adcode, String parent, JsonNode area) {
    }

    @Override
    public Summary importFile(Request req, JobService.Progress progress) {
        AppUser who = AppUser.findByUsername(req.user());
        if (who == null || !who.roleSet().contains(Roles.ADMIN)) {
            throw new ApiException(403, "Forbidden", Messages.of("import.unitsAdminOnly"),
                    List.of(Problem.FieldError.of("kind", Messages.of("import.unitsAdminOnly"))));
        }
        TabularReader.Table table = TabularReader.read(req.file(), req.filename());
        if (table.format() != TabularReader.Format.GEOJSON) {
            throw TabularReader.unreadable(Messages.of("import.unitsPolygons", table.format().name()));
        }
        Columns c = table.columns(COLUMNS, req.mapping());
        c.require("name");
        RowErrors errors = new RowErrors();
        List<Parsed> parsed = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (TabularReader.Row row : table.rows()) {
            int before = errors.mark();
            String name = c.opt(row, "name");
            if (name == null) {
                errors.add(row.number(), "name", Messages.of("error.required"));
            }
            errors.maxLength(row, "name", name, 200);
            String kind = c.opt(row, "kind");
            kind = kind == null ? Unit.ZONE : kind.trim().toLowerCase(Locale.ROOT);
            if (!List.of(Unit.CITY, Unit.DISTRICT, Unit.ZONE).contains(kind)) {
                errors.add(row.number(), "kind", Messages.of("registry.unitKind"));
            }
            String adcode = c.opt(row, "adcode");
            if (adcode != null && adcode.matches("\\d+\\.0+")) {
                adcode = adcode.substring(0, adcode.indexOf('.'));
            }
            if (adcode != null && !adcode.matches("\\d{6,12}")) {
                errors.add(row.number(), "adcode", Messages.of("registry.adcode"));
            }
            String parent = c.opt(row, "parent");
            if (parent != null && parent.matches("\\d+\\.0+")) {
                parent = parent.substring(0, parent.indexOf('.'));
            }
            JsonNode area = null;
            try {
                if (row.geometry() == null) {
                    throw new IllegalArgumentException(Messages.of("import.districtPolygon"));
                }
                Geometry g = GeoJson.parse(row.geometry(), "geometry");
                MultiPolygon mp = GeoJson.toMultiPolygon(DatumTransform.toWgs84(g, req.datum()), "geometry");
                if (!mp.isValid()) {
                    mp = GeoJson.toMultiPolygon(GeometryFixer.fix(mp), "geometry");
                }
                if (mp.isEmpty() || mp.getArea() == 0) {
                    throw new IllegalArgumentException(Messages.of("import.districtNoArea"));
                }
                area = GeoJson.writeNode(mp);
            } catch (IllegalArgumentException e) {
                errors.add(row.number(), "geometry", e.getMessage().replaceFirst("^geometry: ", ""));
            }
            if (errors.mark() != before) {
                continue;
            }
            Integer dup = seen.putIfAbsent(adcode != null ? adcode : name, row.number());
            if (dup != null) {
                errors.add(row.number(), adcode != null ? "adcode" : "name",
                        Messages.of("import.unitTwice", adcode != null ? adcode : name, dup));
                continue;
            }
            parsed.add(new Parsed(row.number(), name, kind, adcode, parent, area));
        }
        errors.throwIfAny(table.rows().size());

        progress.total(parsed.size());
        UpsertTally tally = new UpsertTally();
        for (Parsed p : parsed) {
            try {
                Unit existing = p.adcode() != null ? Unit.find("adcode", p.adcode()).firstResult()
                        : Unit.find("name", p.name()).firstResult();
                Long parentId = null;
                if (p.parent() != null) {
                    Unit up = Unit.find("adcode = ?1 or name = ?1", p.parent()).firstResult();
                    if (up == null && p.parent().matches("\\d{1,5}")) {
                        up = Unit.findById(Long.valueOf(p.parent()));
                    }
                    if (up == null) {
                        throw ApiException.invalid("parent", Messages.of("registry.noUnit", p.parent()));
                    }
                    parentId = up.id;
                } else if (existing != null) {
                    parentId = existing.parentId;
                } else if (!Unit.CITY.equals(p.kind())) {
                    throw ApiException.invalid("parent", Messages.of("import.unitParentRequired"));
                }
                if (existing == null) {
                    units.create(new UnitService.UnitInput(p.name(), parentId, p.adcode(), p.kind(), p.area(), null), req.user());
                    tally.count(com.patrolplanner.registry.RegistryService.Outcome.CREATED);
                } else {
                    units.update(existing.id, new UnitService.UnitInput(p.name(), parentId, p.adcode(), p.kind(), p.area(),
                            existing.version), req.user());
                    tally.count(com.patrolplanner.registry.RegistryService.Outcome.UPDATED);
                }
            } catch (ApiException e) {
                throw atRow(e, p.row(), table.rows().size());
            }
            progress.advance(1);
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("rows", parsed.size());
        extra.putAll(ImportService.describe(table));
        return tally.summary(extra);
    }

    /** The same problem, each field error carrying the file row it came from (nothing is written: the import rolls back). */
    public static ApiException atRow(ApiException e, int row, int rows) {
        List<Problem.FieldError> errs = new ArrayList<>();
        List<Problem.FieldError> given = e.errors() == null || e.errors().isEmpty()
                ? List.of(Problem.FieldError.of("file", e.getMessage())) : e.errors();
        for (Problem.FieldError f : given) {
            errs.add(new Problem.FieldError(row, f.field(), f.reason()));
        }
        return ApiException.unprocessable(Messages.of("import.rowsBad", errs.size(), 1, rows), errs);
    }
}
