package com.patrolplanner.ui;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * A strict Content-Security-Policy for the map page and the API: scripts, styles, fonts and data from the service
 * itself only (no inline scripts or handlers), images also from the configured basemap tile hosts. The Quarkus dev
 * pages under {@code /q/} (Swagger UI uses inline scripts) are left alone.
 */
@ApplicationScoped
public class SecurityHeaders {
    @Inject
    UiConfig config;

    private volatile String policy;

    void register(@Observes Filters filters) {
        filters.register(this::headers, 100);
    }

    void headers(RoutingContext rc) {
        String path = rc.normalizedPath();
        if (!path.startsWith("/q/")) {
            rc.response().putHeader("Content-Security-Policy", policy());
            rc.response().putHeader("X-Content-Type-Options", "nosniff");
            rc.response().putHeader("Referrer-Policy", "same-origin");
        }
        rc.next();
    }

    String policy() {
        String p = policy;
        if (p == null) {
            String tiles = String.join(" ", config.tileOrigins());
            p = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:"
                    + (tiles.isEmpty() ? "" : " " + tiles)
                    + "; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self';"
                    + " frame-ancestors 'none'";
            policy = p;
        }
        return p;
    }
}
