package com.patrolplanner.importer;

import com.patrolplanner.i18n.Messages;
import com.patrolplanner.jobs.JobService;
import com.patrolplanner.web.ApiException;
import com.patrolplanner.web.Problem;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Runs an import: finds the {@link ImportHandler} of the kind, and calls it inside one transaction so that a file is
 * imported whole or not at all. Large files (more than {@link #ASYNC_ROWS} rows, or on request) run as a job of
 * {@link JobService}; its result is the same summary, its error the same problem.
 *
 * <p>The HTTP resource and the demo loader both come through here, so the demo data takes the code path users take.
 */
@ApplicationScoped
public class ImportService {
    private static final Logger LOG = Logger.getLogger(ImportService.class);
    /** Files with more data rows than this are imported in the background (202 + job id). */
    public static final long ASYNC_ROWS = 5000;
    /** One import is one transaction; a 20 MB file of upserts may take minutes on a small machine. */
    static final int TRANSACTION_TIMEOUT_SECONDS = 3600;

    @Inject
    @Any
    Instance<ImportHandler> handlers;
    @Inject
    JobService jobs;
    @Inject
    io.micrometer.core.instrument.MeterRegistry metrics;

    /** Every kind some handler accepts, sorted. */
    public List<String> kinds() {
        TreeMap<String, ImportHandler> all = byKind();
        return List.copyOf(all.keySet());
    }

    public ImportHandler handler(String kind) {
        TreeMap<String, ImportHandler> all = byKind();
        if (kind == null || kind.isBlank()) {
            throw ApiException.badRequest("kind", Messages.of("import.kindRequired", String.join(", ", all.keySet())));
        }
        ImportHandler h = all.get(kind.trim());
        if (h == null) {
            throw ApiException.badRequest("kind", Messages.of("import.unknownKind", kind, String.join(", ", all.keySet())));
        }
        return h;
    }

    private TreeMap<String, ImportHandler> byKind() {
        TreeMap<String, ImportHandler> m = new TreeMap<>();
        for (ImportHandler h : handlers) {
            for (String k : h.kinds()) {
                m.put(k, h);
            }
        }
        return m;
    }

    /** Kinds whose rows may come from a GIS file (Shapefile, GeoPackage, KML, GeoJSON with a CRS). */
    static final java.util.Set<String> GIS_KINDS = java.util.Set.of("venues", "schools", "districts", "zones", "units");
    static final String GIS_FORMAT = "gis.format";
    static final String GIS_CRS = "gis.sourceCrs";
    static final String GIS_WARNINGS = "gis.warnings";

    /**
     * The request as the handlers read it: a GIS file of a register kind becomes GeoJSON rows in WGS-84 (see
     * {@link GisFiles}; a bad file is a 422 here, before anything is written); any other file passes unchanged.
     */
    public ImportHandler.Request prepare(ImportHandler.Request req) {
        if (!GIS_KINDS.contains(req.kind())) {
            return req;
        }
        GisFiles.Converted c = GisFiles.convert(req.file(), req.filename(), req.kind());
        if (c == null) {
            return req;
        }
        Map<String, String> options = new LinkedHashMap<>(req.options() == null ? Map.of() : req.options());
        options.put(GIS_FORMAT, c.format());
        options.put(GIS_CRS, c.sourceCrs());
        options.put(GIS_WARNINGS, String.join("\n", c.warnings()));
        return new ImportHandler.Request(req.kind(), c.geojson(), req.filename() + ".geojson", req.datum(), req.mapping(),
                req.user(), options);
    }

    /** Deletes the request's file, and the folder GDAL wrote into when it came from a GIS file. */
    public static void discard(ImportHandler.Request req) {
        if (req.option(GIS_FORMAT) != null) {
            GisFiles.delete(new GisFiles.Converted(req.file(), null, null, List.of()));
        } else {
            deleteQuietly(req.file());
        }
    }

    /** True when the file is big enough to go to the background anyway. */
    public boolean large(Path file) {
        return TabularReader.estimateRows(file) > ASYNC_ROWS;
    }

    /** Imports now, in a transaction of its own; the caller's file is left in place. */
    public ImportResult run(ImportHandler.Request req) {
        return run(req, NO_PROGRESS);
    }

    // package-private, not private: the Resumer calls it through the bean's client proxy (a private method would run on the
    // proxy instance, whose injected fields are null)
    ImportResult run(ImportHandler.Request req, JobService.Progress progress) {
        ImportHandler h = handler(req.kind());
        long t0 = System.nanoTime();
        ImportHandler.Summary s;
        try {
            s = QuarkusTransaction.requiringNew().timeout(TRANSACTION_TIMEOUT_SECONDS)
                    .call(() -> h.importFile(req, progress));
        } catch (QuarkusTransactionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw e;
        }
        long nanos = System.nanoTime() - t0;
        LOG.infof("import %s %s by %s: %d imported, %d updated, %d unchanged (%d ms)", req.kind(), req.filename(),
                req.user(), s.imported(), s.updated(), s.unchanged(), nanos / 1_000_000);
        // rows per second = rate(pp_import_rows_total) / rate(pp_import_duration_seconds_sum), per kind
        long rows = s.imported() + s.updated() + s.unchanged();
        io.micrometer.core.instrument.Counter.builder("pp.import.rows").description("rows read by imports")
                .tag("kind", req.kind()).register(metrics).increment(rows);
        io.micrometer.core.instrument.Timer.builder("pp.import.duration").description("time per import file")
                .tag("kind", req.kind()).register(metrics).record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
        ImportResult out = summary(s);
        if (req.option(GIS_FORMAT) != null) {
            Map<String, Object> more = out.kindMembers();
            more.put("gisFormat", req.option(GIS_FORMAT));
            more.put("sourceCrs", req.option(GIS_CRS));
            String w = req.option(GIS_WARNINGS);
            if (w != null && !w.isEmpty()) {
                more.put("warnings", List.of(w.split("\\n")));
            }
        }
        return out;
    }

    /**
     * Imports in the background; the job owns {@code req.file()} and deletes it when done.
     *
     * @return the job id clients poll at {@code /api/jobs/{id}}
     */
    public UUID submit(ImportHandler.Request req) {
        handler(req.kind()); // an unknown kind is a 400 now, not a failed job later
        JobService.Resume resume;
        try {
            // another node starts the import again from the start if this one dies (README, Cluster): it is all or
            // nothing, so nothing of the first run is in the database
            Args args = new Args(req.kind(), req.filename(), req.datum() == null ? null : req.datum().name(), req.mapping(),
                    req.user(), req.options());
            resume = new JobService.Resume(RESUMER, args, Files.readAllBytes(req.file()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return jobs.submit("import:" + req.kind(), req.user(), resume, progress -> {
            try {
                return run(req, progress);
            } finally {
                discard(req);
            }
        });
    }

    public static final String RESUMER = "import";

    /** An import job's stored arguments (the job row's {@code resume_args}: {@code {"kind":…,"filename":…,…}}). */
    public record Args(String kind, String filename, String datum, Map<String, String> mapping, String user,
            Map<String, String> options) {
    }

    /** Starts again, on this node, an import whose node died: the stored file into a new temporary file, then as before. */
    @ApplicationScoped
    public static class Resumer implements JobService.TypedResumer<Args> {
        @Inject
        ImportService imports;

        @Override
        public String name() {
            return RESUMER;
        }

        @Override
        public Class<Args> argsType() {
            return Args.class;
        }

        @Override
        public JobService.Body resume(UUID jobId, Args args, byte[] input) throws Exception {
            Path file = Files.createTempFile("pp-import-resumed-", ".upload");
            Files.write(file, input);
            ImportHandler.Request req = new ImportHandler.Request(args.kind(), file, args.filename(),
                    args.datum() == null ? null : com.patrolplanner.geo.Datum.valueOf(args.datum()), args.mapping(),
                    args.user(), args.options() == null ? Map.of() : args.options());
            return progress -> {
                try {
                    return imports.run(req, progress);
                } finally {
                    deleteQuietly(file);
                }
            };
        }
    }

    /** {imported, updated, unchanged, …extra}: the response body and the job result. */
    public static ImportResult summary(ImportHandler.Summary s) {
        Map<String, Object> more = new LinkedHashMap<>();
        if (s.extra() != null) {
            s.extra().forEach((k, v) -> {
                if (!k.equals("imported") && !k.equals("updated") && !k.equals("unchanged")) {
                    more.putIfAbsent(k, v);
                }
            });
        }
        return new ImportResult(s.imported(), s.updated(), s.unchanged(), more);
    }

    // ---------------------------------------------------------------- helpers for handlers

    /** Format and encoding of a table, for the summary's extra members. */
    public static Map<String, String> describe(TabularReader.Table t) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("format", t.format().name().toLowerCase());
        if (t.encoding() != null) {
            m.put("encoding", t.encoding());
        }
        return m;
    }

    /**
     * Runs one row's write; a refusal from the registry that names no row (e.g. a rule only the database knows) comes
     * back as a 422 naming this row. The transaction is rolled back either way.
     */
    public static <T> T atRow(int row, Supplier<T> write) {
        try {
            return write.get();
        } catch (ApiException e) {
            List<Problem.FieldError> errs = e.errors() == null ? List.of(new Problem.FieldError(row, "row", e.getMessage()))
                    : e.errors().stream().map(f -> new Problem.FieldError(f.row() == null ? row : f.row(),
                            f.field(), f.reason())).toList();
            throw ApiException.unprocessable(Messages.of("import.rowFailed", row, e.getMessage()), errs);
        }
    }

    static void deleteQuietly(Path p) {
        if (p == null) {
            return;
        }
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.debug("could not delete " + p, e);
        }
    }

    static final JobService.Progress NO_PROGRESS = new JobService.Progress() {
        @Override
        public void total(long total) {
        }

        @Override
        public void advance(long by) {
        }

        @Override
        public void detail(Map<String, Object> detail) {
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    };
}
