package com.patrolplanner.importer;

import com.patrolplanner.i18n.Messages;
import com.patrolplanner.web.ApiException;
import com.patrolplanner.web.Problem.FieldError;
import crosby.binary.osmosis.OsmosisReader;
import java.nio.file.Path;
import java.util.List;
import org.openstreetmap.osmosis.core.task.v0_6.Sink;

/** Reading an OpenStreetMap {@code .osm.pbf} into a sink, for the import kinds that take one ({@code osm}, {@code roads}). */
public final class OsmPbf {
    private OsmPbf() {
    }

    /** Feeds every entity of the file to {@code sink}; a file that is not a readable PBF is a 422 on field {@code file}. */
    public static void read(Path file, Sink sink) {
        OsmosisReader reader = new OsmosisReader(file.toFile());
        reader.setSink(sink);
        try {
            reader.run();
        } catch (RuntimeException e) {
            throw ApiException.unprocessable(Messages.of("import.osmUnreadable", e.getMessage()),
                    List.of(new FieldError(null, "file", Messages.of("import.osmUnreadableShort"))));
        }
    }
}
