package dev.orchestrion.content.model;

import java.time.Instant;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A CloudEvent waiting in an entry's outbox for the relay to publish.
 *
 * @param id the CloudEvent id, fixed when the change is made, so a redelivery carries the same id
 * @param type e.g. {@code dev.orchestrion.entry.published}
 * @param data the event's data, conforming to {@code docs/events/schemas/<type>.schema.json}
 */
public record EntryEvent(String id, String type, Instant time, String entryId, String tenant, ObjectNode data) {
}
