package com.patrolplanner.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.patrolplanner.i18n.Messages;
import com.patrolplanner.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * Writes made safe to repeat: a client sends an {@code Idempotency-Key} with a write, and the same user's same key for
 * the same write within {@link #TTL} gets the first write's answer instead of a second write (a double click on 登记检查
 * records once; a phone that retries after a lost reply does not record twice).
 *
 * <p>Kept in the database (table {@code idempotent_write}), in the write's own transaction: a retry that reaches another
 * process, or this one after a restart, finds the first answer; a write that failed leaves no key, so the client may
 * retry it with the same key; a repeat that arrives while the first is still being written waits on the row's key
 * until the first commits, then returns its answer. Keys older than 24 h are forgotten (the key may then be reused).
 */
@ApplicationScoped
public class IdempotentWrites {
    public static final Duration TTL = Duration.ofHours(24);
    /** Longer keys are refused by the table; clients send a UUID. */
    public static final int MAX_KEY = 200;

    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;

    /**
     * The answer of {@code write} for ({@code user}, {@code scope}, {@code key}): computed once and kept 24 h. A stored
     * answer is read back as {@code type} ({@code Void} for writes that answer nothing).
     */
    @Transactional
    public <T> T once(String user, String scope, String key, Class<T> type, Supplier<T> write) {
        String k = key.trim();
        if (k.isEmpty() || k.length() > MAX_KEY) {
            throw ApiException.badRequest("Idempotency-Key", Messages.of("idem.tooLong", MAX_KEY));
        }
        // housekeeping, cheap on the created_at index: expired keys can never answer again
        em.createNativeQuery("DELETE FROM idempotent_write WHERE created_at < now() - make_interval(secs => ?1)")
                .setParameter(1, (double) TTL.toSeconds()).executeUpdate();
        // claim the key; a concurrent claim of the same key blocks here until the first transaction ends
        @SuppressWarnings("unchecked")
        List<Object> claimed = em.createNativeQuery("INSERT INTO idempotent_write (user_name, scope, key) VALUES (?1, ?2, ?3) "
                + "ON CONFLICT (user_name, scope, key) DO NOTHING RETURNING 1")
                .setParameter(1, user).setParameter(2, scope).setParameter(3, k).getResultList();
        if (claimed.isEmpty()) {
            Object[] row = (Object[]) em.createNativeQuery(
                    "SELECT status, body FROM idempotent_write WHERE user_name = ?1 AND scope = ?2 AND key = ?3")
                    .setParameter(1, user).setParameter(2, scope).setParameter(3, k).getSingleResult();
            return read((String) row[1], type);
        }
        T out = write.get();
        em.createNativeQuery("UPDATE idempotent_write SET status = 200, body = ?4 WHERE user_name = ?1 AND scope = ?2 AND key = ?3")
                .setParameter(1, user).setParameter(2, scope).setParameter(3, k).setParameter(4, write(out))
                .executeUpdate();
        return out;
    }

    private String write(Object out) {
        if (out == null) {
            return null;
        }
        try {
            return json.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot keep the answer of an idempotent write", e);
        }
    }

    private <T> T read(String body, Class<T> type) {
        if (body == null || type == Void.class) {
            return null;
        }
        try {
            return json.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read the kept answer of an idempotent write", e);
        }
    }
}
