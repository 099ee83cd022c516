package com.patrolplanner.importer;

import com.fasterxml.jackson.databind.node.TextNode;
import com.patrolplanner.geo.GeoJson;
import com.patrolplanner.i18n.Messages;
import com.patrolplanner.jobs.JobService;
import com.patrolplanner.registry.OpeningHours;
import com.patrolplanner.registry.RegistryService;
import com.patrolplanner.registry.Venue;
import com.patrolplanner.registry.VenueCategory;
import com.patrolplanner.registry.VenueInput;
import com.patrolplanner.registry.VenueStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Kind {@code venues}: the venue register (检查对象名录库) from CSV, XLSX or GeoJSON. Upserts by licence number, or by name
 * and address for rows without one (RegistryService decides). Rows without coordinates are kept with geocode status
 * {@code none}, for the geocoder.
 */
@ApplicationScoped
public class VenueImportHandler implements ImportHandler {
    /** Our field → the headers accepted for it besides its own name. */
    static final Map<String, List<String>> COLUMNS = columns();

    @Inject
    RegistryService registry;
    @Inject
    EntityManager em;

    private static Map<String, List<String>> columns() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("licence_no", List.of("licence", "license_no", "license", "许可证号", "许可证编号", "经营许可证号", "许可证"));
        m.put("name", List.of("名称", "场所名称", "单位名称", "店名"));
        m.put("category", List.of("类别", "场所类别", "经营类别", "类型"));
        m.put("address", List.of("地址", "经营地址", "场所地址"));
        m.put("lon", List.of("lng", "longitude", "经度"));
        m.put("lat", List.of("latitude", "纬度"));
        m.put("opening_hours", List.of("hours", "营业时间"));
        m.put("capacity", List.of("规模", "机位数", "终端数", "房间数", "包间数"));
        m.put("status", List.of("状态", "经营状态"));
        m.put("complaint_count", List.of("complaints", "投诉次数", "投诉数"));
        m.put("notes", List.of("备注"));
        m.put("synthetic", List.of("合成数据", "合成"));
        return m;
    }

    @Override
    public Set<String> kinds() {
        return Set.of("venues");
    }

    private record Parsed(int row, VenueInput input, boolean synthetic) {
    }

    @Override
    public Summary importFile(Request req, JobService.Progress progress) {
        TabularReader.Table table = TabularReader.read(req.file(), req.filename());
        Columns c = table.columns(COLUMNS, req.mapping());
        c.require("name", "category");
        if (c.has("lon") != c.has("lat")) {
            c.require("lon", "lat");
        }
        RowErrors errors = new RowErrors();
        List<Parsed> parsed = new ArrayList<>(table.rows().size());
        Map<String, Integer> licences = new HashMap<>();
        Map<String, Integer> unlicensedKeys = new HashMap<>();
        for (TabularReader.Row row : table.rows()) {
            Parsed p = validate(row, c, req, errors);
            if (p == null) {
                continue;
            }
            String lic = p.input.licenceNo();
            Integer seen = lic == null ? unlicensedKeys.putIfAbsent(p.input.name() + "\u0000" + p.input.address(), row.number())
                    : licences.putIfAbsent(lic, row.number());
            if (seen != null) {
                errors.add(row.number(), lic == null ? "name" : "licence_no", lic == null
                        ? Messages.of("import.duplicateNameAddress", seen)
                        : Messages.of("import.duplicateLicence", lic, seen));
            }
            parsed.add(p);
        }
        errors.throwIfAny(table.rows().size());

        progress.total(parsed.size());
        UpsertTally tally = new UpsertTally();
        long withoutCoordinates = 0;
        String reason = "import " + (req.filename() == null ? "" : req.filename());
        int n = 0;
        Map<Long, Integer> rowOf = new HashMap<>();
        for (Parsed p : parsed) {
            RegistryService.Result<Venue> r = ImportService.atRow(p.row, () -> registry.upsertVenue(p.input, req.user(), reason));
            rowOf.put(r.entity().id, p.row);
            tally.count(r.outcome(), r.entity().synthetic, p.synthetic, () -> r.entity().synthetic = p.synthetic);
            if (r.entity().geom == null) {
                withoutCoordinates++;
            }
            if (++n % 200 == 0) {
                ImportService.checkpoint(em, progress, 200);
            }
        }
        ImportService.refuseOutside(registry, req, "venue", rowOf);
        progress.advance(n % 200);
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("rows", parsed.size());
        extra.put("withoutCoordinates", withoutCoordinates);
        extra.putAll(ImportService.describe(table));
        if (c.has("complaint_count")) {
            // the column is read (old files keep importing) but not written: complaint counts come from complaint records
            List<Object> warnings = new ArrayList<>();
            if (extra.get("warnings") instanceof List<?> w) {
                warnings.addAll(w);
            }
            // resolved here: the summary is a plain JSON body (an import may run as a job, without the request's language)
            warnings.add(Messages.text(Messages.of("import.complaintCountIgnored"), com.patrolplanner.i18n.Lang.ZH_CN));
            extra.put("warnings", warnings);
        }
        return tally.summary(extra);
    }

    private static Parsed validate(TabularReader.Row row, Columns c, Request req, RowErrors errors) {
        int before = errors.mark();
        String licence = c.opt(row, "licence_no");
        String name = c.opt(row, "name");
        String category = c.opt(row, "category");
        String address = c.opt(row, "address");
        String notes = c.opt(row, "notes");
        errors.maxLength(row, "licence_no", licence, 64);
        errors.maxLength(row, "name", name, 300);
        errors.maxLength(row, "address", address, 500);
        errors.maxLength(row, "notes", notes, 4000);
        if (name == null) {
            errors.add(row.number(), "name", Messages.of("error.required"));
        }
        if (category == null) {
            errors.add(row.number(), "category", Messages.of("error.required"));
        } else {
            try {
                VenueCategory.parse(category);
            } catch (IllegalArgumentException e) {
                errors.add(row.number(), "category", Messages.of("import.categoryHint", e.getMessage()));
            }
        }
        String status = c.opt(row, "status");
        try {
            VenueStatus.parse(status);
        } catch (IllegalArgumentException e) {
            errors.add(row.number(), "status", e.getMessage());
        }
        Double lon = errors.number(row, c, "lon");
        Double lat = errors.number(row, c, "lat");
        checkPosition(row, c, errors, lon, lat);
        String hours = c.opt(row, "opening_hours");
        if (hours != null) {
            try {
                OpeningHours.parse(hours);
            } catch (IllegalArgumentException e) {
                errors.add(row.number(), "opening_hours", e.getMessage().replaceFirst("^openingHours: ", ""));
            }
        }
        Integer capacity = errors.count(row, c, "capacity");
        Integer complaints = errors.count(row, c, "complaint_count");
        boolean synthetic = errors.flag(row, c, "synthetic", false);
        if (errors.mark() != before) {
            return null;
        }
        VenueInput in = new VenueInput(licence, name, category, address, lon, lat, req.datum().name(),
                hours == null ? null : TextNode.valueOf(hours), capacity, status, complaints, notes, null);
        return new Parsed(row.number(), in, synthetic);
    }

    /** lon and lat both or neither, each finite and in range (with a hint when they look swapped). */
    static void checkPosition(TabularReader.Row row, Columns c, RowErrors errors, Double lon, Double lat) {
        boolean lonEmpty = c.get(row, "lon").isEmpty();
        boolean latEmpty = c.get(row, "lat").isEmpty();
        if (lonEmpty != latEmpty) {
            errors.add(row.number(), lonEmpty ? "lon" : "lat", Messages.of("import.lonLatTogether"));
            return;
        }
        if (lon != null && lat != null) {
            try {
                GeoJson.checkLonLat(lon, lat, "coordinates");
            } catch (IllegalArgumentException e) {
                errors.add(row.number(), e.getMessage().contains("geo.latitude") ? "lat" : "lon",
                        e.getMessage().replaceFirst("^coordinates: ", ""));
            }
        }
    }
}
