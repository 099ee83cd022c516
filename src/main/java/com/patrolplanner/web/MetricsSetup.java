package com.patrolplanner.web;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Prometheus metrics at {@code /q/metrics} (admins only, see application.properties): request latencies per route
 * ({@code http_server_requests_seconds_bucket{method,uri,status}}, the route being the JAX-RS template such as
 * {@code /api/venues/{id}}) and the service's own timers ({@code pp_*}) are published as histograms, so that quantiles
 * can be computed over any set of nodes and any window.
 */
@Singleton
public class MetricsSetup {
    @Produces
    @Singleton
    public MeterFilter histograms() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (id.getType() == Meter.Type.TIMER && (id.getName().equals("http.server.requests") || id.getName().startsWith("pp."))) {
                    return DistributionStatisticConfig.builder().percentilesHistogram(true).build().merge(config);
                }
                return config;
            }
        };
    }
}
