package com.patrolplanner.i18n;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Server texts by key. {@link #of} gives a <em>message reference</em>: a short string {@code ⟦key␟arg…⟧} that travels
 * wherever a text goes today (exception messages, problem {@code errors[].reason}, a plan's unplanned reasons stored as
 * JSON) and is turned into words only when a response is written ({@link LocalisingWriter}), in the language the
 * request asked for. A stored plan therefore reads in Chinese to one user and in English to another.
 *
 * <p>References may sit inside longer text ("name: ⟦…⟧") and may be arguments of one another. Arguments are inserted
 * as given: the writer that put the reference into a JSON string or HTML page has already escaped them for it.
 */
public final class Messages {
    static final char OPEN = '⟦';
    static final char CLOSE = '⟧';
    static final char SEP = '␟';
    /** Innermost references first: no bracket inside. */
    private static final Pattern REF = Pattern.compile(OPEN + "([^" + OPEN + CLOSE + "]*)" + CLOSE);

    private Messages() {
    }

    /** A reference to message {@code key} of {@link MessageTable} with its arguments ({@code {0}}, {@code {1}}, …). */
    public static String of(String key, Object... args) {
        if (!MessageTable.has(key)) {
            throw new IllegalArgumentException("no message " + key);
        }
        StringBuilder sb = new StringBuilder().append(OPEN).append(key);
        for (Object a : args) {
            sb.append(SEP).append(clean(String.valueOf(a)));
        }
        return sb.append(CLOSE).toString();
    }

    /** True when the table has message {@code key} (a bean-validation annotation may name one as "{key}"). */
    public static boolean exists(String key) {
        return MessageTable.has(key);
    }

    /**
     * A problem's title as a reference when it is the standard English title of its status ("Not found" →
     * 未找到); any other title as given.
     */
    public static String standardTitle(int status, String title) {
        String key = "problem.title." + status;
        return title != null && MessageTable.has(key) && title.equals(MessageTable.template(key, Lang.EN)) ? of(key) : title;
    }

    /** True when the text holds a reference still to be resolved. */
    public static boolean hasReference(String text) {
        return text != null && text.indexOf(OPEN) >= 0;
    }

    /** The text with every reference replaced by its words in {@code lang}; template text escaped by {@code escape}. */
    public static String resolve(String text, Lang lang, Escape escape) {
        if (!hasReference(text)) {
            return text;
        }
        String out = text;
        for (int depth = 0; depth < 4 && hasReference(out); depth++) {
            Matcher m = REF.matcher(out);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(sb, Matcher.quoteReplacement(words(m.group(1), lang, escape)));
            }
            m.appendTail(sb);
            out = sb.toString();
        }
        return out;
    }

    /** Plain text in {@code lang} (no escaping): for tests, logs and non-HTTP callers. */
    public static String text(String textOrReference, Lang lang) {
        return resolve(textOrReference, lang, Escape.NONE);
    }

    private static String words(String ref, Lang lang, Escape escape) {
        List<String> parts = split(ref);
        String template = MessageTable.template(parts.get(0), lang);
        if (template == null) {
            return ref; // an unknown key (from a newer node, say): show the key rather than nothing
        }
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char ch = template.charAt(i);
            int close = template.indexOf('}', i);
            if (ch == '{' && close > i + 1 && template.substring(i + 1, close).chars().allMatch(Character::isDigit)) {
                int n = Integer.parseInt(template.substring(i + 1, close));
                sb.append(n + 1 < parts.size() ? parts.get(n + 1) : "");
                i = close + 1;
            } else {
                int next = template.indexOf('{', i + 1);
                int end = next < 0 ? template.length() : next;
                sb.append(escape.apply(template.substring(i, end)));
                i = end;
            }
        }
        return sb.toString();
    }

    private static List<String> split(String ref) {
        List<String> parts = new ArrayList<>();
        int from = 0;
        for (int i = 0; i <= ref.length(); i++) {
            if (i == ref.length() || ref.charAt(i) == SEP) {
                parts.add(ref.substring(from, i));
                from = i + 1;
            }
        }
        return parts;
    }

    /**
     * An argument must not end its reference early: brackets and separators in it become look-alikes, except inside
     * whole references it holds (a reference may be the argument of another).
     */
    private static String clean(String arg) {
        StringBuilder sb = new StringBuilder(arg.length());
        int depth = 0;
        for (int i = 0; i < arg.length(); i++) {
            char c = arg.charAt(i);
            if (c == OPEN && arg.indexOf(CLOSE, i) > 0) {
                depth++;
            } else if (c == CLOSE && depth > 0) {
                depth--;
            } else if (c == OPEN || c == CLOSE || (c == SEP && depth == 0)) {
                c = c == OPEN ? '[' : c == CLOSE ? ']' : '|';
            }
            sb.append(c);
        }
        return depth == 0 ? sb.toString() : arg.replace(OPEN, '[').replace(CLOSE, ']').replace(SEP, '|');
    }

    /** How template text is made safe for the document it lands in. */
    public enum Escape {
        NONE, JSON, HTML;

        String apply(String s) {
            return switch (this) {
                case NONE -> s;
                case HTML -> s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
                case JSON -> {
                    StringBuilder sb = new StringBuilder();
                    for (char c : s.toCharArray()) {
                        if (c == '"' || c == '\\') {
                            sb.append('\\').append(c);
                        } else if (c < 0x20) {
                            sb.append(String.format("\\u%04x", (int) c));
                        } else {
                            sb.append(c);
                        }
                    }
                    yield sb.toString();
                }
            };
        }
    }
}
