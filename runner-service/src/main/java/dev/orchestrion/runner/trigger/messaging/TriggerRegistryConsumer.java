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
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;

import dev.orchestrion.runner.mapping.Json;
import dev.orchestrion.runner.trigger.service.TriggerRegistryService;

/**
 * Feeds the trigger registry from {@code workflow.definition-events} in one consumer group shared by all instances
 * ({@code runner-trigger-registry}): the registry lives in the database, so each event is applied once, and a new
 * instance finds it complete. Offsets are committed once the batch is applied.
 */
@ApplicationScoped
public class TriggerRegistryConsumer {

    private static final Logger LOG = Logger.getLogger(TriggerRegistryConsumer.class);
    private static final String PREFIX = "dev.orchestrion.definition.";

    private final TriggerRegistryService registry;

    public TriggerRegistryConsumer(TriggerRegistryService registry) {
        this.registry = registry;
    }

    @Incoming("trigger-registry")
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        List<TriggerRegistryService.DefinitionChange> changes = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            String type = TriggerSourceConsumer.header(record, "ce_type");
            if (type == null || !type.startsWith(PREFIX) || type.equals(PREFIX + "created")) {
                continue;
            }
            try {
                Map<String, Object> data = Json.readMap(record.value());
                Object version = data.get("publishedVersion");
                Object revision = data.get("revision");
                Object occurredAt = data.get("occurredAt");
                changes.add(new TriggerRegistryService.DefinitionChange(type,
                        UUID.fromString(String.valueOf(data.get("definitionId"))), String.valueOf(data.get("tenant")),
                        (String) data.get("name"), String.valueOf(data.get("status")),
                        version instanceof Number n ? n.intValue() : null,
                        revision instanceof Number n ? n.longValue() : 0L,
                        occurredAt == null ? Instant.now() : Instant.parse(occurredAt.toString())));
            } catch (RuntimeException e) {
                LOG.warnf("Ignoring an unreadable definition event at %s-%d@%d: %s", record.topic(), record.partition(),
                        record.offset(), e.getMessage());
            }
        }
        return registry.apply(changes);
    }
}
