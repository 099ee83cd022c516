package com.patrolplanner.importer;

import com.patrolplanner.geo.GeoJson;
import com.patrolplanner.i18n.Messages;
import com.patrolplanner.jobs.JobService;
import com.patrolplanner.registry.InspectorBulk;
import com.patrolplanner.registry.Jurisdiction;
import com.patrolplanner.registry.PeopleService;
import com.patrolplanner.registry.RegistryService;
import com.patrolplanner.registry.Scope;
import com.patrolplanner.registry.Team;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Point;

/**
 * Kind {@code inspectors}: the inspector register (执法检查人员名录库). A row's team is found by name and created when
 * missing; optional team-base columns set the team's base (where its patrols start and end). Upserts by certificate
 * number (执法证号), or by name and unit for officers without one — they stay in the register but may not inspect
 * (《行政处罚法》第四十二条 asks for certified officers). Teams are written through {@link PeopleService}, officers
 * set-based through {@link InspectorBulk} (the same result as {@link PeopleService#upsertInspector} row by row); both keep
 * their field-level history and audit records.
 */
@ApplicationScoped
public class InspectorImportHandler implements ImportHandler {
    static final Map<String, List<String>> COLUMNS = columns();

    @Inject
    PeopleService people;
    @Inject
    RegistryService registry;
    @Inject
    Jurisdiction jurisdiction;

