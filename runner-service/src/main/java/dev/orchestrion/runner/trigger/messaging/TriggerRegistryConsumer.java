package dev.orchestrion.runner.trigger.messaging;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.mutiny.Uni;

import dev.orchestrion.runner.json.Json;
import dev.orchestrion.runner.trigger.service.TriggerRegistryService;
import dev.orchestrion.support.messaging.CloudEventHeaders;
import dev.orchestrion.support.messaging.ConsumerGuard;
import dev.orchestrion.support.messaging.ConsumerGuards;

/**
 * Feeds the trigger registry from {@code workflow.definition-events} in one consumer group shared by all instances
 * ({@code runner-trigger-registry}): the registry lives in the database, so each event is applied once, and a new
 * instance finds it complete. Offsets are committed once the batch is applied. An event that cannot be applied for
 * its own reason is dead-lettered at once, so it never holds up the registry of every tenant.
 */
@ApplicationScoped
public class TriggerRegistryConsumer {

    public static final String CONSUMER = "runner-trigger-registry";
    private static final String PREFIX = "dev.orchestrion.definition.";

    private final TriggerRegistryService registry;
    private final ConsumerGuard guard;

    public TriggerRegistryConsumer(TriggerRegistryService registry, ConsumerGuards guards) {
        this.registry = registry;
        this.guard = guards.deadLettering(CONSUMER, this::apply);
    }

    @Incoming("trigger-registry")
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        return guard.process(records);
    }

    private Uni<Void> apply(List<ConsumerRecord<String, String>> records) {
        List<TriggerRegistryService.DefinitionChange> changes = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            String type = CloudEventHeaders.type(record);
            if (type == null || !type.startsWith(PREFIX) || type.equals(PREFIX + "created")) {
                continue;
            }
            changes.add(read(type, record));
        }
        return registry.apply(changes);
    }

    /** What the event says about triggers; fails for an event that does not have the contract's shape. */
    static TriggerRegistryService.DefinitionChange read(String type, ConsumerRecord<String, String> record) {
        Map<String, Object> data = Json.readMap(record.value());
        Object version = data.get("publishedVersion");
        Object revision = data.get("revision");
        Object occurredAt = data.get("occurredAt");
        Object tenant = data.get("tenant");
        if (tenant == null) {
            throw new IllegalArgumentException("A definition event needs a tenant");
        }
        return new TriggerRegistryService.DefinitionChange(type,
                UUID.fromString(String.valueOf(data.get("definitionId"))), tenant.toString(), (String) data.get("name"),
                String.valueOf(data.get("status")), version instanceof Number n ? n.intValue() : null,
                revision instanceof Number n ? n.longValue() : 0L,
                occurredAt == null ? Instant.now() : Instant.parse(occurredAt.toString()));
    }
}
