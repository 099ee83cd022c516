package com.patrolplanner.campaign.routing;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Solomon instances of the shared data ({@code ../shared/data/vrptw/solomon}, see {@code PROVENANCE.md}). Found at
 * {@code -Dpp.shared.data} (or {@code PP_SHARED_DATA}), else in the first {@code shared/data} above the working folder
 * (so that git worktrees one level deeper find it too). A missing file fails the test: it never skips.
 */
final class SolomonData {

    private SolomonData() {
    }

    static Path file(String name) {
        Path file = folder().resolve(name);
        if (!Files.isRegularFile(file)) {
            fail("shared Solomon data missing: " + file.toAbsolutePath() + " (see ../shared/data/PROVENANCE.md)");
        }
        return file;
    }

    static SolomonInstance instance(String name) {
        return SolomonReader.read(file(name + ".txt"));
    }

    /** The first {@code customers} customers of an instance (Solomon's own 25- and 50-customer instances are so made). */
    static SolomonInstance prefix(String name, int customers) {
        SolomonInstance full = instance(name);
        return new SolomonInstance(name + "-" + customers, full.vehicleCount(), full.capacity(),
                full.customers().subList(0, customers + 1));
    }

    private static Path folder() {
        String explicit = System.getProperty("pp.shared.data", System.getenv("PP_SHARED_DATA"));
        if (explicit != null) {
            return Path.of(explicit).resolve("vrptw/solomon");
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared/data/vrptw/solomon");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return Path.of("../shared/data/vrptw/solomon");
    }
}
