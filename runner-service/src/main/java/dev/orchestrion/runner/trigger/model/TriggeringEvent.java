package dev.orchestrion.runner.trigger.model;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * An event that may start workflows: a case event ({@code case.created}, ...), a content entry event
 * ({@code entry.published}, ...) or a business event from {@code workflow.trigger-events}. {@code caseId} is the case
 * the runs are for, when the event names one.
 */
public record TriggeringEvent(UUID eventId, String tenant, String eventType, UUID caseId, Map<String, Object> data,
        String source, Instant occurredAt) {
}
