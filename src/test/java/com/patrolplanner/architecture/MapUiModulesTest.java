package com.patrolplanner.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * map-ui's ES modules import one another without cycles, and only the HTTP module talks to the service: the UI reaches
 * the service through its HTTP API alone.
 */
class MapUiModulesTest {
    static final Path JS = Path.of("map-ui/src/js");
    static final Pattern IMPORT = Pattern.compile("(?m)^\\s*import\\b[^;]*?from\\s+'\\./([\\w.-]+\\.js)'");

    static Map<String, Set<String>> graph() throws IOException {
        Map<String, Set<String>> g = new TreeMap<>();
        try (Stream<Path> files = Files.list(JS)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".js")).toList()) {
                Set<String> to = new TreeSet<>();
                Matcher m = IMPORT.matcher(Files.readString(f));
                while (m.find()) {
                    to.add(m.group(1));
                }
                g.put(f.getFileName().toString(), to);
            }
        }
        return g;
    }

    @Test
    void modulesImportEachOtherWithoutCycles() throws IOException {
        Map<String, Set<String>> g = graph();
        assertTrue(g.size() > 10, "map-ui modules not found under " + JS.toAbsolutePath());
        List<String> cycles = new ArrayList<>();
        for (String start : g.keySet()) {
            walk(g, start, new ArrayList<>(List.of(start)), cycles);
        }
        assertEquals(List.of(), cycles, "map-ui import cycles: " + cycles);
    }

    private static void walk(Map<String, Set<String>> g, String at, List<String> path, List<String> cycles) {
        for (String next : g.getOrDefault(at, Set.of())) {
            if (next.equals(path.get(0))) {
                cycles.add(String.join(" → ", path) + " → " + next);
            } else if (!path.contains(next) && path.size() < 30) {
                path.add(next);
                walk(g, next, path, cycles);
                path.remove(path.size() - 1);
            }
        }
    }

    @Test
    void onlyTheApiModuleCallsFetch() throws IOException {
        List<String> callers = new ArrayList<>();
        try (Stream<Path> files = Files.list(JS)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".js")).toList()) {
                if (Files.readString(f).matches("(?s).*\\bfetch\\(.*") && !f.getFileName().toString().equals("api.js")) {
                    callers.add(f.getFileName().toString());
                }
            }
        }
        assertEquals(List.of(), callers, "modules calling fetch() outside api.js");
    }
}
