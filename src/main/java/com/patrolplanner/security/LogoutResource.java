package com.patrolplanner.security;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

/** Ends a browser session by expiring the form-login cookie (Quarkus form auth has no logout of its own). */
@Path("/api/logout")
public class LogoutResource {
    @POST
    @PermitAll
    public Response logout() {
        NewCookie gone = new NewCookie.Builder(CsrfFilter.SESSION_COOKIE).value("").path("/").maxAge(0).httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT).build();
        return Response.noContent().cookie(gone).build();
    }
}
