package com.patrolplanner.web;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Answers kept until the data they were computed from changes ({@link DataVersion}), never expired by time: a small
 * LRU map of key → (token, value). A value is served only under the token it was computed under; while the token is
 * unknown (the notification channel is down) everything is computed afresh and nothing is kept. Keys must name
 * everything the answer depends on, the caller's scope (属地管理) first.
 */
public final class AnswerCache<T> {
    private record Entry<T>(String token, T value) {
    }

    private final int capacity;
    private final Map<String, Entry<T>> map;

    public AnswerCache(int capacity) {
        this.capacity = capacity;
        this.map = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry<T>> eldest) {
                return size() > AnswerCache.this.capacity;
            }
        };
    }

    /**
     * The value kept for {@code key} under {@code token}, else {@code compute}'s (kept when the token is known).
     * Two requests missing at once may both compute; the answers are equal.
     */
    public T get(String key, String token, Supplier<T> compute) {
        return get(key, token, compute, v -> true);
    }

    /**
     * As {@link #get(String, String, Supplier)}, keeping a computed value only when {@code worthKeeping} says so: answers
     * that are cheap to compute again (a street-level view) then never push out the costly ones (a whole district).
     */
    public T get(String key, String token, Supplier<T> compute, java.util.function.Predicate<T> worthKeeping) {
        if (token != null) {
            Entry<T> e;
            synchronized (map) {
                e = map.get(key);
            }
            if (e != null && e.token().equals(token)) {
                return e.value();
            }
        }
        T v = compute.get();
        if (token != null && worthKeeping.test(v)) {
            synchronized (map) {
                map.put(key, new Entry<>(token, v));
            }
        }
        return v;
    }

    public void clear() {
        synchronized (map) {
            map.clear();
        }
    }

    public int size() {
        synchronized (map) {
            return map.size();
        }
    }

    // ---------------------------------------------------------------- conditional GET

    /** A weak entity tag for an answer: the data token and a digest of what else it depends on (scope, language). */
    public static EntityTag etag(String token, String... dependsOn) {
        if (token == null) {
            return null;
        }
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String s : dependsOn) {
                md.update(String.valueOf(s).getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            return new EntityTag(token + "-" + HexFormat.of().formatHex(md.digest(), 0, 8), true);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True when {@code ifNoneMatch} (the request header) names {@code tag} (weak comparison, or {@code *}). */
    public static boolean matches(EntityTag tag, String ifNoneMatch) {
        if (tag == null || ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String part : ifNoneMatch.split(",")) {
            String p = part.trim();
            if (p.equals("*")) {
                return true;
            }
            if (p.startsWith("W/")) {
                p = p.substring(2);
            }
            if (p.equals("\"" + tag.getValue() + "\"")) {
                return true;
            }
        }
        return false;
    }

    /**
     * 304 Not Modified when the client holds the current answer, else 200 with {@code body} (computed only then). Either
     * carries the ETag and says the answer is private to this login and must be revalidated before reuse.
     */
    public static Response conditional(EntityTag tag, String ifNoneMatch, String mediaType, Supplier<Object> body) {
        Response.ResponseBuilder b = matches(tag, ifNoneMatch) ? Response.notModified()
                : mediaType == null ? Response.ok(body.get()) : Response.ok(body.get(), mediaType);
        if (tag != null) {
            b.tag(tag);
        }
        return b.header("Cache-Control", "private, no-cache").header("Vary", "Authorization, Cookie, Accept-Language")
                .build();
    }
}
