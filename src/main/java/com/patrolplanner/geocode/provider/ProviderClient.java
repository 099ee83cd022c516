package com.patrolplanner.geocode.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.patrolplanner.geocode.Candidate;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * HTTP for the online providers: per-provider configuration ({@code patrol.geocode.provider.NAME.enabled|key|url|
 * timeout-ms|rate-per-second|retries}), a request-rate limit per provider, retries with exponential backoff on network
 * errors, timeouts, 429 and 5xx, and a database cache (table geocode_cache) of successful answers keyed by provider and
 * address, so an address is paid for once.
 */
@ApplicationScoped
public class ProviderClient {
    private static final Logger LOG = Logger.getLogger(ProviderClient.class);

    /** The effective settings of one provider. */
    public record Settings(boolean enabled, String key, String url, Duration timeout, double ratePerSecond, int retries,
            Duration backoff) {
    }

    @Inject
    Config config;
    @Inject
    EntityManager em;
    @Inject
    ObjectMapper mapper;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NORMAL).build();
    private final Map<String, Long> nextSlot = new ConcurrentHashMap<>();
    private final Map<String, Settings> overrides = new ConcurrentHashMap<>();

    public Settings settings(String provider) {
        Settings o = overrides.get(provider);
        if (o != null) {
            return o;
        }
        String p = "patrol.geocode.provider." + provider + ".";
        Optional<String> key = config.getOptionalValue(p + "key", String.class).filter(k -> !k.isBlank());
        boolean enabled = config.getOptionalValue(p + "enabled", Boolean.class).orElse(false)
                && (key.isPresent() || provider.equals("nominatim"));
        return new Settings(enabled, key.orElse(null), config.getOptionalValue(p + "url", String.class).orElse(null),
                Duration.ofMillis(config.getOptionalValue(p + "timeout-ms", Long.class).orElse(5000L)),
                config.getOptionalValue(p + "rate-per-second", Double.class).orElse(provider.equals("nominatim") ? 1.0 : 5.0),
                config.getOptionalValue(p + "retries", Integer.class).orElse(2),
                Duration.ofMillis(config.getOptionalValue(p + "backoff-ms", Long.class).orElse(500L)));
    }

    /** For tests and administrators: replaces the configured settings of one provider (null restores them). */
    public void override(String provider, Settings s) {
        if (s == null) {
            overrides.remove(provider);
        } else {
            overrides.put(provider, s);
        }
    }

    /** Candidates of one provider for one address: from the cache, else over HTTP. Empty on failure (logged). */
    public List<Candidate> geocode(GeocodeProvider provider, String address) {
        Settings s = settings(provider.name());
        if (!s.enabled() || s.url() == null) {
            return List.of();
        }
        String cacheKey = address.trim();
        String cached = QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = em.createNativeQuery("SELECT body FROM geocode_cache WHERE provider = ?1 AND query_key = ?2")
                    .setParameter(1, provider.name()).setParameter(2, cacheKey).getResultList();
            return rows.isEmpty() ? null : (String) rows.get(0);
        });
        try {
            if (cached != null) {
                return provider.parse(mapper.readTree(cached));
            }
            URI uri = provider.uri(s.url(), s.key(), cacheKey);
            String body = fetch(provider.name(), uri, s);
            if (body == null) {
                return List.of();
            }
            List<Candidate> out = provider.parse(mapper.readTree(body));
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                    INSERT INTO geocode_cache (provider, query_key, http_status, body) VALUES (?1, ?2, 200, ?3)
                    ON CONFLICT (provider, query_key) DO UPDATE SET body = EXCLUDED.body, created_at = now()""")
                    .setParameter(1, provider.name()).setParameter(2, cacheKey).setParameter(3, body).executeUpdate());
            return out;
        } catch (IOException | RuntimeException e) {
            LOG.warn("geocoding provider " + provider.name() + " failed for one address: " + e.getMessage());
            return List.of();
        }
    }

    /** GET with retries; null when every attempt failed or the answer is a client error. */
    private String fetch(String provider, URI uri, Settings s) throws IOException {
        IOException last = null;
        for (int attempt = 0; attempt <= s.retries(); attempt++) {
            if (attempt > 0) {
                sleep(s.backoff().toMillis() * (1L << (attempt - 1)));
            }
            throttle(provider, s.ratePerSecond());
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(s.timeout())
                        .header("User-Agent", "PatrolPlanner/0.1 (geocoder)").header("Accept", "application/json").GET()
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return r.body();
                }
                if (r.statusCode() == 429 || r.statusCode() >= 500) {
                    last = new IOException("HTTP " + r.statusCode());
                    continue;
                }
                LOG.warn("geocoding provider " + provider + " answered HTTP " + r.statusCode());
                return null;
            } catch (java.net.http.HttpTimeoutException e) {
                last = e;
            } catch (IOException e) {
                last = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
        throw last == null ? new IOException("no attempt made") : last;
    }

    /** Spaces requests of one provider at least 1/rate seconds apart, across threads. */
    private void throttle(String provider, double ratePerSecond) {
        if (ratePerSecond <= 0) {
            return;
        }
        long interval = (long) (1_000_000_000L / ratePerSecond);
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            long slot = Math.max(now, nextSlot.getOrDefault(provider, now));
            nextSlot.put(provider, slot + interval);
            wait = slot - now;
        }
        if (wait > 0) {
            sleep(wait / 1_000_000L);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
