package com.patrolplanner.geocode;

import com.patrolplanner.geo.Datum;
import com.patrolplanner.importer.ImportHandler;
import com.patrolplanner.jobs.JobService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.nio.file.Path;
import java.util.Map;

/** Calls an ImportHandler the way POST /api/imports does: one transaction, a progress that counts. */
public final class ImportSupport {
    private ImportSupport() {
    }

    public static final class CountingProgress implements JobService.Progress {
        public long total;
        public long processed;
        public Map<String, Object> detail;

        @Override
        public void total(long total) {
            this.total = total;
        }

        @Override
        public void advance(long by) {
            processed += by;
        }

        @Override
        public void detail(Map<String, Object> detail) {
            this.detail = detail;
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    }

    public static ImportHandler.Summary run(ImportHandler h, String kind, Path file, String filename, Datum datum,
            Map<String, String> mapping) {
        return QuarkusTransaction.requiringNew().call(() -> h.importFile(
                new ImportHandler.Request(kind, file, filename, datum, mapping, "planner"), new CountingProgress()));
    }
}
