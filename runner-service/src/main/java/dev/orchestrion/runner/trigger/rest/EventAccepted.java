package dev.orchestrion.runner.trigger.rest;

import java.time.Instant;
import java.util.UUID;

/** A published business event: its id (also the CloudEvents id) and type. */
public record EventAccepted(UUID id, String type, Instant occurredAt) {
}
