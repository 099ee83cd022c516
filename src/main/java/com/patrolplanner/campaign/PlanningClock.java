package com.patrolplanner.campaign;

import com.patrolplanner.time.BureauClock;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * "Now" as planning sees it: whether a shift has started or ended. The system clock in China Standard Time, unless
 * {@code patrol.campaign.now} fixes it (the test profile does, so that campaigns dated in the past stay plannable), or
 * a test sets another with {@link #set}.
 */
@ApplicationScoped
public class PlanningClock {
    private final Clock configured;
    private volatile Clock clock;

    public PlanningClock(@ConfigProperty(name = "patrol.campaign.now") Optional<String> fixed) {
        configured = fixed.filter(s -> !s.isBlank())
                .map(s -> Clock.fixed(OffsetDateTime.parse(s).toInstant(), BureauClock.ZONE))
                .orElse(Clock.system(BureauClock.ZONE));
        clock = configured;
    }

    public ZonedDateTime now() {
        return ZonedDateTime.now(clock);
    }

    /** For tests: plan as if it were the time of {@code c}. */
    public void set(Clock c) {
        clock = c;
    }

    /** For tests: back to the configured clock. */
    public void reset() {
        clock = configured;
    }
}
