package com.patrolplanner.web;

/**
 * The caller must wait before trying again (a login name locked after repeated failures): answered as 429 with a
 * {@code Retry-After} header. It may arrive as the cause of an authentication failure.
 */
public class TooManyRequests extends RuntimeException {
    private final long retryAfterSeconds;

    public TooManyRequests(String detail, long retryAfterSeconds) {
        super(detail);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
