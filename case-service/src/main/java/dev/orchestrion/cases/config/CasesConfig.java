package dev.orchestrion.cases.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** case-service's own settings ({@code cases.*} in application.properties). */
@ConfigMapping(prefix = "cases")
public interface CasesConfig {

    Idempotency idempotency();

    Outbox outbox();

    Attributes attributes();

    SchemaCache schemaCache();

    interface Idempotency {

        /** How long an Idempotency-Key is remembered after its first use. */
        @WithDefault("PT24H")
        Duration retention();

        /** How often expired keys are deleted (the scheduler reads it; listed here so it is a known setting). */
        @WithDefault("10m")
        Duration cleanupInterval();

        /** How many expired keys one cleanup statement deletes. */
        @WithDefault("5000")
        int cleanupBatchSize();
    }

    interface Outbox {

        /** The topic case events go to. */
        @WithDefault("workflow.case-events")
        String topic();

        /** The most events the relay reads, sends and deletes in one round. */
        @WithDefault("500")
        int batchSize();

        /** How often the relay looks for events nobody woke it for (a crash, a Kafka outage, another instance). */
        @WithDefault("2s")
        Duration sweepInterval();

        /** How long the relay waits after a failed round before it tries again on its own. */
        @WithDefault("PT1S")
        Duration retryBackoff();

        /** How long Kafka may take to acknowledge a record before the round counts as failed. */
        @WithDefault("PT60S")
        Duration deliveryTimeout();
    }

    interface Attributes {

        /** The largest {@code attributes} object a case may hold, in bytes of compact JSON. */
        @WithDefault("16384")
        int maxBytes();
    }

    interface SchemaCache {

        /** A safety net: cached schemas are dropped after this even if no definition event says so. */
        @WithDefault("PT10M")
        Duration ttl();

        @WithDefault("10000")
        long maxEntries();
    }
}
