package com.patrolplanner.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The identity of a browser session. A write (any method but GET and HEAD) and {@code GET /api/me} read the session
 * row and its user, so
 * logout, a password, role or activation change (which delete the rows) and the idle and absolute limits take effect
 * at once. A read may use a session this process checked within the last {@value SessionStore#TOUCH_SECONDS} s
 * ({@link SessionStore#kept}): every such change retires the kept sessions at its commit, on this process at once and on
 * every other one when the change's notification arrives (V230; milliseconds). The bound: a session ended on another
 * process may still read there until that notification arrives, never more than {@value SessionStore#TOUCH_SECONDS} s
 * after it was last checked; while the notification channel is down nothing is kept.
 */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<SessionTokenRequest> {
    @Inject
    SessionStore sessions;

    @Override
    public Class<SessionTokenRequest> getRequestType() {
        return SessionTokenRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(SessionTokenRequest request, AuthenticationRequestContext context) {
        if (request.mayUseKept()) {
            SessionStore.SessionUser k = sessions.kept(request.token());
            if (k != null) {
                return Uni.createFrom().item(PasswordIdentityProvider.identity(k.username(), k.roles(), k.mustChangePassword()));
            }
        }
        return context.runBlocking(() -> {
            SessionStore.SessionUser u = sessions.lookup(request.token());
            if (u == null) {
                throw new AuthenticationFailedException("no such session, or it ended");
            }
            return PasswordIdentityProvider.identity(u.username(), u.roles(), u.mustChangePassword());
        });
    }
}
