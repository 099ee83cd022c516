package com.patrolplanner.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A browser session token read from the cookie, to be checked by {@link SessionIdentityProvider}. */
public class SessionTokenRequest extends BaseAuthenticationRequest {
    private final String token;

    public SessionTokenRequest(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }
}
