package dev.orchestrion.cases.model;

import java.time.Instant;
import java.util.UUID;

/** An outbox row as the relay reads it. */
public record PendingEvent(UUID eventId, UUID caseId, String tenant, String type, Instant occurredAt, String payload) {
}
