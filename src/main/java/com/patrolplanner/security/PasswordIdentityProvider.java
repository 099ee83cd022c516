package com.patrolplanner.security;

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

/**
 * Checks user name and password (HTTP Basic and the login form alike) against the bcrypt hashes in {@code app_user},
 * refusing inactive users and names locked by {@link LoginThrottle}.
 */
@ApplicationScoped
@io.quarkus.arc.Unremovable
public class PasswordIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {
    @Inject
    LoginThrottle throttle;

    /** The cause of the authentication failure when the name is locked; mapped to 429 with Retry-After. */
    public static class LockedException extends RuntimeException {
        public final long retryAfterSeconds;

        LockedException(long seconds) {
            super("too many failed logins; try again in " + seconds + " s");
            this.retryAfterSeconds = seconds;
        }
    }

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
        return context.runBlocking(() -> check(request.getUsername(), new String(request.getPassword().getPassword())));
    }

    /**
     * Successful checks are remembered for {@link #CACHE_MILLIS} by a salted SHA-256 of the password, so that API clients
     * sending Basic credentials with every request do not pay a bcrypt verification (tens of ms) each time. Any change
     * to a user clears the cache ({@link #forget}).
     */
    static final long CACHE_MILLIS = 60_000;
    private final java.util.Map<String, Cached> cache = new java.util.concurrent.ConcurrentHashMap<>();
    private final byte[] salt = java.security.SecureRandom.getSeed(16);

    private record Cached(String digest, long until, java.util.Set<String> roles) {
    }

    /** Forgets cached credentials, e.g. after a password, role or activation change. */
    public void forget() {
        cache.clear();
    }

    private String digest(String username, String password) {
        try {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            md.update(salt);
            md.update(username.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(password.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    SecurityIdentity check(String username, String password) {
        long locked = throttle.lockedForSeconds(username);
        if (locked > 0) {
            LockedException l = new LockedException(locked);
            throw new AuthenticationFailedException(l.getMessage(), l);
        }
        String d = digest(username, password);
        Cached c = cache.get(username);
        if (c != null && c.until() > System.currentTimeMillis() && java.security.MessageDigest.isEqual(
                c.digest().getBytes(java.nio.charset.StandardCharsets.US_ASCII), d.getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
            QuarkusSecurityIdentity.Builder b = QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(username));
            c.roles().forEach(b::addRole);
            return b.build();
        }
        AppUser u = QuarkusTransaction.joiningExisting().call(() -> AppUser.findByUsername(username));
        if (u == null || !u.active || !BcryptUtil.matches(password, u.password)) {
            throttle.failed(username);
            throw new AuthenticationFailedException("wrong user name or password");
        }
        throttle.succeeded(username);
        cache.put(username, new Cached(d, System.currentTimeMillis() + CACHE_MILLIS, u.roleSet()));
        return identity(u);
    }

    static SecurityIdentity identity(AppUser u) {
        QuarkusSecurityIdentity.Builder b = QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(u.username));
        u.roleSet().forEach(b::addRole);
        return b.build();
    }
}
