package com.patrolplanner.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Authenticates browser requests by the session cookie ({@link SessionCookie#NAME}); the session itself is checked by
 * {@link SessionIdentityProvider}. A missing, unknown or ended session leaves the request anonymous (HTTP Basic may
 * still authenticate it), so public endpoints such as logout keep working with a stale cookie. The login that opens
 * sessions is {@link LoginResource}.
 */
@ApplicationScoped
public class SessionAuthenticationMechanism implements HttpAuthenticationMechanism {
    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        Cookie cookie = context.request().getCookie(SessionCookie.NAME);
        if (cookie == null || cookie.getValue() == null || cookie.getValue().isEmpty()) {
            return Uni.createFrom().nullItem();
        }
        // reads (GET, HEAD: a map asks for its layers, tiles and figures at every pan) may use a session checked moments
        // ago, retired on every process when a logout or user change commits anywhere; writes always read the row, and so
        // does /api/me, the page's own question whether its session is alive (idle and absolute limits exact there)
        String method = context.request().method().name();
        boolean read = ("GET".equals(method) || "HEAD".equals(method)) && !"/api/me".equals(context.normalizedPath());
        SessionTokenRequest request = new SessionTokenRequest(cookie.getValue(), read);
        HttpSecurityUtils.setRoutingContextAttribute(request, context);
        return identityProviderManager.authenticate(request)
                .onFailure(AuthenticationFailedException.class).recoverWithNull();
    }

    /** No challenge of its own: the problem+json 401 (and Basic's challenge for API clients) say how to log in. */
    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(SessionTokenRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.COOKIE, SessionCookie.NAME));
    }
}
