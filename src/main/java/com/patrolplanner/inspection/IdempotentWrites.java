package com.patrolplanner.inspection;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * Writes made safe to repeat: a client sends an {@code Idempotency-Key} with a POST, and the same user's same key within
 * {@link #TTL} gets the first write's response instead of a second write (a double click on 登记检查 records once).
 * A repeat that arrives while the first is still being written waits for it. A write that failed is forgotten, so the
 * client may retry it with the same key. Kept in this node's memory: a restart or another node does not know the key.
 */
@ApplicationScoped
public class IdempotentWrites {
    public static final Duration TTL = Duration.ofHours(24);

    private record Entry(Instant at, CompletableFuture<Object> result) {
    }

    private final Map<String, Entry> seen = new ConcurrentHashMap<>();

    /** The result of {@code write} for ({@code user}, {@code key}): computed once, remembered for 24 h. */
    @SuppressWarnings("unchecked")
    public <T> T once(String user, String key, Supplier<T> write) {
        Instant now = Instant.now();
        seen.values().removeIf(e -> e.at().plus(TTL).isBefore(now));
        String k = user + "\n" + key;
        CompletableFuture<Object> mine = new CompletableFuture<>();
        Entry prior = seen.putIfAbsent(k, new Entry(now, mine));
        if (prior != null) {
            try {
                return (T) prior.result().get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
        try {
            T out = write.get();
            mine.complete(out);
            return out;
        } catch (RuntimeException e) {
            seen.remove(k);
            mine.completeExceptionally(e);
            throw e;
        }
    }
}
