package com.patrolplanner.importer;

import com.patrolplanner.geo.Datum;
import com.patrolplanner.jobs.JobService;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * One kind of import ({@code venues}, {@code schools}, {@code districts}, {@code inspectors}, {@code address-points},
 * {@code osm}, …). Handlers are CDI beans; {@code POST /api/imports} picks the one whose {@link #kinds()} holds the
 * requested kind. A handler is called inside one transaction: it validates every row first and throws
 * {@link com.patrolplanner.web.ApiException} (422 with every bad row) so that nothing is written in part.
 */
public interface ImportHandler {
    Set<String> kinds();

    Summary importFile(Request request, JobService.Progress progress) throws Exception;

    /**
     * @param file     the uploaded file on disk (deleted after the import)
     * @param filename the client's file name (its extension tells the format when the content does not)
     * @param mapping  optional column mapping: our field name → the file's column header
     * @param options  further form fields a kind may read (e.g. {@code attribution}); never null
     */
    record Request(String kind, Path file, String filename, Datum datum, Map<String, String> mapping, String user,
            Map<String, String> options) {
        public Request(String kind, Path file, String filename, Datum datum, Map<String, String> mapping, String user) {
            this(kind, file, filename, datum, mapping, user, Map.of());
        }

        /** A named option of the upload other than the file itself (e.g. {@code attribution} for districts), or null. */
        public String option(String name) {
            return options == null ? null : options.get(name);
        }
    }

    /** {@code extra} carries kind-specific counts (e.g. rows kept for geocoding). */
    record Summary(long imported, long updated, long unchanged, Map<String, Object> extra) {
    }
}
