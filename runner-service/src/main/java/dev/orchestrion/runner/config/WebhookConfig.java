package dev.orchestrion.runner.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Webhook delivery settings ({@code orchestrion.runner.webhooks.*}). */
@ConfigMapping(prefix = "orchestrion.runner.webhooks")
public interface WebhookConfig {

    /** A delivery succeeds on a 2xx answer within this time (Standard Webhooks receivers must answer fast). */
    @WithDefault("PT10S")
    Duration timeout();

    /**
     * At most this many deliveries to one subscription (or one callback host) in flight per instance: enough for a
     * receiver answering in 20 ms to take 800 deliveries/s (Little's law: 16 on average) with room for the time a
     * delivery waits in a busy instance's event loop (with 64, two saturated cores sent 42 % of 700/s at once).
     */
    @WithDefault("128")
    int maxInFlightPerTarget();

    /** How often a worker looks for due deliveries (retries, and deliveries no worker took at once). */
    @WithDefault("PT0.25S")
    Duration pollInterval();

    /** At most this many deliveries claimed by one poll. */
    @WithDefault("200")
    int claimBatch();

    /** How long a claimed delivery is reserved for its worker; longer than {@link #timeout()}. */
    @WithDefault("PT40S")
    Duration lease();

    /** How long the previous secret of a rotated subscription still verifies, unless the rotation says otherwise. */
    @WithDefault("PT24H")
    Duration rotationGracePeriod();

    /** Finished deliveries (and their attempts) older than this are purged. */
    @WithDefault("P14D")
    Duration retention();

    Retry retry();

    /** Exponential backoff with jitter between the attempts of one delivery. */
    interface Retry {

        /** Attempts in all, the first included; after the last failed one the delivery is dead-lettered. */
        @WithDefault("8")
        int maxAttempts();

        /** The wait before the first retry. */
        @WithDefault("PT5S")
        Duration initialInterval();

        /** Each further wait is the previous one times this. */
        @WithDefault("5.0")
        double multiplier();

        /** No wait is longer than this. */
        @WithDefault("PT10H")
        Duration maxInterval();

        /** Each wait varies randomly by up to this fraction, both ways. */
        @WithDefault("0.2")
        double jitter();
    }
}
