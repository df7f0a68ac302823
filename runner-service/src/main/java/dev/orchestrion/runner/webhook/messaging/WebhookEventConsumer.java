package dev.orchestrion.runner.webhook.messaging;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
import dev.orchestrion.runner.observability.RunTracing;
import dev.orchestrion.runner.webhook.service.RunEventForWebhooks;
import dev.orchestrion.runner.webhook.service.WebhookDeliveryPlanner;
import dev.orchestrion.runner.webhook.service.WebhookEventTypes;

/**
 * Reads {@code workflow.run-events} in one consumer group shared by all runner instances ({@code runner-webhooks}),
 * so each event is planned into deliveries once; offsets are committed once the deliveries are stored. Deliveries are
 * idempotent by event id, so a replayed batch changes nothing.
 */
@ApplicationScoped
public class WebhookEventConsumer {

    private static final Logger LOG = Logger.getLogger(WebhookEventConsumer.class);

    private final WebhookDeliveryPlanner planner;

    public WebhookEventConsumer(WebhookDeliveryPlanner planner) {
        this.planner = planner;
    }

    @Incoming("webhook-run-events")
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        List<RunEventForWebhooks> events = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            String type = WebhookEventTypes.of(header(record, "ce_type"));
            String id = header(record, "ce_id");
            if (type == null || id == null) {
                continue;
            }
            try {
                Map<String, Object> data = Json.readMap(record.value());
                String tenant = header(record, "ce_tenant");
                Object runId = data.get("runId");
                events.add(new RunEventForWebhooks(UUID.fromString(id),
                        tenant != null ? tenant : String.valueOf(data.get("tenant")), type,
                        runId == null ? null : UUID.fromString(runId.toString()),
                        String.valueOf(data.getOrDefault("occurredAt", header(record, "ce_time"))), data,
                        header(record, RunTracing.TRACEPARENT)));
            } catch (RuntimeException e) {
                LOG.warnf("Ignoring an unreadable run event at %s-%d@%d: %s", record.topic(), record.partition(),
                        record.offset(), e.getMessage());
            }
        }
        return planner.plan(events);
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
