package dev.orchestrion.support.domain;

import java.time.Duration;
import java.util.List;

/**
 * Too much at once: the caller's tenant holds its share of the service ({@code platformWide} false, answered 429), or
 * the service as a whole is full (true, answered 503). Either way the same request may succeed after
 * {@code retryAfter}, and nothing was done.
 */
public class Overloaded extends DomainException {

    private final boolean platformWide;
    private final Duration retryAfter;

    public Overloaded(String detail, boolean platformWide, Duration retryAfter) {
        super(detail, List.of());
        this.platformWide = platformWide;
        this.retryAfter = retryAfter;
    }

    public boolean platformWide() {
        return platformWide;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
