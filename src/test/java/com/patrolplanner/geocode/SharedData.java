package com.patrolplanner.geocode;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds ../shared/data: system property pp.shared.data, else the first ancestor of the working folder holding shared/data. */
public final class SharedData {
    private SharedData() {
    }

    public static Path dir() {
        String prop = System.getProperty("pp.shared.data", System.getenv("PP_SHARED_DATA"));
        if (prop != null && Files.isDirectory(Path.of(prop))) {
            return Path.of(prop);
        }
        Path p = Path.of("").toAbsolutePath();
        while (p != null) {
            Path c = p.resolve("shared").resolve("data");
            if (Files.isDirectory(c)) {
                return c;
            }
            p = p.getParent();
        }
        throw new IllegalStateException("shared/data not found above " + Path.of("").toAbsolutePath()
                + " (set -Dpp.shared.data=…)");
    }

    public static Path file(String relative) {
        return dir().resolve(relative);
    }
}
