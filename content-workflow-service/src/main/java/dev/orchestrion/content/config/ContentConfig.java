package dev.orchestrion.content.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the outbox relay and the schedule runner pace themselves. */
@ConfigMapping(prefix = "content")
public interface ContentConfig {

    Relay relay();

    Scheduler scheduler();

    interface Relay {

        /** The topic entry events go to. */
        @WithDefault("content.entry-events")
        String topic();

        /** How often the sweep looks for outboxes that no immediate relay emptied (crash, Kafka outage). */
        @WithDefault("1s")
        Duration sweepInterval();

        /** How long a relay may hold an entry's outbox before another may take it over. */
        @WithDefault("30s")
        Duration lease();

        /** How long Kafka may take to acknowledge an event before the attempt counts as failed. */
        @WithDefault("10s")
        Duration sendTimeout();

        /** How long to leave an outbox alone after publishing it failed. */
        @WithDefault("2s")
        Duration retryAfter();

        /** Outboxes one sweep takes on. */
        @WithDefault("200")
        int batch();
    }

    interface Scheduler {

        /** How often due publish and unpublish schedules are looked for. */
        @WithDefault("1s")
        Duration interval();

        /** How long an instance may hold a due entry before another may take it over. */
        @WithDefault("30s")
        Duration lease();

        /** Due entries one tick handles at most. */
        @WithDefault("200")
        int batch();
    }
}
