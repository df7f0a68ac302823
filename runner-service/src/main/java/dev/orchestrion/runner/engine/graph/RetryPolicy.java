package dev.orchestrion.runner.engine.graph;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often and how soon a failing node is tried again: exponential backoff with jitter, for the kinds of failure
 * it names ({@code any}, {@code timeout}, {@code network}, {@code 5xx}, {@code 4xx}).
 */
public record RetryPolicy(int maxAttempts, Duration initialInterval, double multiplier, Duration maxInterval,
        double jitter, Set<String> retryOn) {

    /** Failures that would repeat the same way however often they are tried: a node that exceeded a budget. */
    private static final Set<String> NEVER_RETRIED = Set.of("budget");

    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ofSeconds(1), 2.0, Duration.ofMinutes(5), 0.2,
            Set.of("any"));

    /** The policy of a node: its own settings over the defaults (3 attempts for http, 1 otherwise). */
    public static RetryPolicy of(WorkflowVersion.Retry retry, String nodeType) {
        int defaultAttempts = "http".equals(nodeType) ? 3 : 1;
        if (retry == null) {
            return new RetryPolicy(defaultAttempts, NONE.initialInterval, NONE.multiplier, NONE.maxInterval,
                    NONE.jitter, NONE.retryOn);
        }
        return new RetryPolicy(retry.maxAttempts() != null ? Math.max(1, retry.maxAttempts()) : defaultAttempts,
                retry.initialInterval() != null ? Duration.parse(retry.initialInterval()) : NONE.initialInterval,
                retry.multiplier() != null ? retry.multiplier() : NONE.multiplier,
                retry.maxInterval() != null ? Duration.parse(retry.maxInterval()) : NONE.maxInterval,
                retry.jitter() != null ? retry.jitter() : NONE.jitter,
                retry.retryOn() == null || retry.retryOn().isEmpty() ? NONE.retryOn : Set.copyOf(retry.retryOn()));
    }

    /** Whether a failure of {@code kind} after {@code attempt} attempts is tried again. */
    public boolean retries(String kind, int attempt) {
        if (NEVER_RETRIED.contains(kind)) {
            return false;
        }
        return attempt < maxAttempts && (retryOn.contains("any") || retryOn.contains(kind));
    }

    /** The wait before attempt {@code attempt + 1}, with jitter. */
    public Duration backoff(int attempt) {
        double base = initialInterval.toMillis() * Math.pow(multiplier, Math.max(0, attempt - 1));
        double capped = Math.min(base, maxInterval.toMillis());
        double spread = capped * jitter;
        double jittered = capped + (spread == 0 ? 0 : ThreadLocalRandom.current().nextDouble(-spread, spread));
        return Duration.ofMillis(Math.max(0, Math.round(jittered)));
    }

    public static List<String> kinds() {
        return List.of("any", "timeout", "network", "5xx", "4xx");
    }
}
