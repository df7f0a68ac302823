package dev.orchestrion.runner.webhook.service;

import java.time.Duration;
import java.util.random.RandomGenerator;

import dev.orchestrion.runner.config.WebhookConfig;

/**
 * When a failed delivery is tried again: exponential backoff ({@code initial × multiplier^(n-1)} after the n-th
 * failed attempt, capped), each wait varied by ± jitter so that many deliveries failing together do not come back
 * together; none after the last attempt.
 */
public final class RetrySchedule {

    private final int maxAttempts;
    private final Duration initial;
    private final double multiplier;
    private final Duration max;
    private final double jitter;

    public RetrySchedule(int maxAttempts, Duration initial, double multiplier, Duration max, double jitter) {
        if (maxAttempts < 1 || multiplier < 1.0 || jitter < 0 || jitter >= 1.0) {
            throw new IllegalArgumentException("maxAttempts >= 1, multiplier >= 1 and 0 <= jitter < 1 are required");
        }
        this.maxAttempts = maxAttempts;
        this.initial = initial;
        this.multiplier = multiplier;
        this.max = max;
        this.jitter = jitter;
    }

    public static RetrySchedule of(WebhookConfig.Retry retry) {
        return new RetrySchedule(retry.maxAttempts(), retry.initialInterval(), retry.multiplier(), retry.maxInterval(),
                retry.jitter());
    }

    /** Whether the delivery gets another attempt after {@code failedAttempts} failed ones. */
    public boolean retriesAfter(int failedAttempts) {
        return failedAttempts < maxAttempts;
    }

    /** The wait after the {@code failedAttempts}-th failed attempt (1 for the first), before jitter. */
    public Duration baseDelay(int failedAttempts) {
        double millis = initial.toMillis() * Math.pow(multiplier, Math.max(0, failedAttempts - 1));
        return Duration.ofMillis((long) Math.min(millis, max.toMillis()));
    }

    /** The wait after the {@code failedAttempts}-th failed attempt, with jitter. */
    public Duration delay(int failedAttempts, RandomGenerator random) {
        double base = baseDelay(failedAttempts).toMillis();
        double factor = 1.0 + (random.nextDouble() * 2.0 - 1.0) * jitter;
        return Duration.ofMillis(Math.max(1, Math.round(base * factor)));
    }

    public int maxAttempts() {
        return maxAttempts;
    }
}
