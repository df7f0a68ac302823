package dev.orchestrion.cases.messaging;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.mutiny.Uni;

import dev.orchestrion.cases.client.ParameterSchemas;
import dev.orchestrion.support.messaging.CloudEventHeaders;
import dev.orchestrion.support.messaging.ConsumerGuard;
import dev.orchestrion.support.messaging.ConsumerGuards;

/**
 * Keeps the parameter schema cache honest: every {@code dev.orchestrion.definition.*} event drops what is cached
 * about its definition. Idempotent by nature (forgetting twice is forgetting once), so redeliveries are harmless.
 * Each instance reads every event with a group of its own, from the start of the topic, so that no event published
 * after it started can slip past it (the cache starts empty, so older events cost a lookup and nothing else). An
 * event without a readable definition id is logged, counted and skipped: this view is per instance, and
 * runner-service's shared consumer of the same topic dead-letters it.
 */
@ApplicationScoped
public class DefinitionEventConsumer {

    private static final String DEFINITION_EVENT_PREFIX = "dev.orchestrion.definition.";

    private final ParameterSchemas schemas;
    private final ConsumerGuard guard;

    public DefinitionEventConsumer(ParameterSchemas schemas, ConsumerGuards guards) {
        this.schemas = schemas;
        this.guard = guards.skipping("case-definitions", records -> {
            records.forEach(this::forget);
            return Uni.createFrom().voidItem();
        });
    }

    @Incoming("definition-events")
    public Uni<Void> onDefinitionEvent(ConsumerRecord<String, String> record) {
        return guard.process(List.of(record));
    }

    private void forget(ConsumerRecord<String, String> record) {
        String type = CloudEventHeaders.type(record);
        if (type == null || !type.startsWith(DEFINITION_EVENT_PREFIX)) {
            return;
        }
        String subject = CloudEventHeaders.header(record, CloudEventHeaders.SUBJECT);
        String definitionId = subject != null ? subject : record.key();
        if (definitionId == null) {
            throw new IllegalArgumentException("A definition event without a subject or key names no definition");
        }
        schemas.invalidate(UUID.fromString(definitionId));
    }
}
