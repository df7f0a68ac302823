package dev.orchestrion.runner.trigger.model;

import java.time.Instant;
import java.util.UUID;

/** A business event Kafka has acknowledged: its id (also the CloudEvents id), type and time. */
public record PublishedEvent(UUID id, String type, Instant occurredAt) {
}
