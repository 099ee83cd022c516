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

    SecurityIdentity check(String username, String password) {
        long locked = throttle.lockedForSeconds(username);
        if (locked > 0) {
            LockedException l = new LockedException(locked);
            throw new AuthenticationFailedException(l.getMessage(), l);
        }
        AppUser u = QuarkusTransaction.joiningExisting().call(() -> AppUser.findByUsername(username));
        if (u == null || !u.active || !BcryptUtil.matches(password, u.password)) {
            throttle.failed(username);
            throw new AuthenticationFailedException("wrong user name or password");
        }
        throttle.succeeded(username);
        return identity(u);
    }

    static SecurityIdentity identity(AppUser u) {
        QuarkusSecurityIdentity.Builder b = QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(u.username));
        u.roleSet().forEach(b::addRole);
        return b.build();
    }
}
