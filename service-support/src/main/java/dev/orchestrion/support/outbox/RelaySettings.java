package dev.orchestrion.support.outbox;

import java.time.Duration;

/**
 * How a service's relay runs.
 *
 * @param name names the relay's threads and log lines, e.g. {@code case-events}
 * @param batchSize the most entries (or documents) one round reads
 * @param sweepInterval how often the relay looks for entries nobody woke it for (a crash, an outage, another instance)
 * @param retryBackoff how long the relay rests after a failed round before it tries again
 * @param roundTimeout how long one round may take (longer than the producer's delivery timeout)
 */
public record RelaySettings(String name, int batchSize, Duration sweepInterval, Duration retryBackoff,
        Duration roundTimeout) {
}
