package com.patrolplanner.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every text the server writes comes from {@link MessageTable} in both languages (issue 19, point 4): a scan of the
 * production sources. A problem's detail, a field error's reason, a not-found noun, an import file's refusal and the
 * message of an {@code IllegalArgumentException} (mapped to a 400 naming the field) must be a {@link Messages#of}
 * reference, not a bare string literal; every key named in the sources exists in the table; a problem title is one of
 * the table's standard titles. {@link MessageTableTest} checks that each key has Chinese and English with the same
 * arguments.
 */
class ServerTextScanTest {
    static final Path MAIN = Path.of("src/main/java/com/patrolplanner");

    /** Call → the positions of its arguments that are texts a user reads. */
    static final Map<String, int[]> CALLS = Map.ofEntries(
            Map.entry("new ApiException", new int[] {2}),
            Map.entry("new IllegalArgumentException", new int[] {0}),
            Map.entry("new FieldError", new int[] {2}),
            Map.entry("FieldError.of", new int[] {1}),
            Map.entry("badRequest", new int[] {1}),
            Map.entry("invalid", new int[] {1}),
            Map.entry("unprocessable", new int[] {0}),
            Map.entry("conflict", new int[] {0}),
            Map.entry("notFound", new int[] {0}),
            Map.entry("refuse", new int[] {0}),
            Map.entry("unreadable", new int[] {0}));
    static final Pattern CALL = Pattern.compile("(new ApiException|new IllegalArgumentException|new (?:Problem\\.)?FieldError"
            + "|FieldError\\.of|(?<![A-Za-z])(?:badRequest|invalid|unprocessable|conflict|notFound|refuse|unreadable))\\s*\\(");
    /**
     * Code whose IllegalArgumentExceptions are programming errors or command-line input, never an HTTP answer: the
     * benchmark and demo tools, the Solomon reader, matrices built by the solver, the road graph's own checks.
     */
    static final List<String> INTERNAL_IAE = List.of("bench/", "demo/", "campaign/routing/", "campaign/solver/CampaignMatrix.java",
            "campaign/travel/RoadGraph.java", "campaign/travel/TravelCalibration.java", "campaign/travel/RoadNetwork.java",
            "compliance/Sql.java", "i18n/", "audit/AuditService.java", "jobs/JobService.java", "coverage/CoverageService.java");
    static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    static final Pattern KEY = Pattern.compile("[a-z][A-Za-z0-9]*(?:\\.[A-Za-z0-9]+)+");
    /** Literal arguments of string helpers (a regular expression, a JSON path, a separator) are not texts. */
    static final Pattern HELPER_ARGS = Pattern.compile("(?:\\.(?:replaceFirst|replaceAll|replace|contains|path|startsWith|equals)"
            + "|String\\.join)\\(\\s*\"(?:[^\"\\\\]|\\\\.)*\"(?:\\s*,\\s*\"(?:[^\"\\\\]|\\\\.)*\")?");
    /** Three words in a row: prose, where a reference's argument should be a value (a list of formats, an example). */
    static final Pattern SENTENCE = Pattern.compile("[A-Za-z]+ [A-Za-z]+ [A-Za-z]+");
    /** "teams: " — a field named in front of a reference, as ProblemMappers reads "field: reason". */
    static final Pattern FIELD_PREFIX = Pattern.compile("[A-Za-z0-9_\\[\\].]*:? ?");

    @Test
    void noServerTextIsABareLiteralAndEveryKeyExists() throws IOException {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String rel = MAIN.relativize(p).toString().replace('\\', '/');
                problems.addAll(scan(rel, Files.readString(p)));
            }
        }
        assertTrue(problems.isEmpty(), problems.size() + " server text(s) outside the message table:\n"
                + String.join("\n", problems));
    }

    @Test
    void theScanCatchesABareReasonAnUnknownKeyAndAnOddTitle() {
        String src = """
                class X {
                    void a() {
                        throw ApiException.badRequest("limit", "must be 1..1000");
                    }
                    void b() {
                        errors.add(FieldError.of("name", Messages.of("no.such.key")));
                    }
                    void c() {
                        throw new ApiException(418, "I am a teapot", Messages.of("common.required"), null);
                    }
                    void d() {
                        throw ApiException.notFound("campaign " + id);
                    }
                    void ok() {
                        throw ApiException.invalid("teams", "teams: " + Messages.of("draw.teamsAtLeast"));
                    }
                }""";
        List<String> found = scan("x/X.java", src);
        assertEquals(4, found.size(), String.join("\n", found));
        assertTrue(found.get(0).contains("x/X.java:3") && found.get(0).contains("must be 1..1000"), found.get(0));
        assertTrue(found.stream().anyMatch(f -> f.contains("no.such.key")), found.toString());
        assertTrue(found.stream().anyMatch(f -> f.contains("I am a teapot")), found.toString());
        assertTrue(found.stream().anyMatch(f -> f.contains("campaign ")), found.toString());
    }

    static List<String> scan(String rel, String src) {
        List<String> out = new ArrayList<>();
        Set<String> titles = MessageTable.all().entrySet().stream().filter(e -> e.getKey().startsWith("problem.title."))
                .map(e -> e.getValue()[1]).collect(Collectors.toSet());
        Matcher m = CALL.matcher(src);
        while (m.find()) {
            String call = m.group(1).replace("Problem.", "");
            if (isDeclaration(src, m.start())) {
                continue;
            }
            if (call.equals("new IllegalArgumentException") && INTERNAL_IAE.stream().anyMatch(rel::startsWith)) {
                continue;
            }
            List<String> args = arguments(src, m.end());
            String where = rel + ":" + line(src, m.start());
            for (int pos : CALLS.get(call)) {
                if (pos < args.size()) {
                    String bare = bareText(args.get(pos));
                    if (bare != null) {
                        out.add(where + ": " + call + " with the literal \"" + bare + "\": use Messages.of(key) and add "
                                + "the key in both languages to MessageTable");
                    }
                }
            }
            if (call.equals("new ApiException") && args.size() > 1) {
                Matcher t = LITERAL.matcher(args.get(1));
                if (t.matches() && !titles.contains(t.group(1))) {
                    out.add(where + ": problem title \"" + t.group(1) + "\" is none of the table's problem.title.* texts");
                }
            }
        }
        // every key named where a reference is made
        Matcher ref = Pattern.compile("Messages\\.(?:of|text)\\(").matcher(src);
        while (ref.find()) {
            List<String> args = arguments(src, ref.end());
            if (args.isEmpty()) {
                continue;
            }
            Matcher lit = LITERAL.matcher(args.get(0));
            while (lit.find()) {
                String key = lit.group(1);
                if (KEY.matcher(key).matches() && !MessageTable.has(key)) {
                    out.add(rel + ":" + line(src, ref.start()) + ": no message " + key + " in MessageTable");
                }
            }
        }
        return out;
    }

    /** The first literal of {@code expr} that is a text for a user, or null when every text in it is a reference. */
    static String bareText(String expr) {
        if (expr.contains(".zh()") && expr.contains(".en()")) {
            return null; // already written in both languages by the caller (a night label), chosen by the request
        }
        String e = HELPER_ARGS.matcher(expr).replaceAll("");
        // literals inside a reference are its arguments (formats, examples); only a sentence there is a mistake
        StringBuilder outside = new StringBuilder();
        int i = 0;
        while (i < e.length()) {
            int at = e.indexOf("Messages.of(", i);
            if (at < 0) {
                outside.append(e, i, e.length());
                break;
            }
            outside.append(e, i, at);
            int open = at + "Messages.of(".length();
            List<String> inner = arguments(e, open);
            int end = endOfArguments(e, open);
            for (int k = 1; k < inner.size(); k++) {
                Matcher lit = LITERAL.matcher(inner.get(k));
                while (lit.find()) {
                    if (SENTENCE.matcher(lit.group(1)).find()) {
                        return lit.group(1);
                    }
                }
            }
            i = end + 1;
        }
        Matcher lit = LITERAL.matcher(outside);
        while (lit.find()) {
            String s = lit.group(1);
            boolean text = s.codePoints().anyMatch(c -> Character.isLetterOrDigit(c));
            if (!text || KEY.matcher(s).matches() || FIELD_PREFIX.matcher(s).matches() && s.endsWith(": ")) {
                continue;
            }
            return s;
        }
        return null;
    }

    /** {@code void badRequest(} or {@code static ApiException refuse(String reason)}: a declaration, not a call. */
    static boolean isDeclaration(String src, int at) {
        int lineStart = src.lastIndexOf('\n', at) + 1;
        String before = src.substring(lineStart, at).trim();
        return before.matches(".*\\b(?:static|public|private|protected|void|ApiException|[A-Z][A-Za-z]*)$")
                && !before.endsWith("throw") && !before.endsWith("new") && !before.endsWith("return")
                && !before.matches(".*[=(,?:]\\s*[A-Za-z.]*$");
    }

    static int line(String src, int at) {
        return (int) src.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    /** The top-level arguments of a call whose opening parenthesis ends just before {@code from}. */
    static List<String> arguments(String src, int from) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int depth = 0;
        for (int j = from; j < src.length(); j++) {
            char c = src.charAt(j);
            if (c == '"') {
                int k = skipString(src, j);
                cur.append(src, j, k);
                j = k - 1;
                continue;
            }
            if (c == '\'') {
                int k = j + 1;
                while (src.charAt(k) != '\'') {
                    k += src.charAt(k) == '\\' ? 2 : 1;
                }
                cur.append(src, j, k + 1);
                j = k;
                continue;
            }
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                if (depth == 0) {
                    if (!cur.toString().isBlank()) {
                        out.add(cur.toString().trim());
                    }
                    return out;
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                out.add(cur.toString().trim());
                cur.setLength(0);
                continue;
            }
            cur.append(c);
        }
        return out;
    }

    static int endOfArguments(String src, int from) {
        int depth = 0;
        for (int j = from; j < src.length(); j++) {
            char c = src.charAt(j);
            if (c == '"') {
                j = skipString(src, j) - 1;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                if (depth == 0) {
                    return j;
                }
                depth--;
            }
        }
        return src.length() - 1;
    }

    /** The index just after the string literal (or text block) starting at {@code j}. */
    static int skipString(String src, int j) {
        if (src.startsWith("\"\"\"", j)) {
            return src.indexOf("\"\"\"", j + 3) + 3;
        }
        int k = j + 1;
        while (src.charAt(k) != '"') {
            k += src.charAt(k) == '\\' ? 2 : 1;
        }
        return k + 1;
    }
}
