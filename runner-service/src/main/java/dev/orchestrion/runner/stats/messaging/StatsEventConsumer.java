package dev.orchestrion.runner.stats.messaging;

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

import dev.orchestrion.runner.events.RunEventRecords;
import dev.orchestrion.runner.stats.model.RunEventForStats;
import dev.orchestrion.runner.stats.service.StatsService;
import dev.orchestrion.support.messaging.CloudEventHeaders;
import dev.orchestrion.support.messaging.ConsumerGuard;
import dev.orchestrion.support.messaging.ConsumerGuards;

/**
 * Builds the live statistics from {@code workflow.run-events} in one consumer group shared by all instances
 * ({@code runner-stats}); offsets are committed once a batch is applied, and every event is applied once by its id. An event
 * that cannot be applied for its own reason is dead-lettered.
 */
@ApplicationScoped
public class StatsEventConsumer {

    public static final String CONSUMER = "runner-stats";
    private static final List<String> KINDS = List.of("started", "node-started", "node-completed", "node-failed",
            "waiting", "completed", "failed", "cancelled");

    private final StatsService stats;
    private final ConsumerGuard guard;

    public StatsEventConsumer(StatsService stats, ConsumerGuards guards) {
        this.stats = stats;
        this.guard = guards.deadLettering(CONSUMER, this::apply);
    }

    @Incoming("stats-run-events")
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        return guard.process(records);
    }

    private Uni<Void> apply(List<ConsumerRecord<String, String>> records) {
        List<RunEventForStats> events = new ArrayList<>(records.size());
        for (ConsumerRecord<String, String> record : records) {
            for (RunEventRecords.RunEvent event : RunEventRecords.read(record)) {
                if (!KINDS.contains(event.type())) {
                    continue;
                }
                Map<String, Object> data = event.data();
                if (data.get("tenant") == null) {
                    throw new IllegalArgumentException("A run event needs a tenant");
                }
                events.add(new RunEventForStats(event.id(), UUID.fromString(CloudEventHeaders.id(record)), event.type(),
                        UUID.fromString(String.valueOf(data.get("runId"))), data.get("tenant").toString(),
                        UUID.fromString(String.valueOf(data.get("workflowDefinitionId"))),
                        ((Number) data.get("version")).intValue(), instant(data.get("occurredAt")),
                        (String) data.get("nodeId"), (String) data.get("nodeType"), instant(data.get("startedAt")),
                        instant(data.get("endedAt"))));
            }
        }
        return stats.apply(events);
    }

    private static Instant instant(Object value) {
        return value == null ? null : Instant.parse(value.toString());
    }
}
