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
     */
    record Request(String kind, Path file, String filename, Datum datum, Map<String, String> mapping, String user) {
    }

    /** {@code extra} carries kind-specific counts (e.g. rows kept for geocoding). */
    record Summary(long imported, long updated, long unchanged, Map<String, Object> extra) {
    }
}
