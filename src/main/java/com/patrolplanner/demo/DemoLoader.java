package com.patrolplanner.demo;

import com.patrolplanner.geo.Datum;
import com.patrolplanner.importer.ImportHandler;
import com.patrolplanner.importer.ImportService;
import com.patrolplanner.time.BureauClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Loads the demo district once at start-up when {@code patrol.demo.load=true} ({@code ./planner run} sets it): the Weifang
 * outlines (GCJ-02, converted), then the synthetic venues, schools and inspectors of 奎文区 and of 潍城区, each through
 * {@link ImportService}, the path an uploaded file takes. Imports upsert, so a second load changes nothing; start-up
 * skips it altogether once district 370705 and synthetic registers are present. Then the synthetic inspection history
 * of the last six months is added ({@link DemoInspections}, itself idempotent), unless
 * {@code patrol.demo.inspections=false}, and the complaints of the same half year ({@link DemoComplaints}). Last, a
 * campaign for today and the next days is created and solved ({@link DemoCampaign}), so that a team leader's first
 * login shows a shift.
 */
@ApplicationScoped
public class DemoLoader {
    private static final Logger LOG = Logger.getLogger(DemoLoader.class);
    /** Source of the outlines, kept with every district row. */
    public static final String ATTRIBUTION = "Weifang district outlines: anzhou99/GeoJsons @ ae33047, 370700_full.json "
            + "(DataV GeoAtlas export, GCJ-02 converted to WGS-84); licence: none stated";

    /** The files in load order: kind, file name, datum of the file. */
    record DemoFile(String kind, String file, Datum datum) {
    }

    static final List<DemoFile> FILES = List.of(
            new DemoFile("districts", "370700_full.json", Datum.GCJ02),
            new DemoFile("venues", "venues.csv", Datum.WGS84),
            new DemoFile("schools", "schools.geojson", Datum.WGS84),
            new DemoFile("inspectors", "inspectors.csv", Datum.WGS84),
            // 潍城区 (issue 14's second district bureau), made the same way from seed 370702
            new DemoFile("venues", "venues-370702.csv", Datum.WGS84),
            new DemoFile("schools", "schools-370702.geojson", Datum.WGS84),
            new DemoFile("inspectors", "inspectors-370702.csv", Datum.WGS84));

    @ConfigProperty(name = "patrol.demo.load", defaultValue = "false")
    boolean enabled;
    @ConfigProperty(name = "patrol.demo.dir", defaultValue = "data-import/demo")
    String dir;
    @ConfigProperty(name = "patrol.demo.inspections", defaultValue = "true")
    boolean inspectionHistory;
    @Inject
    ImportService imports;
    @Inject
    DemoInspections inspections;
    @Inject
    DemoCasework casework;
    @Inject
    DemoComplaints complaintHistory;
    @Inject
    DemoCampaign campaign;
    @Inject
    EntityManager em;

    void onStart(@Observes @Priority(20) StartupEvent ev) {
        if (!enabled) {
            return;
        }
        if (loaded()) {
            LOG.info("demo data already loaded (district " + DemoGenerator.DISTRICT + " present); registers left as they are");
        } else {
            Path d = Path.of(dir);
            if (!Files.isDirectory(d)) {
                LOG.warnf("demo data not loaded: no folder %s (set patrol.demo.dir; ./planner run starts in the repository root)",
                        d.toAbsolutePath());
                return;
            }
            load(d);
        }
        if (inspectionHistory) {
            LocalDate today = BureauClock.today();
            DemoInspections.Result r = inspections.generate(DemoGenerator.SEED, today.minusMonths(6), today);
            LOG.infof("demo inspections %s – %s: %d created, %d already there", today.minusMonths(6), today, r.created(),
                    r.existing());
            DemoCasework.Result c = casework.generate(DemoGenerator.SEED, today.minusMonths(6), today);
            LOG.infof("demo casework: %d cases, %d goods records, %d documents, %d work-log entries%s", c.cases(), c.goods(),
                    c.documents(), c.workLog(), c.note() == null ? "" : " (" + c.note() + ")");
            DemoComplaints.Result cc = complaintHistory.generate(DemoGenerator.SEED, today.minusMonths(6), today);
            LOG.infof("demo complaints: %d created, %d already there", cc.created(), cc.existing());
        }
    }

    /**
     * After every other start-up step (priority 5000: the jobs and plan rows a crashed run left open are recovered
     * first, so they cannot take the new solve for an orphan), a campaign solved for today and the next days, so that
     * leader1 and leader2 see a shift at first login.
     */
    void planToday(@Observes @Priority(5000) StartupEvent ev) {
        if (!enabled || !loaded()) {
            return;
        }
        try {
            DemoCampaign.Result p = campaign.plan(BureauClock.today());
            LOG.infof("demo campaign %s: %s", p.campaignId(), p.jobId() == null ? p.note() : "solving (job " + p.jobId() + ")");
        } catch (RuntimeException e) {
            LOG.warn("demo campaign not planned: " + e.getMessage());
        }
    }

    /** True when the demo district and synthetic venues, schools and inspectors are all in the database. */
    public boolean loaded() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object n = em.createNativeQuery("""
                    SELECT (SELECT count(*) FROM district WHERE adcode = ?1) > 0
                       AND EXISTS (SELECT 1 FROM venue WHERE synthetic)
                       AND EXISTS (SELECT 1 FROM school WHERE synthetic)
                       AND EXISTS (SELECT 1 FROM inspector WHERE synthetic)
                       AND EXISTS (SELECT 1 FROM venue WHERE synthetic AND district_code = ?2)""")
                    .setParameter(1, DemoGenerator.DISTRICT).setParameter(2, DemoGenerator.WEICHENG.adcode()).getSingleResult();
            return Boolean.TRUE.equals(n);
        });
    }

    /** Imports the demo files from {@code d} in order; returns each file's summary, keyed by file name. */
    public Map<String, Map<String, Object>> load(Path d) {
        long t0 = System.nanoTime();
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (DemoFile f : FILES) {
            Path file = d.resolve(f.file());
            Map<String, String> options = f.kind().equals("districts") ? Map.of("attribution", ATTRIBUTION) : Map.of();
            out.put(f.file(), imports.run(new ImportHandler.Request(f.kind(), file, f.file(), f.datum(), Map.of(), "demo",
                    options)).asMap());
        }
        StringBuilder line = new StringBuilder("demo data loaded from " + d + " in "
                + (System.nanoTime() - t0) / 1_000_000 + " ms:");
        out.forEach((kind, s) -> line.append(' ').append(kind).append(' ').append(s.get("imported")).append('+')
                .append(s.get("updated")).append(" (").append(s.get("unchanged")).append(" unchanged)"));
        LOG.info(line);
        return out;
    }
}
