package com.patrolplanner.campaign.routing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Best-known Solomon results from a CSV {@code instance,vehicles,distance}; used only to report gaps, never by the
 * solver.
 */
public final class BestKnown {

    public record Entry(int vehicles, double distance) {
    }

    private final Map<String, Entry> entries;

    private BestKnown(Map<String, Entry> entries) {
        this.entries = entries;
    }

    public static BestKnown none() {
        return new BestKnown(Map.of());
    }

    public static BestKnown read(Path csv) {
        Map<String, Entry> entries = new HashMap<>();
        try {
            for (String raw : Files.readAllLines(csv)) {
                String line = raw.strip();
                if (line.isEmpty() || line.toLowerCase(Locale.ROOT).startsWith("instance")) {
                    continue;
                }
                String[] cells = line.split(",");
                entries.put(cells[0].strip().toUpperCase(Locale.ROOT),
                        new Entry(Integer.parseInt(cells[1].strip()), Double.parseDouble(cells[2].strip())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csv, e);
        }
        return new BestKnown(entries);
    }

    public Optional<Entry> lookUp(String instance) {
        return Optional.ofNullable(entries.get(instance.strip().toUpperCase(Locale.ROOT)));
    }
}
