package dev.orchestrion.runner.trigger.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;

import dev.orchestrion.runner.mapping.Json;
import dev.orchestrion.runner.messaging.OutboundRecord;
import dev.orchestrion.runner.trigger.model.TriggeringEvent;
import dev.orchestrion.runner.trigger.service.EventTriggerService;

/**
 * Reads the events that can trigger workflows ({@code workflow.case-events}, {@code content.entry-events},
 * {@code workflow.trigger-events}) in one consumer group shared by all instances ({@code runner-triggers}), so each
 * event is handled by one instance; offsets are committed once its runs are started.
 */
@ApplicationScoped
public class TriggerSourceConsumer {

    private static final Logger LOG = Logger.getLogger(TriggerSourceConsumer.class);
    static final String TRIGGER_EVENT = "dev.orchestrion.trigger.event";
    private static final String CASE_PREFIX = "dev.orchestrion.case.";
    private static final String ENTRY_PREFIX = "dev.orchestrion.entry.";

    private final EventTriggerService triggers;
    private final TriggerRegistryCatchUp registry;

    public TriggerSourceConsumer(EventTriggerService triggers, TriggerRegistryCatchUp registry) {
        this.triggers = triggers;
        this.registry = registry;
    }

    @Incoming("trigger-sources")
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        List<TriggeringEvent> events = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                TriggeringEvent event = read(record);
                if (event != null) {
                    events.add(event);
                }
            } catch (RuntimeException e) {
                LOG.warnf("Ignoring an unreadable event at %s-%d@%d: %s", record.topic(), record.partition(),
                        record.offset(), e.getMessage());
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
        String type = header(record, "ce_type");
        String id = header(record, "ce_id");
        if (type == null || id == null) {
            return null;
        }
        Map<String, Object> data = Json.readMap(record.value());
        String tenant = header(record, "ce_tenant");
        if (tenant == null) {
            tenant = String.valueOf(data.get("tenant"));
        }
        Instant occurredAt = instant(data.get("occurredAt"), header(record, "ce_time"));
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
        return new TriggeringEvent(UUID.fromString(id), tenant, eventType, caseId, payload, source, occurredAt,
                original(record));
    }

    private static OutboundRecord original(ConsumerRecord<String, String> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(),
                    header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        return new OutboundRecord(record.topic(), record.key(), headers, record.value());
    }

    private static UUID uuid(Object value) {
        return value == null || value.toString().isBlank() ? null : UUID.fromString(value.toString());
    }

    private static Instant instant(Object occurredAt, String ceTime) {
        Object value = occurredAt != null ? occurredAt : ceTime;
        return value == null ? Instant.now() : Instant.parse(value.toString());
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
