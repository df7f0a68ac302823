package dev.orchestrion.runner.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** runner-service settings ({@code orchestrion.runner.*}). */
@ConfigMapping(prefix = "orchestrion.runner")
public interface RunnerConfig {

    /** The longest a client may long-poll {@code GET /workflows/{id}?wait=}. */
    @WithDefault("PT60S")
    Duration maxLongPoll();

    /** How often due timers are looked for. */
    @WithDefault("PT0.2S")
    Duration timerPollInterval();

    /** PENDING runs older than this get their StartRun sent again. */
    @WithDefault("PT10S")
    Duration pendingRunGrace();

    /** Outbox rows older than this are published by the sweep (normally they are gone within milliseconds). */
    @WithDefault("PT3S")
    Duration outboxSweepAge();
}
