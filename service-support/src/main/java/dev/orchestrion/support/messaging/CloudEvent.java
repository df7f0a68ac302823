package dev.orchestrion.support.messaging;

import java.time.Instant;

/**
 * The attributes of one CloudEvent 1.0 that change from event to event; {@link CloudEventWriter} adds the
 * producing service's {@code ce_source} and writes them as Kafka headers.
 *
 * @param id {@code ce_id}: stable across redeliveries, consumers drop what they have seen
 * @param type {@code ce_type}, e.g. {@code dev.orchestrion.case.created}
 * @param time {@code ce_time}, written as ISO-8601 UTC
 * @param subject {@code ce_subject}: the aggregate id; left out when null
 * @param tenant {@code ce_tenant} (an extension attribute)
 */
public record CloudEvent(String id, String type, Instant time, String subject, String tenant) {
}
