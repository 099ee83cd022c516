package com.patrolplanner.importer;

import com.patrolplanner.geo.GeoJson;
import com.patrolplanner.i18n.Messages;
import com.patrolplanner.jobs.JobService;
import com.patrolplanner.registry.RegistryService;
import com.patrolplanner.registry.SchoolBulk;
import com.patrolplanner.registry.Scope;
import com.patrolplanner.registry.SchoolInput;
import com.patrolplanner.registry.SchoolLevel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * Kind {@code schools}: the school register with campus boundaries. The campus comes from a GeoJSON feature's Polygon or
 * MultiPolygon geometry, or from a {@code campus} column holding WKT or GeoJSON text; it is the boundary the 200 m rule
 * is measured from (文市函[2003]560号), so a school without one is measured from its point only. Upserts by name and
 * address.
 */
@ApplicationScoped
public class SchoolImportHandler implements ImportHandler {
    static final Map<String, List<String>> COLUMNS = columns();

    @Inject
    RegistryService registry;

    private static Map<String, List<String>> columns() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("name", List.of("名称", "学校名称", "校名"));
        m.put("level", List.of("学段", "类型", "办学类型", "学校类型", "类别"));
        m.put("address", List.of("地址", "学校地址"));
        m.put("lon", List.of("lng", "longitude", "经度"));
        m.put("lat", List.of("latitude", "纬度"));
        m.put("campus", List.of("campus_wkt", "wkt", "校园范围", "校园边界", "校区范围"));
        m.put("synthetic", List.of("合成数据", "合成"));
        return m;
    }

    @Override
    public Set<String> kinds() {
        return Set.of("schools");
    }

    private record Parsed(int row, SchoolInput input, boolean synthetic) {
    }

    @Override
    public Summary importFile(Request req, JobService.Progress progress) {
        TabularReader.Table table = TabularReader.read(req.file(), req.filename());
        Columns c = table.columns(COLUMNS, req.mapping());
        c.require("name", "level");
        if (c.has("lon") != c.has("lat")) {
            c.require("lon", "lat");
        }
        RowErrors errors = new RowErrors();
        List<Parsed> parsed = new ArrayList<>();
        Map<String, Integer> keys = new HashMap<>();
        for (TabularReader.Row row : table.rows()) {
            Parsed p = validate(row, c, req, errors);
            if (p == null) {
                continue;
            }
            Integer seen = keys.putIfAbsent(p.input.name() + "\u0000" + p.input.address(), row.number());
            if (seen != null) {
                errors.add(row.number(), "name", Messages.of("import.duplicateSchool", seen));
            }
            parsed.add(p);
        }
        errors.throwIfAny(table.rows().size());

        // set-based (registry.SchoolBulk): the rows staged with COPY, one read of the schools they name, one upsert,
        // the districts of moved schools in one statement, history, audit and verdicts one statement each
        Scope scope = Scope.decode(req.option(Scope.OPTION));
        String reason = "import " + (req.filename() == null ? "" : req.filename());
        progress.total(parsed.size());
        try (SchoolBulk bulk = registry.schoolBulk(req.user(), reason, scope)) {
            for (Parsed p : parsed) {
                ImportService.atRow(p.row, () -> {
                    bulk.add(p.row, p.input, p.synthetic);
                    return null;
                });
            }
            stopIfCancelled(progress);
            SchoolBulk.Counts counts = bulk.upsert();
            List<SchoolBulk.Outside> outside = bulk.outside(RowErrors.MAX_LISTED);
            if (!outside.isEmpty()) {
                Map<Long, String> reasons = new HashMap<>();
                for (SchoolBulk.Outside o : outside) {
                    errors.add(o.row(), "location", reasons.computeIfAbsent(o.unitId() == null ? -1L : o.unitId(),
                            u -> registry.outside(scope, o.unitId(), "location").errors().get(0).reason()));
                }
                errors.throwIfAny(parsed.size());
            }
            bulk.record();
            stopIfCancelled(progress); // the last moment: a cancel now still rolls everything back
            progress.advance(parsed.size());
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("rows", parsed.size());
            extra.put("withoutCoordinates", counts.withoutCoordinates());
            extra.put("withCampus", counts.withCampus());
            extra.putAll(ImportService.describe(table));
            return new Summary(counts.created(), counts.updated(), counts.unchanged(), extra);
        }
    }

    static void stopIfCancelled(JobService.Progress progress) {
        if (progress.cancelled()) {
            throw new com.patrolplanner.web.ApiException(409, Messages.of("import.cancelledTitle"),
                    Messages.of("import.cancelled"), null);
        }
    }

    private static Parsed validate(TabularReader.Row row, Columns c, Request req, RowErrors errors) {
        int before = errors.mark();
        String name = c.opt(row, "name");
        String level = c.opt(row, "level");
        String address = c.opt(row, "address");
        errors.maxLength(row, "name", name, 300);
        errors.maxLength(row, "address", address, 500);
        if (name == null) {
            errors.add(row.number(), "name", Messages.of("error.required"));
        }
        if (level == null) {
            errors.add(row.number(), "level", Messages.of("error.required"));
        } else {
            try {
                SchoolLevel.parse(level);
            } catch (IllegalArgumentException e) {
                errors.add(row.number(), "level", Messages.of("import.levelHint", e.getMessage()));
            }
        }
        Double lon = errors.number(row, c, "lon");
        Double lat = errors.number(row, c, "lat");
        VenueImportHandler.checkPosition(row, c, errors, lon, lat);
        Geometry campus = campus(row, c, errors);
        boolean synthetic = errors.flag(row, c, "synthetic", false);
        if (errors.mark() != before) {
            return null;
        }
        return new Parsed(row.number(), new SchoolInput(name, level, address, lon, lat, campus, req.datum().name(), null),
                synthetic);
    }

    /** The campus as a GeoJSON geometry (still in the file's datum), from the campus column or the feature geometry. */
    private static Geometry campus(TabularReader.Row row, Columns c, RowErrors errors) {
        String text = c.opt(row, "campus");
        Geometry g = null;
        String field = "campus";
        try {
            if (text != null) {
                g = text.startsWith("{") ? GeoJson.parse(text, "campus") : readWkt(text);
            } else if (row.geometry() != null && !"Point".equals(row.geometry().path("type").asText())) {
                field = "geometry";
                g = GeoJson.parse(row.geometry(), "geometry");
            }
            if (g == null) {
                return null;
            }
            Geometry mp = GeoJson.toMultiPolygon(g, field);
            if (mp.isEmpty() || mp.getArea() == 0) {
                errors.add(row.number(), field, Messages.of("import.campusNoArea"));
                return null;
            }
            return GeoJson.rounded(mp, "campus");
        } catch (IllegalArgumentException e) {
            errors.add(row.number(), field, e.getMessage().replaceFirst("^(campus|geometry): ", ""));
            return null;
        }
    }

    private static Geometry readWkt(String text) {
        try {
            Geometry g = new WKTReader(GeoJson.FACTORY).read(text);
            for (var co : g.getCoordinates()) {
                GeoJson.checkLonLat(co.x, co.y, "campus");
            }
            return g;
        } catch (ParseException e) {
            throw new IllegalArgumentException(Messages.of("import.campusFormat", e.getMessage()));
        }
    }
}
