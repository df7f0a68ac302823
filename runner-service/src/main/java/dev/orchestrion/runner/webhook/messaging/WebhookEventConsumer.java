package dev.orchestrion.runner.webhook.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.mutiny.Uni;

import dev.orchestrion.runner.events.CloudEvents;
import dev.orchestrion.runner.events.RunEventRecords;
import dev.orchestrion.runner.observability.RunTracing;
import dev.orchestrion.runner.webhook.service.RunEventForWebhooks;
import dev.orchestrion.runner.webhook.service.WebhookDeliveryPlanner;
import dev.orchestrion.runner.webhook.service.WebhookEventTypes;
import dev.orchestrion.support.messaging.CloudEventHeaders;
import dev.orchestrion.support.messaging.ConsumerGuard;
import dev.orchestrion.support.messaging.ConsumerGuards;

/**
 * Reads {@code workflow.run-events} in one consumer group shared by all runner instances ({@code runner-webhooks}),
 * so each event is planned into deliveries once; offsets are committed once the deliveries are stored. Deliveries are
 * idempotent by event id, so a replayed batch changes nothing. An event that cannot be planned for its own reason is
 * dead-lettered.
 */
@ApplicationScoped
public class WebhookEventConsumer {

    public static final String CONSUMER = "runner-webhooks";

    private final WebhookDeliveryPlanner planner;
    private final ConsumerGuard guard;

    public WebhookEventConsumer(WebhookDeliveryPlanner planner, ConsumerGuards guards) {
        this.planner = planner;
        this.guard = guards.deadLettering(CONSUMER, this::plan);
    }

    @Incoming("webhook-run-events")
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        return guard.process(records);
    }

    private Uni<Void> plan(List<ConsumerRecord<String, String>> records) {
        List<RunEventForWebhooks> events = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            for (RunEventRecords.RunEvent event : RunEventRecords.read(record)) {
                String type = WebhookEventTypes.of(CloudEvents.TYPE_PREFIX + event.type());
                if (type == null) {
                    continue;
                }
                Map<String, Object> data = event.data();
                String tenant = CloudEventHeaders.tenant(record);
                if (tenant == null && data.get("tenant") == null) {
                    throw new IllegalArgumentException("A run event needs a tenant");
                }
                Object runId = data.get("runId");
                events.add(new RunEventForWebhooks(event.id(), tenant != null ? tenant : data.get("tenant").toString(),
                        type, runId == null ? null : UUID.fromString(runId.toString()),
                        String.valueOf(data.getOrDefault("occurredAt",
                                CloudEventHeaders.header(record, CloudEventHeaders.TIME))),
                        data, CloudEventHeaders.header(record, RunTracing.TRACEPARENT)));
            }
        }
        return planner.plan(events);
    }
}
