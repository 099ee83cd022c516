package com.patrolplanner.importer;

import com.patrolplanner.geo.GeoJson;
import com.patrolplanner.i18n.Messages;
import com.patrolplanner.jobs.JobService;
import com.patrolplanner.registry.OpeningHours;
import com.patrolplanner.registry.RegistryService;
import com.patrolplanner.registry.Scope;
import com.patrolplanner.registry.VenueBulk;
import com.patrolplanner.registry.VenueCategory;
import com.patrolplanner.registry.VenueInput;
import com.patrolplanner.registry.VenueStatus;
import com.patrolplanner.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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

    /** Rows between two progress reports (and cancel checks) while the file is read and staged. */
    static final int PROGRESS_ROWS = 1000;

    /**
     * Streams the file (CSV, XLSX: row by row, never whole) through the validation of each row into the registry's
     * set-based path ({@link VenueBulk}): every bad cell and every duplicate is listed in one 422 before anything is
     * written; then one upsert, the unit check (rows outside the importer's units: 422, nothing kept), and the history,
     * audit and verdicts of the changed venues, each in one statement. Same outcome as the row-by-row
     * {@link RegistryService#upsertVenue}.
     */
    @Override
    public Summary importFile(Request req, JobService.Progress progress) {
        Scope scope = Scope.decode(req.option(Scope.OPTION));
        String reason = "import " + (req.filename() == null ? "" : req.filename());
        progress.total(TabularReader.estimateRows(req.file()));
        RowErrors errors = new RowErrors();
        long[] rows = new long[1];
        boolean[] complaintColumn = new boolean[1];
        long t0 = System.nanoTime();
        try (VenueBulk bulk = registry.venueBulk(req.user(), reason, scope)) {
            TabularReader.Table table = TabularReader.stream(req.file(), req.filename(), new TabularReader.Sink() {
                private Columns c;

                @Override
                public void header(List<String> header) {
                    c = new Columns(header, COLUMNS, req.mapping());
                    c.require("name", "category");
                    complaintColumn[0] = c.has("complaint_count");
                    if (c.has("lon") != c.has("lat")) {
                        c.require("lon", "lat");
                    }
                }

                @Override
                public void row(TabularReader.Row row) {
                    Parsed p = validate(row, c, req, errors);
                    if (p != null) {
                        ImportService.atRow(p.row, () -> {
                            bulk.add(p.row, p.input, p.synthetic);
                            return null;
                        });
                    }
                    if (++rows[0] % PROGRESS_ROWS == 0) {
                        progress.advance(PROGRESS_ROWS);
                        stopIfCancelled(progress);
                    }
                }
            });
            for (VenueBulk.Duplicate d : bulk.duplicates(RowErrors.MAX_LISTED)) {
                errors.add(d.row(), d.licenceNo() == null ? "name" : "licence_no", d.licenceNo() == null
                        ? Messages.of("import.duplicateNameAddress", d.firstRow())
                        : Messages.of("import.duplicateLicence", d.licenceNo(), d.firstRow()));
            }
            errors.sortByRow();
            errors.throwIfAny((int) rows[0]);
            progress.detail(Map.of("phase", "writing"));
            stopIfCancelled(progress);
            long t1 = System.nanoTime();
            VenueBulk.Counts counts = bulk.upsert();
            stopIfCancelled(progress);
            VenueBulk.OutsideRows outside = bulk.outside(RowErrors.MAX_LISTED);
            if (outside.total() > 0) {
                Map<Long, String> reasons = new HashMap<>();
                for (VenueBulk.Outside o : outside.listed()) {
                    errors.add(o.row(), "location", reasons.computeIfAbsent(o.unitId() == null ? -1L : o.unitId(),
                            u -> registry.outside(scope, o.unitId(), "location").errors().get(0).reason()));
                }
                errors.addUnlisted(outside.total() - outside.listed().size());
                errors.throwIfAny((int) rows[0]);
            }
            long t2 = System.nanoTime();
            bulk.record();
            long t3 = System.nanoTime();
            stopIfCancelled(progress); // the last moment: a cancel now still rolls everything back
            progress.advance(rows[0] % PROGRESS_ROWS);
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("rows", bulk.staged());
            extra.put("withoutCoordinates", counts.withoutCoordinates());
            extra.putAll(ImportService.describe(table));
            if (complaintColumn[0]) {
                // the column is read (old files keep importing) but not written: complaint counts come from complaint records
                List<Object> warnings = new ArrayList<>();
                if (extra.get("warnings") instanceof List<?> w) {
                    warnings.addAll(w);
                }
                // resolved here: the summary is a plain JSON body (an import may run as a job, without the request's language)
                warnings.add(Messages.text(Messages.of("import.complaintCountIgnored"), com.patrolplanner.i18n.Lang.ZH_CN));
                extra.put("warnings", warnings);
            }
            // where the time went: reading, checking and staging the rows; planning and writing them (with the unit
            // check); history, audit and verdicts
            VenueBulk.Millis m = bulk.millis();
            Map<String, Long> millis = new LinkedHashMap<>();
            millis.put("readAndStage", (t1 - t0) / 1_000_000);
            millis.put("upsert", (t2 - t1) / 1_000_000);
            millis.put("historyAuditVerdicts", (t3 - t2) / 1_000_000);
            millis.put("plan", m.plan());
            millis.put("write", m.write());
            millis.put("history", m.history());
            millis.put("audit", m.audit());
            millis.put("auditCopy", m.auditCopy());
            millis.put("verdicts", m.verdicts());
            extra.put("millis", millis);
            return new Summary(counts.created(), counts.updated(), counts.unchanged(), extra);
        }
    }

    private static void stopIfCancelled(JobService.Progress progress) {
        if (progress.cancelled()) {
            throw new ApiException(409, Messages.of("import.cancelledTitle"), Messages.of("import.cancelled"), null);
        }
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
        if (category != null && (lon != null || lat != null)) {
            try {
                if (VenueCategory.parse(category).online) {
                    errors.add(row.number(), lon != null ? "lon" : "lat", Messages.of("registry.onlineNoPosition"));
                }
            } catch (IllegalArgumentException e) {
                // reported above
            }
        }
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
                OpeningHours.parse(hours), capacity, status, complaints, notes, null);
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
