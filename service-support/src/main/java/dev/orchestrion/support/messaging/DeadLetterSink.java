package dev.orchestrion.support.messaging;

import io.smallrye.mutiny.Uni;

/**
 * Where a service keeps the records its consumers could not process: its own store (listed and replayed by
 * operators) and the topic's dead-letter topic {@code <topic>.dlq}. Storing the same record twice keeps one copy.
 * Fails only when a dependency (the store, the broker) is unavailable; the consumer then retries.
 */
public interface DeadLetterSink {

    Uni<Void> deadLetter(RejectedRecord rejected);
}
