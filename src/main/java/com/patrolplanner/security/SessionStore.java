package com.patrolplanner.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Browser sessions kept by the server (table {@code app_session}). A session is a random 256-bit token given to the
 * browser in the cookie; the table stores only the token's SHA-256, the user, when it was created and last used, and its
 * absolute end. A session is valid while its user is active, its absolute end ({@code patrol.session.lifetime}, 12 h)
 * has not passed and it was used within the idle timeout ({@code patrol.session.idle-timeout}, 30 min). All times are the
 * database's clock, so every process agrees; deleting the rows ends sessions everywhere at once.
 */
@ApplicationScoped
public class SessionStore {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** last_seen is written at most this often per session (reads would otherwise each be a write). */
    static final int TOUCH_SECONDS = 15;

    @Inject
    EntityManager em;
    @Inject
    com.patrolplanner.web.DataVersion versions;
    @ConfigProperty(name = "patrol.session.lifetime", defaultValue = "PT12H")
    Duration lifetime;
    @ConfigProperty(name = "patrol.session.idle-timeout", defaultValue = "PT30M")
    Duration idleTimeout;

    private record Kept(SessionUser user, String token, long until) {
    }

    /** Sessions checked by {@link #lookup} (by token hash), for {@link #kept}. */
    private final java.util.concurrent.ConcurrentHashMap<String, Kept> checked = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The user of a session {@link #lookup} found valid less than {@value #TOUCH_SECONDS} s ago (and before its absolute
     * end), else null: no database round trip. Valid only while {@link com.patrolplanner.web.DataVersion#authToken()} is
     * unchanged: a logout, password, role or activation change, or a session's end written by any process retires every
     * kept session at its commit (V230), and this process's own deletions retire them at once. Only for reads (GET,
     * HEAD: {@link SessionAuthenticationMechanism}); the idle limit is at most this much later than exact.
     */
    public SessionUser kept(String token) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return null;
        }
        String now = versions.authToken();
        Kept k = now == null ? null : checked.get(hash(token));
        return k != null && k.token().equals(now) && System.currentTimeMillis() < k.until() ? k.user() : null;
    }

    /** The user behind a valid session. */
    public record SessionUser(long userId, String username, Set<String> roles, boolean mustChangePassword) {
    }

    public Duration lifetime() {
        return lifetime;
    }

    /** Opens a session for the user and returns the token for the cookie (the only place it ever exists in clear). */
    public String create(long userId) {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        QuarkusTransaction.joiningExisting().run(() -> {
            // housekeeping: sessions past either limit can never be used again
            em.createNativeQuery("DELETE FROM app_session WHERE expires_at <= now() OR last_seen <= now() - make_interval(secs => ?1)")
                    .setParameter(1, (double) idleTimeout.toSeconds()).executeUpdate();
            em.createNativeQuery("INSERT INTO app_session (token_hash, user_id, expires_at) "
                    + "VALUES (?1, ?2, now() + make_interval(secs => ?3))")
                    .setParameter(1, hash(token)).setParameter(2, userId).setParameter(3, (double) lifetime.toSeconds())
                    .executeUpdate();
        });
        return token;
    }

    /**
     * The user of a valid session (and marks it used), else null: unknown token, past its absolute end, idle too long,
     * or its user deactivated. Runs in a transaction of its own so that no request holds the session row locked.
     */
    public SessionUser lookup(String token) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return null;
        }
        String h = hash(token);
        String authToken = versions.authToken();
        long asked = System.currentTimeMillis();
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                    SELECT u.id, u.username, u.roles, u.must_change_password, s.last_seen < now() - make_interval(secs => ?3),
                           extract(epoch FROM s.expires_at - now())
                    FROM app_session s JOIN app_user u ON u.id = s.user_id
                    WHERE s.token_hash = ?1 AND u.active AND s.expires_at > now()
                      AND s.last_seen > now() - make_interval(secs => ?2)""")
                    .setParameter(1, h).setParameter(2, (double) idleTimeout.toSeconds()).setParameter(3, (double) TOUCH_SECONDS)
                    .getResultList();
            if (rows.isEmpty()) {
                checked.remove(h);
                return null;
            }
            Object[] r = rows.get(0);
            if (Boolean.TRUE.equals(r[4])) {
                em.createNativeQuery("UPDATE app_session SET last_seen = now() WHERE token_hash = ?1").setParameter(1, h)
                        .executeUpdate();
            }
            AppUser u = new AppUser();
            u.roles = (String) r[2];
            SessionUser su = new SessionUser(((Number) r[0]).longValue(), (String) r[1], u.roleSet(), (Boolean) r[3]);
            if (authToken != null) {
                long left = (long) (((Number) r[5]).doubleValue() * 1000);
                if (checked.size() > 10_000) {
                    checked.clear();
                }
                checked.put(h, new Kept(su, authToken, asked + Math.min(TOUCH_SECONDS * 1000L, left)));
            }
            return su;
        });
    }

    /** Ends one session (logout). */
    public void delete(String token) {
        if (token == null || token.isEmpty()) {
            return;
        }
        checked.remove(hash(token));
        QuarkusTransaction.joiningExisting().run(() -> em.createNativeQuery("DELETE FROM app_session WHERE token_hash = ?1")
                .setParameter(1, hash(token)).executeUpdate());
    }

    /** Ends every session of a user (password, role or activation change): in the caller's transaction. */
    public int deleteForUser(long userId) {
        checked.values().removeIf(k -> k.user().userId() == userId);
        versions.invalidateAuth();
        return QuarkusTransaction.joiningExisting().call(() -> em.createNativeQuery("DELETE FROM app_session WHERE user_id = ?1")
                .setParameter(1, userId).executeUpdate());
    }

    /** Ends every session of every user (logs everyone out); returns how many there were. */
    public int deleteAll() {
        checked.clear();
        versions.invalidateAuth();
        return QuarkusTransaction.joiningExisting().call(() -> em.createNativeQuery("DELETE FROM app_session").executeUpdate());
    }

    /** SHA-256 of the token, hex: what the table keys on. */
    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
