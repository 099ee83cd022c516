package com.patrolplanner.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Slows down password guessing: after {@code maxFailures} failed logins for one user name within {@code window}, that
 * name is locked for {@code window} from its last failure (correct passwords included), whatever the client.
 */
@ApplicationScoped
public class LoginThrottle {
    @ConfigProperty(name = "patrol.login.max-failures", defaultValue = "5")
    int maxFailures;
    @ConfigProperty(name = "patrol.login.window", defaultValue = "PT15M")
    Duration window;

    private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();

    /** Seconds until the name may try again, or 0 when it may try now. */
    public long lockedForSeconds(String username) {
        Deque<Long> d = failures.get(key(username));
        if (d == null) {
            return 0;
        }
        synchronized (d) {
            prune(d);
            if (d.size() < maxFailures) {
                return 0;
            }
            long until = d.peekLast() + window.toMillis();
            return Math.max(1, (until - System.currentTimeMillis() + 999) / 1000);
        }
    }

    public void failed(String username) {
        Deque<Long> d = failures.computeIfAbsent(key(username), k -> new ArrayDeque<>());
        synchronized (d) {
            prune(d);
            d.addLast(System.currentTimeMillis());
        }
    }

    public void succeeded(String username) {
        failures.remove(key(username));
    }

    /** For tests: forget every failure. */
    public void reset() {
        failures.clear();
    }

    private void prune(Deque<Long> d) {
        long cutoff = System.currentTimeMillis() - window.toMillis();
        while (!d.isEmpty() && d.peekFirst() < cutoff) {
            d.removeFirst();
        }
    }

    private static String key(String username) {
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }
}
