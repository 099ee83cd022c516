package com.patrolplanner.security;

import com.patrolplanner.i18n.Messages;
import com.patrolplanner.web.ProblemMappers;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A user whose password an administrator set may do nothing but read {@code /api/me}, change the password and log out
 * until the password is changed: everything else answers 403 with the problem type {@link #TYPE}, which the map page
 * answers with its change-password form.
 */
public class PasswordChangeGate {
    public static final String TYPE = "/problems/password-change-required";
    private static final Set<String> OPEN = Set.of("/api/me", "/api/me/password", "/api/logout", "/api/ui/session");

    @Inject
    CurrentIdentityAssociation identities;

    @ServerRequestFilter
    public Uni<Response> gate(ContainerRequestContext ctx) {
        String path = ctx.getUriInfo().getPath();
        if (OPEN.contains(path) || path.equals("/j_security_check")) {
            return Uni.createFrom().nullItem();
        }
        return identities.getDeferredIdentity().map(id -> id != null && !id.isAnonymous()
                && Boolean.TRUE.equals(id.getAttribute(PasswordIdentityProvider.MUST_CHANGE_PASSWORD))
                ? ProblemMappers.problem(TYPE, 403, Messages.of("security.passwordChangeTitle"),
                        Messages.of("security.passwordChange"), null, ctx.getUriInfo())
                : null);
    }
}
