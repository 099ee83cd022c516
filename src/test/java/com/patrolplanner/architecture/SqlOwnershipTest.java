package com.patrolplanner.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every capability names in SQL only its own relations and the relations other capabilities publish (the
 * {@code *Relations} class of each capability lists both). The scan reads every string literal and text block of
 * {@code src/main/java} and the body of every view the migrations create, and fails naming the file, the relation, its
 * owner and the door to use instead.
 */
class SqlOwnershipTest {
    static final Path MAIN = Path.of("src/main/java/com/patrolplanner");
    static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    static final Pattern LITERAL = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"", Pattern.DOTALL);
    static final Pattern REFERENCE = Pattern.compile(
            "(?i)\\b(?:from|join|into|update|table|exists|truncate)\\s+(?:only\\s+)?(?:pp\\.)?([a-z_][a-z0-9_]*)\\b");
    static final Pattern VIEW = Pattern.compile(
            "(?is)create\\s+(?:or\\s+replace\\s+)?(?:materialized\\s+)?view\\s+(?:if\\s+not\\s+exists\\s+)?(?:pp\\.)?([a-z_]+)(.*?);");
    static final List<String> CAPABILITIES = List.of("registry", "security", "jobs", "audit", "compliance", "geocode",
            "zoning", "campaign", "inspection", "coverage", "casework", "complaint");

    record Relations(Set<String> owned, Set<String> published) {
    }

    static Map<String, Relations> relations() throws ReflectiveOperationException {
        Map<String, Relations> all = new HashMap<>();
        for (String cap : CAPABILITIES) {
            String simple = Character.toUpperCase(cap.charAt(0)) + cap.substring(1);
            Class<?> c = null;
            for (String name : List.of(simple + "Relations", simple.replaceAll("s$", "") + "Relations")) {
                try {
                    c = Class.forName("com.patrolplanner." + cap + "." + name);
                    break;
                } catch (ClassNotFoundException e) {
                    // try the next spelling
                }
            }
            if (c == null) {
                fail("capability " + cap + " declares no *Relations class (its owned and published SQL relations)");
            }
            Field owned = c.getField("OWNED");
            Field published = c.getField("PUBLISHED");
            @SuppressWarnings("unchecked")
            Relations r = new Relations((Set<String>) owned.get(null), (Set<String>) published.get(null));
            assertTrue(r.owned().containsAll(r.published()), cap + " publishes a relation it does not own");
            all.put(cap, r);
        }
        return all;
    }

    static Map<String, String> owners(Map<String, Relations> rel) {
        Map<String, String> owner = new HashMap<>();
        rel.forEach((cap, r) -> r.owned().forEach(t -> {
            String before = owner.put(t, cap);
            if (before != null) {
                fail("relation " + t + " is owned by both " + before + " and " + cap);
            }
        }));
        return owner;
    }

    static String capabilityOf(Path file) {
        return MAIN.relativize(file).getName(0).toString();
    }

    static List<String> offences(String cap, String where, String sql, Map<String, String> owner,
            Map<String, Relations> rel) {
        List<String> out = new ArrayList<>();
        Matcher m = REFERENCE.matcher(sql);
        while (m.find()) {
            String t = m.group(1).toLowerCase();
            String o = owner.get(t);
            if (o == null || o.equals(cap) || rel.get(o).published().contains(t)) {
                continue;
            }
            out.add(where + ": " + cap + " names " + o + "'s unpublished relation '" + t + "' (use " + o
                    + "'s service, or one of its published relations " + new TreeSet<>(rel.get(o).published()) + ")");
        }
        return out;
    }

    @Test
    void capabilitiesNameOnlyTheirOwnOrPublishedRelations() throws Exception {
        Map<String, Relations> rel = relations();
        Map<String, String> owner = owners(rel);
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String cap = capabilityOf(f);
                String text = Files.readString(f);
                Matcher lit = LITERAL.matcher(text);
                StringBuilder sql = new StringBuilder();
                while (lit.find()) {
                    sql.append(lit.group(1) != null ? lit.group(1) : lit.group(2)).append(' ');
                }
                problems.addAll(offences(cap, f.toString(), sql.toString(), owner, rel));
            }
        }
        assertEquals(List.of(), problems, String.join("\n", problems));
    }

    @Test
    void publishedViewsReadOnlyTheirOwnersOrPublishedRelations() throws Exception {
        Map<String, Relations> rel = relations();
        Map<String, String> owner = owners(rel);
        List<String> problems = new ArrayList<>();
        Set<String> views = new TreeSet<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path f : files.sorted().toList()) {
                Matcher v = VIEW.matcher(Files.readString(f));
                while (v.find()) {
                    String view = v.group(1).toLowerCase();
                    views.add(view);
                    String cap = owner.get(view);
                    if (cap == null) {
                        problems.add(f + ": view '" + view + "' is owned by no capability (add it to a *Relations.OWNED)");
                        continue;
                    }
                    problems.addAll(offences(cap, f + " (view " + view + ")", v.group(2), owner, rel));
                }
            }
        }
        assertEquals(List.of(), problems, String.join("\n", problems));
    }

    @Test
    void everyOwnedRelationExistsInTheMigrations() throws IOException, ReflectiveOperationException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path f : files.toList()) {
                all.append(Files.readString(f).toLowerCase()).append('\n');
            }
        }
        List<String> missing = new ArrayList<>();
        relations().forEach((cap, r) -> r.owned().forEach(t -> {
            if (!Pattern.compile("create\\s+(?:or\\s+replace\\s+)?(?:table|view|materialized\\s+view)\\s+(?:if\\s+not\\s+exists\\s+)?(?:pp\\.)?"
                    + t + "\\b").matcher(all).find()) {
                missing.add(cap + "." + t);
            }
        }));
        assertEquals(List.of(), missing, "relations declared but created by no migration: " + missing);
    }

    @Test
    void noRunTimeSchemaDiscovery() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(f).toLowerCase();
                for (String probe : List.of("to_regclass", "information_schema", "pg_catalog.pg_class")) {
                    if (text.contains(probe)) {
                        found.add(f + " probes the schema at run time (" + probe + ")");
                    }
                }
            }
        }
        assertEquals(List.of(), found, String.join("\n", found));
    }
}
