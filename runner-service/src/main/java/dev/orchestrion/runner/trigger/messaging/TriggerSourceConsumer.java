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
import dev.orchestrion.runner.trigger.model.TriggeringEvent;
import dev.orchestrion.runner.trigger.service.EventTriggerService;
import dev.orchestrion.support.messaging.CloudEventHeaders;
import dev.orchestrion.support.messaging.ConsumerGuard;
import dev.orchestrion.support.messaging.ConsumerGuards;

/**
 * Reads the events that can trigger workflows ({@code workflow.case-events}, {@code content.entry-events},
 * {@code workflow.trigger-events}) in one consumer group shared by all instances ({@code runner-triggers}), so each
 * event is handled by one instance; offsets are committed once its runs are started. An event that cannot be read or
 * handled for its own reason is dead-lettered; a peer or database outage is retried in place.
 */
@ApplicationScoped
public class TriggerSourceConsumer {

    public static final String CONSUMER = "runner-triggers";
    static final String TRIGGER_EVENT = "dev.orchestrion.trigger.event";
    private static final String CASE_PREFIX = "dev.orchestrion.case.";
    private static final String ENTRY_PREFIX = "dev.orchestrion.entry.";

    private final EventTriggerService triggers;
    private final TriggerRegistryCatchUp registry;
    private final ConsumerGuard guard;

    public TriggerSourceConsumer(EventTriggerService triggers, TriggerRegistryCatchUp registry, ConsumerGuards guards) {
        this.triggers = triggers;
        this.registry = registry;
        this.guard = guards.deadLettering(CONSUMER, this::handle);
    }

    @Incoming("trigger-sources")
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        return guard.process(records);
    }

    private Uni<Void> handle(List<ConsumerRecord<String, String>> records) {
        List<TriggeringEvent> events = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            TriggeringEvent event = read(record);
            if (event != null) {
                events.add(event);
            }
        }
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        // A workflow started just before these events must be in the registry when they are matched.
        return registry.awaitRegistry().chain(() -> triggers.handle(events));
    }

    /** The triggering event a record carries, or null when it is none. */
    @SuppressWarnings("unchecked")
    static TriggeringEvent read(ConsumerRecord<String, String> record) {
        String type = CloudEventHeaders.type(record);
        String id = CloudEventHeaders.id(record);
        if (type == null || id == null) {
            return null;
        }
        Map<String, Object> data = Json.readMap(record.value());
        String tenant = CloudEventHeaders.tenant(record);
        if (tenant == null) {
            Object named = data.get("tenant");
            if (named == null) {
                throw new IllegalArgumentException("The event names no tenant");
            }
            tenant = named.toString();
        }
        Instant occurredAt = instant(data.get("occurredAt"), CloudEventHeaders.header(record, CloudEventHeaders.TIME));
        String eventType;
        UUID caseId = null;
        Map<String, Object> payload = data;
        String source = null;
        if (TRIGGER_EVENT.equals(type)) {
            eventType = String.valueOf(data.get("eventType"));
            caseId = uuid(data.get("caseId"));
            payload = data.get("data") instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
            source = data.get("source") == null ? null : data.get("source").toString();
        } else if (type.startsWith(CASE_PREFIX)) {
            eventType = "case." + type.substring(CASE_PREFIX.length());
            caseId = uuid(data.get("caseId"));
        } else if (type.startsWith(ENTRY_PREFIX)) {
            eventType = "entry." + type.substring(ENTRY_PREFIX.length());
        } else {
            return null;
        }
        return new TriggeringEvent(UUID.fromString(id), tenant, eventType, caseId, payload, source, occurredAt);
    }

    private static UUID uuid(Object value) {
        return value == null || value.toString().isBlank() ? null : UUID.fromString(value.toString());
    }

    private static Instant instant(Object occurredAt, String ceTime) {
        Object value = occurredAt != null ? occurredAt : ceTime;
        return value == null ? Instant.now() : Instant.parse(value.toString());
    }
}