    private static Map<String, List<String>> columns() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("name", List.of("姓名", "名字"));
        m.put("certificate_no", List.of("certificate", "执法证号", "执法证编号", "证件号"));
        m.put("unit", List.of("单位", "所属单位"));
        m.put("team", List.of("小组", "执法小组", "班组", "组别"));
        m.put("team_base_lon", List.of("base_lon", "驻地经度"));
        m.put("team_base_lat", List.of("base_lat", "驻地纬度"));
        m.put("team_base_address", List.of("base_address", "驻地地址", "驻地"));
        m.put("active", List.of("在岗"));
        m.put("synthetic", List.of("合成数据", "合成"));
        return m;
    }

    @Override
    public Set<String> kinds() {
        return Set.of("inspectors");
    }

    private record Parsed(int row, String name, String certificateNo, String unit, String team, boolean active,
            boolean synthetic) {
    }

    private record Base(int row, double lon, double lat, String address) {
    }

    @Override
    public Summary importFile(Request req, JobService.Progress progress) {
        TabularReader.Table table = TabularReader.read(req.file(), req.filename());
        Columns c = table.columns(COLUMNS, req.mapping());
        c.require("name");
        RowErrors errors = new RowErrors();
        List<Parsed> parsed = new ArrayList<>();
        Map<String, Integer> certs = new HashMap<>();
        Map<String, Integer> uncertified = new HashMap<>();
        Map<String, Base> bases = new LinkedHashMap<>();
        for (TabularReader.Row row : table.rows()) {
            int before = errors.mark();
            String name = c.opt(row, "name");
            String cert = c.opt(row, "certificate_no");
            String unit = c.opt(row, "unit");
            String team = c.opt(row, "team");
            errors.maxLength(row, "name", name, 100);
            errors.maxLength(row, "certificate_no", cert, 64);
            errors.maxLength(row, "unit", unit, 200);
            errors.maxLength(row, "team", team, 100);
            if (name == null) {
                errors.add(row.number(), "name", Messages.of("error.required"));
            }
            boolean active = errors.flag(row, c, "active", true);
            boolean synthetic = errors.flag(row, c, "synthetic", false);
            Double lon = errors.number(row, c, "team_base_lon");
            Double lat = errors.number(row, c, "team_base_lat");
            String baseAddress = c.opt(row, "team_base_address");
            if ((lon == null) != (lat == null)) {
                errors.add(row.number(), lon == null ? "team_base_lon" : "team_base_lat", Messages.of("import.bothOrNeither"));
            } else if (lon != null) {
                if (team == null) {
                    errors.add(row.number(), "team", Messages.of("import.baseNeedsTeam"));
                } else {
                    try {
                        GeoJson.checkLonLat(lon, lat, "team base");
                        Base b = new Base(row.number(), lon, lat, baseAddress);
                        Base other = bases.putIfAbsent(team, b);
                        if (other != null && (other.lon != lon || other.lat != lat)) {
                            errors.add(row.number(), "team_base_lon", Messages.of("import.teamBaseTwice", team, other.row));
                        }
                    } catch (IllegalArgumentException e) {
                        errors.add(row.number(), "team_base_lon", e.getMessage());
                    }
                }
            }
            if (errors.mark() != before) {
                continue;
            }
            Integer seen = cert != null ? certs.putIfAbsent(cert, row.number())
                    : uncertified.putIfAbsent(name + "\u0000" + unit, row.number());
            if (seen != null) {
                errors.add(row.number(), cert != null ? "certificate_no" : "name", cert != null
                        ? Messages.of("import.duplicateCert", cert, seen)
                        : Messages.of("import.duplicateOfficer", seen));
            }
            parsed.add(new Parsed(row.number(), name, cert, unit, team, active, synthetic));
        }
        errors.throwIfAny(table.rows().size());

        // history and audit of the whole file: one statement each (RegistryService.defer)
        // the importer's units: new officers and teams join its unit, officers of other units are refused
        Scope scope = req.option(Scope.OPTION) != null ? Scope.decode(req.option(Scope.OPTION)) : jurisdiction.scope();
        try (RegistryService.Deferred deferred = registry.defer()) {
            progress.total(parsed.size());
            String reason = "import " + (req.filename() == null ? "" : req.filename());
            Map<String, Long> teamIds = new HashMap<>();
            long teamsCreated = 0;
            long teamsUpdated = 0;
            for (Parsed p : parsed) {
                if (p.team == null || teamIds.containsKey(p.team)) {
                    continue;
                }
                Base b = bases.get(p.team);
                Point base = null;
                if (b != null) {
                    double[] w = req.datum().toWgs84(b.lon, b.lat);
                    base = GeoJson.point(w[0], w[1]);
                }
                RegistryService.Result<Team> t = people.upsertTeam(p.team, base, b == null ? null : b.address, req.user(),
                        reason);
                if (t.outcome() == RegistryService.Outcome.CREATED) {
                    teamsCreated++;
                } else if (t.outcome() == RegistryService.Outcome.UPDATED) {
                    teamsUpdated++;
                }
                teamIds.put(p.team, t.entity().id);
            }
            // the teams' history and audit first (as row by row), then the officers set-based (registry.InspectorBulk):
            // staged with COPY, one read of the officers they name, one upsert, history and audit one statement each
            deferred.flush();
            long withoutCertificate = 0;
            InspectorBulk.Counts counts;
            try (InspectorBulk bulk = registry.inspectorBulk(req.user(), reason, scope)) {
                for (Parsed p : parsed) {
                    Long teamId = p.team == null ? null : teamIds.get(p.team);
                    bulk.add(p.row, new PeopleService.InspectorRow(p.name, p.certificateNo, p.unit, teamId, p.active,
                            p.synthetic));
                    if (p.certificateNo == null) {
                        withoutCertificate++;
                    }
                }
                counts = bulk.upsert();
                if (!bulk.otherUnit().isEmpty()) {
                    for (InspectorBulk.OtherUnit o : bulk.otherUnit()) {
                        errors.add(o.row(), "certificateNo", o.reason());
                    }
                    errors.throwIfAny(parsed.size());
                }
                bulk.record();
            }
            SchoolImportHandler.stopIfCancelled(progress); // the last moment: a cancel now still rolls everything back
            progress.advance(parsed.size());
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("rows", parsed.size());
            extra.put("withoutCertificate", withoutCertificate);
            extra.put("teamsCreated", teamsCreated);
            extra.put("teamsUpdated", teamsUpdated);
            extra.putAll(ImportService.describe(table));
            return new Summary(counts.created(), counts.updated(), counts.unchanged(), extra);
        }
    }
}
