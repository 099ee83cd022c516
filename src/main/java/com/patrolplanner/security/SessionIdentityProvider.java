package com.patrolplanner.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Re-creates the identity of a browser session from its (encrypted, signed) form-login cookie. The user is looked up on
 * every request, so a deactivated user or changed roles take effect at once.
 */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {
    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            AppUser u = QuarkusTransaction.joiningExisting().call(() -> AppUser.findByUsername(request.getPrincipal()));
            if (u == null || !u.active) {
                throw new AuthenticationFailedException("session user no longer active");
            }
            return PasswordIdentityProvider.identity(u);
        });
    }
}
