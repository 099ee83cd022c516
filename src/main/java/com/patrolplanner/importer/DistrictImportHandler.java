package com.patrolplanner.importer;

import com.patrolplanner.i18n.Messages;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.patrolplanner.geo.DatumTransform;
import com.patrolplanner.geo.GeoJson;
import com.patrolplanner.jobs.JobService;
import com.patrolplanner.registry.DistrictService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.util.GeometryFixer;

/**
 * Kind {@code districts}: administrative outlines from GeoJSON, in the DataV GeoAtlas format ({@code adcode}, {@code name},
 * {@code level}, {@code parent: {adcode}}) or plain properties. DataV exports are GCJ-02: upload them with
 * {@code datum=GCJ02} and every vertex is converted to WGS-84. Upserts by adcode through {@link DistrictService} (history
 * and audit); the source's attribution (the form
 * field {@code attribution}, or an {@code attribution} property) is kept with each outline.
 */
@ApplicationScoped
public class DistrictImportHandler implements ImportHandler {
    static final Map<String, List<String>> COLUMNS = columns();
    private static final Set<String> LEVELS = Set.of("province", "city", "district", "street");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Inject
    DistrictService districts;

    private static Map<String, List<String>> columns() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("adcode", List.of("code", "行政区划代码", "区划代码"));
        m.put("name", List.of("名称"));
        m.put("level", List.of("级别", "层级"));
        m.put("parent", List.of("parent_code", "parent_adcode", "上级代码"));
        m.put("attribution", List.of("source", "来源"));
        return m;
    }

    @Override
    public Set<String> kinds() {
        return Set.of("districts");
    }

    private record Parsed(int row, String adcode, String name, String level, String parent, MultiPolygon geom,
            String attribution) {
    }

    @Override
    public Summary importFile(Request req, JobService.Progress progress) {
        TabularReader.Table table = TabularReader.read(req.file(), req.filename());
        if (table.format() != TabularReader.Format.GEOJSON) {
            throw TabularReader.unreadable(Messages.of("import.districtsOutlines", table.format().name()));
        }
        Columns c = table.columns(COLUMNS, req.mapping());
        c.require("adcode", "name");
        RowErrors errors = new RowErrors();
        List<Parsed> parsed = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (TabularReader.Row row : table.rows()) {
            int before = errors.mark();
            String adcode = c.get(row, "adcode");
            if (adcode.matches("\\d+\\.0+")) {
                adcode = adcode.substring(0, adcode.indexOf('.'));
            }
            String name = c.opt(row, "name");
            if (!adcode.matches("\\d{6,12}")) {
                errors.add(row.number(), "adcode", adcode.isEmpty() ? Messages.of("error.required") : Messages.of("import.adcodeDigits", adcode));
            }
            if (name == null) {
                errors.add(row.number(), "name", Messages.of("error.required"));
            }
            errors.maxLength(row, "name", name, 200);
            String level = c.opt(row, "level");
            if (level == null && adcode.matches("\\d{6}")) {
                level = adcode.endsWith("0000") ? "province" : adcode.endsWith("00") ? "city" : "district";
            }
            if (level == null || !LEVELS.contains(level)) {
                errors.add(row.number(), "level", Messages.of("import.districtLevel", level == null ? "" : level));
            }
            String parent = parentCode(c.opt(row, "parent"));
            if (parent != null && !parent.matches("\\d{6,12}")) {
                errors.add(row.number(), "parent", Messages.of("import.parentAdcode", parent));
                parent = null;
            }
            MultiPolygon geom = null;
            try {
                if (row.geometry() == null) {
                    throw new IllegalArgumentException(Messages.of("import.districtPolygon"));
                }
                Geometry g = GeoJson.parse(row.geometry(), "geometry");
                geom = GeoJson.toMultiPolygon(DatumTransform.toWgs84(g, req.datum()), "geometry");
                if (!geom.isValid()) {
                    geom = GeoJson.toMultiPolygon(GeometryFixer.fix(geom), "geometry");
                }
                if (geom.isEmpty() || geom.getArea() == 0) {
                    throw new IllegalArgumentException(Messages.of("import.districtNoArea"));
                }
                geom.setSRID(GeoJson.WGS84_SRID);
            } catch (IllegalArgumentException e) {
                errors.add(row.number(), "geometry", e.getMessage().replaceFirst("^geometry: ", ""));
            }
            if (errors.mark() != before) {
                continue;
            }
            Integer dup = seen.putIfAbsent(adcode, row.number());
            if (dup != null) {
                errors.add(row.number(), "adcode", Messages.of("import.duplicateAdcode", adcode, dup));
            }
            String attribution = c.opt(row, "attribution");
            parsed.add(new Parsed(row.number(), adcode, name, level, parent, geom,
                    attribution != null ? attribution : req.option("attribution")));
        }
        errors.throwIfAny(table.rows().size());

        progress.total(parsed.size());
        String reason = "import " + (req.filename() == null ? "" : req.filename());
        UpsertTally tally = new UpsertTally();
        for (Parsed p : parsed) {
            tally.count(districts.upsert(new DistrictService.DistrictRow(p.adcode, p.name, p.level, p.parent, p.geom,
                    p.attribution, req.datum().name()), req.user(), reason));
            progress.advance(1);
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("rows", parsed.size());
        extra.putAll(ImportService.describe(table));
        return tally.summary(extra);
    }

    /** DataV writes {@code parent} as {"adcode": 370700}; plain files write the code. */
    private static String parentCode(String cell) {
        if (cell == null) {
            return null;
        }
        if (cell.startsWith("{")) {
            try {
                JsonNode n = MAPPER.readTree(cell).get("adcode");
                return n == null || n.isNull() ? null : n.asText();
            } catch (Exception e) {
                return cell;
            }
        }
        return cell.matches("\\d+\\.0+") ? cell.substring(0, cell.indexOf('.')) : cell;
    }
}
