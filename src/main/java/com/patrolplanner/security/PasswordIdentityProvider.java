package com.patrolplanner.security;

import com.patrolplanner.web.TooManyRequests;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks user name and password (HTTP Basic and the login form alike) against the bcrypt hashes in {@code app_user},
 * refusing inactive users and names locked by {@link LoginThrottle}. An unknown or inactive name costs one bcrypt
 * verification like a known one (against a hash of a random password), so response times do not tell which names exist.
 */
@ApplicationScoped
@io.quarkus.arc.Unremovable
public class PasswordIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {
    /** Identity attribute: true while the user must replace an administrator-set password. */
    public static final String MUST_CHANGE_PASSWORD = "patrol.mustChangePassword";

    @Inject
    LoginThrottle throttle;
    @Inject
    com.patrolplanner.web.DataVersion versions;

    /** A hash of a random password at the cost of real hashes; verified for names that do not exist. */
    private final String dummyHash = AppUser.hash(HexFormat.of().formatHex(SecureRandom.getSeed(16)));

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        return 1000;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
        String username = request.getUsername();
        String password = new String(request.getPassword().getPassword());
        // a name and password checked within the last minute: answered here, without a hop to a worker thread
        if (username != null && throttle.lockedForSeconds(username) == 0) {
            Checked hit = cached(username, digest(username, password));
            if (hit != null) {
                return Uni.createFrom().item(hit.identity());
            }
        }
        return context.runBlocking(() -> check(username, password).identity());
    }

    /**
     * Successful checks are remembered for {@link #CACHE_MILLIS} by a salted SHA-256 of the password, so that API clients
     * sending Basic credentials with every request do not pay a bcrypt verification (tens of ms) each time. A change to
     * a user on this process clears the cache ({@link #forget}); one committed by another process (or by SQL) retires
     * it when its notification arrives ({@link com.patrolplanner.web.DataVersion#authToken()}, V230: milliseconds). Only
     * while that channel is down does a remembered check live out its {@link #CACHE_MILLIS}, the bound then.
     */
    static final long CACHE_MILLIS = 60_000;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final byte[] salt = SecureRandom.getSeed(16);

    /** {@code authToken}: {@link com.patrolplanner.web.DataVersion#authToken()} when the check was made (null: unknown). */
    private record Cached(String digest, long until, String authToken, Checked checked) {
    }

    /** A successful password check: the user's id and the identity to use. */
    public record Checked(long userId, SecurityIdentity identity) {
    }

    /** Forgets cached credentials, e.g. after a password, role or activation change. */
    public void forget() {
        cache.clear();
    }

    private String digest(String username, String password) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(salt);
            md.update(username.getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(password.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Verifies a name and password; throws {@link AuthenticationFailedException} (its cause a {@link TooManyRequests}
     * when the name is locked).
     */
    public Checked check(String username, String password) {
        if (username == null || password == null) {
            throw new AuthenticationFailedException("wrong user name or password");
        }
        long locked = throttle.lockedForSeconds(username);
        if (locked > 0) {
            TooManyRequests l = new TooManyRequests("too many failed logins; try again in " + locked + " s", locked);
            throw new AuthenticationFailedException(l.getMessage(), l);
        }
        String d = digest(username, password);
        Checked hit = cached(username, d);
        if (hit != null) {
            return hit;
        }
        // one bcrypt verification per name at a time: when a busy client's cached check runs out, its concurrent
        // requests (a map asks for twenty tiles at once) wait for that one instead of each spending tens of ms of CPU
        if (verifying.size() > 10_000) {
            verifying.clear(); // names tried by guessers: a lost lock only means two verifications at once
        }
        Object lock = verifying.computeIfAbsent(username, k -> new Object());
        synchronized (lock) {
            hit = cached(username, d);
            if (hit != null) {
                return hit;
            }
            return verify(username, password, d);
        }
    }

    private final Map<String, Object> verifying = new ConcurrentHashMap<>();

    private Checked cached(String username, String d) {
        Cached c = cache.get(username);
        if (c != null && c.until() > System.currentTimeMillis() && current(c) && MessageDigest.isEqual(
                c.digest().getBytes(StandardCharsets.US_ASCII), d.getBytes(StandardCharsets.US_ASCII))) {
            return c.checked();
        }
        return null;
    }

    /** False when a user or session change was committed (anywhere) since the check was made. */
    private boolean current(Cached c) {
        String now = versions.authToken();
        return now == null || c.authToken() == null || c.authToken().equals(now);
    }

    private Checked verify(String username, String password, String d) {
        String authToken = versions.authToken(); // before the read: a change committed after it retires this check
        AppUser u = QuarkusTransaction.joiningExisting().call(() -> AppUser.findByUsername(username));
        boolean known = u != null && u.active;
        // the same bcrypt work whether the name exists or not
        boolean matches = BcryptUtil.matches(password, known ? u.password : dummyHash);
        if (!known || !matches) {
            throttle.failed(username);
            throw new AuthenticationFailedException("wrong user name or password");
        }
        throttle.succeeded(username);
        Checked checked = new Checked(u.id, identity(u.username, u.roleSet(), u.mustChangePassword));
        cache.put(username, new Cached(d, System.currentTimeMillis() + CACHE_MILLIS, authToken, checked));
        return checked;
    }

    static SecurityIdentity identity(String username, Set<String> roles, boolean mustChangePassword) {
        QuarkusSecurityIdentity.Builder b = QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(username));
        roles.forEach(b::addRole);
        b.addAttribute(MUST_CHANGE_PASSWORD, mustChangePassword);
        return b.build();
    }
}
