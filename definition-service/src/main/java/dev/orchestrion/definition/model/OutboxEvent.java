package dev.orchestrion.definition.model;

import java.time.Instant;
import java.util.Map;

/**
 * An event waiting in a document's outbox: written by the same update as the change it reports, published to
 * {@code workflow.definition-events} by the relay and then removed. {@code id} becomes {@code ce_id}, stable across
 * redeliveries.
 */
public record OutboxEvent(String id, String type, String key, String tenant, Instant time, Map<String, Object> data) {
}
