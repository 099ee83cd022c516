package com.patrolplanner.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The identity of a browser session: the session row and its user are read on every request, so logout, a password,
 * role or activation change (which delete the rows) and the idle and absolute limits take effect at once. Vector tile
 * reads alone may use a session checked within the last {@value SessionStore#TOUCH_SECONDS} s ({@link SessionStore#kept}),
 * which every such change retires at its commit on every process.
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
