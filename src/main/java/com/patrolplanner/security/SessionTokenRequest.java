package com.patrolplanner.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A browser session token read from the cookie, to be checked by {@link SessionIdentityProvider}. */
public class SessionTokenRequest extends BaseAuthenticationRequest {
    private final String token;

    private final boolean mayUseKept;

    public SessionTokenRequest(String token) {
        this(token, false);
    }

    /** {@code mayUseKept}: a read (GET, HEAD), which may be answered from a session checked moments ago ({@link SessionStore#kept}). */
    public SessionTokenRequest(String token, boolean mayUseKept) {
        this.token = token;
        this.mayUseKept = mayUseKept;
    }

    public boolean mayUseKept() {
        return mayUseKept;
    }

    public String token() {
        return token;
    }
}
